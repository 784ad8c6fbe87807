// The renderer's one client of the IPC contract: the Electron preload bridge when present, otherwise the
// loopback bridge of the browser mode (same channels, same envelope, same validation on the other side).
import type { AppEvent, Channel, Input, Output } from '../../../src-main/ipc/contract';
import type { AppErrorShape, Reply } from '../../../src-main/common';

interface PreloadBridge {
  invoke: Record<Channel, (input: unknown) => Promise<Reply<unknown>>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
}

declare global {
  interface Window {
    powervmSizer?: PreloadBridge;
  }
}

/** A failed call, carrying the main process's code, message and field path. */
export class ApiError extends Error {
  readonly code: AppErrorShape['code'];
  readonly path: string | undefined;
  readonly details: string[];
  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.path = shape.path;
    this.details = shape.details ?? [];
  }
}

const TOKEN_KEY = 'powervm-sizer-token';

function browserToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function invokeOverHttp(channel: Channel, input: unknown): Promise<Reply<unknown>> {
  const response = await fetch(`./api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-powervm-sizer-token': browserToken() },
    body: JSON.stringify(input ?? {}),
  });
  return (await response.json()) as Reply<unknown>;
}

export async function call<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  const bridge = window.powervmSizer;
  const reply = bridge ? await bridge.invoke[channel](input) : await invokeOverHttp(channel, input);
  if (!reply.ok) throw new ApiError(reply.error);
  return reply.value as Output<C>;
}

const listeners = new Set<(event: AppEvent) => void>();
let source: EventSource | null = null;

/** Subscribe to events pushed by the main process (solver progress, ...). Returns the unsubscribe function. */
export function onEvent(listener: (event: AppEvent) => void): () => void {
  const bridge = window.powervmSizer;
  if (bridge) return bridge.onEvent(listener);
  listeners.add(listener);
  if (!source) {
    source = new EventSource(`./api/events?token=${encodeURIComponent(browserToken())}`);
    source.onmessage = (message) => {
      const event = JSON.parse(message.data as string) as AppEvent;
      for (const each of listeners) each(event);
    };
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && source) {
      source.close();
      source = null;
    }
  };
}

export function isBrowserMode(): boolean {
  return window.powervmSizer === undefined;
}
