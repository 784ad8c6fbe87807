// The files of one LPAR become one measurement over their whole period: a week of day files, a run split in two,
// a truncated copy next to the full file. Samples are merged in time order; duplicates and overlaps are dropped and
// counted per file, so the preview can say what each file gave and what it lost.
import { LIMITS } from './limits';
import { type FileContribution, type LparMeasurement, describeSeries } from './measurement';
import { msg } from './messages';
import { mergeSeries } from './series';

const peakOrNull = (values: Array<number | null>) => {
  const present = values.filter((value): value is number => value !== null);
  return present.length === 0 ? null : present.reduce((max, value) => Math.max(max, value), Number.NEGATIVE_INFINITY);
};

/** The latest known value: the configuration at the end of the period is what the LPAR has now. */
function latest<T>(
  measurements: readonly LparMeasurement[],
  pick: (measurement: LparMeasurement) => T | null,
): T | null {
  for (let index = measurements.length - 1; index >= 0; index -= 1) {
    const value = pick(measurements[index]!);
    if (value !== null && value !== undefined) return value;
  }
  return null;
}

/** Merges measurements of one identity (already known to be one LPAR). */
export function mergeLpar(measurements: readonly LparMeasurement[]): LparMeasurement {
  if (measurements.length === 1) return measurements[0]!;
  // Summaries (nsum) have no samples to merge: the latest file's statistics stand.
  const ordered = [...measurements].sort(
    (a, b) =>
      (a.samples.times[0] ?? Number.POSITIVE_INFINITY) - (b.samples.times[0] ?? Number.POSITIVE_INFINITY) ||
      a.file.localeCompare(b.file),
  );
  const base = ordered[0]!;
  const merged = mergeSeries(ordered.map((measurement) => ({ file: measurement.file, series: measurement.samples })));
  let series = merged.series;
  const notes = ordered.flatMap((measurement) => measurement.notes);
  if (series.cores.length > LIMITS.maxSamplesPerLpar) {
    // Keep the most recent samples: the newest period is what the migration must carry.
    const from = series.cores.length - LIMITS.maxSamplesPerLpar;
    notes.push(msg('import.samples-capped', { kept: LIMITS.maxSamplesPerLpar, dropped: from }));
    series = { times: series.times.slice(from), cores: series.cores.slice(from) };
  }
  const files: FileContribution[] = ordered
    .flatMap((measurement) => measurement.files)
    .map((file) => ({
      ...file,
      duplicates: file.duplicates + (merged.duplicates.get(file.file) ?? 0),
      overlaps: file.overlaps + (merged.overlaps.get(file.file) ?? 0),
    }));
  const result: LparMeasurement = {
    ...base,
    files,
    lparName: latest(ordered, (each) => each.lparName) ?? base.lparName,
    host: latest(ordered, (each) => each.host),
    serial: latest(ordered, (each) => each.serial),
    machineTypeModel: latest(ordered, (each) => each.machineTypeModel),
    processorGeneration: latest(ordered, (each) => each.processorGeneration),
    os: latest(ordered, (each) => each.os),
    mode: latest(ordered, (each) => each.mode),
    entitlement: latest(ordered, (each) => each.entitlement),
    virtualProcessors: latest(ordered, (each) => each.virtualProcessors),
    smtThreads: latest(ordered, (each) => each.smtThreads),
    samples: series,
    summary: latest(ordered, (each) => each.summary),
    memoryConfiguredGiB: latest(ordered, (each) => each.memoryConfiguredGiB),
    memoryUsedPeakGiB: peakOrNull(ordered.map((each) => each.memoryUsedPeakGiB)),
    diskReadKBpsPeak: peakOrNull(ordered.map((each) => each.diskReadKBpsPeak)),
    diskWriteKBpsPeak: peakOrNull(ordered.map((each) => each.diskWriteKBpsPeak)),
    diskIopsPeak: peakOrNull(ordered.map((each) => each.diskIopsPeak)),
    networkKBpsPeak: peakOrNull(ordered.map((each) => each.networkKBpsPeak)),
    notes: dedupeMessages(notes),
    expectedSamples: null,
  };
  describeSeries(result);
  if (result.intervalSeconds && result.periodStart && result.periodEnd) {
    // Over several files the expected count is the merged period at the typical interval.
    result.expectedSamples =
      Math.round((Date.parse(result.periodEnd) - Date.parse(result.periodStart)) / 1000 / result.intervalSeconds) + 1;
  }
  return result;
}

function dedupeMessages<T extends { code: string; params: Record<string, unknown> }>(messages: T[]): T[] {
  const seen = new Set<string>();
  return messages.filter((message) => {
    const key = `${message.code}:${JSON.stringify(message.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Groups measurements by LPAR identity (order of first appearance) and merges each group. */
export function mergeByLpar(measurements: readonly LparMeasurement[]): LparMeasurement[] {
  const groups = new Map<string, LparMeasurement[]>();
  for (const measurement of measurements) {
    const key = measurement.identity || `file:${measurement.file}:${measurement.lparName}`;
    const group = groups.get(key);
    if (group) group.push(measurement);
    else groups.set(key, [measurement]);
  }
  return [...groups.values()].map(mergeLpar);
}
