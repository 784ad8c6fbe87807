// Public surface of the reports: one model, four renderings.
export { buildReportModel, REPORT_SECTIONS } from './model';
export type { ReportModel, ReportOptions, PartitionRow, ReportSection } from './model';
export { say } from './model';
export { buildPresentation, configurationLabel } from './presentation';
export { Presentation } from './presentation-schema';
export type { Text as PresentationText, Money } from './presentation-schema';
export { renderHtml } from './html';
export { renderCsv, CSV_COLUMNS } from './csv';
export { renderXlsx } from './xlsx';
export { chromiumPrinter, chromiumExecutable } from './pdf';
export type { PdfPrinter } from './pdf';
export { exportReport, renderReport, formatFromPath, REPORT_FORMATS } from './export';
export type { ReportFormat } from './export';
export { REPORT_TEXT } from './i18n';
export type { ReportLanguage } from './i18n';
