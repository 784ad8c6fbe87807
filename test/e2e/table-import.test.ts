// Spreadsheet import in Chromium through the browser mode: a workbook with a cover sheet and a title row, numbers
// that read two ways, a UTF-16 CSV; nothing is guessed silently and the app keeps answering.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/browser-app';
import { tempDir } from '../support/temp';

describe('spreadsheet import in the browser mode', () => {
  const app = useBrowserApp({ viewport: { width: 1280, height: 800 } });
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir('pvs-e2e-tables-');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('offers the workload sheet under its title, flags "1,024" with both readings until the format is chosen', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Cover').addRows([['Capacity review for the bank'], ['Prepared in December']]);
    book
      .addWorksheet('LPARs')
      .addRows([
        ['Inventory of the bank'],
        ['LPAR', 'OS', 'rPerf', 'Memory (GB)'],
        ['core-db', 'AIX 7.2', '1,234', '1,024'],
        ['payroll', 'IBM i 7.4', '', '64'],
      ]);
    const file = join(dir, 'bank.xlsx');
    await writeFile(file, new Uint8Array(await book.xlsx.writeBuffer()));
    const { page } = app;
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-sheet').inputValue()).toBe('1');
    expect(await page.getByTestId('import-header-row').inputValue()).toBe('1');
    expect(await page.getByTestId('import-ambiguous').textContent()).toContain('read two ways');
    expect(await page.getByTestId('import-preview').textContent()).toContain('"1,024" reads two ways: 1024');
    await page.getByTestId('import-decimal').selectOption('point');
    await expect.poll(() => page.getByTestId('import-preview').textContent()).toContain('→ 1,024 GiB');
    expect(await page.getByTestId('import-preview').textContent()).toContain('→ 1,234 rPerf');
    await page.getByTestId('import-sheet').selectOption('0');
    await expect
      .poll(() => page.getByTestId('import-preview').locator('th').first().textContent())
      .toContain('Capacity review');
    await page.getByRole('button', { name: /cancel/i }).click();
  });

  it('reads a busy percentage as utilisation, never as cores, says assumptions and accepts common OS spellings', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Cover').addRows([['Regional bank: capacity review']]);
    book.addWorksheet('Partitions').addRows([
      ['LPAR', 'OS', 'CPU busy %', 'Physical cores (avg)', 'Model', 'Memory (GB)'],
      ['core-db', 'AIX 7.2', '55', '6', 'S824', '256'],
      ['payroll', 'IBM i 7.4', '40', '2', '8286-42A', '64'],
      ['legacy', 'OS/400', '', '1', '8286-42A', '32'],
      ['web', 'RHEL 9', '30', '1', 'Power S824', '16'],
      ['app', 'SLES 15', '35', '1', '8286-42A', '16'],
      ['jump', 'Ubuntu 22.04', '10', '1', '8286-42A', '8'],
      ['desktop', 'Windows 2019', '10', '1', '8286-42A', '8'],
      ['mystery', 'AIX', '10', '2', 'Z999', '8'],
    ]);
    const file = join(dir, 'busy.xlsx');
    await writeFile(file, new Uint8Array(await book.xlsx.writeBuffer()));
    const { page } = app;
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-file').setInputFiles(file);
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    // The data sheet, not the cover; the busy column is the utilisation, the physical cores are the cores.
    expect(await page.getByTestId('import-sheet').inputValue()).toBe('1');
    expect(await page.getByTestId('map-2').inputValue()).toBe('utilization');
    expect(await page.getByTestId('map-3').inputValue()).toBe('cores');
    const rows = preview.locator('tbody tr');
    const row = async (index: number) => (await rows.nth(index).textContent()) ?? '';
    expect(await row(0)).toContain('→ 55 %');
    expect(await row(0)).toContain('→ 6 cores');
    // Every usual spelling of the three operating systems, and a model typed as people say it ("S824").
    for (const index of [0, 1, 3, 4, 5]) expect(await rows.nth(index).getAttribute('class')).not.toContain('invalid');
    // Measured cores without a utilisation: the row says what is assumed.
    expect(await row(2)).toContain('without a utilisation: taken as the cores needed on the new server');
    expect(await row(6)).toContain('"Windows 2019" is not an operating system of Power servers');
    expect(await row(7)).toContain('"Z999" is not a server model of the catalog');
    // Read as cores by a wrong choice, a busy percentage is flagged as out of range or as a percentage.
    await page.getByTestId('map-3').selectOption('');
    await page.getByTestId('map-2').selectOption('cores');
    await expect.poll(() => page.getByTestId('percent-2').count()).toBe(1);
    expect(await page.getByTestId('percent-2').textContent()).toMatch(/a percentage read as .*cores/i);
    expect(await page.getByTestId('percent-3').count()).toBe(0);
    await page.getByRole('button', { name: /cancel/i }).click();
  });

  it('reads a UTF-16 CSV with Latin letters and refuses a binary file with what it is', async () => {
    const { page } = app;
    const csv = join(dir, 'utf16.csv');
    await writeFile(csv, Buffer.from('\ufeffName;OS;rPerf;Memory (GB)\nbase-donnée;SLES 15;12,5;32\n', 'utf16le'));
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-file').setInputFiles(csv);
    await page.getByTestId('import-preview').waitFor();
    const dialog = page.getByTestId('import-dialog');
    expect(await dialog.textContent()).toContain('UTF-16 LE');
    expect(await page.getByTestId('import-preview').textContent()).toContain('base-donnée');
    expect(await page.getByTestId('import-confirm').textContent()).toContain('1');
    const binary = join(dir, 'photo.csv');
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await page.getByTestId('import-file').setInputFiles(binary);
    await expect.poll(() => page.getByTestId('error-message').textContent()).toContain('a PNG image');
    await page.getByRole('button', { name: /cancel/i }).click();
  });
});
