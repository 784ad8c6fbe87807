// Raw nmon files (AIX topas_nmon and nmon, Linux nmon), read as bytes: only the lines of the sections used are
// looked at, numbers are parsed straight from the bytes, and every column is found by its name in the section's
// header line (with the published layout as the fallback when an old nmon names fewer columns than it writes).
//   AAA      host, SerialNumber, MachineType, LPARNumberName, interval, snapshots, OS, cpus, x86 lines
//   BBBL     LPAR configuration of AIX nmon (entitled capacity, virtual CPUs, SMT threads, online memory)
//   BBBP     command outputs: `lparstat -i` and `lsattr` (AIX), `/proc/ppc64/lparcfg`, `/proc/device-tree/host-model`,
//            `host-serial`, `ibm,partition-name`, `ppc64_cpu --smt` (Linux on Power), `lsconf` (AIX)
//   ZZZZ     T0001,hh:mm:ss,dd-MON-yyyy  (the time of each snapshot; in a sorted file they come last)
//   LPAR     PhysicalCPU (physical cores consumed), virtualCPUs, logicalCPUs, entitled (shared LPARs)
//   CPU_ALL  User% Sys% ... CPUs (cores used by a dedicated LPAR = (User+Sys)/100 x cores; CPUs = logical CPUs)
//   MEM      AIX: Real free(MB), Real total(MB); Linux: memtotal, memfree, cached, buffers
//   MEMNEW   AIX: Process%, System% (computational memory)
//   DISKREAD, DISKWRITE (KB/s per disk), DISKXFER (transfers/s per disk), NET (KB/s per interface direction)
import type { Generation } from '../catalog';
import { LIMITS } from './limits';
import {
  type LparMeasurement,
  describeSeries,
  emptyMeasurement,
  generationOf,
  machineTypeModelOf,
  ownContribution,
} from './measurement';
import { ImportFileError, type Message, msg } from './messages';
import { type ReadOptions, scanFile, textOf } from './reader';
import { SeriesBuilder, grow } from './series';
import { MONTHS, parseTimeText, resolveTime } from './times';

const SECTION = {
  NONE: 0,
  AAA: 1,
  BBBL: 2,
  BBBP: 3,
  ZZZZ: 4,
  LPAR: 5,
  CPU_ALL: 6,
  MEM: 7,
  MEMNEW: 8,
  DISKREAD: 9,
  DISKWRITE: 10,
  DISKXFER: 11,
  NET: 12,
} as const;
type Section = (typeof SECTION)[keyof typeof SECTION];
const SECTION_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(SECTION).map(([name, id]) => [id, name]),
);
const bytesOf = (text: string) => Buffer.from(text, 'latin1');
/** Section names with their comma, grouped by first byte: most lines (CPU01..., TOP, UARG) are rejected at once. */
interface Candidates {
  ids: Section[];
  names: Uint8Array[];
}
// Dense (one entry per byte value, null for none): looked up for every line of the file.
const BY_FIRST_BYTE: Array<Candidates | null> = Array.from({ length: 256 }, () => null);
for (const [name, id] of Object.entries(SECTION) as Array<[string, Section]>) {
  if (id === SECTION.NONE) continue;
  const bytes = new Uint8Array(bytesOf(`${name},`));
  const group = (BY_FIRST_BYTE[bytes[0]!] ??= { ids: [], names: [] });
  group.ids.push(id);
  group.names.push(bytes);
}

/** The section of a line from its first field, without making a string (most lines are of sections not used). */
function sectionOf(buffer: Buffer, start: number, end: number): Section {
  const candidates = BY_FIRST_BYTE[buffer[start]!]!;
  if (candidates === null) return SECTION.NONE;
  const { ids, names } = candidates;
  for (let candidate = 0; candidate < ids.length; candidate += 1) {
    const name = names[candidate]!;
    if (start + name.length > end) continue;
    let index = 1;
    while (index < name.length && buffer[start + index] === name[index]) index += 1;
    if (index === name.length) return ids[candidate]!;
  }
  return SECTION.NONE;
}

/** Byte offset in "hh:mm:ss" and milliseconds per unit of each clock digit. */
const CLOCK_DIGITS: ReadonlyArray<readonly [number, number]> = [
  [0, 36_000_000],
  [1, 3_600_000],
  [3, 600_000],
  [4, 60_000],
  [6, 10_000],
  [7, 1000],
];

// Flat arrays of the same: read once per snapshot line, without an iterator per digit.
const CLOCK_OFFSETS = CLOCK_DIGITS.map(([offset]) => offset);
const CLOCK_WEIGHTS = CLOCK_DIGITS.map(([, weight]) => weight);

const SECTION_LENGTHS: number[] = [];
for (const [name, id] of Object.entries(SECTION) as Array<[string, Section]>) SECTION_LENGTHS[id] = name.length;

const COMMA = 44;

/** Position of the next comma in [from, end), or end. */
function nextComma(buffer: Buffer, from: number, end: number): number {
  for (let index = from; index < end; index += 1) if (buffer[index] === COMMA) return index;
  return end;
}

/** A decimal number straight from bytes (spaces trimmed); NaN when empty or not a number. */
export function numberAt(buffer: Buffer, start: number, end: number): number {
  while (start < end && buffer[start] === 32) start += 1;
  while (end > start && buffer[end - 1] === 32) end -= 1;
  if (start === end) return Number.NaN;
  let index = start;
  let negative = false;
  if (buffer[index] === 45) {
    negative = true;
    index += 1;
  } else if (buffer[index] === 43) index += 1;
  let whole = 0;
  let digits = 0;
  let scale = 1;
  while (index < end) {
    const code = buffer[index]! - 48;
    if (code < 0 || code > 9) break;
    whole = whole * 10 + code;
    digits += 1;
    index += 1;
  }
  if (index < end && buffer[index] === 46) {
    index += 1;
    while (index < end) {
      const code = buffer[index]! - 48;
      if (code < 0 || code > 9) break;
      whole = whole * 10 + code;
      scale *= 10;
      digits += 1;
      index += 1;
    }
  }
  // Exponents, long digit strings and anything odd go through the full parser (one rounding, like Number()).
  if (index !== end || digits === 0 || digits > 15) {
    const text = buffer.toString('latin1', start, end);
    return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : Number.NaN;
  }
  const value = whole / scale;
  return negative ? -value : value;
}

