// Workload rows as a spreadsheet has them (text cells) to plan workloads, with a problem per bad cell.
// Pure: shared by the wizard's grid, paste and import mapping, and by tests.
import { Workload, type WorkloadInput } from './schema';

/** Plan fields a column can be mapped to. */
export const ROW_FIELDS = ['name', 'os', 'rperf', 'cpw', 'cores', 'sourceModel', 'utilization', 'memoryGiB', 'processorMode', 'count', 'features', 'haGroup'] as const;
export type RowField = (typeof ROW_FIELDS)[number];
export type RowMapping = Partial<Record<RowField, number>>;

/** Header words that usually mean a field, for a first guess at the mapping. */
const HEADER_HINTS: Record<RowField, RegExp> = {
  name: /^(name|lpar|workload|partition|vm|host)/i,
  os: /^(os|operating)/i,
  rperf: /rperf/i,
  cpw: /cpw/i,
  cores: /^(cores?|cpus?|physc|procs?)\b/i,
  sourceModel: /(model|mtm|machine|source)/i,
  utilization: /(util|busy|usage)/i,
  memoryGiB: /(mem|ram)/i,
  processorMode: /(mode|dedicated|shared)/i,
  count: /^(count|instances|qty|quantity)/i,
  features: /feature/i,
  haGroup: /(ha|group|cluster|affinity)/i,
};

export function guessMapping(headers: readonly string[]): RowMapping {
  const mapping: RowMapping = {};
  const used = new Set<number>();
  for (const field of ROW_FIELDS) {
    const index = headers.findIndex((header, column) => !used.has(column) && HEADER_HINTS[field].test(header.trim()));
    if (index >= 0) {
      mapping[field] = index;
      used.add(index);
    }
  }
  return mapping;
}

function numberCell(text: string): number | undefined {
  const cleaned = text.trim().replace(/\s/g, '').replace(/%$/, '');
  if (cleaned === '') return undefined;
  // Accept a decimal comma when there is no other comma or point ambiguity ("12,5").
  const normalised = /^\d+,\d+$/.test(cleaned) ? cleaned.replace(',', '.') : cleaned.replace(/,/g, '');
  const value = Number(normalised);
  return Number.isFinite(value) ? value : Number.NaN;
}

function osCell(text: string): string {
  const value = text.trim().toLowerCase().replace(/[\s_/-]/g, '');
  if (value === 'ibmi' || value === 'os400' || value === 'i5os' || value === 'i') return 'ibmi';
  if (value.startsWith('aix')) return 'aix';
  if (value.startsWith('linux') || value.startsWith('rhel') || value.startsWith('sles') || value.startsWith('ubuntu')) return 'linux';
  return text.trim();
}

export interface RowResult {
  workload: WorkloadInput;
  /** `memoryGiB: must be a positive number`, one per bad field; empty when the row is valid. */
  problems: string[];
}

/** One spreadsheet row to a workload; cells are read through the mapping. */
export function rowToWorkload(cells: readonly string[], mapping: RowMapping, rowLabel = ''): RowResult {
  const cell = (field: RowField) => (mapping[field] === undefined ? '' : (cells[mapping[field]!] ?? '').trim());
  const problems: string[] = [];
  const num = (field: RowField) => {
    const value = numberCell(cell(field));
    if (Number.isNaN(value)) problems.push(`${field}: "${cell(field)}" is not a number`);
    return value === undefined || Number.isNaN(value) ? undefined : value;
  };
  const rperf = num('rperf');
  const cpw = num('cpw');
  const cores = num('cores');
  let utilization = num('utilization');
  if (utilization !== undefined && utilization > 1) utilization /= 100; // "55" or "55%" means 0.55
  const sourceModel = cell('sourceModel');
  const cpu =
    rperf !== undefined
      ? { kind: 'rperf', rperf }
      : cpw !== undefined
        ? { kind: 'cpw', cpw }
        : cores !== undefined && sourceModel && utilization !== undefined
          ? { kind: 'measured', cores, model: sourceModel, utilization }
          : cores !== undefined
            ? { kind: 'cores', cores }
            : undefined;
  const features = cell('features').split(/[,;\s]+/).filter(Boolean).map((feature) => feature.toLowerCase());
  const mode = cell('processorMode').toLowerCase();
  const workload: Record<string, unknown> = {
    name: cell('name') || rowLabel,
    os: osCell(cell('os')),
    cpu,
    memoryGiB: num('memoryGiB'),
    ...(mode ? { processorMode: mode.startsWith('ded') ? 'dedicated' : mode.startsWith('sha') ? 'shared' : mode } : {}),
    ...(cell('count') ? { count: num('count') } : {}),
    ...(features.length ? { features } : {}),
    ...(cell('haGroup') ? { haGroup: cell('haGroup') } : {}),
  };
  if (cpu === undefined) problems.push('cpu: give rPerf, CPW, cores, or cores with a source model and utilisation');
  const parsed = Workload.safeParse(workload);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      if (path === 'cpu' && cpu === undefined) continue;
      problems.push(`${path || 'row'}: ${issue.message}`);
    }
  }
  return { workload: workload as WorkloadInput, problems };
}

/** Tab-separated text as pasted from a spreadsheet; a first row of words is taken as headers. */
export function parseTabular(text: string): { headers: string[] | null; rows: string[][] } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').filter((line) => line.trim() !== '');
  const rows = lines.map((line) => line.split('\t'));
  const first = rows[0] ?? [];
  const looksLikeHeader = first.length > 0 && first.every((value) => value.trim() === '' || Number.isNaN(Number(value.replace(',', '.'))));
  return looksLikeHeader && rows.length > 1 ? { headers: first, rows: rows.slice(1) } : { headers: null, rows };
}
