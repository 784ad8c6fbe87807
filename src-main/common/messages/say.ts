// A text of the presentation model (a message, or a sentence a producer still writes in English) in a reader's
// language. Shared by the report and the screen, so both name servers and configurations alike and mark IBM's
// verbatim quotations alike.
import type { Language } from '../enums';
import { type Message, type MessagePart, QUOTATION_PARAMS } from './format';
import { formatMessage, formatMessageParts, hasMessage } from './index';

/** What the ids message parameters carry are called ("9105-42A/3.4/2s/24c" → a configuration's name), as messages. */
export type Terms = Readonly<Record<string, Message>>;
type Text = Message | string;

/** "server-2" reads "Server 2" even where the presentation carries no terms (older answers, the solution's own lists). */
function serverTerm(value: string): Message | null {
  const server = /^server-(\d+)$/.exec(value);
  return server ? { code: 'report.server-name', params: { number: Number(server[1]) } } : null;
}

/** Parameters whose values are PowerVM feature keys ("suspendResume"), and the one naming a source ("S1 (medium)"). */
const FEATURE_PARAMS = new Set(['feature', 'features']);
const SOURCE_PARAM = 'source';

/** A built-in name: a server id; for a feature parameter a feature's name; for a source its confidence in words. */
function builtInTerm(value: string, param: string | undefined): Message | null {
  const server = serverTerm(value);
  if (server) return server;
  if (param !== undefined && FEATURE_PARAMS.has(param) && /^[a-zA-Z]+$/.test(value)) {
    const code = `feature.${value.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    if (hasMessage(code)) return { code, params: {} };
  }
  // "Power E1080 40/48/60-core": the candidates a reason applies to, as the solver names them compactly.
  const candidates = param === 'where' ? /^([^,]+) (\d+(?:\/\d+)*)-core$/.exec(value) : null;
  if (candidates) {
    const cores = candidates[2]!.includes('/') ? candidates[2]! : Number(candidates[2]);
    return { code: 'report.configuration', params: { model: candidates[1]!, cores } };
  }
  const source = param === SOURCE_PARAM ? /^(.+) \((high|medium|low)\)$/.exec(value) : null;
  return source ? { code: `feature.confidence-${source[2]}`, params: { source: source[1]! } } : null;
}

/**
 * A parameter that is an id the presentation names (a configuration, a server), or a list of them, in the language;
 * `param` is the parameter's name, for the names that depend on it (feature keys, sources).
 */
export function nameIn(value: string, language: Language, terms: Terms, param?: string): string {
  const term = terms[value] ?? builtInTerm(value, param);
  if (term) return formatMessage(term, language);
  // "server-3 Power S1024": a server named by its id, then its model.
  const named = /^(server-\d+) (.+)$/.exec(value);
  if (named) return `${nameIn(named[1]!, language, terms)} ${named[2]}`;
  const pieces = value.split(', ');
  if (pieces.length > 1 && pieces.some((piece) => terms[piece] ?? builtInTerm(piece, param)))
    return pieces.map((piece) => nameIn(piece, language, terms, param)).join(language === 'zh-CN' ? '、' : ', ');
  return value;
}

/** The text as runs of the language's words and IBM's verbatim quotations (which a renderer marks lang="en"). */
export function sayParts(text: Text, language: Language, terms: Terms = {}): MessagePart[] {
  if (typeof text === 'string') return [{ text, quotation: false }];
  const params = Object.fromEntries(
    Object.entries(text.params).map(([key, value]) => [
      key,
      typeof value === 'string' && !QUOTATION_PARAMS.has(key) ? nameIn(value, language, terms, key) : value,
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
