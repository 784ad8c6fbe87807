// Public surface of the measurement import.
export { parseNmon } from './nmon';
export { parseNsum, parseHmc, parseGeneric, splitCsvLine } from './tables';
export { importFiles, detectKind, unsafeEntryName } from './files';
export type { DamagedFile, ImportResult, ImportProgress, FileKind } from './files';
export { mergeByLpar, mergeLpar } from './merge';
export { toWorkloads } from './convert';
export type { ImportChoices, ImportedWorkload, LparSummary } from './convert';
export { BASES, basisCores, combinedProfile, confidenceOf, statisticsOf, PROFILE_BUCKETS } from './measurement';
export type { Basis, Confidence, FileContribution, LparMeasurement } from './measurement';
export { percentile, peakOf } from './series';
export type { Series } from './series';
export { msg, renderMessage, ImportFileError } from './messages';
export type { Message } from './messages';
export { LIMITS } from './limits';
export { ImportSessions } from './sessions';
