// Public surface of the solver: the pure solve and the solution's schema. Running it in a worker is a use case.
export { Solution, ServerPlan, Partition } from './schema';
export { EditionComparison, EditionText } from './editions-schema';
export { solvePlan } from './solve';
export { compareEditions, FEATURE_BENEFITS } from './editions';
export type { CompareOptions } from './editions';
export type { SolveHooks } from './solve';
export { demandProfile, profileProblem, PROFILE_SLOTS } from './time-of-day';
