// Every value that leaves the design for a shell, an HMC attribute list, a CSV cell or a comment goes through one
// of these functions, so hostile names (quotes, `$()`, commas, newlines) can neither run nor add attributes.

/**
 * HMC object names [practice, conservative]: the HMC accepts up to 47 characters for a partition name and rejects
 * some punctuation; we keep ASCII letters, digits, `.`, `-` and `_` (which also need no quoting in an attribute
 * list, a shell word or an ssh command), starting with a letter or digit.
 */
export const HMC_PARTITION_NAME_MAX = 47;
export const HMC_SYSTEM_NAME_MAX = 63;
const UNSAFE = /[^A-Za-z0-9._-]+/g;
export const HMC_SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The HMC form of one name: unsafe runs become `_`, trimmed to the limit; null when nothing usable remains. */
export function hmcSafe(name: string, max: number): string | null {
  // Compatibility forms folded and accents dropped first (ｅｒｐ → erp, Ärger → Arger), the rest replaced.
  const folded = name.normalize('NFKD').replace(/\p{M}+/gu, '');
  const mapped = folded
    .replace(UNSAFE, '_')
    .replace(/^[._-]+/, '')
    .slice(0, max)
    .replace(/[._-]+$/, '');
  return /[A-Za-z0-9]/.test(mapped) ? mapped : null;
}

/**
 * Maps names to HMC names, unique within one scope (a managed system): a name that clashes with an earlier one
 * gets `-2`, `-3`, ... (shortened to stay within the limit); a name with nothing usable gets `fallback-n`.
 */
export class HmcNamer {
  private readonly taken = new Set<string>();

  constructor(private readonly max: number) {}

  reserve(name: string): void {
    this.taken.add(name.toLowerCase());
  }

  name(original: string, fallback: string): string {
    const base = hmcSafe(original, this.max) ?? fallback;
    let candidate = base;
    for (let suffix = 2; this.taken.has(candidate.toLowerCase()); suffix += 1) {
      const tail = `-${suffix}`;
      candidate = `${base.slice(0, this.max - tail.length)}${tail}`;
    }
    this.taken.add(candidate.toLowerCase());
    return candidate;
  }
}

/** POSIX shell single-quoting: the one function every shell word of the exports goes through. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * Text for a `#` comment line in a shell script or YAML file: line breaks of every kind (including the Unicode and
 * NEL ones YAML 1.1 counts) and other control characters become spaces, so a comment can never end early.
 */
export function commentText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ');
}

/**
 * One CSV cell (RFC 4180 quoting). A cell a spreadsheet would read as a formula (starting with = + - @, tab or
 * carriage return) gets a leading apostrophe, the OWASP advice against CSV injection.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return cells.map(csvCell).join(',');
}