/**
 * Values by snapshot number, NaN where a snapshot has none. Stored from the lowest number seen, so a file cut from
 * the middle of a long run (T3601...T3720) costs its own length, not the run's.
 */
class ByTag {
  private values = new Float64Array(256).fill(Number.NaN);
  private base = -1;
  max = 0;
  set(tag: number, value: number): void {
    if (this.base < 0) this.base = tag;
    if (tag < this.base) {
      // A lower number than any before (a sorted or reordered file): move what is stored up.
      const shift = this.base - tag;
      const moved = new Float64Array(Math.max(this.values.length, (this.max - tag + 1) * 2)).fill(Number.NaN);
      moved.set(this.values.subarray(0, Math.min(this.values.length, moved.length - shift)), shift);
      this.values = moved;
      this.base = tag;
    }
    while (tag - this.base >= this.values.length) this.values = grow(this.values, Number.NaN);
    this.values[tag - this.base] = value;
    if (tag > this.max) this.max = tag;
  }
  get(tag: number): number {
    const at = tag - this.base;
    return this.base >= 0 && at >= 0 && at < this.values.length ? this.values[at]! : Number.NaN;
  }
  /** The lowest snapshot number stored (1 when none). */
  get min(): number {
    return this.base < 0 ? 1 : this.base;
  }
}

/** Published column layouts, used when a header names fewer columns than its lines hold (nmon v8b's MEM). */
const KNOWN_LAYOUTS: Partial<Record<Section, string[]>> = {
  [SECTION.MEM]: [
    'Real Free %',
    'Virtual free %',
    'Real free(MB)',
    'Virtual free(MB)',
    'Real total(MB)',
    'Virtual total(MB)',
  ],
  [SECTION.LPAR]: [
    'PhysicalCPU',
    'virtualCPUs',
    'logicalCPUs',
    'poolCPUs',
    'entitled',
    'weight',
    'PoolIdle',
    'usedAllCPU%',
    'usedPoolCPU%',
    'SharedCPU',
    'Capped',
  ],
  [SECTION.CPU_ALL]: ['User%', 'Sys%', 'Wait%', 'Idle%', 'Busy', 'CPUs'],
  [SECTION.MEMNEW]: ['Process%', 'FScache%', 'System%', 'Free%', 'Pinned%', 'User%'],
};

/**
 * nmon v8b printed its MEM header through printf, which swallowed each "%," of "Real Free %,Virtual free %,...":
 * "Real Free Virtual free Real free(MB),Virtual free(MB),...". Such a header is the published layout, whole.
 */
function withPercentsRestored(section: Section, names: string[]): string[] {
  const layout = KNOWN_LAYOUTS[section];
  if (!layout || names.length < 3) return names;
  const written = names
    .slice(2)
    .map((name) => name.trim())
    .join(',');
  const swallowed = layout.join(',').replace(/%,/g, '');
  return written.toLowerCase() === swallowed.toLowerCase() ? [...names.slice(0, 2), ...layout] : names;
}

/** Column positions (in the line's cells, 0 = section name) of the names a section needs, -1 when absent. */
interface Columns {
  names: string[];
  index: (pattern: RegExp) => number;
}

function columnsOf(names: string[]): Columns {
  const normalised = names.map((name) => name.trim());
  return {
    names: normalised,
    index: (pattern) => normalised.findIndex((name, position) => position >= 2 && pattern.test(name)),
  };
}

interface Config {
  progname: string | null;
  host: string | null;
  serial: string | null;
  lparNumber: number | null;
  lparName: string | null;
  machineType: string | null;
  generation: Generation | null;
  os: 'aix' | 'linux' | null;
  /** uname machine of Linux, or a non-Power platform named by the file. */
  architecture: string | null;
  x86Cpu: string | null;
  interval: number | null;
  snapshots: number | null;
  /** AAA,cpus: Linux on Power writes cores then logical CPUs; AIX writes logical CPUs (twice, or max and online). */
  cpusField: number[];
  virtualCpus: number | null;
  logicalCpus: number | null;
  smt: number | null;
  entitled: number | null;
  onlineMemoryMB: number | null;
  mode: 'shared' | 'dedicated' | null;
  /** Cores of a dedicated LPAR from its own configuration (lparstat, lsattr, lparcfg, ppc64_cpu). */
  dedicatedCores: number | null;
  hostModel: string | null;
  /** lparcfg's system_type says "emulated by qemu": a PowerKVM guest, not a PowerVM partition. */
  kvmGuest: boolean;
  lsconfModel: string | null;
  lsconfSerial: string | null;
  lsconfMemoryMB: number | null;
  /** `lsattr -El sys0`: modelname, the serial inside systemid, realmem (usable physical memory, KB) in MB. */
  lsattrModel: string | null;
  lsattrSerial: string | null;
  lsattrMemoryMB: number | null;
  /** AAA,date and AAA,time: where snapshots start when ZZZZ lines hold a time but no date (nmon v8b). */
  startDate: string | null;
  startTime: string | null;
  power: boolean;
}

const emptyConfig = (): Config => ({
  progname: null,
  host: null,
  serial: null,
  lparNumber: null,
  lparName: null,
  machineType: null,
  generation: null,
  os: null,
  architecture: null,
  x86Cpu: null,
  interval: null,
  snapshots: null,
  cpusField: [],
  virtualCpus: null,
  logicalCpus: null,
  smt: null,
  entitled: null,
  onlineMemoryMB: null,
  mode: null,
  dedicatedCores: null,
  hostModel: null,
  kvmGuest: false,
  lsconfModel: null,
  lsconfSerial: null,
  lsconfMemoryMB: null,
  lsattrModel: null,
  lsattrSerial: null,
  lsattrMemoryMB: null,
  startDate: null,
  startTime: null,
  power: false,
});

const positive = (value: number) => (Number.isFinite(value) && value > 0 ? value : null);
const numberOf = (text: string | undefined) => {
  const match = /-?\d+(\.\d+)?/.exec(text ?? '');
  return match ? Number(match[0]) : Number.NaN;
};

