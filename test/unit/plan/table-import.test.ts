import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/common';
import {
  canonicalNumberText,
  decodeText,
  detectDecimalSeparator,
  guessHeaderRow,
  guessMappingWithConfidence,
  parseTable,
  readNumber,
  readOs,
  resolveModel,
  rowToWorkload,
} from '../../../src-main/plan';

const encode = (text: string) => new TextEncoder().encode(text);
function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(bytes.buffer);
  let offset = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    offset = 2;
  }
  for (let index = 0; index < text.length; index += 1)
    view.setUint16(offset + index * 2, text.charCodeAt(index), littleEndian);
  return bytes;
}
const CSV = 'Name;OS;Memory (GB)\nbase-donnée;AIX;64\n';

async function thrown(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('numbers with the locale made explicit', () => {
  it('reads thousands separators and decimal commas, and flags "1,024" with both readings', () => {
    expect(readNumber('1,234.5')).toMatchObject({ kind: 'number', value: 1234.5, evidence: 'point' });
    expect(readNumber('1.234,5')).toMatchObject({ kind: 'number', value: 1234.5, evidence: 'comma' });
    expect(readNumber('12,5')).toMatchObject({ kind: 'number', value: 12.5, evidence: 'comma' });
    expect(readNumber('1,234,567')).toMatchObject({ kind: 'number', value: 1234567 });
    expect(readNumber('1 024')).toMatchObject({ kind: 'number', value: 1024 });
    expect(readNumber('0,125')).toMatchObject({ kind: 'number', value: 0.125 });
    expect(readNumber('1,024')).toEqual({ kind: 'ambiguous', asPoint: 1024, asComma: 1.024, percent: false });
    expect(readNumber('1.234')).toEqual({ kind: 'ambiguous', asPoint: 1.234, asComma: 1234, percent: false });
    expect(readNumber('1,2,3')).toEqual({ kind: 'invalid' });
    expect(readNumber('lots')).toEqual({ kind: 'invalid' });
    expect(readNumber('45%')).toMatchObject({ kind: 'number', value: 45, percent: true });
  });

  it('learns the separator from the unambiguous cells of the table', () => {
    expect(
      detectDecimalSeparator([
        ['1,024', '12.5'],
        ['2,048', '0.75'],
      ]),
    ).toBe('point');
    expect(detectDecimalSeparator([['1.234,5', '1,024']])).toBe('comma');
    expect(detectDecimalSeparator([['1,024', '64']])).toBeNull();
  });

  it('keeps an ambiguous row out until the format is chosen, then reads it that way', () => {
    const mapping = { name: 0, os: 1, rperf: 2, memoryGiB: 3 };
    const open = rowToWorkload(['db', 'AIX', '1,234', '1,024'], mapping);
    expect(open.problems).toEqual([
      'rperf: "1,234" reads two ways: 1234 in the 1,234.5 number format or 1.234 in the 1.234,5 format; choose the number format',
      'memoryGiB: "1,024" reads two ways: 1024 in the 1,234.5 number format or 1.024 in the 1.234,5 format; choose the number format',
    ]);
    expect(rowToWorkload(['db', 'AIX', '1,234', '1,024'], mapping, '', { decimal: 'point' }).workload).toMatchObject({
      cpu: { kind: 'rperf', rperf: 1234 },
      memoryGiB: 1024,
    });
    expect(rowToWorkload(['db', 'AIX', '1.234,5', '96,5'], mapping).workload).toMatchObject({
      cpu: { rperf: 1234.5 },
      memoryGiB: 96.5,
    });
  });

  it('writes a stored number so it reads back one way', () => {
    expect(canonicalNumberText(1.024)).toBe('1.0240');
    expect(readNumber(canonicalNumberText(1.024))).toMatchObject({ kind: 'number', value: 1.024 });
    expect(canonicalNumberText(1024)).toBe('1024');
  });
});

describe('what the preview says about each row', () => {
  it('does not take "CPU busy %" for cores, and takes "Physical cores (avg)"', () => {
    const guess = guessMappingWithConfidence([
      'Server',
      'OS',
      'CPU busy %',
      'Physical cores (avg)',
      'Memory GB',
      'Source model',
    ]);
    expect(guess.mapping).toMatchObject({ utilization: 2, cores: 3, memoryGiB: 4, sourceModel: 5 });
    expect(guess.confidence.cores).toBe('high');
    expect(guess.confidence.name).toBe('low');
  });

  it('finds the header row under a title', () => {
    expect(
      guessHeaderRow([['Bank inventory, December'], [], ['LPAR', 'OS', 'rPerf', 'Memory'], ['db', 'AIX', '10', '64']]),
    ).toBe(2);
  });

  it('accepts common OS spellings and flags others', () => {
    for (const [text, os] of [
      ['IBM i 7.4', 'ibmi'],
      ['OS/400', 'ibmi'],
      ['AIX 7.2', 'aix'],
      ['RHEL 9', 'linux'],
      ['SLES 15', 'linux'],
      ['Ubuntu', 'linux'],
      ['i5/OS V5R4', 'ibmi'],
    ] as const) {
      expect(readOs(text), text).toBe(os);
    }
    expect(readOs('Windows 2019')).toBeNull();
    expect(rowToWorkload(['w', 'Windows'], { name: 0, os: 1 }).problems[0]).toMatch(
      /^os: "Windows" is not an operating system of Power/,
    );
  });

  it('resolves a source model as typed and flags one the catalog lacks', () => {
    const models = [
      { id: '8286-42A', machineTypeModel: '8286-42A', name: 'Power S824' },
      { id: '9009-42A', machineTypeModel: '9009-42A', name: 'Power System S924' },
    ];
    expect(resolveModel('S824', models)).toBe('8286-42A');
    expect(resolveModel('power s924', models)).toBe('9009-42A');
    expect(resolveModel('8286 42a', models)).toBe('8286-42A');
    const mapping = { name: 0, os: 1, cores: 2, sourceModel: 3, utilization: 4, memoryGiB: 5 };
    expect(rowToWorkload(['db', 'AIX', '6', 'S824', '40', '64'], mapping, '', { models }).workload.cpu).toEqual({
      kind: 'measured',
      cores: 6,
      model: '8286-42A',
      utilization: 0.4,
    });
    expect(rowToWorkload(['db', 'AIX', '6', 'S999', '40', '64'], mapping, '', { models }).problems[0]).toMatch(
      /^sourceModel: "S999" is not a server model/,
    );
  });

  it('says the assumption when measured cores have no utilisation, and flags a percentage read as cores', () => {
    const mapping = { name: 0, os: 1, cores: 2, sourceModel: 3, utilization: 4, memoryGiB: 5 };
    const result = rowToWorkload(['db', 'AIX', '6', '8286-42A', '', '64'], mapping);
    expect(result.problems).toEqual([]);
    expect(result.issues.map((issue) => [issue.severity, issue.message.code])).toEqual([
      ['warning', 'harden.row-cores-without-utilisation'],
    ]);
    expect(rowToWorkload(['db', 'AIX', '45%', '', '', '64'], mapping).problems[0]).toMatch(
      /^cores: "45%" is a percentage/,
    );
    expect(rowToWorkload(['db', 'AIX', '800', '', '', '64'], mapping).issues[0]?.message.code).toBe(
      'harden.row-cores-out-of-range',
    );
    expect(rowToWorkload(['db', 'AIX', '6', '8286-42A', '150', '64'], mapping).problems[0]).toMatch(
      /^utilization: "150" is not a utilisation/,
    );
  });

  it('shows each interpreted value with its unit', () => {
    const { interpreted } = rowToWorkload(
      ['db', 'AIX 7.3', '1,234.5', '1,024'],
      { name: 0, os: 1, rperf: 2, memoryGiB: 3 },
      '',
      { decimal: 'point' },
    );
    expect(interpreted).toEqual(
      expect.arrayContaining([
        { field: 'rperf', value: 1234.5, unit: 'rPerf' },
        { field: 'memoryGiB', value: 1024, unit: 'GiB' },
        { field: 'os', value: 'aix', unit: null },
      ]),
    );
  });
});

describe('encodings and binary files', () => {
  it('reads UTF-8 with and without a byte-order mark, UTF-16 LE and BE, and Windows-1252', async () => {
    const variants: Array<[Uint8Array, string]> = [
      [encode(CSV), 'UTF-8'],
      [new Uint8Array([0xef, 0xbb, 0xbf, ...encode(CSV)]), 'UTF-8 (BOM)'],
      [utf16(CSV, true, true), 'UTF-16 LE'],
      [utf16(CSV, false, true), 'UTF-16 BE'],
      [utf16(CSV, true, false), 'UTF-16 LE'],
      [new Uint8Array([...CSV].map((char) => char.charCodeAt(0))), 'Windows-1252'],
    ];
    for (const [bytes, encoding] of variants) {
      const table = await parseTable('w.csv', bytes);
      expect(table.encoding, encoding).toBe(encoding);
      expect(table.headers, encoding).toEqual(['Name', 'OS', 'Memory (GB)']);
      expect(table.rows[0]?.[0], encoding).toBe('base-donnée');
    }
  });

  it('refuses binary files and unknown encodings by name', async () => {
    expect((await thrown(parseTable('w.csv', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2])))).message).toMatch(
      /a ZIP archive/,
    );
    expect((await thrown(parseTable('w.csv', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1])))).message).toMatch(
      /a program/,
    );
    const random = Uint8Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256);
    expect((await thrown(parseTable('w.csv', random))).message).toMatch(/binary data, not text/);
    expect((await thrown(parseTable('w.csv', new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])))).message).toMatch(
      /UTF-32/,
    );
    expect(() => decodeText(new Uint8Array([0xfe, 0xff, 0xd8, 0x00]))).toThrow(/UTF-16 BE/);
    expect((await thrown(parseTable('old.xls', new Uint8Array([1])))).message).toMatch(/Excel 97-2003/);
  });
});

