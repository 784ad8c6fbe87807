// Page numbers for the PDF's table of contents: print once, find on which page each section starts, print again
// with the numbers. Finding needs poppler's pdftotext; without it the contents list keeps its order and the PDF
// still carries its outline (bookmarks), which viewers show as a clickable table of contents.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

export async function locateSections(pdf: Uint8Array, sections: Array<{ id: string; title: string }>, contentsTitle: string): Promise<Record<string, number> | null> {
  const dir = await mkdtemp(join(tmpdir(), 'pvs-toc-'));
  try {
    const file = join(dir, 'report.pdf');
    await writeFile(file, pdf);
    let pages: string[];
    try {
      const { stdout } = await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 256 * 1024 * 1024 });
      pages = stdout.split('\f').map(normalise);
    } catch {
      return null;
    }
    const contentsPage = pages.findIndex((page) => page.includes(normalise(contentsTitle)));
    const found: Record<string, number> = {};
    let from = contentsPage + 1;
    for (const section of sections) {
      const needle = normalise(section.title).slice(0, 40);
      const index = pages.findIndex((page, pageIndex) => pageIndex >= from && page.includes(needle));
      if (index < 0) return null;
      found[section.id] = index + 1;
      from = index;
    }
    return found;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
