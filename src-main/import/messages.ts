// Messages of the measurement import: a code and its parameters, rendered in the user's language where they are
// shown (the dialog, the command line). The templates live in src-main/common/messages/import.ts.
import { IMPORT_MESSAGES, type ImportMessageCode } from '../common/messages/import';

export type MessageParams = Record<string, string | number>;
export interface Message {
  code: ImportMessageCode;
  params: MessageParams;
}
export type { ImportMessageCode };

export function msg(code: ImportMessageCode, params: MessageParams = {}): Message {
  return { code, params };
}

export type ImportLanguage = keyof typeof IMPORT_MESSAGES;

/** Fills a template's {placeholders}; an unknown placeholder stays visible rather than silently empty. */
export function renderMessage(message: Message, language: ImportLanguage = 'en'): string {
  const template: string = IMPORT_MESSAGES[language][message.code] ?? IMPORT_MESSAGES.en[message.code] ?? message.code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = message.params[name];
    return value === undefined ? whole : String(value);
  });
}

/** An error raised while reading one file, carrying its message so the caller can list the file as damaged. */
export class ImportFileError extends Error {
  constructor(readonly detail: Message) {
    super(renderMessage(detail));
    this.name = 'ImportFileError';
  }
}
