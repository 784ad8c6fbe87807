// Public surface of the plan: its format (version 2, version 1 upgraded on read), validation, text and table parsing.
export {
  PlanFile,
  Workload,
  WorkloadId,
  Constraints,
  CpuDemand,
  CPU_KINDS,
  MeasurementInfo,
  SizingBasis,
  PLAN_FORMAT,
  PLAN_VERSION,
  PLAN_LIMITS,
  upgradePlan,
} from './schema';
export type { PlanFileInput, WorkloadInput, Objective, ProcessorMode, CpuKind } from './schema';
export { validatePlan, describePlanIssues } from './validate';
export type { PlanValidation } from './validate';
export { PLAN_EXTENSION, MAX_PLAN_BYTES, parsePlanText, serializePlan } from './file';
export { RecentPlan, AutosavedDraft, DraftRow, PlanDraft, DraftRecovery, upgradeDraft } from './workspace-schema';
export {
  ROW_FIELDS,
  FIELD_UNITS,
  guessMapping,
  guessMappingWithConfidence,
  percentHeaderAsQuantity,
  guessHeaderRow,
  tableScore,
  rowToWorkload,
  parseTabular,
  readNumber,
  canonicalNumberText,
  detectDecimalSeparator,
  readOs,
  resolveModel,
} from './rows';
export type {
  RowField,
  RowMapping,
  RowResult,
  RowIssue,
  RowOptions,
  MappingGuess,
  DecimalSeparator,
  NumberRead,
  InterpretedValue,
  ModelRef,
} from './rows';
export {
  parseTable,
  parseCsvTable,
  parseXlsxTable,
  parseXlsxSheets,
  parseCsvRows,
  decodeText,
  tableOf,
  TABLE_LIMITS,
} from './table-import';
export type { ImportedTable, ImportedSheet, SheetSummary, ParseTableOptions, TableProgress } from './table-import';
export {
  BASES,
  MEMORY_BASES,
  basisPhrase,
  measuredCores,
  measuredMemoryGiB,
  rebaseMeasured,
  rebaseMemory,
  rebaseWorkload,
} from './measured';
export type { Basis, MemoryBasis, Rebased } from './measured';
