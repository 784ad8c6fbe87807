// Time series of cores used, kept in typed arrays so a year of one-minute samples (525,600 values) costs 8 MB and
// no statistic ever spreads an array into a function call. Times are milliseconds of the clock the file was
// written with (nmon writes local time without a zone; every sample of an LPAR shares that clock).

export interface Series {
  /** Sample times in milliseconds, strictly increasing. */
  times: Float64Array;
  /** Physical cores used at each time. */
  cores: Float64Array;
}

export const emptySeries = (): Series => ({ times: new Float64Array(0), cores: new Float64Array(0) });

/** Collects samples in any order and hands them back ordered by time, duplicates of one time kept once. */
export class SeriesBuilder {
  private times: Float64Array<ArrayBuffer>;
  private cores: Float64Array<ArrayBuffer>;
  private length = 0;
  private ordered = true;

  /** `capacity`: the samples expected, when known (a small file then costs its own size, not 16 KB of arrays). */
  constructor(capacity = 1024) {
    this.times = new Float64Array(Math.max(1, capacity));
    this.cores = new Float64Array(Math.max(1, capacity));
  }

  get size(): number {
    return this.length;
  }

  push(time: number, cores: number): void {
    if (this.length === this.times.length) {
      this.times = grow(this.times);
      this.cores = grow(this.cores);
    }
    if (this.length > 0 && time <= this.times[this.length - 1]!) this.ordered = false;
    this.times[this.length] = time;
    this.cores[this.length] = cores;
    this.length += 1;
  }

  /** The series in time order, and how many samples repeated a time already present (the first is kept). */
  build(): { series: Series; duplicates: number } {
    const times = this.times.subarray(0, this.length);
    const cores = this.cores.subarray(0, this.length);
    if (this.ordered) {
      // Filled exactly (the capacity was the count): the arrays are handed over instead of copied.
      if (this.length === this.times.length) return { series: { times: this.times, cores: this.cores }, duplicates: 0 };
      return { series: { times: times.slice(), cores: cores.slice() }, duplicates: 0 };
    }
    const order = Uint32Array.from({ length: this.length }, (_, index) => index);
    // Stable by time then by arrival, so the first of two samples at one time wins.
    order.sort((a, b) => times[a]! - times[b]! || a - b);
    const outTimes = new Float64Array(this.length);
    const outCores = new Float64Array(this.length);
    let kept = 0;
    for (const index of order) {
      if (kept > 0 && times[index] === outTimes[kept - 1]) continue;
      outTimes[kept] = times[index]!;
      outCores[kept] = cores[index]!;
      kept += 1;
    }
    return {
      series: { times: outTimes.slice(0, kept), cores: outCores.slice(0, kept) },
      duplicates: this.length - kept,
    };
  }
}

export function grow(array: Float64Array, fill = 0): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  if (fill !== 0) bigger.fill(fill, array.length);
  return bigger;
}

export interface SeriesPart {
  file: string;
  series: Series;
}

export interface MergedSeries {
  series: Series;
  /** Per file: samples dropped because another file had a sample at the same time. */
  duplicates: Map<string, number>;
  /** Per file: samples dropped because they fell inside a period another file already covered. */
  overlaps: Map<string, number>;
}

/**
 * One series from the files of one LPAR: files are taken in the order of their first sample; a sample at a time
 * already kept is a duplicate, one inside the period already covered is an overlap; both are dropped and counted.
 * The result is strictly increasing in time, whatever order the files came in.
 */
export function mergeSeries(parts: readonly SeriesPart[]): MergedSeries {
  const duplicates = new Map<string, number>();
  const overlaps = new Map<string, number>();
  const sorted = [...parts]
    .filter((part) => part.series.times.length > 0)
    .sort((a, b) => a.series.times[0]! - b.series.times[0]!);
  const total = sorted.reduce((sum, part) => sum + part.series.times.length, 0);
  const times = new Float64Array(total);
  const cores = new Float64Array(total);
  let kept = 0;
  for (const part of sorted) {
    let duplicate = 0;
    let overlap = 0;
    const { times: partTimes, cores: partCores } = part.series;
    for (let index = 0; index < partTimes.length; index += 1) {
      const time = partTimes[index]!;
      if (kept === 0 || time > times[kept - 1]!) {
        times[kept] = time;
        cores[kept] = partCores[index]!;
        kept += 1;
      } else if (binarySearch(times, kept, time)) duplicate += 1;
      else overlap += 1;
    }
    if (duplicate > 0) duplicates.set(part.file, duplicate);
    if (overlap > 0) overlaps.set(part.file, overlap);
  }
  return { series: { times: times.slice(0, kept), cores: cores.slice(0, kept) }, duplicates, overlaps };
}

function binarySearch(values: Float64Array, length: number, target: number): boolean {
  let low = 0;
  let high = length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = values[middle]!;
    if (value === target) return true;
    if (value < target) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** Nearest-rank percentile of values already sorted ascending. */
export function percentileOfSorted(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/** Nearest-rank percentile of unsorted values (copied, never reordered in place). */
export function percentile(values: ArrayLike<number>, p: number): number {
  return percentileOfSorted(Float64Array.from(values).sort(), p);
}

export function peakOf(values: ArrayLike<number>): number {
  let peak = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < values.length; index += 1) if (values[index]! > peak) peak = values[index]!;
  return values.length === 0 ? Number.NaN : peak;
}

export function averageOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let index = 0; index < values.length; index += 1) sum += values[index]!;
  return values.length === 0 ? Number.NaN : sum / values.length;
}

/** The typical interval (median of the steps between samples), in seconds; null with fewer than two samples. */
export function typicalIntervalSeconds(times: Float64Array): number | null {
  if (times.length < 2) return null;
  const steps = stepsOf(times).sort();
  return steps[Math.floor(steps.length / 2)]! / 1000;
}

/**
 * The steps between consecutive times. The loop is a function of its own, ending where the loop ends: compiled on the
 * stack (OSR) from a long series, a loop with code after it left V8 code that lacked that code's feedback, and every
 * short series after it deoptimised there (over a thousand times for a folder of small files).
 */
function stepsOf(times: Float64Array): Float64Array {
  const steps = new Float64Array(times.length - 1);
  for (let index = 1; index < times.length; index += 1) steps[index - 1] = times[index]! - times[index - 1]!;
  return steps;
}

export interface Gap {
  /** Time of the last sample before the gap and of the first after it (ms). */
  from: number;
  to: number;
}

/** Steps longer than three typical intervals: where the collection stopped (a missing day, a reboot). */
export function gapsOf(times: Float64Array, intervalSeconds: number | null): Gap[] {
  if (intervalSeconds === null || intervalSeconds <= 0) return [];
  const gaps: Gap[] = [];
  const limit = 3 * intervalSeconds * 1000;
  for (let index = 1; index < times.length; index += 1) {
    if (times[index]! - times[index - 1]! > limit) gaps.push({ from: times[index - 1]!, to: times[index]! });
  }
  return gaps;
}

/** Days the samples cover: each sample stands for one interval, so gaps do not count as measured time. */
export function daysCovered(times: Float64Array, intervalSeconds: number | null): number {
  if (times.length === 0) return 0;
  if (intervalSeconds === null) return 0;
  return (times.length * intervalSeconds) / 86_400;
}
