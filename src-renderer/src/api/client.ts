// The renderer's one client of the IPC contract: the Electron preload bridge when present, otherwise the
// loopback bridge of the browser mode (same channels, same envelope, same validation on the other side).
import type { AppEvent, Channel, Input, Output } from '../../../src-main/ipc/contract';
import type { AppErrorShape, Reply } from '../../../src-main/common';
import { i18n } from '../i18n';

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

/** A reply that is not the envelope (a proxy's page, a cut connection) still becomes a message worth showing. */
export function replyOf(status: number, statusText: string, text: string): Reply<unknown> {
  try {
    const parsed = JSON.parse(text) as Partial<Reply<unknown>> & { error?: unknown };
    if (parsed && parsed.ok === true && 'value' in parsed) return parsed as Reply<unknown>;
    const error = parsed?.error as Partial<AppErrorShape> | string | undefined;
    if (
      parsed &&
      parsed.ok === false &&
      typeof error === 'object' &&
      typeof error.message === 'string' &&
      error.message !== ''
    ) {
      return parsed as Reply<unknown>;
    }
    // An older server's `{"error":"bad token"}`: keep its words.
    if (typeof error === 'string' && error !== '') return { ok: false, error: { code: 'internal', message: error } };
  } catch {
    // not JSON: fall through to the status line
  }
  const detail = `${status} ${statusText} ${text.trim().slice(0, 200)}`.trim();
  return { ok: false, error: { code: 'internal', message: i18n.global.t('safety.httpStatus', { detail }) } };
}

async function invokeOverHttp(channel: Channel, input: unknown): Promise<Reply<unknown>> {
  let response: Response;
  try {
    response = await fetch(`./api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-powervm-sizer-token': browserToken() },
      body: JSON.stringify(input ?? {}),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'unavailable', message: i18n.global.t('safety.unreachable', { reason }) } };
  }
  return replyOf(response.status, response.statusText, await response.text());
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
