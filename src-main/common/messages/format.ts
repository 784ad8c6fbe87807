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

/**
 * Parameters that carry a source's words verbatim (IBM's English): shown as written, inside the template's quotation
 * marks, and marked as a quotation by whoever renders the parts (lang="en"), never passed off as a translation.
 */
export const QUOTATION_PARAMS: ReadonlySet<string> = new Set(['quote']);

/** A run of a rendered message: the template's words in the reader's language, or a verbatim quotation. */
export interface MessagePart {
  text: string;
  quotation: boolean;
}

/**
 * `{name}` is a parameter; `{name|one|other}` picks the word for the parameter's count ("1 core", "2 cores"), so an
 * English template says `{cores} {cores|core|cores}`; languages without plural forms just write the word.
 */
const PLACEHOLDER = /\{([a-zA-Z0-9_]+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g;

function valueText(value: MessageParam | undefined, language: Language): string {
  if (value === undefined) return '—';
  return typeof value === 'number' ? numberFormat(language).format(value) : value;
}

/** The template filled, as runs of the language's words and verbatim quotations. */
export function fillTemplateParts(
  template: string,
  params: Record<string, MessageParam>,
  language: Language,
): MessagePart[] {
  const parts: MessagePart[] = [];
  const push = (text: string, quotation: boolean) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.quotation === quotation) last.text += text;
    else parts.push({ text, quotation });
  };
  let at = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    push(template.slice(at, match.index), false);
    const [, name, one, other] = match as unknown as [string, string, string | undefined, string | undefined];
    const value = params[name];
    if (one !== undefined && other !== undefined) push(Number(value) === 1 ? one : other, false);
    else push(valueText(value, language), QUOTATION_PARAMS.has(name) && typeof value === 'string');
    at = match.index + match[0].length;
  }
  push(template.slice(at), false);
  return parts;
}

/** Fills a template's `{name}` placeholders; numbers in the language's format, a missing parameter shown as `—`. */
export function fillTemplate(template: string, params: Record<string, MessageParam>, language: Language): string {
  return fillTemplateParts(template, params, language)
    .map((part) => part.text)
    .join('');
}

/** The placeholders a template uses, for the catalogs' consistency test. */
export function placeholdersOf(template: string): string[] {
  const names = [...template.matchAll(/\{([a-zA-Z0-9_]+)(?:\|[^{}]*)?\}/g)].map((match) => match[1]!);
  return [...new Set(names)].sort();
}
