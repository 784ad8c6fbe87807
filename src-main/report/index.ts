// Public surface of the reports: one model, four renderings.
export { buildReportModel, REPORT_SECTIONS } from './model';
export type { ReportModel, ReportOptions, PartitionRow, ServerSection, ReportSection } from './model';
export { renderHtml } from './html';
export { renderCsv, CSV_COLUMNS } from './csv';
export { renderXlsx } from './xlsx';
export { chromiumPrinter, chromiumExecutable } from './pdf';
export type { PdfPrinter } from './pdf';
export { exportReport, renderReport, formatFromPath, REPORT_FORMATS } from './export';
export type { ReportFormat } from './export';
export { REPORT_TEXT } from './i18n';
export type { ReportLanguage } from './i18n';
