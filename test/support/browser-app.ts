// Drives the real renderer against the real main-process handlers: the built app behind the loopback bridge,
// in Debian's headless Chromium. Page errors, console errors and Content-Security-Policy violations are
// collected in `problems`; every e2e file ends by asserting that list is empty.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { type AppServices, createAppServices } from '../../src-main/ipc/services';
import { type Bridge, startBridge } from '../../src-main/ipc/http-bridge';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function chromiumPath(): string {
  const path = process.env.POWERVM_SIZER_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(
      `no Chromium at ${path}: install Debian's chromium (apt-get install chromium) or set POWERVM_SIZER_CHROMIUM`,
    );
  return path;
}

/** `npm test` builds before the tests; a local `npx vitest run test/e2e` builds here when nothing is built yet. */
export function ensureRendererBuilt(): string {
  const rendererDir = join(repoRoot, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: repoRoot, stdio: 'inherit' });
    if (!existsSync(join(rendererDir, 'index.html')))
      throw new Error('`npx electron-vite build` left no out/renderer/index.html');
  }
  return rendererDir;
}

export interface BrowserApp {
  page: Page;
  bridge: Bridge;
  services: AppServices;
  /** Page errors, console errors and CSP violations seen so far. */
  problems: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function openBrowserApp(
  options: { viewport?: { width: number; height: number } } = {},
): Promise<BrowserApp> {
  const rendererDir = ensureRendererBuilt();
  const userDataDir = await mkdtemp(join(tmpdir(), 'pvs-e2e-'));
  const services = await createAppServices({
    userDataDir,
    resourcesDir: join(repoRoot, 'resources'),
    appVersion: 'e2e',
    transport: 'browser',
  });
  const bridge = await startBridge({ handlers: services.handlers, rendererDir });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 720 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    // A blocked eval or inline script may be caught by the code that tried it and never reach the console:
    // listen for the violation events themselves, so the strict CSP is proven to hold, not just assumed.
    await page.exposeBinding('__pvsCspViolation', (_source, text: string) => problems.push(`CSP violation: ${text}`));
    await page.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (event) =>
        window.__pvsCspViolation(event.effectiveDirective + ' blocked ' + (event.blockedURI || 'inline') + ' (' + event.sourceFile + ':' + event.lineNumber + ')'));`,
    });
    await page.goto(bridge.url);
    const opened = browser;
    return {
      page,
      bridge,
      services,
      problems,
      async screenshot(name) {
        await mkdir(screenshotDir, { recursive: true });
        await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
      },
      async close() {
        await opened.close();
        await bridge.close();
        await services.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    await bridge.close();
    await services.close();
    throw error;
  }
}
