// The app prints reports with Electron's own Chromium: an offscreen window loads the report HTML and printToPDF.
import { BrowserWindow } from 'electron';
import { type PdfPrinter, footerTemplate } from '../report/pdf';

export const electronPrinter: PdfPrinter = async (html, footer) => {
  const window = new BrowserWindow({ show: false, webPreferences: { offscreen: true, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    const pdf = await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      preferCSSPageSize: true,
      generateDocumentOutline: true,
      generateTaggedPDF: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footerTemplate(footer),
    });
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
  }
};
