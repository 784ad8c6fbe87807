// What an imported file tells about one LPAR, and the statistics that turn it into a sizing basis.
import type { OperatingSystem } from '../catalog';
import type { Basis } from '../plan';
import { DAY_SLOTS } from '../common';
export type { Basis };

export type MeasurementSource = 'nmon' | 'nsum' | 'hmc' | 'generic';
export const PROFILE_BUCKETS = DAY_SLOTS;

export interface LparMeasurement {
  source: MeasurementSource;
  file: string;
  lparName: string;
  host: string | null;
  serial: string | null;
  /** Machine type-model of the server it ran on, e.g. 9009-42A, when the file says. */
  machineTypeModel: string | null;
  os: OperatingSystem | null;
  mode: 'shared' | 'dedicated' | null;
  entitlement: number | null;
  virtualProcessors: number | null;
  /** Physical cores used per sample (nmon PhysicalCPU, HMC cycles), in time order. */
  coresUsed: number[];
  /** When the file gives statistics instead of samples (nsum). */
  summary: { min?: number; average?: number; max?: number; p95?: number } | null;
  memoryConfiguredGiB: number | null;
  memoryUsedPeakGiB: number | null;
  diskReadKBpsPeak: number | null;
  diskWriteKBpsPeak: number | null;
  diskIopsPeak: number | null;
  networkKBpsPeak: number | null;
  periodStart: string | null;
  periodEnd: string | null;
  intervalSeconds: number | null;
  expectedSamples: number | null;
  longestGapSeconds: number | null;
  /** Peak cores used per 15-minute slot of the day, for peaks that do not coincide. */
  profile: Array<number | null>;
}

export { BASES } from '../plan';

/** Nearest-rank percentile of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** The cores the sizing starts from, and what was used when the file lacks the exact statistic. */
export function basisCores(measurement: LparMeasurement, basis: Basis): { cores: number; note: string | null } | null {
  const samples = measurement.coresUsed;
  if (samples.length > 0) {
    if (basis === 'peak') return { cores: Math.max(...samples), note: null };
    if (basis === 'average') return { cores: samples.reduce((sum, value) => sum + value, 0) / samples.length, note: null };
    return { cores: percentile(samples, Number(basis.slice(1))), note: null };
  }
  const summary = measurement.summary;
  if (!summary) return null;
  const exact = basis === 'peak' ? summary.max : basis === 'average' ? summary.average : basis === 'p95' ? summary.p95 : undefined;
  if (exact !== undefined) return { cores: exact, note: null };
  // A summary file holds min, average, max and p95 only: the next higher statistic keeps the sizing safe.
  const fallback = basis === 'p99' ? summary.max : basis === 'p90' ? (summary.p95 ?? summary.max) : (summary.average ?? summary.p95);
  return fallback === undefined ? null : { cores: fallback, note: `the file has no ${basis}; used the next higher statistic it has` };
}

export type Confidence = 'high' | 'medium' | 'low';

/** How far to trust a measurement: coverage of the expected samples, gaps, and the length of the period. */
export function confidenceOf(measurement: LparMeasurement): { rating: Confidence; reasons: string[] } {
  const reasons: string[] = [];
  let score = 2;
  const present = measurement.coresUsed.length;
  if (measurement.expectedSamples && present > 0) {
    const coverage = present / measurement.expectedSamples;
    if (coverage < 0.8) {
      score -= coverage < 0.5 ? 2 : 1;
      reasons.push(`${Math.round(coverage * 100)} % of the expected ${measurement.expectedSamples} samples present`);
    }
  }
  if (measurement.longestGapSeconds && measurement.intervalSeconds && measurement.longestGapSeconds > 3 * measurement.intervalSeconds) {
    score -= 1;
    reasons.push(`a gap of ${Math.round(measurement.longestGapSeconds / 60)} minutes`);
  }
  if (measurement.periodStart && measurement.periodEnd) {
    // The last sample covers one more interval.
    const days = (Date.parse(measurement.periodEnd) - Date.parse(measurement.periodStart) + (measurement.intervalSeconds ?? 0) * 1000) / 86_400_000;
    if (days < 1) {
      score -= 1;
      reasons.push(`only ${Math.max(0, days * 24).toFixed(1)} hours measured (less than a day)`);
    } else if (days < 7) reasons.push(`${days.toFixed(1)} days measured (a week or more covers the weekly cycle)`);
    if (days < 7 && score === 2) score = 1;
  } else if (measurement.summary) {
    score = Math.min(score, 1);
    reasons.push('summary statistics only; the period is not known');
  }
  if (present === 0 && !measurement.summary) {
    score = 0;
    reasons.push('no processor samples');
  }
  const rating: Confidence = score >= 2 ? 'high' : score === 1 ? 'medium' : 'low';
  return { rating, reasons };
}

/** Adds a sample's time of day to the 15-minute profile (keeping the peak of each slot). */
export function addToProfile(profile: Array<number | null>, isoTime: string, value: number): void {
  const date = new Date(isoTime);
  if (Number.isNaN(date.getTime())) return;
  const slot = Math.floor((date.getUTCHours() * 60 + date.getUTCMinutes()) / 15);
  profile[slot] = Math.max(profile[slot] ?? 0, value);
}

/** The combined profile of several LPARs: what they need together in each slot of the day. */
export function combinedProfile(measurements: readonly LparMeasurement[]): number[] {
  return Array.from({ length: PROFILE_BUCKETS }, (_, slot) => measurements.reduce((sum, measurement) => sum + (measurement.profile[slot] ?? 0), 0));
}

export function emptyMeasurement(source: MeasurementSource, file: string, lparName: string): LparMeasurement {
  return {
    source, file, lparName, host: null, serial: null, machineTypeModel: null, os: null, mode: null, entitlement: null, virtualProcessors: null,
    coresUsed: [], summary: null, memoryConfiguredGiB: null, memoryUsedPeakGiB: null, diskReadKBpsPeak: null, diskWriteKBpsPeak: null,
    diskIopsPeak: null, networkKBpsPeak: null, periodStart: null, periodEnd: null, intervalSeconds: null, expectedSamples: null,
    longestGapSeconds: null, profile: Array.from({ length: PROFILE_BUCKETS }, () => null),
  };
}

/** "IBM,9009-42A" or "IBM 8286-42A" to "9009-42A". */
export function machineTypeModelOf(text: string): string | null {
  const match = /(\d{4})[-\s]?([0-9A-Z]{3})\b/i.exec(text);
  return match ? `${match[1]}-${match[2]!.toUpperCase()}` : null;
}
