// What the presales engineer sees on screen, checked in Chromium against the browser mode: the figures come from the
// same presentation model as the report, the primary action is visible, charts are readable, keyboard use works, the
// recovery offer appears only after an unclean exit and the grid fits a 1024-pixel window.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { enterEnterprisePrice, noEvents, repoRoot, useBrowserApp } from '../support/browser-app';

const bankPlan = join(repoRoot, 'test', 'fixtures', 'plans', 'regional-bank.json');

/** Relative luminance contrast of two CSS rgb() colours (WCAG 2). */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = (colour.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((part) => {
      const value = Number(part) / 255;
      return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

async function solved(page: Page): Promise<void> {
  await page.getByTestId('solve').click();
  await page.getByTestId('results').waitFor({ timeout: 90_000 });
  await page.getByTestId('cancel-solve').waitFor({ state: 'hidden', timeout: 90_000 });
}

async function activeTestId(page: Page): Promise<string | null> {
  return page.evaluate(
    () => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null,
  );
}

describe('the results screen and the report share one presentation model', () => {
  const app = useBrowserApp({ viewport: { width: 1280, height: 800 } });
  beforeEach(async () => {
    await enterEnterprisePrice(app.services);
    await app.page.getByTestId('workload-grid').waitFor();
    await app.page.getByTestId('open-plan-file').setInputFiles(bankPlan);
    await app.page.getByTestId('grid-row-20').waitFor();
  });

  it('shows the Solve button as the primary action in the light and the dark theme', async () => {
    const { page } = app;
    for (const theme of ['light', 'dark']) {
      if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme)
        await page.getByTestId('theme').click();
      const colours = await page.getByTestId('solve').evaluate((button) => {
        const style = getComputedStyle(button);
        return {
          background: style.backgroundColor,
          text: style.color,
          page: getComputedStyle(document.body).backgroundColor,
        };
      });
      expect(colours.background, theme).not.toBe(colours.page);
      expect(contrast(colours.background, colours.text), `${theme}: label on the button`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(colours.background, colours.page), `${theme}: button against the page`).toBeGreaterThanOrEqual(3);
    }
    await page.getByTestId('theme').click();
  });

  it('keeps the focus on Solve while it runs, and shows the answer', async () => {
    const { page } = app;
    await page.getByTestId('solve').focus();
    await solved(page);
    expect(await activeTestId(page)).toBe('solve');
    expect(await page.getByTestId('step-results').getAttribute('aria-selected')).toBe('true');
  });

  it('names servers, configurations and money as a person would, and groups warnings', async () => {
    const { page } = app;
    await solved(page);
    const card = page.getByTestId('server-card-server-1');
    expect(await card.locator('h3').textContent()).toMatch(/^Server 1 · Power /);
    expect(await card.getByTestId('configuration').textContent()).toMatch(/Power \w+ · \d+ cores/);
    expect(await page.getByTestId('results').textContent()).not.toMatch(
      /server-\d|pattern '|\/xs\/|\b1 workloads\b|\b1 models\b/,
    );
    expect(await page.getByTestId('total-cost').textContent()).toMatch(/^[\d,]+ EUR$/);
    const warnings = page.getByTestId('warnings').locator('li');
    const texts = await warnings.allTextContents();
    // The 14 POWER8 workloads without a source configuration are said once, with their count and names: grouped here
    // (a ×14 badge) or by the solver itself ("14 workloads: core-db, …").
    expect(texts.some((text) => /×14|\b14 workloads: /.test(text) && text.includes('core-db'))).toBe(true);
    expect(texts.length).toBeLessThan(10);
    const alternatives = await page.getByTestId('alternatives').locator('tbody tr').allTextContents();
    expect(new Set(alternatives).size).toBe(alternatives.length);
    for (const row of alternatives) expect(row).toMatch(/EUR|—/);
    expect(await page.getByTestId('optimality').textContent()).not.toBe('');
    expect((await page.getByTestId('optimality-why').textContent())!.length).toBeGreaterThan(20);
  });

  it("draws each server's bars large enough to read, with the values outside the bar", async () => {
    const { page } = app;
    await solved(page);
    const bar = page.getByTestId('cpu-bar-server-2');
    const box = (await bar.locator('.bar').boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(300);
    expect(box.height).toBeGreaterThanOrEqual(18);
    const legend = (await bar.locator('ul').boundingBox())!;
    expect(legend.y).toBeGreaterThanOrEqual(box.y + box.height);
    const values = await bar.locator('li .value').allTextContents();
    expect(values.length).toBeGreaterThan(2);
    for (const value of values) expect(Number(value.replace(/[^\d.]/g, ''))).toBeGreaterThan(0);
  });

  it('draws the growth chart with the series the exported report states', async () => {
    const { page } = app;
    await solved(page);
    const chart = page.getByTestId('growth-chart');
    const screenSeries = (await chart.getAttribute('data-series'))!.split(' ').map(Number);
    expect(screenSeries).toHaveLength(4);
    await page.getByTestId('export-open').click();
    await page.getByTestId('format-html').check();
    const download = page.waitForEvent('download', { timeout: 90_000 });
    await page.getByTestId('export-run').click();
    const html = await readFile(await (await download).path(), 'utf8');
    await page.keyboard.press('Escape');
    const document = new JSDOM(html).window.document;
    const reportSeries = document
      .querySelector('svg[data-chart="growth"]')!
      .getAttribute('data-series-demand')!
      .split(' ')
      .map(Number);
    expect(reportSeries).toEqual(screenSeries);
    expect(Number(document.querySelector('[data-field="capacity"]')!.getAttribute('data-value'))).toBeCloseTo(
      Number(await chart.getAttribute('data-capacity')),
      9,
    );
    expect(document.querySelector('[data-field="servers"]')!.textContent).toBe(
      await page.getByTestId('total-servers').textContent(),
    );
    expect(document.querySelector('[data-field="cost"]')!.textContent).toBe(
      await page.getByTestId('total-cost').textContent(),
    );
  });

  it('traps the focus in a dialog and gives it back to the button that opened it', async () => {
    const { page } = app;
    await solved(page);
    await page.getByTestId('export-open').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('export-dialog').waitFor();
    const insideDialog = () => page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
    await expect.poll(insideDialog).toBe(true);
    for (let press = 0; press < 25; press += 1) {
      await page.keyboard.press(press % 5 === 4 ? 'Shift+Tab' : 'Tab');
      expect(await insideDialog(), `Tab press ${press + 1}`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await page.getByTestId('export-dialog').waitFor({ state: 'detached' });
    await expect.poll(() => activeTestId(page)).toBe('export-open');
  });

  it('moves between the steps with the arrow keys, as tabs do', async () => {
    const { page } = app;
    await page.getByTestId('step-results').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => activeTestId(page)).toBe('step-workloads');
    expect(await page.getByTestId('step-workloads').getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => activeTestId(page)).toBe('step-targets');
    await page.keyboard.press('End');
    await expect.poll(() => activeTestId(page)).toBe('step-results');
    await page.keyboard.press('Home');
    await expect.poll(() => activeTestId(page)).toBe('step-workloads');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => activeTestId(page)).toBe('step-results');
    // Only the selected tab is in the Tab order.
    expect(await page.locator('[role="tab"][tabindex="0"]').count()).toBe(1);
  });

  it("keeps the wizard's step across a visit to the catalog", async () => {
    const { page } = app;
    await page.getByTestId('step-targets').click();
    await page.getByRole('link', { name: 'Catalog' }).click();
    await page.getByTestId('catalog-table').waitFor();
    await page.getByRole('link', { name: 'Sizing' }).click();
    await expect.poll(() => page.getByTestId('step-targets').getAttribute('aria-selected')).toBe('true');
  });

  it('shows the editions verdict for the open plan on arrival, with no stray what-if box and no empty chart', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Editions' }).click();
    await page.getByTestId('editions-options').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('editions-generation').inputValue()).toBe('POWER10');
    expect(await page.getByTestId('whatif').textContent()).toContain('Live Partition Mobility');
    expect(await page.getByTestId('whatif').locator('label').allTextContents()).not.toContain(
      expect.stringMatching(/^\s*no\s*$/),
    );
    // Power10's one edition is included at no charge: nothing to chart.
    expect(await page.getByTestId('editions-verdict').locator('canvas').count()).toBe(0);
    expect(await page.getByTestId('option-Enterprise').textContent()).toContain('included, no charge');
    await page.getByRole('link', { name: 'Sizing' }).click();
  });

  it('offers recovery only after an unclean exit, and not after Save', async () => {
    const { page } = app;
    await page.getByTestId('step-workloads').click();
    await page.getByTestId('grid-row-0').locator('[data-field="memoryGiB"]').fill('300');
    await page.getByTestId('grid-row-0').locator('[data-field="memoryGiB"]').press('Tab');
    // The autosave follows 1.5 s after an edit; wait until the main process holds it.
    await expect.poll(async () => (await app.services.handlers['plan.recovery']({}, noEvents)) !== null).toBe(true);
    await page.getByRole('link', { name: 'Catalog' }).click();
    await page.getByTestId('catalog-table').waitFor();
    await page.getByRole('link', { name: 'Sizing' }).click();
    await page.getByTestId('workload-grid').waitFor();
    expect(await page.getByTestId('recovery').count()).toBe(0);
    // A second window is a new session: it finds the draft this one left unsaved.
    const second = await page
      .context()
      .browser()!
      .newPage({ viewport: { width: 1280, height: 800 } });
    await second.goto(app.bridge.url);
    await second.getByTestId('recovery').waitFor();
    await second.getByTestId('open-plan-file').setInputFiles(bankPlan);
    const download = second.waitForEvent('download');
    await second.getByTestId('save-plan').click();
    await download;
    await expect.poll(() => second.getByTestId('recovery').count()).toBe(0);
    await second.context().close();
  });
});

describe('the sizing screens at 1024 and 1280 pixels', () => {
  const app = useBrowserApp({ viewport: { width: 1024, height: 768 } });
  beforeEach(async () => {
    await app.page.getByTestId('workload-grid').waitFor();
    await app.page.getByTestId('open-plan-file').setInputFiles(bankPlan);
    await app.page.getByTestId('grid-row-20').waitFor();
  });

  const pageScrollsSideways = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

  it('never scrolls the page sideways at 1024 pixels', async () => {
    const { page } = app;
    expect(await pageScrollsSideways(page)).toBe(false);
    await page.getByTestId('step-targets').click();
    expect(await pageScrollsSideways(page)).toBe(false);
    await solved(page);
    expect(await pageScrollsSideways(page)).toBe(false);
  });

  it('shows every workload name whole at 1280 pixels, so rows can be told apart', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('step-workloads').click();
    const cut = await page
      .locator('[data-testid^="grid-row-"] [data-field="name"]')
      .evaluateAll((inputs) =>
        (inputs as HTMLInputElement[])
          .filter((input) => input.scrollWidth > input.clientWidth + 1)
          .map((input) => input.value),
      );
    expect(cut).toEqual([]);
    const selects = await page
      .locator('[data-testid^="grid-row-"] select')
      .evaluateAll((elements) =>
        (elements as HTMLSelectElement[])
          .filter((select) => select.scrollWidth > select.clientWidth + 1)
          .map((select) => select.value),
      );
    expect(selects).toEqual([]);
  });
});
