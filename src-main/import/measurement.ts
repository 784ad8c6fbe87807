// What the files tell about one LPAR, and the statistics that turn it into a sizing basis.
import { Generation, type OperatingSystem } from '../catalog';
import { DAY_SLOTS } from '../common';
import { BASES, type Basis } from '../plan';
import { type Message, msg } from './messages';
import {
  type Gap,
  type Series,
  averageOf,
  daysCovered,
  emptySeries,
  gapsOf,
  peakOf,
  percentileOfSorted,
  typicalIntervalSeconds,
} from './series';
export type { Basis };
export { BASES };

export type MeasurementSource = 'nmon' | 'nsum' | 'hmc' | 'generic';
export const PROFILE_BUCKETS = DAY_SLOTS;

/** One file's part in an LPAR's measurement, and what of it could not be used. */
export interface FileContribution {
  file: string;
  source: MeasurementSource;
  samples: number;
  periodStart: string | null;
  periodEnd: string | null;
  /** What was lost: damaged lines, lines over the limit, samples without a time, a cut end. */
  lost: Message[];
  /** Samples dropped because another file of the LPAR had them already (set when files are merged). */
  duplicates: number;
  overlaps: number;
}

export interface LparMeasurement {
  source: MeasurementSource;
  /** The first file (for one-file measurements, the file). */
  file: string;
  files: FileContribution[];
  /** Files of one LPAR share this: serial and LPAR number, or the host name when those are absent. */
  identity: string;
  lparName: string;
  host: string | null;
  serial: string | null;
  lparNumber: number | null;
  /** Machine type-model of the server it ran on, e.g. 9009-42A, when the file says. */
  machineTypeModel: string | null;
  /** Processor generation the file names (AIX `AAA,hardware`, `lsconf`; Linux `/proc/cpuinfo`), e.g. POWER8. */
  processorGeneration: Generation | null;
  os: OperatingSystem | null;
  mode: 'shared' | 'dedicated' | null;
  entitlement: number | null;
  virtualProcessors: number | null;
  smtThreads: number | null;
  /** Physical cores used, by time (milliseconds), strictly increasing in time. */
  samples: Series;
  /** When the file gives statistics instead of samples (nsum). */
  summary: { min?: number; average?: number; max?: number; p95?: number } | null;
  memoryConfiguredGiB: number | null;
  /** Peak memory in use (computational on AIX; used minus cache and buffers on Linux). */
  memoryUsedPeakGiB: number | null;
  diskReadKBpsPeak: number | null;
  diskWriteKBpsPeak: number | null;
  diskIopsPeak: number | null;
  networkKBpsPeak: number | null;
  periodStart: string | null;
  periodEnd: string | null;
  intervalSeconds: number | null;
  /** Samples the period should hold at the interval (the collection's own count for one nmon file). */
  expectedSamples: number | null;
  longestGapSeconds: number | null;
  gaps: Gap[];
  /** Peak cores used per 15-minute slot of the day, for peaks that do not coincide. */
  profile: Array<number | null>;
  /** How figures were derived where the file did not state them (cores from logical CPUs and SMT, ...). */
  notes: Message[];
}

/** Every statistic of the cores used, from one sort of the samples. */
export function statisticsOf(samples: Series): Record<Basis, number> | null {
  if (samples.cores.length === 0) return null;
  const sorted = samples.cores.slice().sort();
  const entries = BASES.map((basis): [Basis, number] => {
    if (basis === 'peak') return [basis, sorted[sorted.length - 1]!];
    if (basis === 'average') return [basis, averageOf(sorted)];
    return [basis, percentileOfSorted(sorted, Number(basis.slice(1)))];
  });
  return Object.fromEntries(entries) as Record<Basis, number>;
}

/** The cores the sizing starts from, and what was used when the file lacks the exact statistic. */
export function basisCores(
  measurement: LparMeasurement,
  basis: Basis,
  statistics = statisticsOf(measurement.samples),
): { cores: number; note: Message | null } | null {
  if (statistics) return { cores: statistics[basis], note: null };
  const summary = measurement.summary;
  if (!summary) return null;
  const exact =
    basis === 'peak' ? summary.max : basis === 'average' ? summary.average : basis === 'p95' ? summary.p95 : undefined;
  if (exact !== undefined) return { cores: exact, note: null };
  // A summary file holds min, average, max and p95 only: the next higher statistic keeps the sizing safe.
  const fallback =
    basis === 'p99' ? summary.max : basis === 'p90' ? (summary.p95 ?? summary.max) : (summary.average ?? summary.p95);
  return fallback === undefined ? null : { cores: fallback, note: msg('import.basis-fallback', { basis }) };
}

export type Confidence = 'high' | 'medium' | 'low';

