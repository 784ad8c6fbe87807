import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/browser-app';

describe('catalog and editions in the browser mode', () => {
  const app = useBrowserApp();

  /** Every test starts on the start page of a fresh app: this one goes to the catalog and waits for its rows. */
  async function openCatalog(page: Page): Promise<void> {
    await page.goto(`${app.bridge.url}#/catalog`);
    await page.getByTestId('catalog-table').waitFor();
    await expect.poll(() => page.locator('[data-testid^="row-"]').count()).toBeGreaterThan(30);
  }

  async function compareTwo(page: Page): Promise<void> {
    await openCatalog(page);
    await page.getByTestId('select-9105-42A').check();
    await page.getByTestId('select-9105-22A').check();
    await page.getByTestId('compare-selected').click();
    await page.getByTestId('compare').waitFor();
  }

  it('opens on the catalog with the catalog version shown', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Catalog' }).click();
    await page.getByTestId('catalog-table').waitFor();
    await expect.poll(() => page.getByTestId('catalog-version').textContent()).toContain('2026-11-25');
    await expect.poll(() => page.locator('[data-testid^="row-"]').count()).toBeGreaterThan(30);
    await app.screenshot('catalog-all');
  });

  it('filters to POWER10 and shows missing figures as missing, not as zero', async () => {
    const { page } = app;
    await openCatalog(page);
    await page.getByTestId('filter-generation').selectOption('POWER10');
    await expect.poll(() => page.locator('[data-testid^="row-"]').count()).toBe(9);
    const generations = await page.locator('[data-testid^="row-"] td:nth-child(4)').allTextContents();
    expect(new Set(generations)).toEqual(new Set(['POWER10']));
    // The S1012 has no published configuration: its rPerf is shown as missing.
    expect(await page.getByTestId('row-9028-21B').getByTestId('missing').count()).toBeGreaterThan(0);
    await app.screenshot('catalog-power10');
  });

  it('sorts by a column with aria-sort telling the direction, from the keyboard too', async () => {
    const { page } = app;
    await openCatalog(page);
    await page.getByTestId('filter-generation').selectOption('POWER10');
    await expect.poll(() => page.locator('[data-testid^="row-"]').count()).toBe(9);
    await page.getByTestId('sort-bestRperf').click();
    await expect.poll(() => page.locator('th[aria-sort="ascending"]').count()).toBe(1);
    // S1014: 254.2, the smallest published best rPerf of POWER10
    await expect
      .poll(() => page.locator('[data-testid^="row-"]').first().getAttribute('data-testid'))
      .toBe('row-9105-41B');
    // The header is a button: focus it and press Enter to reverse the order.
    await page.getByTestId('sort-bestRperf').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('sort-bestRperf').locator('xpath=..').getAttribute('aria-sort'))
      .toBe('descending');
    // E1080: 7,998.6
    await expect
      .poll(() => page.locator('[data-testid^="row-"]').first().getAttribute('data-testid'))
      .toBe('row-9080-HEX');
    // The S1012 publishes no rPerf: last in both directions, never sorted as a zero.
    expect(await page.locator('[data-testid^="row-"]').last().getAttribute('data-testid')).toBe('row-9028-21B');
  });

  it('opens a model and shows its configurations and sources', async () => {
    const { page } = app;
    await openCatalog(page);
    await page.getByTestId('open-9105-42A').click();
    await page.getByTestId('model-detail').waitFor();
    const configurations = await page.getByTestId('configurations').textContent();
    expect(configurations).toContain('1,331.8');
    expect(await page.getByTestId('configuration-48').textContent()).toMatch(/rperf41\s*medium/);
    const sources = await page.getByTestId('sources').textContent();
    expect(sources).toContain('rperf41');
    expect(sources).toContain('nigelargriffiths/rperf');
    // Addresses are text: the window blocks navigation, so nothing there pretends to be a link.
    expect(await page.getByTestId('sources').locator('a').count()).toBe(0);
    await app.screenshot('model-s1024');
    await page.goBack();
    await page.getByTestId('catalog-table').waitFor();
  });

  // Issue 14: every figure of the IBM review shows its source, its confidence and IBM's words.
  it("shows a reviewed figure with its source, confidence and IBM's words", async () => {
    const { page } = app;
    await page.goto(`${app.bridge.url}#/catalog/9105-22A`);
    await page.getByTestId('model-detail').waitFor();
    expect(await page.getByTestId('facts').textContent()).toMatch(/p10so\s*High/i);
    expect(await page.getByTestId('ibmi-12').textContent()).toContain('4');
    expect(await page.getByTestId('cap-12').textContent()).toContain('2,048');
    await page.goto(`${app.bridge.url}#/catalog/9040-MR9`);
    await page.getByTestId('model-detail').waitFor();
    expect(await page.getByTestId('os-exclusion').first().textContent()).toContain(
      'IBM i is not a supported operating system on the Power E950 server.',
    );
    await page.goto(`${app.bridge.url}#/catalog`);
    await page.getByTestId('catalog-table').waitFor();
  });

  it('lets the user enter a CPW no source publishes, shown as user-entered from then on', async () => {
    const { page } = app;
    await openCatalog(page);
    await page.getByTestId('open-9105-42A').click();
    const cell = page.getByTestId('cpw-12');
    await cell.getByTestId('enter-cpw').click();
    await cell.getByTestId('figure-value').fill('120000');
    await cell.getByTestId('figure-save').click();
    await cell.getByTestId('user-entered').waitFor();
    expect(await cell.textContent()).toContain('120,000');
    const stored = await app.services.handlers['catalog.model']({ id: '9105-42A' }, { emit: () => undefined });
    expect(stored.configurations[0]!.cpw).toMatchObject({ value: 120000, provenance: { kind: 'user' } });
    await page.goBack();
    await page.getByTestId('catalog-table').waitFor();
  });

  it('compares two models with a chart of their figures', async () => {
    const { page } = app;
    await compareTwo(page);
    const text = await page.getByTestId('compare').textContent();
    expect(text).toContain('Power S1024');
    expect(text).toContain('Power S1022');
    expect(text).toContain('1,024.1');
    await expect.poll(() => page.locator('.chart canvas').count()).toBe(1);
    await app.screenshot('compare');
  });

  it('keeps the comparison in the address, so a reload shows it again', async () => {
    const { page } = app;
    await compareTwo(page);
    await expect.poll(() => page.url()).toContain('#/compare?models=9105-42A,9105-22A');
    await page.reload();
    await page.getByTestId('compare').waitFor();
    await expect.poll(() => page.getByTestId('compare').textContent()).toContain('Power S1022');
    await expect.poll(() => page.locator('.chart canvas').count()).toBe(1);
  });

  it('names what went wrong, and the field, in the error banner', async () => {
    const { page } = app;
    await page.goto(`${app.bridge.url}#/catalog/NO-SUCH-MODEL`);
    await page.getByTestId('error').waitFor();
    expect(await page.getByTestId('error-message').textContent()).toContain('NO-SUCH-MODEL');
    expect(await page.getByTestId('error-path').textContent()).toContain('id');
    await page.getByTestId('model-failed').waitFor();
    await app.screenshot('error-banner');
    await page.getByTestId('error-dismiss').click();
    await expect.poll(() => page.getByTestId('error').count()).toBe(0);
  });

  it('shows the editions matrix, unknown distinct from no, and the single-edition statement', async () => {
    const { page } = app;
    await page.getByRole('link', { name: 'Editions' }).click();
    await page.getByTestId('editions-matrix').waitFor();
    const matrix = await page.getByTestId('editions-matrix').textContent();
    expect(matrix).toContain('Standard');
    expect(matrix).toContain('Enterprise');
    expect(matrix).toContain('Unknown');
    expect(matrix).toContain('No');
    expect(await page.locator('[data-testid="editions-matrix"] td.flag.unknown').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="editions-matrix"] td.flag.no').count()).toBeGreaterThan(0);
    await app.screenshot('editions-power9');
    await page.getByTestId('editions-generation').selectOption('POWER10');
    await page.getByTestId('editions-single').waitFor();
    // Power11's line-up is published now (issue 14): Enterprise, and Enterprise with LPM deactivated.
    await page.getByTestId('editions-generation').selectOption('POWER11');
    await expect.poll(() => page.getByTestId('editions-matrix').textContent()).toContain('Enterprise without LPM');
    expect(await page.getByTestId('editions-none').count()).toBe(0);
    await app.screenshot('editions');
  });

  it('switches to Simplified Chinese and back at run time', async () => {
    const { page } = app;
    await page.getByTestId('locale').selectOption('zh-CN');
    await expect.poll(() => page.locator('.nav').textContent()).toContain('服务器目录');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await app.screenshot('editions-zh');
    await page.getByRole('link', { name: '服务器目录' }).click();
    await page.getByTestId('catalog-table').waitFor();
    // The header renders before the rows arrive from the catalog; wait for the rows.
    await expect.poll(() => page.getByTestId('catalog-table').textContent()).toContain('缺失');
    await app.screenshot('catalog-zh');
    await page.getByTestId('locale').selectOption('en');
    await expect.poll(() => page.locator('.nav').textContent()).toContain('Catalog');
  });

  it('switches to the dark theme and remembers it after a reload', async () => {
    const { page } = app;
    await openCatalog(page);
    await page.getByTestId('theme').click();
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
    await page.reload();
    await page.getByTestId('catalog-table').waitFor();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(22, 22, 22)');
    await app.screenshot('catalog-dark');
    await page.getByTestId('theme').click();
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('light');
  });
});
