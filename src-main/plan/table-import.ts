// Reading a user's spreadsheet (CSV or XLSX) into text cells for the wizard's column mapping. A broken file says
// what is wrong; nothing is imported until the user confirms the mapping.
import ExcelJS from 'exceljs';
import { AppError } from '../common';

export interface ImportedTable {
  headers: string[];
  rows: string[][];
  sheet: string | null;
}

const MAX_ROWS = 100_000;

/** RFC 4180 with the delimiter guessed from the first line (comma, semicolon or tab). */
export function parseCsvTable(text: string): ImportedTable {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].map((candidate) => ({ candidate, count: firstLine.split(candidate).length })).sort((a, b) => b.count - a.count)[0]!.candidate;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index]!;
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        field += char;
      }
    } else if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[index + 1] === '\n') index += 1;
      row.push(field);
      if (row.some((value) => value.trim() !== '')) rows.push(row);
      row = [];
      field = '';
      line += 1;
      if (rows.length > MAX_ROWS) throw new AppError('invalid-file', `more than ${MAX_ROWS} rows; split the file`);
    } else field += char;
  }
  if (quoted) throw new AppError('invalid-file', `a quoted field opened before line ${line} is never closed`);
  row.push(field);
  if (row.some((value) => value.trim() !== '')) rows.push(row);
  const [headers, ...rest] = rows;
  if (!headers) throw new AppError('invalid-file', 'the file has no rows');
  return { headers: headers.map((header) => header.trim()), rows: rest, sheet: null };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

export async function parseXlsxTable(content: Uint8Array): Promise<ImportedTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength) as ArrayBuffer);
  } catch (error) {
    throw new AppError('invalid-file', `not a readable XLSX workbook (${error instanceof Error ? error.message : String(error)})`);
  }
  const sheet = workbook.worksheets.find((each) => each.actualRowCount > 0);
  if (!sheet) throw new AppError('invalid-file', 'the workbook has no sheet with data');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let column = 1; column <= sheet.actualColumnCount; column += 1) values.push(cellText(row.getCell(column).value).trim());
    if (values.some((value) => value !== '')) rows.push(values);
  });
  const [headers, ...rest] = rows;
  if (!headers) throw new AppError('invalid-file', 'the sheet has no rows');
  return { headers, rows: rest.slice(0, MAX_ROWS), sheet: sheet.name };
}

export async function parseTable(fileName: string, content: Uint8Array): Promise<ImportedTable> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return parseXlsxTable(content);
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || lower.endsWith('.tsv')) return parseCsvTable(new TextDecoder('utf-8').decode(content));
  throw new AppError('invalid-input', `${fileName}: import reads .csv and .xlsx files`, 'fileName');
}
