// Browser mode: the built renderer and the contract's channels over HTTP on the loopback interface only,
// guarded by a random per-run token. It exists so the real renderer and the real handlers run headless in
// Chromium (tests, CI) and so the app can be shown where Electron is not installed.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './security';
import type { AppEvent, Handlers } from './contract';
import { dispatch } from './dispatch';

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
};

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

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererRoot = resolve(options.rendererDir);
  const eventClients = new Set<ServerResponse>();
  let port = 0;

  const broadcast = (event: AppEvent) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const client of eventClients) client.write(frame);
  };

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    } catch {
      return send(res, 400, '{"error":"malformed path"}');
    }
    const relative = normalize(decoded).replace(/^([/\\])+/, '');
    const file = join(rendererRoot, relative);
    if (file !== rendererRoot && !file.startsWith(rendererRoot + sep)) return send(res, 403, '{"error":"forbidden"}');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return send(res, 404, '{"error":"not found"}');
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      // Refuse other hosts (DNS rebinding): only the loopback names of this very port.
      const host = req.headers.host ?? '';
      if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, '{"error":"wrong host"}');
      const url = new URL(req.url ?? '/', `http://${host}`);
      if (url.pathname === '/api/events' && req.method === 'GET') {
        if (!sameToken(url.searchParams.get('token'), token)) return send(res, 401, '{"error":"bad token"}');
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        res.write(': connected\n\n');
        eventClients.add(res);
        req.on('close', () => eventClients.delete(res));
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, '{"error":"POST only"}');
        const given = req.headers['x-powervm-sizer-token'];
        if (!sameToken(typeof given === 'string' ? given : null, token)) return send(res, 401, '{"error":"bad token"}');
        let input: unknown;
        try {
          const body = await readBody(req);
          input = body.length > 0 ? JSON.parse(body) : {};
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          return send(res, 400, JSON.stringify({ ok: false, error: { code: 'invalid-input', message: `request body: ${message}` } }));
        }
        const reply = await dispatch(options.handlers, url.pathname.slice('/api/'.length), input, { emit: broadcast });
        return send(res, 200, JSON.stringify(reply));
      }
      if (req.method !== 'GET') return send(res, 405, '{"error":"GET only"}');
      return serveStatic(url.pathname, res);
    })().catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, JSON.stringify({ error: error instanceof Error ? error.message : String(error) }));
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
