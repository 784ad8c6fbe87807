// Table-shaped measurement exports: the nsum summary CSV, the HMC lslparutil sample CSV, and a generic CSV
// (time, LPAR, cores used, memory) for other monitoring tools. Columns are found by their header names.
import { AppError } from '../common';
import { type ReadOptions, readLines, splitCsvLine } from './lines';
import { type LparMeasurement, addToProfile, emptyMeasurement, machineTypeModelOf } from './measurement';

type Row = Map<string, string>;

/** Reads a CSV with a header row into rows keyed by lower-cased header; one row at a time. */
async function* csvRows(path: string, options: ReadOptions): AsyncGenerator<Row> {
  let headers: string[] | null = null;
  let delimiter = ',';
  for await (const raw of readLines(path, options)) {
    const line = raw.replace(/^\uFEFF/, '');
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (headers === null && line.split(';').length > line.split(',').length) delimiter = ';';
    const cells: string[] = splitCsvLine(line, delimiter).map((cell) => cell.trim());
    if (headers === null) {
      headers = cells.map((cell) => cell.toLowerCase());
      continue;
    }
    yield new Map(headers.map((header, index) => [header, cells[index] ?? '']));
  }
}

function pick(row: Row, ...names: RegExp[]): string | undefined {
  for (const name of names) for (const [key, value] of row) if (name.test(key) && value !== '') return value;
  return undefined;
}
const numberOf = (text: string | undefined) => (text === undefined || text === '' ? undefined : Number(text.replace(',', '.')));

/** nsum: one row per LPAR with min, average, max and 95th percentile of cores used. */
export async function parseNsum(path: string, label = path, options: ReadOptions = {}): Promise<LparMeasurement[]> {
  const measurements: LparMeasurement[] = [];
  let index = 0;
  for await (const row of csvRows(path, options)) {
    index += 1;
    const name = pick(row, /^(lpar|lpar_?name|partition|name|host)/);
    if (!name) throw new AppError('invalid-file', `${label}: row ${index + 1} has no LPAR name column (lpar, name or host)`);
    const measurement = emptyMeasurement('nsum', label, name);
    measurement.serial = pick(row, /serial/) ?? null;
    measurement.machineTypeModel = machineTypeModelOf(pick(row, /(mtm|machine|model|type)/) ?? '');
    const os = pick(row, /^os/);
    measurement.os = os ? (/aix/i.test(os) ? 'aix' : /linux/i.test(os) ? 'linux' : /ibm ?i|os\/?400/i.test(os) ? 'ibmi' : null) : null;
    measurement.entitlement = numberOf(pick(row, /(entitle|^ec$)/)) ?? null;
    measurement.virtualProcessors = numberOf(pick(row, /(^vp|virtual)/)) ?? null;
    const summary = {
      min: numberOf(pick(row, /^(min|physc_min|cores_min)/)),
      average: numberOf(pick(row, /^(avg|average|mean|physc_avg|cores_avg)/)),
      max: numberOf(pick(row, /^(max|peak|physc_max|cores_max)/)),
      p95: numberOf(pick(row, /(95)/)),
    };
    for (const [key, value] of Object.entries(summary)) {
      if (value !== undefined && !(value >= 0)) throw new AppError('invalid-file', `${label}: row ${index + 1}, ${key}: "${value}" is not a number of cores`);
    }
    if (summary.max === undefined && summary.p95 === undefined && summary.average === undefined) {
      throw new AppError('invalid-file', `${label}: row ${index + 1} (${name}) has none of max, p95 or average cores used`);
    }
    measurement.summary = Object.fromEntries(Object.entries(summary).filter(([, value]) => value !== undefined));
    const memory = numberOf(pick(row, /(mem.*gb|memory)/));
    if (memory !== undefined) measurement.memoryConfiguredGiB = memory;
    measurement.mode = measurement.entitlement !== null ? 'shared' : null;
    measurements.push(measurement);
  }
  if (measurements.length === 0) throw new AppError('invalid-file', `${label}: no LPAR rows`);
  return measurements;
}

function parseTime(text: string): string | null {
  // HMC: "11/25/2026 10:05:00"; others: ISO or "2026-11-25 10:05".
  const hmc = /^(\d{2})\/(\d{2})\/(\d{4})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (hmc) return new Date(Date.UTC(Number(hmc[3]), Number(hmc[1]) - 1, Number(hmc[2]), Number(hmc[4]), Number(hmc[5]), Number(hmc[6] ?? 0))).toISOString();
  const value = Date.parse(text.includes('T') || text.endsWith('Z') ? text : `${text.replace(' ', 'T')}Z`);
  return Number.isNaN(value) ? null : new Date(value).toISOString();
}

function finishSeries(measurement: LparMeasurement, samples: Array<{ time: string; value: number }>): void {
  samples.sort((a, b) => a.time.localeCompare(b.time));
  let previous: number | null = null;
  const intervals: number[] = [];
  for (const sample of samples) {
    measurement.coresUsed.push(sample.value);
    addToProfile(measurement.profile, sample.time, sample.value);
    const now = Date.parse(sample.time);
    if (previous !== null) intervals.push((now - previous) / 1000);
    previous = now;
  }
  measurement.periodStart = samples[0]?.time ?? null;
  measurement.periodEnd = samples.at(-1)?.time ?? null;
  if (intervals.length > 0) {
    const typical = [...intervals].sort((a, b) => a - b)[Math.floor(intervals.length / 2)]!;
    measurement.intervalSeconds = typical;
    measurement.longestGapSeconds = Math.max(...intervals);
    const span = (Date.parse(measurement.periodEnd!) - Date.parse(measurement.periodStart!)) / 1000;
    measurement.expectedSamples = Math.round(span / typical) + 1;
  }
}

