// Workload rows as a spreadsheet has them (text cells) to plan workloads, with a problem per bad cell.
// Pure: shared by the wizard's grid, paste and import mapping, and by tests. Nothing is guessed silently: a number
// that reads two ways, a header matched loosely, a value out of range or an assumption is said in the row.
import { type Message, formatMessage, msg } from '../common';
import { Workload, type WorkloadInput } from './schema';

/** Plan fields a column can be mapped to. */
export const ROW_FIELDS = [
  'name',
  'os',
  'rperf',
  'cpw',
  'cores',
  'sourceModel',
  'utilization',
  'memoryGiB',
  'processorMode',
  'count',
  'features',
  'haGroup',
] as const;
export type RowField = (typeof ROW_FIELDS)[number];
export type RowMapping = Partial<Record<RowField, number>>;
export type GuessConfidence = 'high' | 'low';

/** The unit each field is read in, shown next to every interpreted value of the preview. */
export const FIELD_UNITS: Partial<Record<RowField, string>> = {
  rperf: 'rPerf',
  cpw: 'CPW',
  cores: 'cores',
  utilization: '%',
  memoryGiB: 'GiB',
  count: '×',
};

/** Largest server of the catalog, in cores: a "cores" value above it is likely a percentage or a sum. */
const LARGEST_SERVER_CORES = 256;

/** A header that speaks of a percentage is never taken for cores, rPerf, CPW or memory. */
const PERCENT_HEADER = /(%|percent|busy|util|usage|\bpct\b)/i;

/**
 * Header words per field: `strong` names the field plainly (a high-confidence guess), `weak` only hints at it
 * (the preview flags such a guess for the user to confirm).
 */
const HEADER_HINTS: Record<RowField, { strong: RegExp; weak: RegExp; notPercent?: boolean }> = {
  name: {
    strong: /^(lpar|partition|workload|vm|host)?\s*(name)?$|^(lpar|partition|workload|vm|hostname)$/i,
    weak: /^(name|lpar|workload|partition|vm|host|server)/i,
  },
  os: { strong: /^(os|operating\s*system)$/i, weak: /^(os|operating|platform)/i },
  rperf: { strong: /^rperf$/i, weak: /rperf/i, notPercent: true },
  cpw: { strong: /^cpw$/i, weak: /cpw/i, notPercent: true },
  cores: {
    strong: /^(cores?|physical\s*cores?|physc|entitled\s*cores?|cores?\s*used)(\s*\(.*\))?$/i,
    weak: /(cores?\b|^cpus?\b|^physc|^procs?\b|processors?\b)/i,
    notPercent: true,
  },
  sourceModel: { strong: /^(source\s*)?(model|mtm|machine\s*type(-|\s)?model)$/i, weak: /(model|mtm|machine|source)/i },
  utilization: { strong: /^(cpu\s*)?(utili[sz]ation|util|busy)(\s*%|\s*\(%\))?$/i, weak: /(util|busy|usage|%)/i },
  memoryGiB: { strong: /^(memory|mem|ram)(\s*\((gib|gb)\)|\s*(gib|gb))?$/i, weak: /(mem|ram)/i, notPercent: true },
  processorMode: { strong: /^(processor\s*)?mode$/i, weak: /(mode|dedicated|shared)/i },
  count: { strong: /^(count|instances|qty|quantity)$/i, weak: /^(count|instances|qty|quantity|number)/i },
  features: { strong: /^features?$/i, weak: /feature/i },
  haGroup: { strong: /^(ha\s*group|cluster|affinity\s*group)$/i, weak: /(\bha\b|group|cluster|affinity)/i },
};

export interface MappingGuess {
  mapping: RowMapping;
  /** How sure each guess is; a low one is flagged in the preview. */
  confidence: Partial<Record<RowField, GuessConfidence>>;
}

