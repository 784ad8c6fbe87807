// Public surface of the solver: the pure solve, the worker-backed runner, and the solution's schema.
export { Solution, ServerPlan, Partition } from './schema';
export { EditionComparison } from './editions-schema';
export { solvePlan } from './solve';
export { compareEditions, FEATURE_BENEFITS } from './editions';
export type { CompareOptions } from './editions';
export type { SolveHooks } from './solve';
export { createSolverRunner } from './runner';
export type { SolverRunner, SolveOptions } from './runner';
