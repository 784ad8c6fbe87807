import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/ipc/security';
import { type AppServices, createAppServices } from '../../src-main/ipc/services';
import { type Bridge, sameToken, startBridge } from '../../src-main/ipc/http-bridge';
import { repoRoot } from '../support/browser-app';
import { resourcesDir, tempDir } from '../support/temp';

function send(
  bridge: Bridge,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${bridge.port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('the loopback bridge of the browser mode', () => {
  let services: AppServices;
  let bridge: Bridge;
  beforeAll(async () => {
    services = await createAppServices({
      userDataDir: await tempDir(),
      resourcesDir,
      appVersion: 'test',
      transport: 'browser',
    });
    bridge = await startBridge({
      handlers: services.handlers,
      rendererDir: join(repoRoot, 'test', 'fixtures', 'renderer'),
    });
  });
  afterAll(async () => {
    await bridge?.close();
    await services?.close();
  });

  const call = (channel: string, body: unknown, token: string | null = bridge.token) =>
    send(bridge, {
      method: 'POST',
      path: `/api/${channel}`,
      headers: { 'content-type': 'application/json', ...(token ? { 'x-powervm-sizer-token': token } : {}) },
      body: JSON.stringify(body),
    });

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

  it('answers every refusal in the reply envelope with a code and a message', async () => {
    const refusals = [
      await call('app.info', {}, null),
      await call('app.info', {}, `${bridge.token}x`),
      await send(bridge, { path: `/api/events?token=${encodeURIComponent(`${bridge.token} `)}` }),
      await send(bridge, { path: '/api/app.info' }),
      await send(bridge, { method: 'DELETE', path: '/' }),
      await send(bridge, { path: '/no-such-page.html' }),
      await send(bridge, { path: '/%E0%A4%A' }),
      await send(bridge, { path: '/', headers: { host: 'evil.example' } }),
    ];
    for (const response of refusals) {
      expect(response.status, response.body).toBeGreaterThanOrEqual(400);
      const body = JSON.parse(response.body) as { ok: boolean; error: { code: string; message: string } };
      expect(body.ok).toBe(false);
      expect(body.error.code).toMatch(/^[a-z-]+$/);
      expect(body.error.message.length, response.body).toBeGreaterThan(10);
    }
  });

  it('compares the token exactly: a query token with a trailing space or a prefix of it is refused', async () => {
    expect(sameToken(bridge.token, bridge.token)).toBe(true);
    for (const given of [
      `${bridge.token} `,
      ` ${bridge.token}`,
      bridge.token.slice(0, -1),
      bridge.token.toUpperCase(),
      '',
      null,
    ]) {
      expect(sameToken(given, bridge.token), String(given)).toBe(false);
    }
  });

  it('refuses another Host header (DNS rebinding)', async () => {
    const response = await send(bridge, {
      method: 'POST',
      path: '/api/app.info',
      headers: { host: 'evil.example:80', 'x-powervm-sizer-token': bridge.token },
      body: '{}',
    });
    expect(response.status).toBe(421);
    for (const host of [
      '127.0.0.1',
      `127.0.0.1:${bridge.port + 1}`,
      `192.168.1.10:${bridge.port}`,
      `evil.example:${bridge.port}`,
    ]) {
      expect((await send(bridge, { path: '/', headers: { host } })).status, host).toBe(421);
    }
    expect((await send(bridge, { path: '/', headers: { host: `localhost:${bridge.port}` } })).status).toBe(200);
  });

  it('serves no file outside the renderer folder', async () => {
    const attempts = [
      '/..%2f..%2fpackage.json',
      '/../../../package.json',
      '/assets/..%2F..%2F..%2F..%2Fpackage.json',
      '/%2e%2e/%2e%2e/%2e%2e/package.json',
      '/..%5c..%5c..%5cpackage.json',
      `/${encodeURIComponent(join(repoRoot, 'package.json'))}`,
      '/%2Fetc%2Fpasswd',
    ];
    for (const path of attempts) {
      const response = await send(bridge, { path });
      expect(response.status, path).not.toBe(200);
      expect(response.body, path).not.toContain('powervm-sizer');
      expect(response.body, path).not.toContain('root:');
    }
  });

  it('serves the page without the token, but answers no channel over GET', async () => {
    expect((await send(bridge, { path: '/index.html' })).status).toBe(200);
    expect((await send(bridge, { path: '/api/app.info' })).status).toBe(405);
  });

  it('answers a malformed percent escape in a path with 400, not an error page', async () => {
    const response = await send(bridge, { path: '/%E0%A4%A' });
    expect(response.status).toBe(400);
    expect(response.body).not.toContain('URIError');
  });

  it('answers an unknown channel with the not-found envelope', async () => {
    const response = await call('shell.exec', { command: 'rm -rf /' });
    expect(JSON.parse(response.body)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'unknown channel "shell.exec"' },
    });
  });

  it('names a malformed body rather than crashing', async () => {
    const response = await send(bridge, {
      method: 'POST',
      path: '/api/app.info',
      headers: { 'x-powervm-sizer-token': bridge.token },
      body: '{not json',
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).error.code).toBe('invalid-input');
  });

  it('sends the strict Content-Security-Policy with the page', async () => {
    const response = await send(bridge, { path: '/' });
    expect(response.status).toBe(200);
    expect(String(response.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(response.headers['content-security-policy'])).toContain("object-src 'none'");
  });

  it('puts the same policy in the page itself, for the Electron window that loads it from a file', () => {
    const page = readFileSync(join(repoRoot, 'src-renderer', 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page)?.[1];
    // frame-ancestors only works as a header, so the page's copy leaves it out.
    const headerOnly = CONTENT_SECURITY_POLICY.split('; ').filter(
      (directive) => !directive.startsWith('frame-ancestors'),
    );
    expect(meta?.split('; ')).toEqual(headerOnly);
  });
});
