// Reading a user's spreadsheet (CSV or XLSX) into text cells for the wizard's column mapping. A broken, binary or
// oversized file says what is wrong; nothing is imported until the user confirms the mapping. Every sheet comes
// back (bounded), so the user can choose the sheet and the header row; the best-fitting one is offered first.
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { AppError, type Message, formatMessage, msg } from '../common';
import { canonicalNumberText, guessHeaderRow, tableScore } from './rows';

export interface ImportedSheet {
  name: string | null;
  /** Every non-empty row, header rows included, as text cells. */
  rows: string[][];
}

/** What the choice of sheet and header row needs of each sheet: its name, size and first rows. */
export interface SheetSummary {
  name: string | null;
  rowCount: number;
  head: string[][];
}

/** Rows of each sheet shown for the header-row choice. */
export const HEAD_ROWS = 20;

export interface ImportedTable {
  /** Header and rows of the offered sheet, split at its guessed header row. */
  headers: string[];
  rows: string[][];
  sheet: string | null;
  /** Every sheet with data, for the sheet and header-row choice (another choice reads the file again). */
  sheets: SheetSummary[];
  /** Index in `sheets` of the offered sheet, and the row taken as its header. */
  sheetIndex: number;
  headerRow: number;
  /** How the text was decoded (CSV), or `xlsx`. */
  encoding: string;
}

/** Limits of a spreadsheet import, each refused with a message naming it (documented in docs/input-limits.md). */
export const TABLE_LIMITS = {
  rows: 100_000,
  columns: 1_000,
  cells: 5_000_000,
  /** Uncompressed bytes of every XLSX part together, and the largest compression ratio of one part. */
  xlsxUncompressedBytes: 512 * 1024 * 1024,
  xlsxRatio: 200,
  xlsxEntries: 10_000,
} as const;

export type TableProgress = (fraction: number, rowsRead: number) => void;

const fail = (code: 'invalid-file' | 'invalid-input', message: Message, path?: string): AppError =>
  new AppError(code, formatMessage(message, 'en'), path);

// ---------------------------------------------------------------------------------------------------------------
// Text: encodings and binary files.

/** Signatures of files that are not text, named so the message can say what the file is. */
const SIGNATURES: Array<{ bytes: number[]; kind: string }> = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'a ZIP archive (an .xlsx saved under another name?)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'an Excel 97-2003 workbook (.xls)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'a JPEG image' },
  { bytes: [0x1f, 0x8b], kind: 'a gzip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'a program (ELF)' },
  { bytes: [0x4d, 0x5a], kind: 'a Windows program' },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((byte, index) => bytes[index] === byte);

/** UTF-16 without a byte-order mark: text in the Latin range has every other byte zero. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let index = 0; index < sample; index += 2) {
    if (bytes[index] === 0) evenZero += 1;
    if (bytes[index + 1] === 0) oddZero += 1;
  }
  const pairs = sample / 2;
  if (oddZero > pairs * 0.6 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.6 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Control characters other than tab, line feed, carriage return and form feed: a sign of binary content. */
function controlShare(text: string): number {
  const sample = text.slice(0, 65_536);
  if (sample.length === 0) return 0;
  let count = 0;
  for (let index = 0; index < sample.length; index += 1) {
    const code = sample.charCodeAt(index);
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) ||
      code === 0x7f ||
      code === 0xfffd
    )
      count += 1;
  }
  return count / sample.length;
}

/**
 * The file's text and the encoding it was read in: UTF-8 (with or without a byte-order mark), UTF-16 LE/BE (with a
 * mark, or recognised by its zero bytes), else Windows-1252 (a superset of Latin-1's printable characters). A binary
 * file or an encoding this reader does not know is refused with its name.
 */
export function decodeText(bytes: Uint8Array, label = 'the file'): { text: string; encoding: string } {
  for (const { bytes: signature, kind } of SIGNATURES) {
    if (startsWith(bytes, signature)) throw fail('invalid-file', msg('harden.table-binary', { file: label, kind }));
  }
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff]) || startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) {
    throw fail('invalid-file', msg('harden.table-encoding', { file: label, encoding: 'UTF-32' }));
  }
  let encoding: string;
  let body = bytes;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'UTF-8 (BOM)';
    body = bytes.subarray(3);
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'UTF-16 LE';
    body = bytes.subarray(2);
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'UTF-16 BE';
    body = bytes.subarray(2);
  } else {
    const utf16 = utf16WithoutBom(bytes);
    encoding = utf16 === 'utf-16le' ? 'UTF-16 LE' : utf16 === 'utf-16be' ? 'UTF-16 BE' : 'UTF-8';
  }
  const decoderName = encoding.startsWith('UTF-16 LE')
    ? 'utf-16le'
    : encoding.startsWith('UTF-16 BE')
      ? 'utf-16be'
      : 'utf-8';
  let text: string;
  try {
    text = new TextDecoder(decoderName, { fatal: true }).decode(body);
  } catch {
    if (decoderName !== 'utf-8') throw fail('invalid-file', msg('harden.table-encoding', { file: label, encoding }));
    // Not UTF-8: Windows-1252 reads every byte, so it is only trusted when the result looks like text.
    encoding = 'Windows-1252';
    text = new TextDecoder('windows-1252').decode(body);
  }
  if (text.includes('\u0000') || controlShare(text) > 0.01) {
    throw fail('invalid-file', msg('harden.table-binary', { file: label, kind: 'binary data, not text' }));
  }
  return { text, encoding };
}

