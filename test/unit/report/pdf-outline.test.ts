import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addOutline, readDestinations } from '../../../src-main/report/pdf-outline';
import { tempDir } from '../../support/temp';

/** A three-page PDF laid out as Chromium writes one: classic cross-reference table, a page tree, named destinations. */
function samplePdf(): Uint8Array {
  const objects = [
    '<</Type /Catalog /Pages 2 0 R /Dests 6 0 R>>',
    '<</Type /Pages /Count 3 /Kids [7 0 R 3 0 R]>>',
    '<</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>>',
    '<</Type /Page /Parent 7 0 R /MediaBox [0 0 595 842]>>',
    '<</Type /Page /Parent 7 0 R /MediaBox [0 0 595 842]>>',
    '<</summary [4 0 R /XYZ 0 819 0]\n/server-s#c3#a9rver-1 [5 0 R /XYZ 0 400 0]\n/appendix [3 0 R /XYZ 0 819 0]>>',
    '<</Type /Pages /Parent 2 0 R /Count 2 /Kids [4 0 R 5 0 R]>>',
  ];
  let text = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(text.length);
    text += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<</Size ${objects.length + 1}\n/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

describe('PDF destinations and outline', () => {
  it('finds the page of each named destination through the page tree, in page order', () => {
    const destinations = readDestinations(samplePdf())!;
    expect(destinations.get('summary')?.page).toBe(1);
    expect(destinations.get('server-sérver-1')?.page).toBe(2);
    expect(destinations.get('appendix')?.page).toBe(3);
  });

  it('appends an outline that another reader (poppler) sees, leaving the printed bytes untouched', async () => {
    const original = samplePdf();
    const outlined = addOutline(original, [
      { title: 'Executive summary', destination: 'summary' },
      { title: '服务器 sérver-1', destination: 'server-sérver-1' },
      { title: 'Not printed', destination: 'missing' },
      { title: 'Appendix', destination: 'appendix' },
    ]);
    expect(Buffer.from(outlined.subarray(0, original.byteLength)).equals(Buffer.from(original))).toBe(true);
    expect(readDestinations(outlined)?.get('appendix')?.page).toBe(3);
    const file = join(await tempDir(), 'outlined.pdf');
    await writeFile(file, outlined);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+3/);
    const xml = execFileSync('pdftohtml', ['-xml', '-stdout', '-i', '-q', file], { encoding: 'utf8' });
    const items = [...xml.matchAll(/<item page="(\d+)">([^<]*)<\/item>/g)].map((match) => [Number(match[1]), match[2]]);
    expect(items).toEqual([
      [1, 'Executive summary'],
      [2, '服务器 sérver-1'],
      [3, 'Appendix'],
    ]);
  });

  it('leaves a file it cannot read as it is', () => {
    const garbage = new Uint8Array(Buffer.from('not a pdf at all'));
    expect(readDestinations(garbage)).toBeNull();
    expect(addOutline(garbage, [{ title: 'x', destination: 'x' }])).toBe(garbage);
  });
});