/** A first guess at the mapping with its confidence: strong header names first, then loose ones. */
export function guessMappingWithConfidence(headers: readonly string[]): MappingGuess {
  const mapping: RowMapping = {};
  const confidence: Partial<Record<RowField, GuessConfidence>> = {};
  const used = new Set<number>();
  for (const strength of ['strong', 'weak'] as const) {
    for (const field of ROW_FIELDS) {
      if (mapping[field] !== undefined) continue;
      const hint = HEADER_HINTS[field];
      const index = headers.findIndex((header, column) => {
        const text = header.trim();
        if (used.has(column) || text === '') return false;
        if (hint.notPercent && PERCENT_HEADER.test(text)) return false;
        return hint[strength].test(text);
      });
      if (index >= 0) {
        mapping[field] = index;
        confidence[field] = strength === 'strong' ? 'high' : 'low';
        used.add(index);
      }
    }
  }
  return { mapping, confidence };
}

/**
 * Whether a column whose header speaks of a percentage ("CPU busy %") is mapped to a quantity (cores, rPerf, CPW,
 * memory): the user chose it, so it is not refused, but the preview flags it (a busy 55 % would come in as 55 cores).
 */
export function percentHeaderAsQuantity(field: RowField, header: string): boolean {
  return HEADER_HINTS[field].notPercent === true && PERCENT_HEADER.test(header.trim());
}

export function guessMapping(headers: readonly string[]): RowMapping {
  return guessMappingWithConfidence(headers).mapping;
}

/** How many cells of a row look like the header of some field (for finding the header row under a title). */
function headerScore(cells: readonly string[]): number {
  return cells.filter(
    (cell) => cell.trim() !== '' && ROW_FIELDS.some((field) => HEADER_HINTS[field].weak.test(cell.trim())),
  ).length;
}