function readAaa(config: Config, cells: string[]): void {
  const key = cells[1] ?? '';
  const value = cells.slice(2).join(',').trim();
  switch (key) {
    case 'progname':
      config.progname = value;
      break;
    case 'host':
      config.host = value || config.host;
      break;
    case 'SerialNumber':
      config.serial = value || config.serial;
      break;
    case 'MachineType':
      config.machineType = machineTypeModelOf(value);
      break;
    case 'LPARNumberName': {
      config.lparNumber = positive(Number(cells[2])) ?? config.lparNumber;
      config.lparName = (cells[3] ?? '').trim() || config.lparName;
      break;
    }
    case 'interval':
      config.interval = positive(Number(value));
      break;
    case 'snapshots':
      config.snapshots = positive(Number(value));
      break;
    case 'date':
      config.startDate = value || null;
      break;
    case 'time':
      config.startTime = value || null;
      break;
    case 'cpus':
      config.cpusField = cells
        .slice(2)
        .map(Number)
        .filter((each) => Number.isFinite(each));
      break;
    case 'AIX':
      config.os = 'aix';
      config.power = true;
      break;
    case 'build':
      if (/aix/i.test(value)) {
        config.os = 'aix';
        config.power = true;
      }
      break;
    case 'OS': {
      if (/linux/i.test(cells[2] ?? '')) config.os = 'linux';
      else if (/aix/i.test(value)) {
        config.os = 'aix';
        config.power = true;
      }
      // AAA,OS,Linux,<release>,<version>,<machine>: the machine is the last cell.
      const machine = (cells.at(-1) ?? '').trim();
      if (/^(x86_64|i[3-6]86|aarch64|arm\w*|s390x?|ppc64le|ppc64|ppc)$/.test(machine)) config.architecture = machine;
      break;
    }
    case 'x86': {
      config.architecture ??= 'x86_64';
      if (cells[2] === 'ModelName') config.x86Cpu = cells.slice(3).join(',').trim();
      break;
    }
    case 'hardware':
      // "Architecture PowerPC Implementation POWER8 64 bit"; "POWER7_in_P7_mode" names the chip first.
      if (/PowerPC|POWER/i.test(value)) config.power = true;
      config.generation = generationOf(value.replace(/^.*Implementation/i, '')) ?? config.generation;
      break;
    default:
      break;
  }
}

function readBbbl(config: Config, cells: string[]): void {
  const label = (cells[2] ?? '').trim().toLowerCase();
  const value = numberOf(cells[3]);
  if (label === 'lparno') config.lparNumber ??= positive(value);
  else if (label === 'lparname') config.lparName ??= (cells[3] ?? '').trim() || null;
  else if (label === 'virtual cpu' || label === 'online virtual cpus')
    config.virtualCpus = positive(value) ?? config.virtualCpus;
  else if (label === 'logical cpu') config.logicalCpus = positive(value) ?? config.logicalCpus;
  else if (label === 'smt threads') config.smt = positive(value) ?? config.smt;
  else if (label === 'entitled capacity') config.entitled = positive(value) ?? config.entitled;
  else if (label === 'online memory') config.onlineMemoryMB = positive(value) ?? config.onlineMemoryMB;
  else if (/mode|shared|dedicated/.test(label) && /dedicated/i.test(cells[3] ?? '')) config.mode = 'dedicated';
  else if (/mode|shared|dedicated/.test(label) && /shared/i.test(cells[3] ?? '')) config.mode = 'shared';
  config.power = true;
}

/** One line of a command's output in BBBP: the command, and its text without the quotes nmon adds. */
function readBbbp(config: Config, command: string, text: string): void {
  const name = command.toLowerCase();
  if (name.includes('lparstat')) {
    const [key, value] = splitOnce(text, ':');
    const lower = key.toLowerCase();
    if (lower === 'type') {
      if (/dedicated/i.test(value)) config.mode = 'dedicated';
      else if (/shared/i.test(value)) config.mode = 'shared';
      const smt = /SMT-?(\d)/i.exec(value);
      if (smt) config.smt = Number(smt[1]);
      else if (/\bSMT\b/i.test(value)) config.smt ??= 2;
    } else if (lower === 'online virtual cpus') config.virtualCpus = positive(numberOf(value)) ?? config.virtualCpus;
    else if (lower === 'entitled capacity') config.entitled = positive(numberOf(value)) ?? config.entitled;
    else if (lower === 'online memory') config.onlineMemoryMB = positive(numberOf(value)) ?? config.onlineMemoryMB;
    else if (lower === 'partition number') config.lparNumber ??= positive(numberOf(value));
    else if (lower === 'partition name') config.lparName ??= value || null;
    config.power = true;
  } else if (name.startsWith('lsattr')) {
    // "ent_capacity 9.00 Entitled processor capacity False" or "dedicated true ..."
    const [key, value] = [text.trim().split(/\s+/)[0] ?? '', text.trim().split(/\s+/)[1] ?? ''];
    if (key === 'dedicated')
      config.mode = /^true$/i.test(value) ? 'dedicated' : /^false$/i.test(value) ? 'shared' : config.mode;
    else if (key === 'ent_capacity') config.entitled = positive(Number(value)) ?? config.entitled;
    else if (key === 'smt_threads') config.smt = positive(Number(value)) ?? config.smt;
    else if (key === 'modelname') config.lsattrModel = machineTypeModelOf(value);
    // "IBM,0206D8EE5": the machine serial follows "IBM," and the two-digit "02" (lsconf says 06D8EE5).
    else if (key === 'systemid') config.lsattrSerial = /^IBM,02(\w{5,8})$/i.exec(value)?.[1] ?? config.lsattrSerial;
    else if (key === 'realmem') config.lsattrMemoryMB = positive(Number(value) / 1024) ?? config.lsattrMemoryMB;
    config.power = true;
  } else if (name.includes('lparcfg')) {
    const [key, value] = splitOnce(text, '=');
    if (key === 'serial_number') config.serial ??= value.replace(/^IBM,/, '') || null;
    else if (key === 'system_type') {
      config.hostModel ??= machineTypeModelOf(value);
      // nmon itself tells a PowerKVM guest by this (lmon: "(emulated-by-qemu)"); it writes no LPAR lines for one.
      if (/emulated[\s-]by[\s-]qemu/i.test(value)) config.kvmGuest = true;
    } else if (key === 'partition_id') config.lparNumber ??= positive(Number(value));
    else if (key === 'shared_processor_mode')
      config.mode = value === '1' ? 'shared' : value === '0' ? 'dedicated' : config.mode;
    else if (key === 'partition_active_processors') config.virtualCpus = positive(Number(value)) ?? config.virtualCpus;
    // lparcfg gives the entitlement in hundredths of a core.
    else if (key === 'partition_entitled_capacity') config.entitled = positive(Number(value) / 100) ?? config.entitled;
    config.power = true;
  } else if (name.includes('host-model')) {
    config.hostModel = machineTypeModelOf(text) ?? config.hostModel;
    config.power = true;
  } else if (name.includes('host-serial')) {
    config.serial ??= text.replace(/^IBM,/, '').trim() || null;
  } else if (name.includes('ibm,partition-name')) {
    config.lparName ??= text.trim() || null;
  } else if (name.includes('ppc64_cpu - smt')) {
    const smt = /SMT=(\d+)/i.exec(text);
    if (smt) config.smt = Number(smt[1]);
    else if (/SMT is off/i.test(text)) config.smt = 1;
    config.power = true;
  } else if (name.includes('ppc64_cpu - cores')) {
    const cores = /=\s*(\d+)/.exec(text);
    if (cores) config.dedicatedCores ??= Number(cores[1]);
  } else if (name.includes('/proc/cpuinfo')) {
    // "cpu : POWER8E (raw), altivec supported": the first processor's line is enough.
    const [key, value] = splitOnce(text, ':');
    if (key === 'cpu') config.generation ??= generationOf(value);
  } else if (name === 'lsconf') {
    const [key, value] = splitOnce(text, ':');
    if (key === 'Processor Type') config.generation ??= generationOf(value);
    else if (key === 'System Model') config.lsconfModel = machineTypeModelOf(value);
    else if (key === 'Machine Serial Number') config.lsconfSerial = value || null;
    else if (key === 'Memory Size') config.lsconfMemoryMB = positive(numberOf(value));
  }
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text.trim(), ''] : [text.slice(0, at).trim(), text.slice(at + 1).trim()];
}

