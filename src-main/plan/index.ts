export { PlanFile, Workload, Constraints, CpuDemand, PLAN_FORMAT, PLAN_VERSION, PLAN_LIMITS } from './schema';
export type { PlanFileInput, WorkloadInput, Objective, ProcessorMode } from './schema';
export { validatePlan, describePlanIssues } from './validate';
export type { PlanValidation } from './validate';
export { PLAN_EXTENSION, parsePlanText, serializePlan, readPlanFile, writePlanFile } from './file';
export { PlanWorkspace } from './workspace';
export { RecentPlan, AutosavedDraft } from './workspace-schema';
export {
  ROW_FIELDS, FIELD_UNITS, guessMapping, guessMappingWithConfidence, guessHeaderRow, tableScore, rowToWorkload, parseTabular,
  readNumber, canonicalNumberText, detectDecimalSeparator, readOs, resolveModel,
} from './rows';
export type {
  RowField, RowMapping, RowResult, RowIssue, RowOptions, MappingGuess, DecimalSeparator, NumberRead, InterpretedValue, ModelRef,
} from './rows';
export { parseTable, parseCsvTable, parseXlsxTable, parseXlsxSheets, parseCsvRows, decodeText, tableOf, TABLE_LIMITS } from './table-import';
export type { ImportedTable, ImportedSheet, SheetSummary, ParseTableOptions, TableProgress } from './table-import';
export { BASES, basisPhrase, measuredCores, rebaseMeasured, rebaseWorkload } from './measured';
export type { Basis, Rebased } from './measured';
export { createTableRunner } from './table-runner';
export type { TableRunner, TableReadOptions } from './table-runner';