// ---------------------------------------------------------------------------------------------------------------
// CSV.

function guessDelimiter(firstLine: string): string {
  return [',', ';', '\t']
    .map((candidate) => ({ candidate, count: firstLine.split(candidate).length }))
    .sort((a, b) => b.count - a.count)[0]!.candidate;
}

/** RFC 4180 rows, the delimiter guessed from the first lines (comma, semicolon or tab). */
export function parseCsvRows(text: string, onProgress?: TableProgress): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  // The first line may be a title; the delimiter is the one most lines agree on.
  const sample = body.split(/\r?\n/, 5).join('\n');
  const delimiter = guessDelimiter(sample);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let cells = 0;
  const endRow = () => {
    row.push(field);
    cells += row.length;
    if (row.length > TABLE_LIMITS.columns)
      throw fail('invalid-file', msg('harden.table-too-many-columns', { line, limit: TABLE_LIMITS.columns }));
    if (row.some((value) => value.trim() !== '')) rows.push(row);
    if (rows.length > TABLE_LIMITS.rows)
      throw fail('invalid-file', msg('harden.table-too-many-rows', { limit: TABLE_LIMITS.rows }));
    if (cells > TABLE_LIMITS.cells)
      throw fail('invalid-file', msg('harden.table-too-many-cells', { limit: TABLE_LIMITS.cells }));
    if (onProgress && rows.length % 2000 === 0) onProgress(body.length === 0 ? 1 : 0, rows.length);
    row = [];
    field = '';
  };
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
      endRow();
      line += 1;
    } else field += char;
  }
  if (quoted) throw fail('invalid-file', msg('harden.table-unclosed-quote', { line }));
  endRow();
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// XLSX.

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return canonicalNumberText(value);
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    if ('sharedFormula' in value || 'formula' in value) return '';
  }
  return String(value);
}

/** The zip's own directory, before anything is expanded: a bomb is refused by its declared sizes. */
async function checkXlsxContainer(content: Buffer, label: string): Promise<void> {
  let directory: unzipper.CentralDirectory;
  try {
    directory = await unzipper.Open.buffer(content);
  } catch (error) {
    throw fail(
      'invalid-file',
      msg('harden.table-not-xlsx', { file: label, reason: error instanceof Error ? error.message : String(error) }),
    );
  }
  if (directory.files.length > TABLE_LIMITS.xlsxEntries) {
    throw fail('invalid-file', msg('harden.table-xlsx-entries', { file: label, limit: TABLE_LIMITS.xlsxEntries }));
  }
  let total = 0;
  for (const entry of directory.files) {
    total += entry.uncompressedSize;
    const ratio =
      entry.compressedSize > 0
        ? entry.uncompressedSize / entry.compressedSize
        : entry.uncompressedSize > 0
          ? Infinity
          : 0;
    // Small parts compress well; the ratio only matters once a part is large enough to hurt.
    if (entry.uncompressedSize > 10 * 1024 * 1024 && ratio > TABLE_LIMITS.xlsxRatio) {
      throw fail(
        'invalid-file',
        msg('harden.table-xlsx-bomb', {
          file: label,
          part: entry.path,
          ratio: Math.round(ratio),
          limit: TABLE_LIMITS.xlsxRatio,
        }),
      );
    }
  }
  if (total > TABLE_LIMITS.xlsxUncompressedBytes) {
    throw fail(
      'invalid-file',
      msg('harden.table-xlsx-too-large', {
        file: label,
        megabytes: Math.round(total / 1024 / 1024),
        limit: TABLE_LIMITS.xlsxUncompressedBytes / 1024 / 1024,
      }),
    );
  }
}

/** One worksheet's rows as text, in one pass over its rows (linear in the cells, never per cell over the sheet). */
function sheetRows(sheet: ExcelJS.Worksheet, budget: { cells: number }, onRow: () => void): string[][] {
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    const texts: string[] = [];
    let last = 0;
    for (let column = 1; column < values.length; column += 1) {
      const text = cellText(values[column]).trim();
      texts.push(text);
      if (text !== '') last = column;
    }
    if (last === 0) return;
    if (last > TABLE_LIMITS.columns)
      throw fail(
        'invalid-file',
        msg('harden.table-too-many-columns', { line: row.number, limit: TABLE_LIMITS.columns }),
      );
    texts.length = last;
    budget.cells -= last;
    if (budget.cells < 0) throw fail('invalid-file', msg('harden.table-too-many-cells', { limit: TABLE_LIMITS.cells }));
    rows.push(texts);
    if (rows.length > TABLE_LIMITS.rows)
      throw fail('invalid-file', msg('harden.table-too-many-rows', { limit: TABLE_LIMITS.rows }));
    onRow();
  });
  // Rows may have fewer cells than the widest; pad so every row has the header's width.
  const width = rows.reduce((max, cells) => Math.max(max, cells.length), 0);
  for (const cells of rows) while (cells.length < width) cells.push('');
  return rows;
}