/** "00:05:00" and "16-NOV-2026" to milliseconds of that wall-clock time; NaN when either is malformed. */
function nmonTime(time: string, date: string): number {
  const clock = /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(time.trim());
  const day = /^(\d{1,2})-([A-Za-z]{3})-(\d{2,4})$/.exec(date.trim());
  const month = day ? MONTHS[day[2]!.toUpperCase()] : undefined;
  if (!clock || !day || month === undefined) return Number.NaN;
  const year = Number(day[3]) < 100 ? 2000 + Number(day[3]) : Number(day[3]);
  const hours = Number(clock[1]);
  const minutes = Number(clock[2]);
  const seconds = Number(clock[3] ?? 0);
  if (hours > 23 || minutes > 59 || seconds > 60) return Number.NaN;
  return Date.UTC(year, month, Number(day[1]), hours, minutes, seconds);
}

/**
 * Midnight of AAA,date: "16-NOV-2026", or "03/03/11", which old nmon writes day first (nmon2rrd reads
 * "AAA,date,22/04/03" as day, month, year); NaN when it is neither.
 */
function nmonDay(date: string): number {
  const parsed = parseTimeText(date);
  return parsed?.kind === 'numeric-date' ? resolveTime(parsed, 'day-first') : nmonTime('00:00:00', date);
}

/** What one pass over an nmon file collects. */
class NmonReader {
  readonly config = emptyConfig();
  readonly headers = new Map<Section, Columns>();
  readonly times = new ByTag();
  /** Milliseconds into the day of ZZZZ lines without a date, until AAA,date places them. */
  private readonly clockOnly = new ByTag();
  readonly physical = new ByTag();
  readonly cpuBusy = new ByTag();
  readonly logicalCpus = new ByTag();
  sawAaa = false;
  lineNumber = 0;
  damaged = 0;
  firstDamaged: number[] = [];
  damagedSections = new Map<string, number>();
  lparVirtual: number | null = null;
  lparEntitled: number | null = null;
  lparShared: number | null = null;
  memTotalMB: number | null = null;
  memUsedPeakMB = 0;
  memNewPeakPercent = 0;
  diskRead: number | null = null;
  diskWrite: number | null = null;
  diskXfer: number | null = null;
  network: number | null = null;
  private bbbpCommand = '';
  // Column positions per section, resolved once per header.
  private lparCols = { physical: -1, virtual: -1, entitled: -1, shared: -1 };
  private cpuCols = { user: -1, sys: -1, cpus: -1 };
  private memCols = { aixTotal: -1, aixFree: -1, linuxTotal: -1, linuxFree: -1, cached: -1, buffers: -1 };
  private memNewCols = { process: -1, system: -1 };
  private readonly cells: number[] = [];
  /** Entries of `cells` that belong to the current line. */
  private cellCount = 0;
  /** Sections whose header is known, by section number (checked on every data line, cheaper than the map). */
  private readonly hasHeader: boolean[] = [];

  line = (buffer: Buffer, start: number, end: number): void => {
    this.lineNumber += 1;
    if (end === start) return;
    const section = sectionOf(buffer, start, end);
    if (section === SECTION.NONE) return;
    const first = start + SECTION_LENGTHS[section]!;
    const second = nextComma(buffer, first + 1, end);
    if (section === SECTION.AAA || section === SECTION.BBBL || section === SECTION.BBBP) {
      this.config_(section, buffer, start, end);
      return;
    }
    const tag = this.tagOf(buffer, first + 1, second);
    if (section === SECTION.ZZZZ) {
      if (tag <= 0) return this.damage(section);
      if (nextComma(buffer, second + 1, end) === end) return this.clockOnlyTime(tag, textOf(buffer, second + 1, end));
      const time = this.zzzzTime(buffer, second + 1, end);
      if (Number.isNaN(time)) return this.damage(section);
      this.times.set(tag, time);
      return;
    }
    if (tag === 0) {
      this.header(section, buffer, start, end);
      return;
    }
    if (tag < 0) return this.damage(section);
    this.data(section, tag, buffer, second, end);
  };

