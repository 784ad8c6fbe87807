// PDF from the report's own HTML, through a printer: headless Chromium (CLI, tests) or Electron's printToPDF (app).
import { existsSync } from 'node:fs';
import { AppError } from '../ipc/envelope';

export type PdfPrinter = (html: string, footer: { page: string; of: string }) => Promise<Uint8Array>;

/** The page-number footer both printers use ("Page 3 of 9"). */
export function footerTemplate(footer: { page: string; of: string }): string {
  return `<div style="font-size:8px;width:100%;text-align:center;color:#6f6f6f;">${footer.page} <span class="pageNumber"></span> ${footer.of} <span class="totalPages"></span></div>`;
}

export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'];

export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [env.POWERVM_SIZER_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((path): path is string => Boolean(path));
  const found = candidates.find((path) => existsSync(path));
  if (!found) {
    throw new AppError('unavailable', 'PDF needs a Chromium or Chrome browser: install one (Debian: apt-get install chromium) or set POWERVM_SIZER_CHROMIUM to its path; HTML, XLSX and CSV reports need none');
  }
  return found;
}

/** Prints with headless Chromium via playwright-core (loaded only when a PDF is asked for). */
export const chromiumPrinter: PdfPrinter = async (html, footer) => {
  const executablePath = chromiumExecutable();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      outline: true,
      tagged: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footerTemplate(footer),
    });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
};
