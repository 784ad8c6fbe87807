// The thin Electron shell: window, security, IPC registration and menus. Everything else is plain TypeScript;
// the shell's decisions (protocol, window options, permissions, menu, start-up message) are in shell-config.ts.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, session, shell } from 'electron';
import { CHANNELS, EVENT_CHANNEL, IPC_PREFIX, createAppServices, dispatch, rendererFileHeaders } from '../ipc';
import { type InstanceLock, acquireInstanceLock, writeLog } from '../platform';
import { electronDialogs } from './dialogs';
import { buildMenu } from './menu';
import { electronPrinter } from './pdf-printer';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  SCHEME_PRIVILEGES,
  isOurFrame,
  languageOf,
  permissionVerdict,
  resolveAppRequest,
  startupFailure,
  windowOptions,
} from './shell-config';

const rendererDir = join(import.meta.dirname, '../renderer');

// Privileged schemes must be registered before the app is ready.
protocol.registerSchemesAsPrivileged(SCHEME_PRIVILEGES);

// One data folder per running app: POWERVM_SIZER_DATA_DIR chooses another (Electron's lock follows userData).
if (process.env.POWERVM_SIZER_DATA_DIR) app.setPath('userData', resolve(process.env.POWERVM_SIZER_DATA_DIR));

let mainWindow: BrowserWindow | null = null;
let instanceLock: InstanceLock | null = null;

/** Serves the built renderer over app://, with the Content-Security-Policy; 404 for anything outside it. */
function serveAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const target = resolveAppRequest(request.url, rendererDir);
    const info = target ? await stat(target.file).catch(() => null) : null;
    if (!target || !info?.isFile())
      return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    const body = Readable.toWeb(createReadStream(target.file)) as ReadableStream;
    return new Response(body, { headers: rendererFileHeaders(target.mimeType) });
  });
}

function denyPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionVerdict(permission, details.requestingUrl)),
  );
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionVerdict(permission, requestingOrigin),
  );
  session.defaultSession.setDevicePermissionHandler(() => false);
}

async function start(): Promise<void> {
  await app.whenReady();
  const userDataDir = app.getPath('userData');
  // Also guards against a browser-mode server started on the same data folder.
  instanceLock = await acquireInstanceLock(userDataDir);
  const services = await createAppServices({
    userDataDir,
    resourcesDir: app.isPackaged ? process.resourcesPath : join(import.meta.dirname, '../../resources'),
    appVersion: app.getVersion(),
    transport: 'electron',
    dialogs: electronDialogs(() => mainWindow),
    pdfPrinter: electronPrinter,
  });

  denyPermissions();
  serveAppProtocol();

  const window = new BrowserWindow(windowOptions(join(import.meta.dirname, '../preload/index.cjs'), app.isPackaged));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));

  for (const channel of CHANNELS) {
    ipcMain.handle(IPC_PREFIX + channel, async (event, input: unknown) => {
      // Only our own page in our own window may call; anything else is refused before the payload is read.
      if (event.sender !== window.webContents || !isOurFrame(event.senderFrame?.url)) {
        return { ok: false, error: { code: 'invalid-input', message: 'call refused: unknown sender' } };
      }
      return dispatch(services.handlers, channel, input, {
        emit: (appEvent) => {
          if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, appEvent);
        },
      });
    });
  }

  Menu.setApplicationMenu(
    buildMenu({ openDocs: () => void shell.openExternal('https://www.ibm.com/docs/en/power10') }, app.isPackaged),
  );
  await window.loadURL(APP_ENTRY_URL);
  app.on('window-all-closed', () => {
    void services
      .close()
      .then(() => instanceLock?.release())
      .finally(() => app.quit());
  });
}

/** A failed start: logged with its stack, then shown as one clear message that says where the log is. */
async function failedStart(error: unknown): Promise<void> {
  const logPath = await writeLog(app.getPath('userData'), 'start-up failed', error);
  const { title, message } = startupFailure(error, logPath, languageOf(app.getLocale()));
  await app.whenReady().catch(() => undefined);
  dialog.showErrorBox(title, message);
  await instanceLock?.release().catch(() => undefined);
  app.exit(1);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

if (!app.requestSingleInstanceLock()) {
  // Another window of this app already runs on this data folder: it is brought forward instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  start().catch((error: unknown) => void failedStart(error));
}