  /** "ZZZZ,T0001,00:00:04": nmon v8b writes the time of day alone; the day comes from AAA,date once all is read. */
  private clockOnlyTime(tag: number, text: string): void {
    const clock = /^(\d{1,2}):(\d{2}):(\d{2})\s*$/.exec(text);
    const [hours, minutes, seconds] = clock ? [Number(clock[1]), Number(clock[2]), Number(clock[3])] : [99, 0, 0];
    if (hours > 23 || minutes > 59 || seconds > 60) return this.damage(SECTION.ZZZZ);
    this.clockOnly.set(tag, ((hours * 60 + minutes) * 60 + seconds) * 1000);
  }

  /**
   * Times of the snapshots whose ZZZZ line has no date: the first is on the day AAA,date names, and each time the
   * clock goes back the collection has passed midnight (as nmon2rrd, by nmon's author, reads these files).
   */
  resolveClockOnly(startDate: string | null): void {
    if (this.clockOnly.max === 0) return;
    const day = nmonDay(startDate ?? '');
    if (Number.isNaN(day)) return;
    let offset = 0;
    let previous = -1;
    for (let tag = this.clockOnly.min; tag <= this.clockOnly.max; tag += 1) {
      const clock = this.clockOnly.get(tag);
      if (Number.isNaN(clock)) continue;
      if (previous >= 0 && clock < previous) offset += 86_400_000;
      previous = clock;
      if (Number.isNaN(this.times.get(tag))) this.times.set(tag, day + offset + clock);
    }
  }

  /** "00:05:00,16-NOV-2026" from bytes: the clock digit by digit, the date parsed once per day and reused. */
  private zzzzTime(buffer: Buffer, start: number, end: number): number {
    const comma = nextComma(buffer, start, end);
    let clock = Number.NaN;
    if (comma - start === 8 && buffer[start + 2] === 58 && buffer[start + 5] === 58) {
      let value = 0;
      let valid = true;
      // hh:mm:ss, digit by digit; the colons were checked above.
      for (let index = 0; index < CLOCK_OFFSETS.length; index += 1) {
        const digit = buffer[start + CLOCK_OFFSETS[index]!]! - 48;
        if (digit < 0 || digit > 9) valid = false;
        value += digit * CLOCK_WEIGHTS[index]!;
      }
      if (valid) clock = value;
    }
    const dateStart = comma + 1;
    const dateEnd = nextComma(buffer, dateStart, end);
    if (Number.isNaN(clock) || clock > 86_400_000)
      return nmonTime(textOf(buffer, start, comma), textOf(buffer, dateStart, dateEnd));
    if (!this.sameDate(buffer, dateStart, dateEnd)) {
      this.lastDate = Buffer.from(buffer.subarray(dateStart, dateEnd));
      this.lastDateMs = nmonTime('00:00:00', textOf(buffer, dateStart, dateEnd));
    }
    return this.lastDateMs + clock;
  }

  private sameDate(buffer: Buffer, start: number, end: number): boolean {
    const last = this.lastDate;
    if (last === null || last.length !== end - start) return false;
    for (let index = 0; index < last.length; index += 1) if (last[index] !== buffer[start + index]) return false;
    return true;
  }

  private lastDate: Buffer | null = null;
  private lastDateMs = Number.NaN;

  /** Snapshot number of a T-tag: > 0 for T0001..., 0 when the field is not a tag (a header), -1 when damaged. */
  private tagOf(buffer: Buffer, start: number, end: number): number {
    if (buffer[start] !== 84 /* T */) return 0;
    let value = 0;
    for (let index = start + 1; index < end; index += 1) {
      const digit = buffer[index]! - 48;
      if (digit < 0 || digit > 9) return -1;
      value = value * 10 + digit;
      if (value > 50_000_000) return -1;
    }
    return end - start > 1 && value > 0 ? value : -1;
  }

  private damage(section: Section): void {
    this.damaged += 1;
    if (this.firstDamaged.length < 5) this.firstDamaged.push(this.lineNumber);
    const name = SECTION_NAMES[section] ?? '?';
    this.damagedSections.set(name, (this.damagedSections.get(name) ?? 0) + 1);
  }

  private config_(section: Section, buffer: Buffer, start: number, end: number): void {
    const text = textOf(buffer, start, end);
    if (section === SECTION.AAA) {
      this.sawAaa = true;
      readAaa(this.config, text.split(','));
    } else if (section === SECTION.BBBL) readBbbl(this.config, text.split(','));
    else {
      // BBBP,003,lsconf,"System Model: IBM,8205-E6C"; BBBP,002,lsconf opens the command's block.
      const afterNumber = text.indexOf(',', 5);
      const afterCommand = afterNumber < 0 ? -1 : text.indexOf(',', afterNumber + 1);
      if (afterNumber < 0) return;
      const quote = text.indexOf('"', afterNumber + 1);
      // The command itself may hold commas (ibm,partition-name): it ends where the quoted text begins.
      if (quote < 0) {
        // Unquoted: "BBBP,002,lsconf" opens a block; "BBBP,045,lsattr -El sys0,ent_capacity 9.00" is a line of one.
        const command = text.slice(afterNumber + 1, afterCommand < 0 ? undefined : afterCommand).trim();
        if (afterCommand < 0) this.bbbpCommand = command;
        else readBbbp(this.config, command || this.bbbpCommand, text.slice(afterCommand + 1));
        return;
      }
      const command = text.slice(afterNumber + 1, quote - 1).trim();
      const content = text.slice(quote + 1, text.endsWith('"') ? -1 : undefined);
      readBbbp(this.config, command || this.bbbpCommand, content);
    }
  }

