// What the renderer may run of the main process's code besides the contract: the schemas it shows and edits, and
// the pure rules it applies while the user types (row parsing, rebasing a measured workload, a day's profile).
// Nothing here does I/O. It picks leaf modules file by file (an exception to "through index.ts", see
// docs/architecture.md), so the renderer's bundle carries neither the solver nor the spreadsheet reader.
export {
  Confidence,
  FeatureKey,
  Generation,
  OperatingSystem,
  ServerClass,
  TARGET_GENERATIONS,
} from '../catalog/schema';
export type {
  Edition,
  FeatureInfo,
  Figure,
  OverridableField,
  PriceEntry,
  Provenance,
  ServerModel,
  SourceRef,
} from '../catalog/schema';
export { CPU_KINDS, Constraints, MeasurementInfo, PLAN_FORMAT, PLAN_VERSION, PlanFile, Workload } from '../plan/schema';
export type { CpuKind, WorkloadInput } from '../plan/schema';
export type { DraftRecovery, DraftRow, PlanDraft } from '../plan/workspace-schema';
export {
  FIELD_UNITS,
  ROW_FIELDS,
  detectDecimalSeparator,
  guessMapping,
  guessMappingWithConfidence,
  percentHeaderAsQuantity,
  parseTabular,
  readOs,
  resolveModel,
  rowToWorkload,
} from '../plan/rows';
export type { DecimalSeparator, GuessConfidence, ModelRef, RowField, RowIssue, RowMapping } from '../plan/rows';
export { BASES, MEMORY_BASES, rebaseMeasured, rebaseMemory } from '../plan/measured';
export type { Basis, MemoryBasis } from '../plan/measured';
export { ServerPlan, Solution } from '../solver/schema';
export { EditionComparison } from '../solver/editions-schema';
export { demandProfile } from '../solver/time-of-day';
