// PDF from the report's own HTML, through a printer: headless Chromium (CLI, tests) or Electron's printToPDF (app).
import { existsSync } from 'node:fs';
import { AppError } from '../common';

export interface PdfFooter {
  page: string;
  of: string;
  /** After the total ("页" in "第 3 页，共 9 页"); empty in English. */
  after?: string;
}

/**
 * What a printer is asked to print. The contents page needs the page on which each section starts, which is known
 * only after printing, so a printer prints a draft, asks where the sections landed, writes those numbers into the
 * contents (whose layout does not change: the number cells have a fixed width) and prints again.
 */
export interface PdfJob {
  html: string;
  footer: PdfFooter;
  /** Page of each section id in the draft, or null when they cannot be read (the draft is then final). */
  locateSections: (draft: Uint8Array) => Record<string, number> | null;
  /** The same report with the contents' page numbers filled in (for printers that reload rather than patch). */
  withPages: (pages: Record<string, number>) => string;
}

export type PdfPrinter = (job: PdfJob) => Promise<Uint8Array>;

/** The page-number footer both printers use ("Page 3 of 9"). */
export function footerTemplate(footer: PdfFooter): string {
  return `<div style="font-size:8px;width:100%;text-align:center;color:#6f6f6f;">${footer.page} <span class="pageNumber"></span> ${footer.of} <span class="totalPages"></span>${footer.after ? ` ${footer.after}` : ''}</div>`;
}

/** Print settings both printers use. Untagged: tagging a 100-server report costs more than printing it. */
export const PRINT_LAYOUT = { printBackground: true, preferCSSPageSize: true, displayHeaderFooter: true, headerTemplate: '<span></span>' } as const;

export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'];

export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.POWERVM_SIZER_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((path): path is string => Boolean(path));
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new AppError('unavailable', 'PDF needs a Chromium or Chrome browser: install one (Debian: apt-get install chromium) or set POWERVM_SIZER_CHROMIUM to its path; HTML, XLSX and CSV reports need none');
  }
  return found;
}

/**
 * Prints with headless Chromium via playwright-core (loaded only when a PDF is asked for). One browser and one page
 * serve both passes: the numbers are written into the loaded page instead of laying the report out again.
 */
export const chromiumPrinter: PdfPrinter = async (job) => {
  const executablePath = chromiumExecutable();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    await page.setContent(job.html, { waitUntil: 'load' });
    const print = async () => new Uint8Array(await page.pdf({ format: 'A4', ...PRINT_LAYOUT, footerTemplate: footerTemplate(job.footer) }));
    const draft = await print();
    const pages = job.locateSections(draft);
    if (!pages) return draft;
    await page.evaluate(fillContentsPages, pages);
    return await print();
  } finally {
    await browser.close();
  }
};

/** Runs inside the report page: the contents' page-number cells carry `data-toc-page="<section id>"`. */
function fillContentsPages(pages: Record<string, number>): void {
  const doc = (globalThis as unknown as { document: { querySelectorAll(selector: string): Iterable<{ dataset: Record<string, string | undefined>; textContent: string | null }> } }).document;
  for (const cell of doc.querySelectorAll('[data-toc-page]')) {
    const page = pages[cell.dataset.tocPage ?? ''];
    cell.textContent = page === undefined ? '' : String(page);
  }
}
