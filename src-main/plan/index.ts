// Public surface of the plan: its format (version 2, version 1 upgraded on read), validation, text and table parsing.
export { PlanFile, Workload, WorkloadId, Constraints, CpuDemand, CPU_KINDS, MeasurementInfo, SizingBasis, PLAN_FORMAT, PLAN_VERSION, upgradePlan } from './schema';
export type { PlanFileInput, WorkloadInput, Objective, ProcessorMode, CpuKind } from './schema';
export { validatePlan } from './validate';
export type { PlanValidation } from './validate';
export { PLAN_EXTENSION, MAX_PLAN_BYTES, parsePlanText, serializePlan } from './file';
export { RecentPlan, AutosavedDraft } from './workspace-schema';
export { ROW_FIELDS, guessMapping, rowToWorkload, parseTabular } from './rows';
export type { RowField, RowMapping, RowResult } from './rows';
export { parseTable, parseCsvTable, parseXlsxTable } from './table-import';
export type { ImportedTable } from './table-import';
export { BASES, basisPhrase, measuredCores, rebaseMeasured, rebaseWorkload } from './measured';
export type { Basis, Rebased } from './measured';
