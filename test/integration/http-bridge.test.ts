import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServices, createAppServices } from '../../src-main/app/services';
import { type Bridge, startBridge } from '../../src-main/ipc/http-bridge';
import { repoRoot } from '../support/browser-app';
import { resourcesDir, tempDir } from '../support/temp';

function send(bridge: Bridge, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: bridge.port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${bridge.port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the loopback bridge of the browser mode', () => {
  let services: AppServices;
  let bridge: Bridge;
  beforeAll(async () => {
    services = await createAppServices({ userDataDir: await tempDir(), resourcesDir, appVersion: 'test', transport: 'browser' });
    bridge = await startBridge({ handlers: services.handlers, rendererDir: join(repoRoot, 'test', 'fixtures', 'renderer') });
  });
  afterAll(async () => {
    await bridge?.close();
    await services?.close();
  });

  const call = (channel: string, body: unknown, token: string | null = bridge.token) =>
    send(bridge, { method: 'POST', path: `/api/${channel}`, headers: { 'content-type': 'application/json', ...(token ? { 'x-powervm-sizer-token': token } : {}) }, body: JSON.stringify(body) });

  it('listens on the loopback interface only and prints a URL with its token', () => {
    expect(bridge.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${bridge.port}/\\?token=`));
  });

  it('answers a call that carries the token', async () => {
    const response = await call('app.info', {});
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { transport: 'browser' } });
  });

  it('refuses a call without the token or with a wrong one', async () => {
    expect((await call('app.info', {}, null)).status).toBe(401);
    expect((await call('app.info', {}, 'x'.repeat(32))).status).toBe(401);
    expect((await send(bridge, { path: '/api/events?token=wrong' })).status).toBe(401);
  });

  it('refuses another Host header (DNS rebinding)', async () => {
    const response = await send(bridge, { method: 'POST', path: '/api/app.info', headers: { host: 'evil.example:80', 'x-powervm-sizer-token': bridge.token }, body: '{}' });
    expect(response.status).toBe(421);
  });

  it('serves no file outside the renderer folder', async () => {
    const response = await send(bridge, { path: '/..%2f..%2fpackage.json' });
    expect([403, 404]).toContain(response.status);
    expect(response.body).not.toContain('"name": "powervm-sizer"');
  });

  it('answers an unknown channel with the not-found envelope', async () => {
    const response = await call('shell.exec', { command: 'rm -rf /' });
    expect(JSON.parse(response.body)).toEqual({ ok: false, error: { code: 'not-found', message: 'unknown channel "shell.exec"' } });
  });

  it('names a malformed body rather than crashing', async () => {
    const response = await send(bridge, { method: 'POST', path: '/api/app.info', headers: { 'x-powervm-sizer-token': bridge.token }, body: '{not json' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error.code).toBe('invalid-input');
  });

  it('sends the strict Content-Security-Policy with the page', async () => {
    const response = await send(bridge, { path: '/' });
    expect(response.status).toBe(200);
    expect(String(response.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(response.headers['content-security-policy'])).toContain("object-src 'none'");
  });
});
