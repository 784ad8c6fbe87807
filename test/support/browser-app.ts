// Drives the real renderer against the real main-process handlers: the built app behind the loopback bridge,
// in Debian's headless Chromium. Each e2e test gets an app of its own (`useBrowserApp`): its own data folder,
// catalog databases, handlers, bridge, browser context and page, so tests pass alone and in any order. Page errors,
// console errors and Content-Security-Policy violations are collected in `problems`; each test ends by asserting
// that list is empty.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { AppEvent, CallContext, Handlers } from '../../src-main/ipc/contract';
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

/** A call context for handlers called directly by a test (no window to send events to). */
export const noEvents = { emit: () => undefined };

/** Enters a POWER10 Enterprise price (EUR 1,000 a core, 200 a year of maintenance) straight into a test's catalog. */
export async function enterEnterprisePrice(services: AppServices): Promise<void> {
  await services.handlers['catalog.setPrice'](
    {
      price: {
        generation: 'POWER10',
        edition: 'Enterprise',
        currency: 'EUR',
        pricePerCore: 1000,
        maintenancePerCorePerYear: 200,
      },
    },
    noEvents,
  );
}

export interface BrowserApp {
  page: Page;
  bridge: Bridge;
  /** The handlers the page talks to (solver answers replayed as the bridge serves them, see `replaySolverAnswers`). */
  services: AppServices;
  /** This app's own data folder: catalog databases, autosave, recent plans. */
  userDataDir: string;
  /** Page errors, console errors and CSP violations seen so far. */
  problems: string[];
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface BrowserAppOptions {
  viewport?: { width: number; height: number };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/** What one solver answer looked like on the wire: the events it emitted, then its reply. */
interface Recorded {
  events: AppEvent[];
  output: unknown;
}
const answers = new Map<string, Recorded>();

/**
 * The solver is the expensive part of a screen test and a pure function of the plan, the options and the catalog
 * (its own tests are in test/unit/solver). Within one test file, the first test that asks a question gets the real
 * solver; a later test asking the same question of the same catalog gets the recorded answer replayed through the
 * same bridge: the same progress events (under its own job id), then the same reply. Only completed answers are kept,
 * never a failure or a cancellation, and the catalog is part of the key, so prices or figures a test enters change it.
 */
function replaySolverAnswers(handlers: Handlers): Handlers {
  const replayed = <C extends 'solver.solve' | 'editions.compare'>(channel: C): Handlers[C] => {
    const real = handlers[channel] as (input: { jobId: string }, context: CallContext) => Promise<unknown>;
    const run = async ({ jobId, ...question }: { jobId: string }, context: CallContext): Promise<unknown> => {
      const catalog = await handlers['catalog.snapshot']({}, context);
      const key = createHash('sha256')
        .update(JSON.stringify([channel, question, catalog]))
        .digest('hex');
      const known = answers.get(key);
      if (known) {
        for (const event of known.events) context.emit({ ...event, jobId } as AppEvent);
        return structuredClone(known.output);
      }
      const events: AppEvent[] = [];
      const output = await real(
        { jobId, ...question },
        {
          emit(event) {
            events.push(structuredClone(event));
            context.emit(event);
          },
        },
      );
      answers.set(key, { events, output: structuredClone(output) });
      return output;
    };
    return run as unknown as Handlers[C];
  };
  return { ...handlers, 'solver.solve': replayed('solver.solve'), 'editions.compare': replayed('editions.compare') };
}

/** One app in a browser that is already running: its own data folder, handlers, bridge, browser context and page. */
export async function openAppIn(browser: Browser, options: BrowserAppOptions = {}): Promise<BrowserApp> {
  const rendererDir = ensureRendererBuilt();
  const userDataDir = await mkdtemp(join(tmpdir(), 'pvs-e2e-'));
  const created = await createAppServices({
    userDataDir,
    resourcesDir: join(repoRoot, 'resources'),
    appVersion: 'e2e',
    transport: 'browser',
  });
  const services: AppServices = { handlers: replaySolverAnswers(created.handlers), close: () => created.close() };
  const bridge = await startBridge({ handlers: services.handlers, rendererDir });
  let context: BrowserContext | null = null;
  try {
    // A context of its own: no localStorage (theme, language), sessionStorage (token) or cache from another test.
    context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 720 } });
    // Waits are on states (an element shown, a download started); on a busy machine a state may come late.
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
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
    const opened = context;
    return {
      page,
      bridge,
      services,
      userDataDir,
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
    await context?.close();
    await bridge.close();
    await services.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

/** One app in a Chromium of its own (scripts/screenshots.ts); closing the app closes that Chromium. */
export async function openBrowserApp(options: BrowserAppOptions = {}): Promise<BrowserApp> {
  ensureRendererBuilt();
  const browser = await launchChromium();
  try {
    const app = await openAppIn(browser, options);
    return {
      ...app,
      async close() {
        await app.close();
        await browser.close();
      },
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * For a `describe` block of e2e tests: every test gets a fresh app (its own data folder, catalog databases, handlers,
 * bridge, browser context and page, opened on the start page) and ends by asserting that no page error, console error
 * or CSP violation happened during it. Only the Chromium process is shared by the block's tests. The returned object
 * always reads the running test's app, so `const { page } = app` inside a test is that test's page.
 */
export function useBrowserApp(options: BrowserAppOptions = {}): BrowserApp {
  let browser: Browser | null = null;
  let current: BrowserApp | null = null;
  beforeAll(async () => {
    ensureRendererBuilt();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    current = await openAppIn(browser!, options);
  });
  afterEach(async () => {
    const app = current;
    current = null;
    if (!app) return;
    const problems = [...app.problems];
    await app.close();
    expect(problems, 'page errors, console errors and Content-Security-Policy violations').toEqual([]);
  });
  const now = (): BrowserApp => {
    if (!current) throw new Error('the browser app exists only while a test runs (useBrowserApp)');
    return current;
  };
  return {
    get page() {
      return now().page;
    },
    get bridge() {
      return now().bridge;
    },
    get services() {
      return now().services;
    },
    get userDataDir() {
      return now().userDataDir;
    },
    get problems() {
      return now().problems;
    },
    screenshot: (name) => now().screenshot(name),
    close: () => now().close(),
  };
}
