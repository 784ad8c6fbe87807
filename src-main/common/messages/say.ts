// A text of the presentation model (a message, or a sentence a producer still writes in English) in a reader's
// language. Shared by the report and the screen, so both name servers and configurations alike and mark IBM's
// verbatim quotations alike.
import type { Language } from '../enums';
import { type Message, type MessagePart, QUOTATION_PARAMS } from './format';
import { formatMessage, formatMessageParts } from './index';

/** What the ids message parameters carry are called ("9105-42A/3.4/2s/24c" → a configuration's name), as messages. */
export type Terms = Readonly<Record<string, Message>>;
type Text = Message | string;

/** "server-2" reads "Server 2" even where the presentation carries no terms (older answers, the solution's own lists). */
function serverTerm(value: string): Message | null {
  const server = /^server-(\d+)$/.exec(value);
  return server ? { code: 'report.server-name', params: { number: Number(server[1]) } } : null;
}

/** A parameter that is an id the presentation names (a configuration, a server), or a list of them, in the language. */
export function nameIn(value: string, language: Language, terms: Terms): string {
  const term = terms[value] ?? serverTerm(value);
  if (term) return formatMessage(term, language);
  const pieces = value.split(', ');
  if (pieces.length > 1 && pieces.some((piece) => terms[piece] ?? serverTerm(piece)))
    return pieces.map((piece) => nameIn(piece, language, terms)).join(language === 'zh-CN' ? '、' : ', ');
  return value;
}

/** The text as runs of the language's words and IBM's verbatim quotations (which a renderer marks lang="en"). */
export function sayParts(text: Text, language: Language, terms: Terms = {}): MessagePart[] {
  if (typeof text === 'string') return [{ text, quotation: false }];
  const params = Object.fromEntries(
    Object.entries(text.params).map(([key, value]) => [
      key,
      typeof value === 'string' && !QUOTATION_PARAMS.has(key) ? nameIn(value, language, terms) : value,
    ]),
  );
  return formatMessageParts({ code: text.code, params }, language);
}

/** The text in the language, as one string (quotations inside their quotation marks). */
export function sayText(text: Text, language: Language, terms: Terms = {}): string {
  return sayParts(text, language, terms)
    .map((part) => part.text)
    .join('');
}
