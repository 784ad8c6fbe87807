// The app prints reports with Electron's own Chromium: an offscreen window loads the report HTML and printToPDF.
// JavaScript stays off in that window, so the contents' page numbers come from loading the numbered report again.
import { BrowserWindow } from 'electron';
import { type PdfPrinter, PRINT_LAYOUT, footerTemplate } from '../report';

export const electronPrinter: PdfPrinter = async (job) => {
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      offscreen: true,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
    },
  });
  try {
    const load = (html: string) => window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    const print = async () =>
      new Uint8Array(
        await window.webContents.printToPDF({
          pageSize: 'A4',
          ...PRINT_LAYOUT,
          footerTemplate: footerTemplate(job.footer),
        }),
      );
    await load(job.html);
    const draft = await print();
    const pages = job.locateSections(draft);
    if (!pages) return draft;
    await load(job.withPages(pages));
    return await print();
  } finally {
    window.destroy();
  }
};
