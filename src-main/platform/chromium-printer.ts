// Prints the report's HTML to PDF with a Chromium or Chrome installed on the machine (CLI, tests, browser mode).
import { existsSync } from 'node:fs';
import { AppError } from '../common';
import { PRINT_LAYOUT, type PdfPrinter, footerTemplate } from '../report';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [
    env.POWERVM_SIZER_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ].filter((path): path is string => Boolean(path));
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new AppError(
      'unavailable',
      'PDF needs a Chromium or Chrome browser: install one (Debian: apt-get install chromium) or set POWERVM_SIZER_CHROMIUM to its path; HTML, XLSX and CSV reports need none',
    );
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
    const print = async () =>
      new Uint8Array(await page.pdf({ format: 'A4', ...PRINT_LAYOUT, footerTemplate: footerTemplate(job.footer) }));
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
  const doc = (
    globalThis as unknown as {
      document: {
        querySelectorAll(
          selector: string,
        ): Iterable<{ dataset: Record<string, string | undefined>; textContent: string | null }>;
      };
    }
  ).document;
  for (const cell of doc.querySelectorAll('[data-toc-page]')) {
    const page = pages[cell.dataset.tocPage ?? ''];
    cell.textContent = page === undefined ? '' : String(page);
  }
}