  private header(section: Section, buffer: Buffer, start: number, end: number): void {
    if (this.headers.has(section)) {
      // A second header for a section is a damaged data line (its tag is broken), never a new layout.
      if (!this.sameHeader(section, buffer, start, end)) this.damage(section);
      return;
    }
    const names = textOf(buffer, start, end).split(',');
    this.setHeader(section, withPercentsRestored(section, names));
  }

  private sameHeader(section: Section, buffer: Buffer, start: number, end: number): boolean {
    return (
      this.headers.get(section)!.names.join(',') ===
      textOf(buffer, start, end)
        .split(',')
        .map((name) => name.trim())
        .join(',')
    );
  }

  private setHeader(section: Section, names: string[]): void {
    const columns = columnsOf(names);
    this.headers.set(section, columns);
    this.hasHeader[section] = true;
    if (section === SECTION.LPAR) {
      this.lparCols = {
        physical: columns.index(/^PhysicalCPU$/i),
        virtual: columns.index(/^(virtualCPUs|partition_active_processors)$/i),
        entitled: columns.index(/^(entitled|partition_entitled_capacity)$/i),
        shared: columns.index(/^(SharedCPU|shared_processor_mode)$/i),
      };
    } else if (section === SECTION.CPU_ALL) {
      this.cpuCols = {
        user: columns.index(/^User\s*%?$/i),
        sys: columns.index(/^Sys\s*%?$/i),
        cpus: columns.index(/^(CPUs|PhysicalCPUs|LogicalCPUs)$/i),
      };
    } else if (section === SECTION.MEM) {
      this.memCols = {
        aixTotal: columns.index(/^Real total\s*\(MB\)$/i),
        aixFree: columns.index(/^Real free\s*\(MB\)$/i),
        linuxTotal: columns.index(/^memtotal$/i),
        linuxFree: columns.index(/^memfree$/i),
        cached: columns.index(/^cached$/i),
        buffers: columns.index(/^buffers$/i),
      };
    } else if (section === SECTION.MEMNEW) {
      this.memNewCols = { process: columns.index(/^Process%$/i), system: columns.index(/^System%$/i) };
    }
  }

  /**
   * A header naming fewer columns than its data lines hold: when the names it has are the start of the published
   * layout, the rest of that layout names the rest (nmon v8b writes 4 MEM names for 6 values).
   */
  private widenHeader(section: Section, cellCount: number): void {
    const columns = this.headers.get(section);
    const layout = KNOWN_LAYOUTS[section];
    if (!columns || !layout || columns.names.length >= cellCount) return;
    const named = columns.names.slice(2);
    const matches = named.every((name, index) => layout[index]?.toLowerCase() === name.toLowerCase());
    if (!matches || layout.length + 2 < cellCount) return;
    this.setHeader(section, [...columns.names.slice(0, 2), ...layout.slice(0, cellCount - 2)]);
  }

  /** Splits the values of a data line into `cells` (positions of value starts and ends) up to `upTo` columns. */
  private split(buffer: Buffer, second: number, end: number, upTo: number): number {
    const cells = this.cells;
    // Overwritten in place and bounded by a count: emptying the array (length = 0) on every line costs a runtime call.
    let count = 0;
    let position = second;
    let column = 1;
    while (position < end && column < upTo) {
      const next = nextComma(buffer, position + 1, end);
      column += 1;
      cells[count] = position + 1;
      cells[count + 1] = next;
      count += 2;
      position = next;
    }
    this.cellCount = count;
    return column + 1;
  }

  private value(buffer: Buffer, column: number): number {
    if (column < 2) return Number.NaN;
    const at = (column - 2) * 2;
    if (at + 1 >= this.cellCount) return Number.NaN;
    return numberAt(buffer, this.cells[at]!, this.cells[at + 1]!);
  }

  private data(section: Section, tag: number, buffer: Buffer, second: number, end: number): void {
    if (!this.hasHeader[section] && KNOWN_LAYOUTS[section])
      this.setHeader(section, ['', '', ...KNOWN_LAYOUTS[section]!]);
    switch (section) {
      case SECTION.LPAR:
        return this.lpar(tag, buffer, second, end);
      case SECTION.CPU_ALL:
        return this.cpuAll(tag, buffer, second, end);
      case SECTION.MEM:
        return this.mem(buffer, second, end);
      case SECTION.MEMNEW:
        return this.memNew(buffer, second, end);
      default:
        return this.total(section, buffer, second, end);
    }
  }

  private lpar(tag: number, buffer: Buffer, second: number, end: number): void {
    const cols = this.lparCols;
    this.split(buffer, second, end, Math.max(cols.physical, cols.virtual, cols.entitled, cols.shared) + 1);
    const physical = this.value(buffer, cols.physical);
    if (!(physical >= 0) || physical > 10_000) return this.damage(SECTION.LPAR);
    this.physical.set(tag, physical);
    this.lparVirtual = positive(this.value(buffer, cols.virtual)) ?? this.lparVirtual;
    this.lparEntitled = positive(this.value(buffer, cols.entitled)) ?? this.lparEntitled;
    const shared = this.value(buffer, cols.shared);
    if (shared === 0 || shared === 1) this.lparShared = shared;
  }

  private cpuAll(tag: number, buffer: Buffer, second: number, end: number): void {
    const cols = this.cpuCols;
    // Up to the last column used; every column when the CPUs column is unnamed (then it is the last one).
    const count = this.split(buffer, second, end, cols.cpus >= 0 ? Math.max(cols.user, cols.sys, cols.cpus) + 1 : 1000);
    const cpusColumn = cols.cpus >= 0 ? cols.cpus : count - 1;
    const user = this.value(buffer, cols.user);
    const system = this.value(buffer, cols.sys);
    if (!(user >= 0 && system >= 0 && user + system <= 100.5)) return this.damage(SECTION.CPU_ALL);
    this.cpuBusy.set(tag, Math.min(1, (user + system) / 100));
    const logical = this.value(buffer, cpusColumn);
    if (logical > 0) this.logicalCpus.set(tag, logical);
  }

