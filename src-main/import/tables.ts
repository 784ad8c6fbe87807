// Table-shaped measurement exports: the nsum summary CSV, the HMC lslparutil output (its default key=value lines
// or -F with a header row), and a generic CSV (time, LPAR, cores used, memory) for other monitoring tools.
// Columns are found by their header names; a row that cannot be read is skipped and counted, never fatal.
import { identityOf } from './nmon';
import { LIMITS } from './limits';
import {
  type LparMeasurement,
  describeSeries,
  emptyMeasurement,
  machineTypeModelOf,
  ownContribution,
} from './measurement';
import { ImportFileError, type Message, msg } from './messages';
import { type LineStats, type ReadOptions, scanTextFile } from './reader';
import { SeriesBuilder } from './series';
import { type DateOrder, type ParsedTime, parseTimeText, resolveTime } from './times';

type Row = Map<string, string>;

/** Splits a CSV line honouring double quotes (nmon and HMC lines rarely quote, exports often do). */
export function splitCsvLine(line: string, delimiter = ','): string[] {
  if (!line.includes('"')) return line.split(delimiter);
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

interface TableRead {
  stats: LineStats;
  /** Rows skipped, with the first few line numbers. */
  skipped: number;
  firstSkipped: number[];
}

/**
 * Reads a CSV with a header row (or HMC key=value lines) into rows keyed by lower-cased header, one at a time.
 * `onRow` returns false for a row it cannot use; such rows are counted.
 */
async function readRows(
  path: string,
  label: string,
  options: ReadOptions,
  onRow: (row: Row, line: number) => boolean,
): Promise<TableRead> {
  let headers: string[] | null = null;
  let delimiter = ',';
  let lineNumber = 0;
  let skipped = 0;
  const firstSkipped: number[] = [];
  const skip = () => {
    skipped += 1;
    if (firstSkipped.length < 5) firstSkipped.push(lineNumber);
  };
  const stats = await scanTextFile(
    path,
    (raw) => {
      lineNumber += 1;
      const line = raw.replace(/^\uFEFF/, '');
      if (line.trim() === '' || line.startsWith('#')) return;
      if (isKeyValueLine(line)) {
        // lslparutil's default output: every line names its own fields.
        const row: Row = new Map();
        for (const cell of splitCsvLine(line)) {
          const at = cell.indexOf('=');
          if (at > 0) row.set(cell.slice(0, at).trim().toLowerCase(), cell.slice(at + 1).trim());
        }
        if (!onRow(row, lineNumber)) skip();
        return;
      }
      if (headers === null) {
        if (line.split(';').length > line.split(',').length) delimiter = ';';
        else if (line.split('\t').length > line.split(',').length) delimiter = '\t';
        headers = splitCsvLine(line, delimiter).map((cell) => cell.trim().toLowerCase());
        if (looksLikeData(headers))
          throw new ImportFileError(msg('import.csv-no-header', { file: label, first: line.slice(0, 80) }));
        return;
      }
      const cells = splitCsvLine(line, delimiter).map((cell) => cell.trim());
      if (!onRow(new Map(headers.map((header, index) => [header, cells[index] ?? ''])), lineNumber)) skip();
    },
    options,
    label,
  );
  return { stats, skipped, firstSkipped };
}

const isKeyValueLine = (line: string) => /^\s*[a-z_]+=/.test(line) && /,[a-z_0-9]+=/.test(line);

/** A first row of times and numbers is data, not names: the export was made without its header row. */
function looksLikeData(cells: string[]): boolean {
  const numeric = cells.filter((cell) => cell !== '' && !Number.isNaN(Number(cell))).length;
  return cells.length >= 3 && (parseTimeText(cells[0] ?? '') !== null || numeric >= cells.length - 1);
}

function pick(row: Row, ...names: RegExp[]): string | undefined {
  for (const name of names) for (const [key, value] of row) if (name.test(key) && value !== '') return value;
  return undefined;
}
const numberOf = (text: string | undefined) =>
  text === undefined || text === '' ? undefined : Number(text.replace(',', '.'));
const osOf = (text: string | undefined) =>
  text
    ? /aix/i.test(text)
      ? 'aix'
      : /linux/i.test(text)
        ? 'linux'
        : /ibm ?i|os\/?400/i.test(text)
          ? 'ibmi'
          : null
    : null;

function lostOf(read: TableRead, extra: Message[] = []): Message[] {
  const lost: Message[] = [...extra];
  if (read.skipped > 0) lost.push(msg('import.lost-rows', { rows: read.skipped, first: read.firstSkipped.join(', ') }));
  if (read.stats.overlong > 0)
    lost.push(msg('import.lost-overlong', { lines: read.stats.overlong, limitKiB: LIMITS.maxLineBytes / 1024 }));
  if (read.stats.withNul > 0) lost.push(msg('import.lost-nul', { lines: read.stats.withNul }));
  return lost;
}

/** nsum: one row per LPAR with min, average, max and 95th percentile of cores used. */
export async function parseNsum(path: string, label = path, options: ReadOptions = {}): Promise<LparMeasurement[]> {
  const measurements: LparMeasurement[] = [];
  const read = await readRows(path, label, options, (row) => {
    const name = pick(row, /^(lpar|lpar_?name|partition|name|host)/);
    if (!name) return false;
    const measurement = emptyMeasurement('nsum', label, name);
    measurement.serial = pick(row, /serial/) ?? null;
    measurement.machineTypeModel = machineTypeModelOf(pick(row, /(mtm|machine|model|type)/) ?? '');
    measurement.os = osOf(pick(row, /^os/));
    measurement.entitlement = numberOf(pick(row, /(entitle|^ec$)/)) ?? null;
    measurement.virtualProcessors = numberOf(pick(row, /(^vp|virtual)/)) ?? null;
    const summary = {
      min: numberOf(pick(row, /^(min|physc_min|cores_min)/)),
      average: numberOf(pick(row, /^(avg|average|mean|physc_avg|cores_avg)/)),
      max: numberOf(pick(row, /^(max|peak|physc_max|cores_max)/)),
      p95: numberOf(pick(row, /(95)/)),
    };
    if (Object.values(summary).some((value) => value !== undefined && !(value >= 0 && value < 10_000))) return false;
    if (summary.max === undefined && summary.p95 === undefined && summary.average === undefined) return false;
    measurement.summary = Object.fromEntries(Object.entries(summary).filter(([, value]) => value !== undefined));
    const memory = numberOf(pick(row, /(mem.*gb|memory)/));
    if (memory !== undefined && memory > 0) measurement.memoryConfiguredGiB = memory;
    measurement.mode = measurement.entitlement !== null ? 'shared' : null;
    measurement.identity = `nsum:${(measurement.serial ?? '').toUpperCase()}:${name.toLowerCase()}`;
    measurements.push(measurement);
    return true;
  });
  if (measurements.length === 0) throw new ImportFileError(msg('import.nsum-no-rows', { file: label }));
  const lost = lostOf(read);
  for (const measurement of measurements) measurement.files = [ownContribution(measurement, lost)];
  return measurements;
}

/** Samples with their times kept as read, so the date order (day or month first) is decided for the whole file. */
class TimedSamples {
  private readonly raw: Array<{ time: ParsedTime; value: number }> = [];
  add(time: ParsedTime, value: number): void {
    this.raw.push({ time, value });
  }
  get length(): number {
    return this.raw.length;
  }
  /** Resolved in the given order; pairs (used, total) for counters are resolved the same way. */
  resolve(order: DateOrder): Array<{ time: number; value: number }> {
    return this.raw
      .map(({ time, value }) => ({ time: resolveTime(time, order), value }))
      .filter((each) => !Number.isNaN(each.time));
  }
  times(): ParsedTime[] {
    return this.raw.map((each) => each.time);
  }
}

/** The date order of a file: day first if any date says so, month first likewise, else the separator's custom. */
export function dateOrderOf(times: readonly ParsedTime[]): { order: DateOrder; ambiguous: boolean } {
  let dayFirst = false;
  let monthFirst = false;
  let slash = false;
  let numeric = false;
  for (const time of times) {
    if (time.kind !== 'numeric-date') continue;
    numeric = true;
    if (time.first > 12) dayFirst = true;
    if (time.second > 12) monthFirst = true;
    if (time.separator === '/') slash = true;
  }
  if (dayFirst && !monthFirst) return { order: 'day-first', ambiguous: false };
  if (monthFirst && !dayFirst) return { order: 'month-first', ambiguous: false };
  // Both or neither: the usual reading of the separator (US and the HMC write mm/dd/yyyy; Europe dd-mm or dd.mm).
  return { order: slash ? 'month-first' : 'day-first', ambiguous: numeric };
}

interface Lpar {
  measurement: LparMeasurement;
  samples: TimedSamples;
  /** HMC counters per row: cycles used and time cycles, turned into cores between samples. */
  counters: Array<{ time: ParsedTime; used: number; total: number }>;
  memoryPeak: number;
}

function finish(entry: Lpar, values: Array<{ time: number; value: number }>, lost: Message[]): LparMeasurement {
  const builder = new SeriesBuilder();
  for (const { time, value } of values) builder.push(time, value);
  const { series, duplicates } = builder.build();
  entry.measurement.samples = series;
  describeSeries(entry.measurement);
  const own = [...lost];
  if (duplicates > 0) own.push(msg('import.lost-duplicate-times', { samples: duplicates }));
  entry.measurement.files = [ownContribution(entry.measurement, own)];
  return entry.measurement;
}

/**
 * HMC `lslparutil -r lpar` output: the default key=value lines, or `-F ...` with `--header`. Physical cores used
 * between two samples = delta(capped + uncapped cycles) / delta(time cycles), IBM's documented derivation.
 */
export async function parseHmc(path: string, label = path, options: ReadOptions = {}): Promise<LparMeasurement[]> {
  const byLpar = new Map<string, Lpar>();
  let sawCounters = false;
  const read = await readRows(path, label, options, (row) => {
    const name = pick(row, /^lpar_name$/, /^lpar/);
    const time = parseTimeText(pick(row, /^time$/) ?? '');
    const capped = numberOf(pick(row, /^capped_cycles$/));
    const uncapped = numberOf(pick(row, /^uncapped_cycles$/)) ?? 0;
    const total = numberOf(pick(row, /^time_cycles$/));
    const event = pick(row, /^event_type$/);
    // Configuration events (a partition started, a change) carry no counters: not samples, not damage.
    if (event !== undefined && event !== 'sample') return true;
    if (!name || !time || capped === undefined || total === undefined || Number.isNaN(capped) || Number.isNaN(total))
      return false;
    sawCounters = true;
    const system = pick(row, /^(sys|system|managed_system)$/) ?? '';
    const key = `${system}|${name}`;
    if (!byLpar.has(key)) {
      const measurement = emptyMeasurement('hmc', label, name);
      // lslparutil output does not name its managed system, and LPAR names and ids repeat across systems (vios1,
      // id 1): without a system column, files are not merged with each other.
      measurement.identity = system
        ? `hmc:${system.toLowerCase()}:${name.toLowerCase()}`
        : `hmc-file:${label}:${name.toLowerCase()}`;
      byLpar.set(key, { measurement, samples: new TimedSamples(), counters: [], memoryPeak: 0 });
    }
    const entry = byLpar.get(key)!;
    entry.counters.push({ time, used: capped + uncapped, total });
    const units = numberOf(pick(row, /^curr_proc_units$/));
    if (units !== undefined && units > 0) entry.measurement.entitlement = units;
    const procs = numberOf(pick(row, /^curr_procs$/));
    if (procs !== undefined && procs > 0) entry.measurement.virtualProcessors = procs;
    const memory = numberOf(pick(row, /^curr_mem$/));
    if (memory !== undefined && memory > 0) entry.measurement.memoryConfiguredGiB = memory / 1024;
    const mode = pick(row, /^curr_proc_mode$/);
    if (mode) entry.measurement.mode = /ded/i.test(mode) ? 'dedicated' : 'shared';
    const type = pick(row, /(type_model|mtm)/);
    if (type) entry.measurement.machineTypeModel = machineTypeModelOf(type);
    const id = numberOf(pick(row, /^lpar_id$/));
    if (id !== undefined && id > 0) entry.measurement.lparNumber = id;
    return true;
  });
  if (!sawCounters) throw new ImportFileError(msg('import.hmc-no-counters', { file: label }));
  const { order, ambiguous } = dateOrderOf(
    [...byLpar.values()].flatMap((entry) => entry.counters.map((each) => each.time)),
  );
  const extra = ambiguous ? [msg('import.dates-ambiguous', { order })] : [];
  const lost = lostOf(read, extra);
  return [...byLpar.values()].map((entry) => {
    const raw = entry.counters.map((each) => ({
      time: resolveTime(each.time, order),
      used: each.used,
      total: each.total,
    }));
    raw.sort((a, b) => a.time - b.time);
    const values: Array<{ time: number; value: number }> = [];
    for (let index = 1; index < raw.length; index += 1) {
      const deltaTime = raw[index]!.total - raw[index - 1]!.total;
      const deltaUsed = raw[index]!.used - raw[index - 1]!.used;
      // Counters reset when the partition restarts; such an interval is skipped, not turned into nonsense.
      if (deltaTime > 0 && deltaUsed >= 0 && !Number.isNaN(raw[index]!.time))
        values.push({ time: raw[index]!.time, value: deltaUsed / deltaTime });
    }
    // One row of an LPAR gives counters but no interval: say what to export instead of showing no samples.
    const own = raw.length === 1 ? [...lost, msg('import.hmc-one-sample', { lpar: entry.measurement.lparName })] : lost;
    return finish(entry, values, own);
  });
}

/** Generic CSV from other monitoring tools: time, LPAR, cores used, optionally memory (GiB) and machine type-model. */
export async function parseGeneric(path: string, label = path, options: ReadOptions = {}): Promise<LparMeasurement[]> {
  const byLpar = new Map<string, Lpar>();
  let columns: string[] = [];
  const read = await readRows(path, label, options, (row) => {
    if (columns.length === 0) columns = [...row.keys()];
    const name = pick(row, /^(lpar|partition|vm|host|name)/);
    const time = parseTimeText(pick(row, /^(time|timestamp|date)/) ?? '');
    const cores = numberOf(pick(row, /(cores|physc|cpu)/));
    if (!name || !time || cores === undefined || !(cores >= 0 && cores < 10_000)) return false;
    if (!byLpar.has(name)) {
      const measurement = emptyMeasurement('generic', label, name);
      measurement.identity = `generic:${name.toLowerCase()}`;
      byLpar.set(name, { measurement, samples: new TimedSamples(), counters: [], memoryPeak: 0 });
    }
    const entry = byLpar.get(name)!;
    entry.samples.add(time, cores);
    const memory = numberOf(pick(row, /mem/));
    if (memory !== undefined && memory > entry.memoryPeak) entry.memoryPeak = memory;
    const type = pick(row, /(mtm|model|machine)/);
    if (type) entry.measurement.machineTypeModel = machineTypeModelOf(type);
    const os = osOf(pick(row, /^os/));
    if (os) entry.measurement.os = os;
    const serial = pick(row, /serial/);
    if (serial) entry.measurement.serial = serial;
    return true;
  });
  if (byLpar.size === 0)
    throw new ImportFileError(msg('import.generic-no-rows', { file: label, columns: columns.join(', ') || '—' }));
  const { order, ambiguous } = dateOrderOf([...byLpar.values()].flatMap((entry) => entry.samples.times()));
  const lost = lostOf(read, ambiguous ? [msg('import.dates-ambiguous', { order })] : []);
  return [...byLpar.values()].map((entry) => {
    const measurement = finish(entry, entry.samples.resolve(order), lost);
    if (entry.memoryPeak > 0) measurement.memoryUsedPeakGiB = entry.memoryPeak;
    return measurement;
  });
}

export { identityOf };
