// Messages of the measurement import: a code and its parameters, rendered in the user's language where they are
// shown (the dialog, the command line). The templates live in src-main/common/messages/import.ts.
import { type ImportMessageCode, type Language, type Message, formatMessage } from '../common';

export type MessageParams = Record<string, string | number>;
export type { ImportMessageCode, Message };

/** A message of this area: the code is checked against the import catalog at compile time. */
export function msg(code: ImportMessageCode, params: MessageParams = {}): Message {
  return { code, params };
}

/** The message in a language (English for logs, the command line and plan-file notes). */
export function renderMessage(message: Message, language: Language = 'en'): string {
  return formatMessage(message, language);
}

/** An error raised while reading one file, carrying its message so the caller can list the file as damaged. */
export class ImportFileError extends Error {
  constructor(readonly detail: Message) {
    super(renderMessage(detail));
    this.name = 'ImportFileError';
  }
}
