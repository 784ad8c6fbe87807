// The built renderer is served the same way by the Electron window (app://) and the loopback bridge (http://):
// one table of file types, one rule for which file a path names.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from '../../../src-main/electron/shell-config';
import {
  CONTENT_SECURITY_POLICY,
  RENDERER_MIME_TYPES,
  mimeTypeOf,
  rendererFileHeaders,
  resolveRendererFile,
} from '../../../src-main/ipc';
import { repoRoot } from '../../support/browser-app';

const rendererDir = join(repoRoot, 'out', 'renderer');

describe('serving the renderer', () => {
  it('types every file the build holds, and anything else as plain bytes', () => {
    expect(mimeTypeOf('assets/index-3f2a.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('assets/highs.wasm')).toBe('application/wasm');
    expect(mimeTypeOf('fonts/NotoSansSC.woff2')).toBe('font/woff2');
    expect(mimeTypeOf('INDEX.HTML')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('notes.txt')).toBe('application/octet-stream');
    expect(mimeTypeOf('Makefile')).toBe('application/octet-stream');
  });

  it('names a file inside the renderer folder, `/` being index.html', () => {
    expect(resolveRendererFile(rendererDir, '/')).toEqual({
      kind: 'file',
      file: join(rendererDir, 'index.html'),
      mimeType: 'text/html; charset=utf-8',
    });
    expect(resolveRendererFile(rendererDir, '/assets/app.css')).toEqual({
      kind: 'file',
      file: join(rendererDir, 'assets', 'app.css'),
      mimeType: 'text/css; charset=utf-8',
    });
  });

  it('tells a path that leaves the folder from one that does not decode', () => {
    // A URL's path starts with `/`, so `..` stops at the folder's root; a path without it may leave the folder.
    for (const path of ['/../../package.json', '/%2e%2e/%2e%2e/package.json', '/..%2f..%2fpackage.json']) {
      const target = resolveRendererFile(rendererDir, path);
      expect(target, path).toEqual({
        kind: 'file',
        file: join(rendererDir, 'package.json'),
        mimeType: 'application/json',
      });
    }
    for (const path of ['../package.json', 'assets/../../../etc/passwd'])
      expect(resolveRendererFile(rendererDir, path), path).toEqual({ kind: 'outside' });
    for (const path of ['/%E0%A4%A', '/index.html%00.png'])
      expect(resolveRendererFile(rendererDir, path), path).toEqual({ kind: 'malformed' });
  });

  it('sends every file with its type, the one policy and nosniff', () => {
    expect(rendererFileHeaders('application/wasm')).toEqual({
      'content-type': 'application/wasm',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    });
  });

  it('gives app:// the same answer as the bridge for every type in the table', () => {
    for (const extension of Object.keys(RENDERER_MIME_TYPES)) {
      const name = `/assets/file${extension}`;
      const bridge = resolveRendererFile(rendererDir, name);
      expect(resolveAppRequest(`app://powervm-sizer${name}`, rendererDir), extension).toEqual({
        file: join(rendererDir, 'assets', `file${extension}`),
        mimeType: bridge.kind === 'file' ? bridge.mimeType : 'none',
      });
    }
  });

  it('keeps the table in one place: neither transport writes its own', () => {
    for (const file of [
      'src-main/electron/shell-config.ts',
      'src-main/ipc/http-bridge.ts',
      'src-main/electron/main.ts',
    ])
      expect(readFileSync(join(repoRoot, file), 'utf8'), file).not.toMatch(
        /text\/javascript|application\/wasm|nosniff/,
      );
  });
});