export async function parseXlsxSheets(
  content: Uint8Array,
  label = 'the workbook',
  onProgress?: TableProgress,
): Promise<ImportedSheet[]> {
  const buffer = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  await checkXlsxContainer(buffer, label);
  onProgress?.(0.1, 0);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(
      buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer,
    );
  } catch (error) {
    throw fail(
      'invalid-file',
      msg('harden.table-not-xlsx', { file: label, reason: error instanceof Error ? error.message : String(error) }),
    );
  }
  onProgress?.(0.6, 0);
  const total = workbook.worksheets.reduce((sum, sheet) => sum + sheet.rowCount, 0) || 1;
  const budget = { cells: TABLE_LIMITS.cells };
  let done = 0;
  const sheets: ImportedSheet[] = [];
  for (const sheet of workbook.worksheets) {
    const rows = sheetRows(sheet, budget, () => {
      done += 1;
      if (onProgress && done % 500 === 0) onProgress(0.6 + (0.4 * Math.min(done, total)) / total, done);
    });
    if (rows.length > 0) sheets.push({ name: sheet.name, rows });
  }
  if (sheets.length === 0) throw fail('invalid-file', msg('harden.table-no-rows', { file: label }));
  return sheets;
}

// ---------------------------------------------------------------------------------------------------------------
// Either, with the sheet and header row offered.

/** The table as the mapping sees it: one sheet, split at a header row (both chosen by the user or guessed). */
export function tableOf(
  sheets: ImportedSheet[],
  encoding: string,
  choice: { sheet?: number; headerRow?: number } = {},
): ImportedTable {
  const sheetIndex =
    choice.sheet !== undefined && sheets[choice.sheet]
      ? choice.sheet
      : sheets.reduce(
          (best, sheet, index) => (tableScore(sheet.rows) > tableScore(sheets[best]!.rows) ? index : best),
          0,
        );
  const sheet = sheets[sheetIndex]!;
  const headerRow =
    choice.headerRow !== undefined && choice.headerRow < sheet.rows.length
      ? choice.headerRow
      : guessHeaderRow(sheet.rows);
  const headers = (sheet.rows[headerRow] ?? []).map((header) => header.trim());
  const summaries = sheets.map((each) => ({
    name: each.name,
    rowCount: each.rows.length,
    head: each.rows.slice(0, HEAD_ROWS),
  }));
  return {
    headers,
    rows: sheet.rows.slice(headerRow + 1),
    sheet: sheet.name,
    sheets: summaries,
    sheetIndex,
    headerRow,
    encoding,
  };
}

export function parseCsvTable(text: string): ImportedTable {
  const rows = parseCsvRows(text);
  if (rows.length === 0) throw fail('invalid-file', msg('harden.table-no-rows', { file: 'the file' }));
  // A program's own CSV: its header is the first row.
  return tableOf([{ name: null, rows }], 'text', { headerRow: 0 });
}

export async function parseXlsxTable(content: Uint8Array): Promise<ImportedTable> {
  return tableOf(await parseXlsxSheets(content), 'xlsx');
}

export interface ParseTableOptions {
  onProgress?: TableProgress;
  sheet?: number;
  headerRow?: number;
}

export async function parseTable(
  fileName: string,
  content: Uint8Array,
  options: ParseTableOptions = {},
): Promise<ImportedTable> {
  const lower = fileName.toLowerCase();
  const choice = {
    ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
    ...(options.headerRow !== undefined ? { headerRow: options.headerRow } : {}),
  };
  if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) {
    return tableOf(await parseXlsxSheets(content, fileName, options.onProgress), 'xlsx', choice);
  }
  if (lower.endsWith('.csv') || lower.endsWith('.txt') || lower.endsWith('.tsv')) {
    const { text, encoding } = decodeText(content, fileName);
    const rows = parseCsvRows(text, options.onProgress);
    if (rows.length === 0) throw fail('invalid-file', msg('harden.table-no-rows', { file: fileName }));
    options.onProgress?.(1, rows.length);
    return tableOf([{ name: null, rows }], encoding, choice);
  }
  if (lower.endsWith('.xls')) throw fail('invalid-input', msg('harden.table-xls', { file: fileName }), 'fileName');
  throw fail('invalid-input', msg('harden.table-extension', { file: fileName }), 'fileName');
}
