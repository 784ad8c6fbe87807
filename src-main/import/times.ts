// Times in the forms monitoring exports use, read as the wall-clock time written (a zone suffix is ignored, as nmon
// writes local time without one): ISO (2026-11-16T00:05:00Z, 2026-11-16 00:05), yyyy/mm/dd, dd-mm-yyyy, dd.mm.yyyy,
// mm/dd/yyyy (the HMC), 16-NOV-2026 00:05:00, with or without seconds, 12- or 24-hour, and Unix epoch seconds.
// Numeric dates whose day and month could be swapped are kept raw until the whole file says which comes first.

export type DateOrder = 'day-first' | 'month-first';

export type ParsedTime =
  | { kind: 'absolute'; ms: number }
  | { kind: 'numeric-date'; first: number; second: number; year: number; secondsOfDay: number; separator: string };

/** Month abbreviations as nmon and the HMC write them (upper case), to the month's index. */
export const MONTHS: Readonly<Record<string, number>> = {
  JAN: 0,
  FEB: 1,
  MAR: 2,
  APR: 3,
  MAY: 4,
  JUN: 5,
  JUL: 6,
  AUG: 7,
  SEP: 8,
  OCT: 9,
  NOV: 10,
  DEC: 11,
};

const CLOCK = String.raw`(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp][Mm])?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${CLOCK}$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${CLOCK}$`);
const NAMED_MONTH = new RegExp(String.raw`^(\d{1,2})[- ]([A-Za-z]{3})[- ](\d{4})${CLOCK}$`);
const EPOCH = /^(\d{10})(\.\d+)?$|^(\d{13})$/;

function secondsOfDay(hours?: string, minutes?: string, seconds?: string, meridiem?: string): number | null {
  if (hours === undefined) return 0;
  let hour = Number(hours);
  const minute = Number(minutes);
  const second = Number(seconds ?? 0);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (/p/i.test(meridiem) ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 60) return null;
  return hour * 3600 + minute * 60 + second;
}

const validDate = (year: number, month: number, day: number) =>
  month >= 0 && month < 12 && day >= 1 && day <= new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
const fullYear = (year: string) => (year.length === 2 ? 2000 + Number(year) : Number(year));

/** A time written in one of the supported forms, or null when the text is not a time. */
export function parseTimeText(raw: string): ParsedTime | null {
  const text = raw.trim();
  if (text === '') return null;
  const epoch = EPOCH.exec(text);
  if (epoch) return { kind: 'absolute', ms: epoch[3] ? Number(epoch[3]) : Math.round(Number(text) * 1000) };
  const iso = ISO.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]) - 1, Number(iso[3])];
    const seconds = secondsOfDay(iso[4], iso[5], iso[6], iso[7]);
    if (seconds === null || !validDate(year, month, day)) return null;
    return { kind: 'absolute', ms: Date.UTC(year, month, day) + seconds * 1000 };
  }
  const named = NAMED_MONTH.exec(text);
  if (named) {
    const month = MONTHS[named[2]!.toUpperCase()];
    const [year, day] = [Number(named[3]), Number(named[1])];
    const seconds = secondsOfDay(named[4], named[5], named[6], named[7]);
    if (month === undefined || seconds === null || !validDate(year, month, day)) return null;
    return { kind: 'absolute', ms: Date.UTC(year, month, day) + seconds * 1000 };
  }
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const seconds = secondsOfDay(numeric[5], numeric[6], numeric[7], numeric[8]);
    const first = Number(numeric[1]);
    const second = Number(numeric[3]);
    if (seconds === null || first < 1 || second < 1 || (first > 12 && second > 12) || first > 31 || second > 31)
      return null;
    return {
      kind: 'numeric-date',
      first,
      second,
      year: fullYear(numeric[4]!),
      secondsOfDay: seconds,
      separator: numeric[2]!,
    };
  }
  return null;
}

/** Milliseconds of a parsed time in the file's date order; NaN when the date does not exist in that order. */
export function resolveTime(time: ParsedTime, order: DateOrder): number {
  if (time.kind === 'absolute') return time.ms;
  const [day, month] = order === 'day-first' ? [time.first, time.second] : [time.second, time.first];
  if (!validDate(time.year, month - 1, day)) return Number.NaN;
  return Date.UTC(time.year, month - 1, day) + time.secondsOfDay * 1000;
}
