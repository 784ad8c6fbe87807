// The Electron shell's configuration, checked under plain Node: nothing here loads Electron.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  DEVELOPER_ROLES,
  EXPECTED_FUSES,
  SCHEME_PRIVILEGES,
  isOurFrame,
  languageOf,
  menuTemplate,
  permissionVerdict,
  resolveAppRequest,
  startupFailure,
  windowOptions,
} from '../../../src-main/electron/shell-config';
import { repoRoot } from '../../support/browser-app';

const rendererDir = join(repoRoot, 'out', 'renderer');
const roles = (items: ReturnType<typeof menuTemplate>): string[] =>
  items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);

describe('the Electron shell configuration', () => {
  it('loads the app from app://, a standard secure scheme, never file://', () => {
    expect(APP_ENTRY_URL).toBe('app://powervm-sizer/index.html');
    expect(SCHEME_PRIVILEGES).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }),
      }),
    ]);
    const main = readFileSync(join(repoRoot, 'src-main', 'electron', 'main.ts'), 'utf8');
    expect(main).not.toContain('file://');
    expect(main).toContain('protocol.handle(APP_SCHEME');
    expect(main).toContain('loadURL(APP_ENTRY_URL)');
  });

  it('serves only files inside the renderer folder', () => {
    expect(resolveAppRequest('app://powervm-sizer/', rendererDir)?.file).toBe(join(rendererDir, 'index.html'));
    expect(resolveAppRequest('app://powervm-sizer/assets/index.js', rendererDir)).toEqual({
      file: join(rendererDir, 'assets', 'index.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
    for (const url of [
      'app://powervm-sizer/../../package.json',
      'app://powervm-sizer/%2e%2e/%2e%2e/package.json',
      'app://powervm-sizer/..%2f..%2fpackage.json',
      'app://powervm-sizer/..%5c..%5cpackage.json',
      'app://other-host/index.html',
      'file:///etc/passwd',
      'app://powervm-sizer/%E0%A4%A',
      'app://powervm-sizer/index.html%00.png',
      'not a url',
    ]) {
      const target = resolveAppRequest(url, rendererDir);
      expect(target === null || target.file.startsWith(rendererDir), url).toBe(true);
      expect(target?.file, url).not.toBe(join(repoRoot, 'package.json'));
    }
  });

  it('lets only its own page call the main process', () => {
    expect(isOurFrame('app://powervm-sizer/index.html')).toBe(true);
    for (const url of [
      'file:///tmp/renderer/index.html',
      'https://powervm-sizer/index.html',
      'app://evil/index.html',
      'data:text/html,x',
      undefined,
      '',
    ]) {
      expect(isOurFrame(url), String(url)).toBe(false);
    }
  });

  it('denies every permission by default', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'openExternal',
      'fullscreen',
      'hid',
      'serial',
      'usb',
    ]) {
      expect(permissionVerdict(permission, APP_ENTRY_URL), permission).toBe(false);
    }
  });

  it('opens a sandboxed, isolated window, with DevTools only in development', () => {
    const packaged = windowOptions('/app/preload/index.cjs', true);
    expect(packaged.webPreferences).toMatchObject({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect(windowOptions('/p', false).webPreferences?.devTools).toBe(true);
  });

  it('has no Reload or DevTools in the menu of a packaged build', () => {
    const actions = { openDocs: () => undefined };
    const packaged = roles(menuTemplate(actions, { packaged: true, platform: 'linux' }));
    for (const role of DEVELOPER_ROLES) expect(packaged).not.toContain(role);
    expect(packaged).toContain('editMenu');
    const development = roles(menuTemplate(actions, { packaged: false, platform: 'darwin' }));
    expect(development).toEqual(expect.arrayContaining(['reload', 'toggleDevTools', 'appMenu']));
  });

  it('sets the expected fuses in the packaging', () => {
    const config = yaml.load(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8')) as {
      electronFuses?: unknown;
      asarUnpack?: string[];
    };
    expect(config.electronFuses).toEqual(EXPECTED_FUSES);
    expect(EXPECTED_FUSES.runAsNode).toBe(false);
    expect(config.asarUnpack).toContain('out/main/table-worker.js');
  });

  it('says a failed start in one message with the log’s location, in the system’s language', () => {
    const failure = startupFailure(
      new Error('the data folder /home/u/.config/PowerVM Sizer is read-only'),
      '/home/u/.config/PowerVM Sizer/logs/main.log',
    );
    expect(failure.title).toBe('PowerVM Sizer could not start');
    expect(failure.message).toContain('is read-only');
    expect(failure.message).toContain('The details are in the log: /home/u/.config/PowerVM Sizer/logs/main.log');
    expect(failure.message).not.toMatch(/\n\s+at /);
    expect(startupFailure('x', null, languageOf('zh-CN')).title).toBe('PowerVM Sizer 无法启动');
    expect(languageOf('en-GB')).toBe('en');
  });
});
