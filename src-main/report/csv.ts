// The partition table as CSV (RFC 4180, UTF-8 with a byte-order mark so Excel reads it as UTF-8).
import type { ReportModel } from './model';

export const CSV_COLUMNS = [
  'server',
  'model',
  'configuration',
  'partition',
  'role',
  'os',
  'mode',
  'entitledCapacity',
  'dedicatedCores',
  'virtualProcessors',
  'memoryGiB',
  'demandCores',
] as const;

function field(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(model: ReportModel): string {
  const lines = [
    CSV_COLUMNS.join(','),
    ...model.partitionRows.map((row) => CSV_COLUMNS.map((column) => field(row[column])).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
