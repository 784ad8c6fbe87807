import { writeFile } from 'node:fs/promises';
import { chromiumPrinter } from '../../src-main/platform';
import { type ReportModel, formatFromPath, renderReport } from '../../src-main/report';

/** Renders a report model in the format its path names and writes it (PDF with the machine's Chromium). */
export async function writeReportFile(model: ReportModel, path: string): Promise<void> {
  const format = formatFromPath(path);
  if (!format) throw new Error(`${path}: not a report format`);
  await writeFile(path, await renderReport(model, format, chromiumPrinter));
}
