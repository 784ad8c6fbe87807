// Public surface of the reports: one model, four renderings.
export { buildReportModel } from './model';
export type { ReportModel, ReportOptions, PartitionRow } from './model';
export { say } from './model';
export { buildPresentation, configurationLabel, termsFor } from './presentation';
export { Presentation } from './presentation-schema';
export type { Text as PresentationText, Money } from './presentation-schema';
export { renderHtml } from './html';
export { renderCsv, CSV_COLUMNS } from './csv';
export { renderXlsx } from './xlsx';
export { footerTemplate, PRINT_LAYOUT } from './pdf';
export type { PdfPrinter, PdfJob, PdfFooter } from './pdf';
export { renderReport, formatFromPath } from './render';
export { REPORT_TEXT } from './i18n';
export type { ReportLanguage } from './i18n';
