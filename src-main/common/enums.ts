// The lists every layer shares, written once. Adding a language, a report section or a format starts here.
import { z } from 'zod';

/** Languages of the interface and of every report. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** Sections a report may hold, in the order they print. */
export const REPORT_SECTIONS = [
  'summary',
  'assumptions',
  'servers',
  'editions',
  'migration',
  'unplaced',
  'alternatives',
  'appendix',
] as const;
export const ReportSection = z.enum(REPORT_SECTIONS);
export type ReportSection = z.infer<typeof ReportSection>;

/** Report file formats, named by their file extension. */
export const REPORT_FORMATS = ['html', 'pdf', 'xlsx', 'csv'] as const;
export const ReportFormat = z.enum(REPORT_FORMATS);
export type ReportFormat = z.infer<typeof ReportFormat>;

/** How sure a figure or a measurement is. */
export const CONFIDENCE_LEVELS = ['high', 'medium', 'low'] as const;
export const Confidence = z.enum(CONFIDENCE_LEVELS);
export type Confidence = z.infer<typeof Confidence>;

/** A day of measurements is held as 96 quarter-hour slots. */
export const DAY_SLOTS = 96;