  private mem(buffer: Buffer, second: number, end: number): void {
    const known = this.memCols;
    const named = known.aixTotal >= 0 || known.linuxTotal >= 0;
    // Up to the last column used once the header names them; every column to see how wide an old header is.
    const last = Math.max(
      known.aixTotal,
      known.aixFree,
      known.linuxTotal,
      known.linuxFree,
      known.cached,
      known.buffers,
    );
    const count = this.split(buffer, second, end, named ? last + 1 : 1000);
    if (!named) this.widenHeader(SECTION.MEM, count);
    const cols = this.memCols;
    const aixTotal = this.value(buffer, cols.aixTotal);
    if (aixTotal > 0) {
      this.memTotalMB = aixTotal;
      const free = this.value(buffer, cols.aixFree);
      if (free >= 0 && free <= aixTotal) this.memUsedPeakMB = Math.max(this.memUsedPeakMB, aixTotal - free);
      return;
    }
    const linuxTotal = this.value(buffer, cols.linuxTotal);
    if (linuxTotal > 0) {
      this.memTotalMB = linuxTotal;
      const free = this.value(buffer, cols.linuxFree);
      const cached = this.value(buffer, cols.cached) || 0;
      const buffers = this.value(buffer, cols.buffers) || 0;
      if (free >= 0)
        this.memUsedPeakMB = Math.max(this.memUsedPeakMB, Math.max(0, linuxTotal - free - cached - buffers));
      return;
    }
    this.damage(SECTION.MEM);
  }

  private memNew(buffer: Buffer, second: number, end: number): void {
    const cols = this.memNewCols;
    this.split(buffer, second, end, Math.max(cols.process, cols.system) + 1);
    const process = this.value(buffer, cols.process);
    const system = this.value(buffer, cols.system);
    if (!(process >= 0 && system >= 0 && process + system <= 100.5)) return this.damage(SECTION.MEMNEW);
    this.memNewPeakPercent = Math.max(this.memNewPeakPercent, process + system);
  }

  private total(section: Section, buffer: Buffer, second: number, end: number): void {
    let sum = 0;
    let position = second;
    while (position < end) {
      const next = nextComma(buffer, position + 1, end);
      const value = numberAt(buffer, position + 1, next);
      if (value > 0) sum += value;
      position = next;
    }
    if (section === SECTION.DISKREAD) this.diskRead = Math.max(this.diskRead ?? 0, sum);
    else if (section === SECTION.DISKWRITE) this.diskWrite = Math.max(this.diskWrite ?? 0, sum);
    else if (section === SECTION.DISKXFER) this.diskXfer = Math.max(this.diskXfer ?? 0, sum);
    else if (section === SECTION.NET) this.network = Math.max(this.network ?? 0, sum);
  }
}

/** Why a file cannot be a Power partition's measurement, when it says what it is instead. */
function notPower(config: Config, label: string): Message | null {
  const architecture = config.architecture ?? '';
  if (/^(x86_64|i[3-6]86)$/.test(architecture)) {
    return msg('import.not-power-x86', { file: label, host: config.host ?? '?', cpu: config.x86Cpu ?? architecture });
  }
  if (/^(aarch64|arm)/.test(architecture))
    return msg('import.not-power-other', { file: label, host: config.host ?? '?', platform: `ARM (${architecture})` });
  if (/^s390/.test(architecture))
    return msg('import.not-power-other', {
      file: label,
      host: config.host ?? '?',
      platform: `IBM Z (${architecture})`,
    });
  return null;
}

/**
 * Cores of a dedicated LPAR (its samples are CPU_ALL busy shares of those cores): the partition's own count where
 * the file has it, else logical CPUs divided by the SMT threads per core.
 */
function dedicatedCores(config: Config, reader: NmonReader): { cores: number; note: Message } | null {
  const label = (source: string, cores: number) => ({ cores, note: msg('import.cores-from', { cores, source }) });
  if (config.virtualCpus && config.mode === 'dedicated') return label('virtual CPUs', config.virtualCpus);
  if (config.dedicatedCores) return label('ppc64_cpu --cores-present', config.dedicatedCores);
  if (config.entitled && config.mode === 'dedicated') return label('entitled capacity', config.entitled);
  if (config.virtualCpus) return label('virtual CPUs', config.virtualCpus);
  if (
    config.os === 'linux' &&
    config.power &&
    config.cpusField.length === 2 &&
    config.cpusField[0]! < config.cpusField[1]!
  ) {
    return label('AAA,cpus', config.cpusField[0]!);
  }
  const logical =
    config.logicalCpus ??
    (reader.logicalCpus.max > 0 ? reader.logicalCpus.get(reader.logicalCpus.max) : null) ??
    config.cpusField.at(-1) ??
    null;
  if (logical && config.smt) {
    return {
      cores: logical / config.smt,
      note: msg('import.cores-from-smt', { cores: logical / config.smt, logical, smt: config.smt }),
    };
  }
  return null;
}

