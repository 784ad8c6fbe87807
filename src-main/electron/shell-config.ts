// The Electron shell's decisions as plain data and pure functions, so a unit test under Node can check them without
// Electron: the app:// protocol and what it serves, the window's options, the permission verdicts, the menu of a
// packaged build, which frames may call, and the message a failed start shows. main.ts only wires them to Electron.
import type { BrowserWindowConstructorOptions, CustomScheme, MenuItemConstructorOptions } from 'electron';
import { LANGUAGES, type Language, formatMessage, msg } from '../common';
import { resolveRendererFile } from '../ipc';

/** The app's pages come from app://powervm-sizer/, never file:// (Electron security checklist item 18). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'powervm-sizer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Registered before the app is ready: a standard, secure scheme (same-origin rules, fetch), nothing more. */
export const SCHEME_PRIVILEGES: CustomScheme[] = [
  {
    scheme: APP_SCHEME,
    privileges: {
      standard: true,
      secure: true,
      supportFetchAPI: true,
      stream: true,
      corsEnabled: false,
      bypassCSP: false,
    },
  },
];

/**
 * The file an app:// request names inside the renderer folder, with its type; null for another host, a path that
 * leaves the folder (`..`, encoded or not) or a malformed address. The caller answers null with 404.
 */
export function resolveAppRequest(url: string, rendererDir: string): { file: string; mimeType: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  const target = resolveRendererFile(rendererDir, parsed.pathname);
  return target.kind === 'file' ? { file: target.file, mimeType: target.mimeType } : null;
}

/** Only our own page may call the main process. */
export function isOurFrame(url: string | undefined): boolean {
  if (url === undefined) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Every permission a page may ask for (camera, notifications, geolocation, clipboard reads, ...) is refused: the app
 * needs none (paste arrives as a paste event, files through the file picker). Deny by default, no exceptions.
 */
export function permissionVerdict(_permission: string, _requestingUrl?: string): boolean {
  return false;
}

export function windowOptions(preloadPath: string, packaged: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1280,
    minHeight: 720,
    title: 'PowerVM Sizer',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // A packaged build has no DevTools at all (not in the menu, not by shortcut).
      devTools: !packaged,
    },
  };
}

export interface MenuActions {
  openDocs: () => void;
}

/** The menu: no Reload, Force Reload or DevTools in a packaged build (they lose unsaved edits or expose internals). */
export function menuTemplate(
  actions: MenuActions,
  options: { packaged: boolean; platform: NodeJS.Platform },
): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(options.packaged
      ? []
      : [
          { role: 'reload' as const },
          { role: 'forceReload' as const },
          { role: 'toggleDevTools' as const },
          { type: 'separator' as const },
        ]),
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  return [
    ...(options.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'IBM Power documentation', click: actions.openDocs }] },
  ];
}

/** Roles a packaged menu must not hold, for the test and for a check at start. */
export const DEVELOPER_ROLES = ['reload', 'forceReload', 'toggleDevTools'] as const;

/** The fuses the packaging sets (electron-builder.yml `electronFuses`), kept here so a test can compare both. */
export const EXPECTED_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
} as const;

/** What a failed start shows: the cause in one line and where the log with the details is. */
export function startupFailure(
  error: unknown,
  logPath: string | null,
  language: Language = 'en',
): { title: string; message: string } {
  const cause = error instanceof Error ? error.message : String(error);
  return {
    title: formatMessage(msg('harden.startup-failed-title'), language),
    message: formatMessage(
      msg(logPath ? 'harden.startup-failed' : 'harden.startup-failed-no-log', { cause, log: logPath ?? '' }),
      language,
    ),
  };
}

/**
 * The interface language for a system locale such as `zh-CN`, `zh-Hans-CN` or `en-GB`: the first of the languages
 * whose primary subtag it shares (`zh` reads Simplified Chinese), English otherwise.
 */
export function languageOf(locale: string): Language {
  const primary = locale.split(/[-_]/)[0]?.toLowerCase();
  return LANGUAGES.find((language) => language.split('-')[0] === primary) ?? 'en';
}
