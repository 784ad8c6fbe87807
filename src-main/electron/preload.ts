// Exposes exactly the contract's channels as one typed object; nothing else of Electron reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, EVENT_CHANNEL, IPC_PREFIX } from '../ipc/channels';

const invoke = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(IPC_PREFIX + channel, input)]),
);

contextBridge.exposeInMainWorld('powervmSizer', {
  invoke,
  onEvent(listener: (event: unknown) => void): () => void {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
});
