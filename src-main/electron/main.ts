// The thin Electron shell: window, security, IPC registration and menus. Everything else is plain TypeScript.
import { join } from 'node:path';
import { BrowserWindow, Menu, app, ipcMain, session, shell } from 'electron';
import { CHANNELS, EVENT_CHANNEL, IPC_PREFIX } from '../ipc';
import { dispatch } from '../ipc';
import { createAppServices } from '../ipc';
import { CONTENT_SECURITY_POLICY } from '../ipc';
import { electronDialogs } from './dialogs';
import { buildMenu } from './menu';
import { electronPrinter } from './pdf-printer';

const rendererIndex = join(import.meta.dirname, '../renderer/index.html');
const rendererUrl = new URL(`file://${rendererIndex}`).href;

function isOurFrame(url: string | undefined): boolean {
  return url !== undefined && url.startsWith('file://') && decodeURI(new URL(url).pathname).endsWith('/renderer/index.html');
}

let mainWindow: BrowserWindow | null = null;

async function start(): Promise<void> {
  await app.whenReady();
  const services = await createAppServices({
    userDataDir: app.getPath('userData'),
    resourcesDir: app.isPackaged ? process.resourcesPath : join(import.meta.dirname, '../../resources'),
    appVersion: app.getVersion(),
    transport: 'electron',
    dialogs: electronDialogs(() => mainWindow),
    pdfPrinter: electronPrinter,
  });

  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1280,
    minHeight: 720,
    title: 'PowerVM Sizer',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
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

  Menu.setApplicationMenu(buildMenu({ openDocs: () => void shell.openExternal('https://www.ibm.com/docs/en/power10') }));
  await window.loadURL(rendererUrl);
  app.on('window-all-closed', () => {
    void services.close().finally(() => app.quit());
  });
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

void start();