/** Reads one nmon file into one LPAR's measurement; what was damaged or missing is listed, not fatal. */
export async function parseNmon(path: string, label = path, options: ReadOptions = {}): Promise<LparMeasurement> {
  const reader = new NmonReader();
  const stats = await scanFile(path, reader.line, options, label);
  const config = reader.config;
  reader.resolveClockOnly(config.startDate);
  if (!reader.sawAaa) throw new ImportFileError(msg('import.not-nmon', { file: label, lines: stats.lines }));
  const foreign = notPower(config, label);
  if (foreign) throw new ImportFileError(foreign);

  const measurement = emptyMeasurement('nmon', label, config.lparName ?? config.host ?? label);
  measurement.host = config.host;
  measurement.serial = config.serial ?? config.lsconfSerial ?? config.lsattrSerial;
  measurement.lparNumber = config.lparNumber;
  measurement.machineTypeModel = config.machineType ?? config.hostModel ?? config.lsconfModel ?? config.lsattrModel;
  measurement.processorGeneration = config.generation;
  measurement.os = config.os;
  measurement.smtThreads = config.smt;
  measurement.intervalSeconds = config.interval;
  measurement.identity = identityOf(
    measurement.serial,
    measurement.lparNumber,
    config.host ?? config.lparName ?? label,
  );
  const lost: Message[] = [];
  if (config.kvmGuest) measurement.notes.push(msg('import.powerkvm-guest', { host: config.host ?? label }));

  const shared = reader.physical.max > 0;
  const sampled = shared ? reader.physical : reader.cpuBusy;
  // At most one sample per snapshot number: sized once (within reason for a damaged far-off tag), rarely grown.
  const builder = new SeriesBuilder(sampled.max > 0 ? Math.min(sampled.max - sampled.min + 1, 1 << 20) : 0);
  let withoutTime = 0;
  if (shared) {
    measurement.mode = reader.lparShared === 0 ? 'dedicated' : 'shared';
    withoutTime = pushSamples(builder, reader.physical, reader.times, 1);
    measurement.entitlement = reader.lparEntitled ?? config.entitled;
    measurement.virtualProcessors = reader.lparVirtual ?? config.virtualCpus;
  } else if (reader.cpuBusy.max > 0) {
    const cores = dedicatedCores(config, reader);
    if (!cores)
      throw new ImportFileError(msg('import.no-core-count', { file: label, samples: countValues(reader.cpuBusy) }));
    measurement.notes.push(cores.note);
    measurement.mode = config.mode ?? 'dedicated';
    measurement.virtualProcessors = cores.cores;
    measurement.entitlement = config.entitled;
    withoutTime = pushSamples(builder, reader.cpuBusy, reader.times, cores.cores);
  }
  if (builder.size === 0) {
    if (withoutTime > 0) throw new ImportFileError(msg('import.no-times', { file: label, samples: withoutTime }));
    // Nothing but AAA/BBB lines: the configuration part of a collection written to a pipe (nmon -F, TA-nmon), whose
    // snapshots went to another file; saying so tells the user which file to add.
    if (reader.headers.size === 0 && reader.times.max === 0)
      throw new ImportFileError(msg('import.header-only', { file: label, lines: stats.lines }));
    throw new ImportFileError(msg('import.no-cpu-samples', { file: label }));
  }
  const { series, duplicates } = builder.build();
  measurement.samples = series;
  describeSeries(measurement);
  measurement.expectedSamples = config.snapshots;

  if (withoutTime > 0) lost.push(msg('import.lost-no-time', { samples: withoutTime }));
  if (duplicates > 0) lost.push(msg('import.lost-duplicate-times', { samples: duplicates }));
  if (reader.damaged > 0) {
    const sections = [...reader.damagedSections].map(([name, count]) => `${name} ${count}`).join(', ');
    lost.push(
      msg('import.lost-damaged-lines', { lines: reader.damaged, sections, first: reader.firstDamaged.join(', ') }),
    );
  }
  if (stats.overlong > 0)
    lost.push(msg('import.lost-overlong', { lines: stats.overlong, limitKiB: LIMITS.maxLineBytes / 1024 }));
  if (stats.withNul > 0) lost.push(msg('import.lost-nul', { lines: stats.withNul }));
  if (config.snapshots && series.cores.length < config.snapshots) {
    lost.push(msg('import.lost-snapshots', { present: series.cores.length, expected: config.snapshots }));
  }
  if (stats.unterminated) lost.push(msg('import.lost-cut-end'));

  const stated = statedMemory(config);
  let measuredMB = reader.memTotalMB;
  // A partition cannot hold more real memory than it is configured with: nmon v8b on AIX 5.3 writes a Real total of
  // terabytes for a 33 GiB partition. Such a MEM line is not read at all; the configuration says what there is.
  if (measuredMB !== null && stated !== null && measuredMB > 2 * stated.mb) {
    measurement.notes.push(
      msg('import.mem-total-implausible', { measuredMB, statedMB: stated.mb, source: stated.source }),
    );
    measuredMB = null;
  }
  const memoryMB = measuredMB ?? stated?.mb ?? null;
  if (memoryMB !== null) measurement.memoryConfiguredGiB = memoryMB / 1024;
  const usedMB =
    reader.memNewPeakPercent > 0 && memoryMB !== null
      ? (memoryMB * reader.memNewPeakPercent) / 100
      : measuredMB !== null
        ? reader.memUsedPeakMB
        : 0;
  if (usedMB > 0) measurement.memoryUsedPeakGiB = usedMB / 1024;
  measurement.diskReadKBpsPeak = reader.diskRead;
  measurement.diskWriteKBpsPeak = reader.diskWrite;
  measurement.diskIopsPeak = reader.diskXfer;
  measurement.networkKBpsPeak = reader.network;
  measurement.files = [ownContribution(measurement, lost)];
  return measurement;
}

/**
 * The samples of one series by snapshot number into the builder (each value times `scale`), paired with the times of
 * their snapshots; returns how many had no time. A function of its own so that the loop, hot over a large file, is
 * what V8 optimises: inside parseNmon it made V8 compile parseNmon on the stack (OSR) from a large file's feedback,
 * then throw that code away on every small file after it (hundreds of deoptimisations over thousands of files).
 */
function pushSamples(builder: SeriesBuilder, values: ByTag, times: ByTag, scale: number): number {
  let withoutTime = 0;
  for (let tag = values.min; tag <= values.max; tag += 1) {
    const value = values.get(tag);
    if (Number.isNaN(value)) continue;
    const time = times.get(tag);
    if (Number.isNaN(time)) withoutTime += 1;
    else builder.push(time, value * scale);
  }
  return withoutTime;
}

/** The memory the partition's own configuration states, and which command said it. */
function statedMemory(config: Config): { mb: number; source: string } | null {
  if (config.onlineMemoryMB !== null) return { mb: config.onlineMemoryMB, source: 'lparstat -i' };
  if (config.lsattrMemoryMB !== null) return { mb: config.lsattrMemoryMB, source: 'lsattr realmem' };
  if (config.lsconfMemoryMB !== null) return { mb: config.lsconfMemoryMB, source: 'lsconf' };
  return null;
}

function countValues(values: ByTag): number {
  let count = 0;
  for (let tag = values.min; tag <= values.max; tag += 1) if (!Number.isNaN(values.get(tag))) count += 1;
  return count;
}

/** The key that ties files of one LPAR together. */
export function identityOf(serial: string | null, lparNumber: number | null, host: string): string {
  return serial && lparNumber !== null ? `lpar:${serial.toUpperCase()}:${lparNumber}` : `host:${host.toLowerCase()}`;
}
