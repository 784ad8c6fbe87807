// `npm run screenshots`: every view of the app in both languages and both themes, as PNGs a reviewer can look at,
// written to test-results/screenshots/ (git-ignored). Drives the built renderer in the browser mode with Debian's
// headless Chromium, the same way the end-to-end tests do. Builds first when ./out is missing.
//   POWERVM_SIZER_SCREENSHOT_WIDTHS=1024,1280 to choose widths (default 1280 × 800).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type BrowserApp, openBrowserApp, repoRoot, screenshotDir } from '../test/support/browser-app';

const LANGUAGES = ['en', 'zh-CN'] as const;
const THEMES = ['light', 'dark'] as const;
const widths = (process.env.POWERVM_SIZER_SCREENSHOT_WIDTHS ?? '1280')
  .split(',')
  .map(Number)
  .filter((width) => width >= 800);
const bankPlan = join(repoRoot, 'test', 'fixtures', 'plans', 'regional-bank.json');

async function setLanguageAndTheme(page: Page, language: string, theme: string): Promise<void> {
  await page.getByTestId('locale').selectOption(language);
  const current = await page.evaluate(() => document.documentElement.dataset.theme);
  if (current !== theme) await page.getByTestId('theme').click();
}

async function shoot(app: BrowserApp, name: string): Promise<void> {
  // Charts draw on the next frames; let them settle before the picture.
  await app.page.waitForTimeout(300);
  await app.screenshot(name);
  process.stdout.write(`  ${name}.png\n`);
}

async function views(app: BrowserApp, prefix: string): Promise<void> {
  const { page } = app;
  await page.goto(`${app.bridge.url}#/plan`);
  await page.getByTestId('workload-grid').waitFor();
  await page.getByTestId('open-plan-file').setInputFiles(bankPlan);
  await page.getByTestId('grid-row-0').waitFor();
  await shoot(app, `${prefix}-sizing-workloads`);
  await page.getByTestId('step-targets').click();
  await shoot(app, `${prefix}-sizing-targets`);
  await page.getByTestId('solve').click();
  await page.getByTestId('results').waitFor({ timeout: 120_000 });
  // The final answer, not a first one still being improved (the picture would differ from run to run).
  await page.getByTestId('cancel-solve').waitFor({ state: 'hidden', timeout: 120_000 });
  await shoot(app, `${prefix}-sizing-results`);
  await page.getByTestId('export-open').click();
  await page.getByTestId('export-dialog').waitFor();
  await shoot(app, `${prefix}-dialog-export`);
  await page.keyboard.press('Escape');
  await page.getByTestId('deploy-open').click();
  await page.getByTestId('deploy-dialog').waitFor();
  await shoot(app, `${prefix}-dialog-deploy`);
  await page.keyboard.press('Escape');
  await page.getByTestId('step-workloads').click();
  await page.getByTestId('import-open').click();
  await shoot(app, `${prefix}-dialog-import`);
  await page.keyboard.press('Escape');
  await page.getByTestId('measurements-open').click();
  await shoot(app, `${prefix}-dialog-measurements`);
  await page.keyboard.press('Escape');
  await page.goto(`${app.bridge.url}#/catalog`);
  await page.getByTestId('catalog-table').waitFor();
  await shoot(app, `${prefix}-catalog`);
  await page.goto(`${app.bridge.url}#/catalog/9105-42A`);
  await page.getByTestId('configurations').waitFor();
  await shoot(app, `${prefix}-model`);
  await page.goto(`${app.bridge.url}#/compare?models=9105-42A,9105-22A`);
  await page.getByTestId('compare').waitFor();
  await shoot(app, `${prefix}-compare`);
  await page.goto(`${app.bridge.url}#/editions`);
  await page.getByTestId('editions-verdict').waitFor();
  await page.getByTestId('editions-options').waitFor({ timeout: 60_000 });
  await shoot(app, `${prefix}-editions`);
}

async function main(): Promise<void> {
  await mkdir(screenshotDir, { recursive: true });
  for (const width of widths) {
    for (const language of LANGUAGES) {
      for (const theme of THEMES) {
        const app = await openBrowserApp({ viewport: { width, height: 800 } });
        try {
          await app.page.getByTestId('locale').waitFor();
          await setLanguageAndTheme(app.page, language, theme);
          const prefix = `${width}-${language}-${theme}`;
          process.stdout.write(`${prefix}\n`);
          await views(app, prefix);
          if (app.problems.length > 0) process.stdout.write(`  problems: ${app.problems.join('; ')}\n`);
        } finally {
          await app.close();
        }
      }
    }
  }
  process.stdout.write(`screenshots in ${screenshotDir}\n`);
}

await main();
