// What a PDF printer is asked to do: headless Chromium (CLI, tests) or Electron's printToPDF (app) print the
// report's own HTML.

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
export const PRINT_LAYOUT = {
  printBackground: true,
  preferCSSPageSize: true,
  displayHeaderFooter: true,
  headerTemplate: '<span></span>',
} as const;
