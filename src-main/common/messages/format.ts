// Messages travel as a code with parameters; each language renders them from its catalog. Domain code never
// writes a sentence a customer reads, so the screen, the PDF, the XLSX and the CSV say the same in every language.
import { z } from 'zod';
import type { Language } from '../enums';

export const MessageParam = z.union([z.string(), z.number()]);
export type MessageParam = z.infer<typeof MessageParam>;

export const Message = z.object({
  code: z
    .string()
    .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/, { error: 'must be a dotted message code such as solver.unplaced' }),
  params: z.record(z.string(), MessageParam),
});
export type Message = z.infer<typeof Message>;

/** One area's templates: `{name}` placeholders, the same set in every language. */
export type MessageTable = Readonly<Record<string, string>>;
export type MessageCatalog = Readonly<Record<Language, MessageTable>>;

const NUMBER_FORMATS = new Map<Language, Intl.NumberFormat>();
function numberFormat(language: Language): Intl.NumberFormat {
  let format = NUMBER_FORMATS.get(language);
  if (!format) {
    format = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    NUMBER_FORMATS.set(language, format);
  }
  return format;
}

/** `{count|workload|workloads}`: the word a number takes in English, singular for exactly 1. */
const PLURAL = /\{([a-zA-Z0-9_]+)\|([^|{}]*)\|([^{}]*)\}/g;

/**
 * Fills a template's `{name}` placeholders; numbers in the language's format, a missing parameter shown as `—`.
 * `{name|one|other}` picks the word for the number `name` (Chinese templates need none).
 */
export function fillTemplate(template: string, params: Record<string, MessageParam>, language: Language): string {
  return template
    .replace(PLURAL, (_, name: string, one: string, other: string) => (params[name] === 1 ? one : other))
    .replace(/\{([a-zA-Z0-9_]+)\}/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined) return '—';
      return typeof value === 'number' ? numberFormat(language).format(value) : value;
    });
}

/** The placeholders a template uses, for the catalogs' consistency test. */
export function placeholdersOf(template: string): string[] {
  const names = [...template.matchAll(/\{([a-zA-Z0-9_]+)(?:\|[^{}]*)?\}/g)].map((match) => match[1]!);
  return [...new Set(names)].sort();
}