/** The header row: among the first rows, the one that names most fields (a title or cover rows above are skipped). */
export function guessHeaderRow(rows: readonly (readonly string[])[], lookAhead = 20): number {
  let best = 0;
  let bestScore = -1;
  rows.slice(0, lookAhead).forEach((cells, index) => {
    const score = headerScore(cells);
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  return best;
}

/** How well a table (its guessed header row) fits a workload list: the sheet to offer first. */
export function tableScore(rows: readonly (readonly string[])[]): number {
  if (rows.length < 2) return 0;
  return headerScore(rows[guessHeaderRow(rows)] ?? []) * 1000 + Math.min(rows.length, 999);
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers with the locale made explicit.

/** `point`: 1,234.5 (English); `comma`: 1.234,5 (most of Europe). */
export type DecimalSeparator = 'point' | 'comma';

export type NumberRead =
  | { kind: 'empty' }
  | { kind: 'invalid' }
  | { kind: 'number'; value: number; percent: boolean; evidence: DecimalSeparator | null }
  /** "1,024": 1024 with a thousands separator, or 1.024 with a decimal comma. */
  | { kind: 'ambiguous'; asPoint: number; asComma: number; percent: boolean };

const GROUPED = (separator: string) => new RegExp(`^\\d{1,3}(\\${separator}\\d{3})+$`);

/** One cell as a number, every reading it allows; spaces, apostrophes and a trailing % are accepted. */
export function readNumber(text: string): NumberRead {
  let cleaned = text.trim().replace(/[\s\u00a0\u202f'’]/g, '');
  const percent = cleaned.endsWith('%');
  if (percent) cleaned = cleaned.slice(0, -1);
  if (cleaned === '') return percent ? { kind: 'invalid' } : { kind: 'empty' };
  const sign = cleaned.startsWith('-') ? -1 : 1;
  const body = cleaned.replace(/^[+-]/, '');
  const number = (value: number, evidence: DecimalSeparator | null): NumberRead =>
    Number.isFinite(value) ? { kind: 'number', value: sign * value, percent, evidence } : { kind: 'invalid' };
  if (/^\d+$/.test(body)) return number(Number(body), null);
  if (/^(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(body)) return number(Number(body), 'point');
  const commas = body.split(',').length - 1;
  const points = body.split('.').length - 1;
  if (commas > 0 && points > 0) {
    // Both: the last one is the decimal separator, the other groups thousands.
    const decimal = body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    const [whole, fraction, extra] = body.split(decimal);
    if (extra !== undefined || !fraction || !/^\d+$/.test(fraction) || !GROUPED(thousands).test(whole!))
      return { kind: 'invalid' };
    return number(Number(`${whole!.split(thousands).join('')}.${fraction}`), decimal === ',' ? 'comma' : 'point');
  }
  const separator = commas > 0 ? ',' : points > 0 ? '.' : null;
  if (separator === null) return { kind: 'invalid' };
  const count = separator === ',' ? commas : points;
  if (count > 1) {
    // 1,234,567 or 1.234.567: thousands only.
    if (!GROUPED(separator).test(body)) return { kind: 'invalid' };
    return number(Number(body.split(separator).join('')), separator === ',' ? 'point' : 'comma');
  }
  const [whole, fraction] = body.split(separator) as [string, string];
  if (!/^\d*$/.test(whole) || !/^\d+$/.test(fraction)) return { kind: 'invalid' };
  const asDecimal = Number(`${whole || '0'}.${fraction}`);
  // Exactly three digits after one separator, 1 to 3 before and no leading zero: thousands or decimal.
  if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole)) {
    const asThousands = Number(`${whole}${fraction}`);
    const read: NumberRead = {
      kind: 'ambiguous',
      asPoint: sign * (separator === ',' ? asThousands : asDecimal),
      asComma: sign * (separator === ',' ? asDecimal : asThousands),
      percent,
    };
    return read;
  }
  return number(asDecimal, separator === ',' ? 'comma' : 'point');
}

/** The number a spreadsheet program stored, written so that it reads back one way only ("1.024" → "1.0240"). */
export function canonicalNumberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  const text = String(value);
  return /^-?[1-9]\d{0,2}\.\d{3}$/.test(text) ? `${text}0` : text;
}

/** The decimal separator a table uses, from its unambiguous cells; null when they say nothing or disagree. */
export function detectDecimalSeparator(
  rows: readonly (readonly string[])[],
  columns?: readonly number[],
): DecimalSeparator | null {
  let point = 0;
  let comma = 0;
  for (const cells of rows) {
    const indexes = columns ?? cells.map((_, index) => index);
    for (const index of indexes) {
      const read = readNumber(cells[index] ?? '');
      if (read.kind !== 'number' || read.evidence === null) continue;
      if (read.evidence === 'point') point += 1;
      else comma += 1;
    }
  }
  if (point === comma) return null;
  // A clear majority decides; a table that mixes both about equally is left for the user to say.
  return point > comma * 4 ? 'point' : comma > point * 4 ? 'comma' : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Operating systems and source models as people write them.

/** "IBM i 7.4", "OS/400", "AIX 7.2", "RHEL 9", "SLES 15", "Ubuntu 22.04" → the plan's OS; null when not a Power OS. */
export function readOs(text: string): 'aix' | 'ibmi' | 'linux' | null {
  const value = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (value === '') return null;
  if (/^(ibm ?i|i ?os|i5\/?os|os\/?400|as\/?400|i)(\s*v?\d+(\.\d+)*)?(\s|$)/.test(value) || value === 'ibm i')
    return 'ibmi';
  if (/^aix\b|^aix\d/.test(value)) return 'aix';
  if (/^(linux|rhel|red ?hat|sles|suse|ubuntu|debian|centos|rocky|alma|oracle linux|fedora)/.test(value))
    return 'linux';
  return null;
}

export interface ModelRef {
  id: string;
  machineTypeModel: string | null;
  name: string;
}

const modelKey = (text: string) =>
  text
    .toLowerCase()
    .replace(/\b(ibm|power|system|systems|server)\b/g, '')
    .replace(/[\s_\-/]/g, '');

/** A source model as typed ("S824", "8286-42A", "Power S824") to a catalog model id; null when none matches. */
export function resolveModel(text: string, models: readonly ModelRef[]): string | null {
  const key = modelKey(text);
  if (key === '') return null;
  const exact = models.find(
    (model) => model.id === text.trim() || model.machineTypeModel === text.trim().toUpperCase(),
  );
  if (exact) return exact.id;
  const byMtm = models.find((model) => model.machineTypeModel !== null && modelKey(model.machineTypeModel) === key);
  if (byMtm) return byMtm.id;
  const byName = models.filter(
    (model) => modelKey(model.name) === key || modelKey(model.name.replace(/\s*\(.*\)$/, '')) === key,
  );
  return byName.length === 1 ? byName[0]!.id : null;
}

// ---------------------------------------------------------------------------------------------------------------
// One row.

export type IssueSeverity = 'error' | 'warning';
export interface RowIssue {
  field: RowField | 'cpu' | 'row';
  severity: IssueSeverity;
  message: Message;
}

export interface InterpretedValue {
  field: RowField;
  /** The value as the plan will hold it; `1,024` becomes 1024. */
  value: number | string;
  unit: string | null;
}

export interface RowOptions {
  /** How to read "1,024" and "1.234": null leaves such a cell flagged with both readings. */
  decimal?: DecimalSeparator | null;
  /** The catalog's models, to check and normalise the source model; without them it is taken as typed. */
  models?: readonly ModelRef[];
}

export interface RowResult {
  workload: WorkloadInput;
  /** `memoryGiB: must be a positive number`, one per bad field (English); empty when the row is valid. */
  problems: string[];
  /** Every problem and warning as a message code, for the preview and the grid in the user's language. */
  issues: RowIssue[];
  /** What each mapped cell was read as, with its unit. */
  interpreted: InterpretedValue[];
}

const issueText = (issue: RowIssue) => `${issue.field}: ${formatMessage(issue.message, 'en')}`;

/** One spreadsheet row to a workload; cells are read through the mapping. */
export function rowToWorkload(
  cells: readonly string[],
  mapping: RowMapping,
  rowLabel = '',
  options: RowOptions = {},
): RowResult {
  const cell = (field: RowField) => (mapping[field] === undefined ? '' : (cells[mapping[field]!] ?? '').trim());
  const issues: RowIssue[] = [];
  const interpreted: InterpretedValue[] = [];
  const error = (field: RowIssue['field'], code: string, params: Record<string, string | number> = {}) =>
    issues.push({ field, severity: 'error', message: msg(code, params) });
  const warn = (field: RowIssue['field'], code: string, params: Record<string, string | number> = {}) =>
    issues.push({ field, severity: 'warning', message: msg(code, params) });

  const num = (field: RowField): { value: number; percent: boolean } | undefined => {
    const text = cell(field);
    const read = readNumber(text);
    if (read.kind === 'empty') return undefined;
    if (read.kind === 'invalid') {
      error(field, 'harden.row-not-a-number', { text });
      return undefined;
    }
    if (read.kind === 'ambiguous') {
      if (!options.decimal) {
        error(field, 'harden.row-ambiguous-number', {
          text,
          asPoint: String(read.asPoint),
          asComma: String(read.asComma),
        });
        return undefined;
      }
      return { value: options.decimal === 'point' ? read.asPoint : read.asComma, percent: read.percent };
    }
    return { value: read.value, percent: read.percent };
  };
  const plain = (field: RowField) => {
    const read = num(field);
    if (read?.percent) error(field, 'harden.row-percent-not-allowed', { text: cell(field) });
    if (read !== undefined) interpreted.push({ field, value: read.value, unit: FIELD_UNITS[field] ?? null });
    return read?.value;
  };

  const rperf = plain('rperf');
  const cpw = plain('cpw');
  const cores = plain('cores');
  if (cores !== undefined && cores > LARGEST_SERVER_CORES) {
    warn('cores', 'harden.row-cores-out-of-range', { value: cores, largest: LARGEST_SERVER_CORES });
  }
  const utilizationRead = num('utilization');
  let utilization = utilizationRead?.value;
  if (utilization !== undefined) {
    // "55", "55%" and "0.55" all mean 55 %.
    if (utilizationRead!.percent || utilization > 1) utilization /= 100;
    if (utilization > 1 || utilization < 0) {
      error('utilization', 'harden.row-utilisation-out-of-range', { text: cell('utilization') });
      utilization = undefined;
    } else interpreted.push({ field: 'utilization', value: Math.round(utilization * 10000) / 100, unit: '%' });
  }
  const memoryGiB = plain('memoryGiB');
  const count = cell('count') ? plain('count') : undefined;

  let sourceModel = cell('sourceModel');
  if (sourceModel && options.models) {
    const resolved = resolveModel(sourceModel, options.models);
    if (resolved === null) error('sourceModel', 'harden.row-unknown-model', { text: sourceModel });
    else sourceModel = resolved;
  }
  if (sourceModel) interpreted.push({ field: 'sourceModel', value: sourceModel, unit: null });

  let cpu: Record<string, unknown> | undefined;
  if (rperf !== undefined) cpu = { kind: 'rperf', rperf };
  else if (cpw !== undefined) cpu = { kind: 'cpw', cpw };
  else if (cores !== undefined && sourceModel && utilization !== undefined)
    cpu = { kind: 'measured', cores, model: sourceModel, utilization };
  else if (cores !== undefined) {
    cpu = { kind: 'cores', cores };
    // Cores measured on a named server need its utilisation; without one they are taken as cores on the target.
    if (sourceModel) warn('utilization', 'harden.row-cores-without-utilisation', { model: sourceModel });
  }

  const osText = cell('os');
  const os = readOs(osText);
  if (osText !== '' && os === null) error('os', 'harden.row-unknown-os', { text: osText });
  if (os !== null) interpreted.push({ field: 'os', value: os, unit: null });

  const features = cell('features')
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((feature) => feature.toLowerCase());
  const mode = cell('processorMode').toLowerCase();
  const workload: Record<string, unknown> = {
    name: cell('name') || rowLabel,
    os: os ?? osText,
    cpu,
    memoryGiB,
    ...(mode ? { processorMode: mode.startsWith('ded') ? 'dedicated' : mode.startsWith('sha') ? 'shared' : mode } : {}),
    ...(count !== undefined ? { count } : {}),
    ...(features.length ? { features } : {}),
    ...(cell('haGroup') ? { haGroup: cell('haGroup') } : {}),
  };
  const flagged = new Set(issues.filter((issue) => issue.severity === 'error').map((issue) => issue.field));
  if (cpu === undefined && !['rperf', 'cpw', 'cores'].some((field) => flagged.has(field as RowField))) {
    error('cpu', 'harden.row-no-cpu');
  }
  const parsed = Workload.safeParse(workload);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const top = String(issue.path[0] ?? 'row');
      // A cell already named above (not a number, ambiguous, unknown OS) is not named twice.
      if (top === 'cpu' && cpu === undefined) continue;
      if (flagged.has(top as RowField) || (top === 'memoryGiB' && flagged.has('memoryGiB'))) continue;
      const path = issue.path.join('.');
      const field =
        (ROW_FIELDS as readonly string[]).includes(top) || top === 'cpu' ? (top as RowIssue['field']) : 'row';
      issues.push({
        field,
        severity: 'error',
        message: msg('general.field-problem', { field: path || 'row', problem: issue.message }),
      });
    }
  }
  const problems = issues
    .filter((issue) => issue.severity === 'error')
    .map((issue) =>
      issue.message.code === 'general.field-problem' ? formatMessage(issue.message, 'en') : issueText(issue),
    );
  return { workload: workload as WorkloadInput, problems, issues, interpreted };
}

/** Tab-separated text as pasted from a spreadsheet; a first row of words is taken as headers. */
export function parseTabular(text: string): { headers: string[] | null; rows: string[][] } {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const rows = lines.map((line) => line.split('\t'));
  const first = rows[0] ?? [];
  const looksLikeHeader =
    first.length > 0 && first.every((value) => value.trim() === '' || readNumber(value).kind === 'invalid');
  return looksLikeHeader && rows.length > 1 ? { headers: first, rows: rows.slice(1) } : { headers: null, rows };
}
