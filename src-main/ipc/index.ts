export { contract, AppInfo, AppEvent, IMPORT_CHUNK_BYTES } from './contract';
export type { Channel, Input, Output, ParsedInput, Handlers, CallContext, Contract } from './contract';
export { CHANNELS, IPC_PREFIX, EVENT_CHANNEL } from './channels';
export { dispatch, isChannel } from './dispatch';
export { startBridge } from './http-bridge';
export type { Bridge, BridgeOptions } from './http-bridge';
export { createAppServices } from './services';
export type { AppServices, AppServiceOptions } from './services';
export type { Dialogs } from './dialogs';
export {
  CONTENT_SECURITY_POLICY,
  RENDERER_MIME_TYPES,
  mimeTypeOf,
  resolveRendererFile,
  rendererFileHeaders,
} from './security';
export type { RendererFile } from './security';
