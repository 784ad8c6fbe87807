export { PlanFile, Workload, Constraints, CpuDemand, PLAN_FORMAT, PLAN_VERSION } from './schema';
export type { PlanFileInput, WorkloadInput, Objective, ProcessorMode } from './schema';
export { validatePlan } from './validate';
export type { PlanValidation } from './validate';
export { PLAN_EXTENSION, parsePlanText, serializePlan, readPlanFile, writePlanFile } from './file';
export { PlanWorkspace } from './workspace';
export { RecentPlan, AutosavedDraft } from './workspace-schema';
