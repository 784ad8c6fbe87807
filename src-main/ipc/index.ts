export { contract, ModelQuery, AppInfo, AppEvent, IMPORT_CHUNK_BYTES } from './contract';
export type { Channel, Input, Output, ParsedInput, Handlers, CallContext, Contract } from './contract';
export { CHANNELS, IPC_PREFIX, EVENT_CHANNEL } from './channels';
export { dispatch, isChannel } from './dispatch';
export { startBridge } from './http-bridge';
export type { Bridge, BridgeOptions } from './http-bridge';