describe('workbooks', () => {
  async function workbook(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it('offers the sheet with the workload list, not the cover sheet, and every sheet to choose from', async () => {
    const bytes = await workbook({
      Cover: [['Capacity review'], ['Prepared for the bank']],
      LPARs: [['Inventory'], ['LPAR', 'OS', 'rPerf', 'Memory (GB)'], ['db', 'AIX', 1.024, 1024]],
    });
    const table = await parseTable('w.xlsx', bytes);
    expect(table.sheet).toBe('LPARs');
    expect(table.headerRow).toBe(1);
    expect(table.headers).toEqual(['LPAR', 'OS', 'rPerf', 'Memory (GB)']);
    // A number the workbook stores reads back one way whatever the separator chosen.
    expect(table.rows[0]).toEqual(['db', 'AIX', '1.0240', '1024']);
    expect(table.sheets.map((sheet) => sheet.name)).toEqual(['Cover', 'LPARs']);
    const chosen = await parseTable('w.xlsx', bytes, { sheet: 0, headerRow: 0 });
    expect(chosen.headers).toEqual(['Capacity review']);
  });

  it('reads a wide sparse row without padding it to the sheet’s last column', async () => {
    const bytes = await workbook({
      S: [
        ['LPAR', 'rPerf'],
        ['a', 1],
      ],
    });
    const table = await parseTable('w.xlsx', bytes);
    expect(table.rows).toEqual([['a', '1']]);
  });
});
