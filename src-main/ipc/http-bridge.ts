// Browser mode: the built renderer and the contract's channels over HTTP on the loopback interface only,
// guarded by a random per-run token. It exists so the real renderer and the real handlers run headless in
// Chromium (tests, CI) and so the app can be shown where Electron is not installed.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rendererFileHeaders, resolveRendererFile } from './security';
import { type ErrorCode, formatMessage, msg } from '../common';
import type { AppEvent, Handlers } from './contract';
import { dispatch } from './dispatch';

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface BridgeOptions {
  handlers: Handlers;
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface Bridge {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The token exactly as issued: byte for byte, compared in constant time over fixed-length digests so neither the
 * content nor the length leaks. (An HTTP header's surrounding spaces are not part of its value, RFC 9110 §5.5:
 * Node's parser drops them before we see the header; a query parameter is compared as given.)
 */
export function sameToken(given: string | null | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(token)) && given === token;
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/** Every refusal travels in the reply envelope, so the client always has a code and a message to show. */
export function refusal(code: ErrorCode, messageCode: string, params: Record<string, string | number> = {}): string {
  return JSON.stringify({ ok: false, error: { code, message: formatMessage(msg(messageCode, params), 'en') } });
}

function refuse(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  messageCode: string,
  params: Record<string, string | number> = {},
): void {
  send(res, status, refusal(code, messageCode, params));
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Serves one file of the built renderer, with the policy; refuses a path outside it or one that does not decode. */
async function serveStatic(rendererDir: string, pathname: string, res: ServerResponse): Promise<void> {
  const target = resolveRendererFile(rendererDir, pathname);
  if (target.kind === 'malformed') return refuse(res, 400, 'invalid-input', 'harden.bridge-malformed-path');
  if (target.kind === 'outside') return refuse(res, 403, 'invalid-input', 'harden.bridge-outside');
  const info = await stat(target.file).catch(() => null);
  if (!info?.isFile()) return refuse(res, 404, 'not-found', 'harden.bridge-no-page');
  res.writeHead(200, { ...rendererFileHeaders(target.mimeType), 'cache-control': 'no-store' });
  createReadStream(target.file).pipe(res);
}

/** The event stream (server-sent events) of one page: progress of its jobs, under the token. */
function serveEvents(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  token: string,
  clients: Set<ServerResponse>,
): void {
  if (!sameToken(url.searchParams.get('token'), token))
    return refuse(res, 401, 'invalid-input', 'harden.bridge-bad-token');
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
  res.write(': connected\n\n');
  clients.add(res);
  req.on('close', () => clients.delete(res));
}

/** One call of a channel: POST, under the token, a JSON body of bounded size, answered in the reply envelope. */
async function serveCall(
  req: IncomingMessage,
  res: ServerResponse,
  channel: string,
  token: string,
  handlers: Handlers,
  emit: (event: AppEvent) => void,
): Promise<void> {
  if (req.method !== 'POST') return refuse(res, 405, 'invalid-input', 'harden.bridge-method', { method: 'POST' });
  const given = req.headers['x-powervm-sizer-token'];
  if (!sameToken(typeof given === 'string' ? given : null, token))
    return refuse(res, 401, 'invalid-input', 'harden.bridge-bad-token');
  let input: unknown;
  try {
    const body = await readBody(req);
    input = body.length > 0 ? JSON.parse(body) : {};
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      return refuse(res, 413, 'invalid-input', 'harden.bridge-body-too-large', {
        megabytes: MAX_BODY_BYTES / 1024 / 1024,
      });
    }
    const reason = error instanceof Error ? error.message : String(error);
    return refuse(res, 400, 'invalid-input', 'harden.bridge-bad-json', { reason });
  }
  const reply = await dispatch(handlers, channel, input, { emit });
  return send(res, 200, JSON.stringify(reply));
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const eventClients = new Set<ServerResponse>();
  let port = 0;

  const broadcast = (event: AppEvent) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of eventClients) client.write(frame);
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      // Refuse other hosts (DNS rebinding): only the loopback names of this very port.
      const host = req.headers.host ?? '';
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`)
        return refuse(res, 421, 'invalid-input', 'harden.bridge-wrong-host');
      const url = new URL(req.url ?? '/', `http://${host}`);
      if (url.pathname === '/api/events' && req.method === 'GET')
        return serveEvents(req, res, url, token, eventClients);
      if (url.pathname.startsWith('/api/'))
        return serveCall(req, res, url.pathname.slice('/api/'.length), token, options.handlers, broadcast);
      if (req.method !== 'GET') return refuse(res, 405, 'invalid-input', 'harden.bridge-method', { method: 'GET' });
      return serveStatic(options.rendererDir, url.pathname, res);
    })().catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      if (!res.headersSent) refuse(res, 500, 'internal', 'harden.bridge-failed', { reason });
      else res.end();
    });
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    async close() {
      for (const client of eventClients) client.end();
      eventClients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
    },
  };
}