/**
 * HMC `lslparutil -r lpar ... -F time,lpar_name,capped_cycles,uncapped_cycles,time_cycles,curr_proc_units,curr_mem`
 * with a header row. Physical cores used between two samples = delta(capped + uncapped cycles) / delta(time cycles)
 * (IBM's documented way to derive processor units consumed from lslparutil counters).
 */
export async function parseHmc(path: string, label = path, options: ReadOptions = {}): Promise<LparMeasurement[]> {
  const byLpar = new Map<string, { measurement: LparMeasurement; raw: Array<{ time: string; used: number; total: number }> }>();
  let index = 0;
  for await (const row of csvRows(path, options)) {
    index += 1;
    const name = pick(row, /^lpar_name$/, /^lpar/);
    const time = parseTime(pick(row, /^time$/) ?? '');
    const capped = numberOf(pick(row, /^capped_cycles$/));
    const uncapped = numberOf(pick(row, /^uncapped_cycles$/)) ?? 0;
    const total = numberOf(pick(row, /^time_cycles$/));
    if (!name || !time || capped === undefined || total === undefined || Number.isNaN(capped) || Number.isNaN(total)) {
      throw new AppError('invalid-file', `${label}: row ${index + 1} lacks lpar_name, time, capped_cycles or time_cycles (export with -F time,lpar_name,capped_cycles,uncapped_cycles,time_cycles,curr_proc_units,curr_mem and a header row)`);
    }
    if (!byLpar.has(name)) byLpar.set(name, { measurement: emptyMeasurement('hmc', label, name), raw: [] });
    const entry = byLpar.get(name)!;
    entry.raw.push({ time, used: capped + uncapped, total });
    const units = numberOf(pick(row, /^curr_proc_units$/));
    if (units !== undefined && units > 0) entry.measurement.entitlement = units;
    const memory = numberOf(pick(row, /^curr_mem$/));
    if (memory !== undefined && memory > 0) entry.measurement.memoryConfiguredGiB = memory / 1024;
    const mode = pick(row, /^curr_proc_mode$/);
    if (mode) entry.measurement.mode = /ded/i.test(mode) ? 'dedicated' : 'shared';
    const type = pick(row, /(type_model|mtm)/);
    if (type) entry.measurement.machineTypeModel = machineTypeModelOf(type);
  }
  const measurements: LparMeasurement[] = [];
  for (const { measurement, raw } of byLpar.values()) {
    raw.sort((a, b) => a.time.localeCompare(b.time));
    const samples: Array<{ time: string; value: number }> = [];
    for (let index = 1; index < raw.length; index += 1) {
      const deltaTime = raw[index]!.total - raw[index - 1]!.total;
      const deltaUsed = raw[index]!.used - raw[index - 1]!.used;
      // Counters reset when the partition restarts; such an interval is skipped, not turned into nonsense.
      if (deltaTime > 0 && deltaUsed >= 0) samples.push({ time: raw[index]!.time, value: deltaUsed / deltaTime });
    }
    finishSeries(measurement, samples);
    measurements.push(measurement);
  }
  if (measurements.length === 0) throw new AppError('invalid-file', `${label}: no samples`);
  return measurements;
}

/** Generic CSV from other monitoring tools: time, LPAR, cores used, optionally memory (GiB) and machine type-model. */
export async function parseGeneric(path: string, label = path, options: ReadOptions = {}): Promise<LparMeasurement[]> {
  const byLpar = new Map<string, { measurement: LparMeasurement; samples: Array<{ time: string; value: number }>; memoryPeak: number }>();
  let index = 0;
  for await (const row of csvRows(path, options)) {
    index += 1;
    const name = pick(row, /^(lpar|partition|vm|host|name)/);
    const time = parseTime(pick(row, /^(time|timestamp|date)/) ?? '');
    const cores = numberOf(pick(row, /(cores|physc|cpu)/));
    if (!name || !time || cores === undefined || Number.isNaN(cores)) {
      throw new AppError('invalid-file', `${label}: row ${index + 1} needs time, lpar and coresUsed (got ${[...row.keys()].join(', ')})`);
    }
    if (!byLpar.has(name)) byLpar.set(name, { measurement: emptyMeasurement('generic', label, name), samples: [], memoryPeak: 0 });
    const entry = byLpar.get(name)!;
    entry.samples.push({ time, value: cores });
    const memory = numberOf(pick(row, /mem/));
    if (memory !== undefined && memory > entry.memoryPeak) entry.memoryPeak = memory;
    const type = pick(row, /(mtm|model|machine)/);
    if (type) entry.measurement.machineTypeModel = machineTypeModelOf(type);
    const os = pick(row, /^os/);
    if (os) entry.measurement.os = /aix/i.test(os) ? 'aix' : /linux/i.test(os) ? 'linux' : /ibm ?i/i.test(os) ? 'ibmi' : null;
  }
  return [...byLpar.values()].map(({ measurement, samples, memoryPeak }) => {
    finishSeries(measurement, samples);
    if (memoryPeak > 0) measurement.memoryUsedPeakGiB = memoryPeak;
    return measurement;
  });
}
