// Proof that e2e tests cannot see each other: two tests run the same steps, each first checking that nothing of the
// other is there (data folder, theme, language, price, autosaved draft), then leaving all of it behind. Whichever runs
// second, in any order (vitest --sequence.shuffle), fails if anything leaks from one test's app into the next.
import { describe, expect, it } from 'vitest';
import { enterEnterprisePrice, noEvents, useBrowserApp } from '../support/browser-app';

describe('each e2e test starts from its own data folder and page state', () => {
  const app = useBrowserApp();
  const dataFolders = new Set<string>();

  async function findsNothingThenLeavesEverything(): Promise<void> {
    const { page, services } = app;
    expect(dataFolders).not.toContain(app.userDataDir);
    dataFolders.add(app.userDataDir);
    await page.getByTestId('workload-grid').waitFor();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('[data-testid^="grid-row-"]').count()).toBe(0);
    expect(await services.handlers['catalog.prices']({}, noEvents)).toEqual([]);
    expect(await services.handlers['plan.recovery']({}, noEvents)).toBeNull();
    expect(await page.getByTestId('recovery').count()).toBe(0);

    await page.getByTestId('theme').click();
    await page.getByTestId('locale').selectOption('zh-CN');
    await expect
      .poll(() => page.evaluate(() => ({ ...localStorage })))
      .toMatchObject({
        'powervm-sizer-theme': 'dark',
        'powervm-sizer-locale': 'zh-CN',
      });
    await enterEnterprisePrice(services);
    await page.getByTestId('add-row').click();
    await page.getByTestId('grid-row-0').locator('[data-field="name"]').fill('left-behind');
    await page.getByTestId('grid-row-0').locator('[data-field="name"]').press('Tab');
    await expect.poll(async () => (await services.handlers['plan.recovery']({}, noEvents)) !== null).toBe(true);
  }

  it('one test leaves a theme, a language, a price and an autosaved draft behind', findsNothingThenLeavesEverything);
  it('the other finds none of them, whichever of the two ran first', findsNothingThenLeavesEverything);
});
