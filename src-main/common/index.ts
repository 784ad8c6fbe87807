// The floor of the main process: errors with stable codes, the reply envelope and the shared enumerations.
// Imports nothing of ours and does no I/O, so every layer (and the renderer) may use it.
export { AppError, AppErrorShape, ErrorCode, parseOrThrow, describeZodIssues, formatPath } from './errors';
export type { Reply } from './errors';
export * from './enums';
export {
  Message,
  MessageParam,
  MESSAGE_CATALOGS,
  msg,
  formatMessage,
  formatMessageParts,
  hasMessage,
  QUOTATION_PARAMS,
  fillTemplateParts,
  nameIn,
  sayParts,
  sayText,
  fillTemplate,
  placeholdersOf,
} from './messages';
export type { ImportMessageCode, MessageCatalog, MessagePart, MessageTable, Terms } from './messages';
export { safeFileName } from './file-names';
