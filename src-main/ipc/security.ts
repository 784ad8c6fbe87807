// How the built renderer is served, once for the Electron window (app://) and the loopback bridge (http://):
// the Content-Security-Policy, the file types, which file a request names and the headers it is sent with.
import { extname, join, normalize, resolve, sep } from 'node:path';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // Vue's style bindings and Chart.js set inline styles
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The content type of each kind of file the renderer's build holds. */
export const RENDERER_MIME_TYPES: Readonly<Record<string, string>> = {
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

/** A file's content type by its extension; anything else is sent as bytes (with `nosniff`, never run). */
export function mimeTypeOf(file: string): string {
  return RENDERER_MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type RendererFile =
  | { kind: 'file'; file: string; mimeType: string }
  /** The path does not decode (bad percent escape) or holds a NUL. */
  | { kind: 'malformed' }
  /** The path leaves the renderer folder (`..`, encoded or not). */
  | { kind: 'outside' };

/** The file a request's path names inside the renderer folder (`/` is `index.html`), or why there is none. */
export function resolveRendererFile(rendererDir: string, pathname: string): RendererFile {
  let path: string;
  try {
    path = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return { kind: 'malformed' };
  }
  if (path.includes('\0')) return { kind: 'malformed' };
  const root = resolve(rendererDir);
  const file = join(root, normalize(path).replace(/^([/\\])+/, ''));
  if (file !== root && !file.startsWith(root + sep)) return { kind: 'outside' };
  return { kind: 'file', file, mimeType: mimeTypeOf(file) };
}

/** The headers every renderer file is sent with: its type, the policy, and no guessing of types by the browser. */
export function rendererFileHeaders(mimeType: string): Record<string, string> {
  return {
    'content-type': mimeType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  };
}
