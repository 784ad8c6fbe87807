// Public surface of the measurement import.
export { parseNmon } from './nmon';
export { parseNsum, parseHmc, parseGeneric } from './tables';
export { importFiles, detectKind } from './files';
export type { ImportResult, ImportProgress, FileKind } from './files';
export { toWorkloads } from './convert';
export type { ImportChoices, ImportedWorkload } from './convert';
export { BASES, basisCores, combinedProfile, confidenceOf, percentile, PROFILE_BUCKETS } from './measurement';
export type { Basis, Confidence, LparMeasurement } from './measurement';
export { ImportSessions } from './sessions';