/** How far to trust a measurement: the days it covers, the share of expected samples present, and gaps. */
export function confidenceOf(measurement: LparMeasurement): { rating: Confidence; reasons: Message[]; days: number } {
  const reasons: Message[] = [];
  let score = 2;
  const present = measurement.samples.cores.length;
  const days = daysCovered(measurement.samples.times, measurement.intervalSeconds);
  if (measurement.expectedSamples && present > 0) {
    const coverage = present / measurement.expectedSamples;
    if (coverage < 0.8) {
      score -= coverage < 0.5 ? 2 : 1;
      reasons.push(
        msg('import.coverage', { percent: Math.round(coverage * 100), expected: measurement.expectedSamples }),
      );
    }
  }
  if (measurement.gaps.length > 0 && measurement.longestGapSeconds !== null) {
    score -= 1;
    reasons.push(
      msg('import.gaps', {
        count: measurement.gaps.length,
        longestMinutes: Math.round(measurement.longestGapSeconds / 60),
      }),
    );
  }
  if (present > 1) {
    if (days < 1) {
      score -= 1;
      reasons.push(msg('import.less-than-a-day', { hours: (days * 24).toFixed(1) }));
    } else if (days < 7) reasons.push(msg('import.days-short', { days: days.toFixed(1) }));
    else reasons.push(msg('import.days-covered', { days: days.toFixed(1) }));
    if (days < 7 && score === 2) score = 1;
  } else if (measurement.summary) {
    score = Math.min(score, 1);
    reasons.push(msg('import.summary-only'));
  }
  if (present === 0 && !measurement.summary) {
    score = 0;
    reasons.push(msg('import.no-samples'));
  }
  const rating: Confidence = score >= 2 ? 'high' : score === 1 ? 'medium' : 'low';
  return { rating, reasons, days };
}

/** The peak cores used in each 15-minute slot of the day. */
export function profileOf(samples: Series): Array<number | null> {
  const profile: Array<number | null> = new Array<number | null>(PROFILE_BUCKETS).fill(null);
  const day = 86_400_000;
  for (let index = 0; index < samples.times.length; index += 1) {
    const ofDay = ((samples.times[index]! % day) + day) % day;
    const slot = Math.floor(ofDay / 900_000);
    const value = samples.cores[index]!;
    if (profile[slot] === null || value > profile[slot]!) profile[slot] = value;
  }
  return profile;
}

/** The combined profile of several LPARs: what they need together in each slot of the day. */
export function combinedProfile(measurements: readonly LparMeasurement[]): number[] {
  return Array.from({ length: PROFILE_BUCKETS }, (_, slot) =>
    measurements.reduce((sum, measurement) => sum + (measurement.profile[slot] ?? 0), 0),
  );
}

const iso = (time: number) => new Date(time).toISOString();

/** Period, interval, gaps and profile from the samples (after reading one file, or merging several). */
export function describeSeries(measurement: LparMeasurement): void {
  const { times } = measurement.samples;
  measurement.periodStart = times.length > 0 ? iso(times[0]!) : null;
  measurement.periodEnd = times.length > 0 ? iso(times[times.length - 1]!) : null;
  measurement.intervalSeconds = typicalIntervalSeconds(times) ?? measurement.intervalSeconds;
  measurement.gaps = gapsOf(times, measurement.intervalSeconds);
  measurement.longestGapSeconds = times.length > 1 ? longestStepSeconds(times) : null;
  measurement.profile = profileOf(measurement.samples);
}

/**
 * The longest step between samples. Its own function so that V8 optimises this loop, not describeSeries around it:
 * compiled on the stack from a long series, describeSeries was deoptimised again and again by the short ones after.
 */
function longestStepSeconds(times: Float64Array): number {
  let longest = 0;
  for (let index = 1; index < times.length; index += 1)
    longest = Math.max(longest, (times[index]! - times[index - 1]!) / 1000);
  return longest;
}

export function emptyMeasurement(source: MeasurementSource, file: string, lparName: string): LparMeasurement {
  return {
    source,
    file,
    files: [],
    identity: '',
    lparName,
    host: null,
    serial: null,
    lparNumber: null,
    machineTypeModel: null,
    processorGeneration: null,
    os: null,
    mode: null,
    entitlement: null,
    virtualProcessors: null,
    smtThreads: null,
    samples: emptySeries(),
    summary: null,
    memoryConfiguredGiB: null,
    memoryUsedPeakGiB: null,
    diskReadKBpsPeak: null,
    diskWriteKBpsPeak: null,
    diskIopsPeak: null,
    networkKBpsPeak: null,
    periodStart: null,
    periodEnd: null,
    intervalSeconds: null,
    expectedSamples: null,
    longestGapSeconds: null,
    gaps: [],
    profile: new Array<number | null>(PROFILE_BUCKETS).fill(null),
    notes: [],
  };
}

/** The file's own entry in `files`, once its samples are known. */
export function ownContribution(measurement: LparMeasurement, lost: Message[]): FileContribution {
  return {
    file: measurement.file,
    source: measurement.source,
    samples: measurement.samples.cores.length || (measurement.summary ? 1 : 0),
    periodStart: measurement.periodStart,
    periodEnd: measurement.periodEnd,
    lost,
    duplicates: 0,
    overlaps: 0,
  };
}

/** "IBM,9009-42A", "IBM 8286-42A" or "8247-22L" to "9009-42A". */
export function machineTypeModelOf(text: string): string | null {
  const match = /(\d{4})[-.\s]?([0-9A-Z]{3})\b/i.exec(text);
  return match ? `${match[1]}-${match[2]!.toUpperCase()}` : null;
}

/**
 * "Implementation POWER8", "PowerPC_POWER7", "POWER8E (raw)", "POWER7+ (architected)" to the generation they name;
 * null when none (a "POWER7_in_P7_mode" compatibility mode names the chip first, so the first name is the chip).
 */
export function generationOf(text: string): Generation | null {
  const match = /POWER(\d+)(\+)?/i.exec(text);
  if (!match) return null;
  const exact = Generation.safeParse(`POWER${match[1]}${match[2] ?? ''}`);
  if (exact.success) return exact.data;
  const base = Generation.safeParse(`POWER${match[1]}`);
  return base.success ? base.data : null;
}

export { peakOf };
