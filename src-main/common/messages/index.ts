// All message catalogs, one file per area (each area owns its file, so areas never edit each other's texts).
import type { Language } from '../enums';
import {
  type Message,
  type MessageCatalog,
  type MessageParam,
  type MessagePart,
  fillTemplate,
  fillTemplateParts,
} from './format';
import { CATALOG_MESSAGES } from './catalog';
import { DEPLOY_MESSAGES } from './deploy';
import { FEATURE_MESSAGES } from './feature';
import { GENERAL_MESSAGES } from './general';
import { HARDEN_MESSAGES } from './harden';
import { IMPORT_MESSAGES } from './import';
import { JOBS_MESSAGES } from './jobs';
import { REPORT_MESSAGES } from './report';
import { SOLVER_MESSAGES } from './solver';
import { WORKSPACE_MESSAGES } from './workspace';

export { Message, MessageParam, QUOTATION_PARAMS, fillTemplate, fillTemplateParts, placeholdersOf } from './format';
export type { MessageCatalog, MessagePart, MessageTable } from './format';
export type { ImportMessageCode } from './import';

/** Every area's catalog; an area adds its file here once. */
export const MESSAGE_CATALOGS: readonly MessageCatalog[] = [
  GENERAL_MESSAGES,
  CATALOG_MESSAGES,
  DEPLOY_MESSAGES,
  FEATURE_MESSAGES,
  HARDEN_MESSAGES,
  IMPORT_MESSAGES,
  JOBS_MESSAGES,
  REPORT_MESSAGES,
  SOLVER_MESSAGES,
  WORKSPACE_MESSAGES,
];

const merged = new Map<Language, Map<string, string>>();
function table(language: Language): Map<string, string> {
  let found = merged.get(language);
  if (!found) {
    found = new Map(MESSAGE_CATALOGS.flatMap((catalog) => Object.entries(catalog[language])));
    merged.set(language, found);
  }
  return found;
}

/** A message with its parameters; the code must exist in the catalogs (a test checks every code used). */
export function msg(code: string, params: Record<string, MessageParam> = {}): Message {
  return { code, params };
}

/** The message in a language; an unknown code shows itself rather than vanish. */
export function formatMessage(message: Message, language: Language): string {
  const template = table(language).get(message.code) ?? table('en').get(message.code);
  return template === undefined ? message.code : fillTemplate(template, message.params, language);
}

/** The message in a language as runs of words and verbatim quotations (see QUOTATION_PARAMS), for renderers that mark quotations. */
export function formatMessageParts(message: Message, language: Language): MessagePart[] {
  const template = table(language).get(message.code) ?? table('en').get(message.code);
  return template === undefined
    ? [{ text: message.code, quotation: false }]
    : fillTemplateParts(template, message.params, language);
}

export function hasMessage(code: string): boolean {
  return table('en').has(code);
}

export { nameIn, sayParts, sayText } from './say';
export type { Terms } from './say';
