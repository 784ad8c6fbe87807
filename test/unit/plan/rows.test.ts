import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/common';
import { guessMapping, parseCsvTable, parseTable, parseTabular, rowToWorkload } from '../../../src-main/plan';
import { repoRoot } from '../../support/browser-app';

describe('spreadsheet rows to workloads', () => {
  it('guesses the mapping from customer-style headers', () => {
    expect(
      guessMapping(['LPAR name', 'Operating system', 'rPerf', 'CPW', 'Memory (GB)', 'Mode', 'Count', 'HA group']),
    ).toEqual({
      name: 0,
      os: 1,
      rperf: 2,
      cpw: 3,
      memoryGiB: 4,
      processorMode: 5,
      count: 6,
      haGroup: 7,
    });
  });

  it('reads decimal commas, percentages and OS spellings', () => {
    const { workload, problems } = rowToWorkload(['db', 'AIX 7.3', '', '', '8', '8286-42A', '45%', '96,5'], {
      name: 0,
      os: 1,
      cores: 4,
      sourceModel: 5,
      utilization: 6,
      memoryGiB: 7,
    });
    expect(problems).toEqual([]);
    expect(workload).toMatchObject({
      name: 'db',
      os: 'aix',
      cpu: { kind: 'measured', cores: 8, model: '8286-42A', utilization: 0.45 },
      memoryGiB: 96.5,
    });
    expect(
      rowToWorkload(['x', 'OS/400', '', '12000', '', '', '', '32'], { name: 0, os: 1, cpw: 3, memoryGiB: 7 }).workload
        .os,
    ).toBe('ibmi');
  });

  it('names each bad cell', () => {
    const { problems } = rowToWorkload(['bad', 'windows', 'lots', '', '', '', '', '-3'], {
      name: 0,
      os: 1,
      rperf: 2,
      memoryGiB: 7,
    });
    expect(problems).toContain('rperf: "lots" is not a number');
    expect(problems.some((problem) => problem.startsWith('os:'))).toBe(true);
    expect(problems).toContain('memoryGiB: must be a positive number');
  });

  it('takes a pasted first row of words as headers, and numbers as data', () => {
    expect(parseTabular('name\trperf\nweb\t12\n').headers).toEqual(['name', 'rperf']);
    expect(parseTabular('web\t12\ndb\t40\n')).toEqual({
      headers: null,
      rows: [
        ['web', '12'],
        ['db', '40'],
      ],
    });
  });
});

describe('spreadsheet files', () => {
  it('reads a semicolon CSV with quoted fields', async () => {
    const table = await parseTable(
      'workloads.csv',
      await readFile(join(repoRoot, 'test', 'fixtures', 'import-tables', 'workloads.csv')),
    );
    expect(table.headers[0]).toBe('LPAR name');
    expect(table.rows).toHaveLength(5);
    expect(table.rows[2]![0]).toBe('web, front');
  });

  it('reads the first sheet of an XLSX workbook', async () => {
    const table = await parseTable(
      'workloads.xlsx',
      await readFile(join(repoRoot, 'test', 'fixtures', 'import-tables', 'workloads.xlsx')),
    );
    expect(table.sheet).toBe('Inventory');
    expect(table.rows[0]).toEqual(['p8-batch', 'AIX', '8', '8286-42A', '45', '96']);
  });

  it('explains a broken file instead of importing part of it', async () => {
    expect(() => parseCsvTable('a,b\n"never closed,1\n')).toThrow(/never closed/);
    const error = await parseTable('broken.xlsx', new TextEncoder().encode('not a zip')).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('not a readable XLSX');
  });
});
