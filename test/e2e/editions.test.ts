import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, useBrowserApp } from '../support/browser-app';

/** The Editions view with the POWER9 plan open and its verdict shown. */
async function openEditionsPlan(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Editions' }).click();
  await page
    .getByTestId('plan-file')
    .setInputFiles(join(repoRoot, 'test', 'fixtures', 'plans', 'power9-editions.json'));
  await page.getByTestId('option-Standard').waitFor();
}

describe('comparing editions for a plan in the browser mode', () => {
  const app = useBrowserApp();
  // Each test's app has its own catalog: the prices go into it before the test.
  beforeEach(async () => {
    const catalog = await app.services.handlers['catalog.setPrice'](
      {
        price: {
          generation: 'POWER9',
          edition: 'Standard',
          currency: 'EUR',
          pricePerCore: 500,
          maintenancePerCorePerYear: 100,
        },
      },
      { emit: () => undefined },
    );
    expect(catalog).toHaveLength(1);
    await app.services.handlers['catalog.setPrice'](
      {
        price: {
          generation: 'POWER9',
          edition: 'Enterprise',
          currency: 'EUR',
          pricePerCore: 900,
          maintenancePerCorePerYear: 180,
        },
      },
      { emit: () => undefined },
    );
  });

  it('opens a plan, shows the verdict per edition and highlights the required features', async () => {
    const { page } = app;
    await openEditionsPlan(page);
    expect(await page.getByTestId('plan-name').textContent()).toContain('POWER9 refresh');
    expect(await page.getByTestId('minimal-edition').textContent()).toContain('Enterprise');
    expect(await page.getByTestId('option-Standard').textContent()).toContain(
      'Standard does not offer Live Partition Mobility',
    );
    expect(await page.getByTestId('option-Enterprise').textContent()).toContain('recommended');
    expect(await page.locator('tr[data-required]').count()).toBe(1);
    await expect.poll(() => page.locator('.chart canvas').count()).toBe(1);
    await app.screenshot('editions-plan');
  });

  it('what-if: without LPM, Standard becomes the recommendation', async () => {
    const { page } = app;
    await openEditionsPlan(page);
    await page.getByTestId('without-lpm').check();
    await expect.poll(() => page.getByTestId('minimal-edition').textContent()).toContain('Standard');
    await expect.poll(() => page.getByTestId('option-Standard').textContent()).toContain('recommended');
    await expect.poll(() => page.getByTestId('option-Standard').textContent()).toMatch(/Yes/);
    await app.screenshot('editions-whatif');
    await page.getByTestId('without-lpm').uncheck();
    await expect.poll(() => page.getByTestId('minimal-edition').textContent()).toContain('Enterprise');
  });

  it('takes a price entered in the view and prices the edition with it', async () => {
    const { page } = app;
    await openEditionsPlan(page);
    await page.getByTestId('price-edition').selectOption('Standard');
    await page.getByTestId('price-per-core').fill('650');
    await page.getByTestId('price-maintenance').fill('130');
    await page.getByTestId('price-save').click();
    const prices = await app.services.handlers['catalog.prices']({}, { emit: () => undefined });
    await expect
      .poll(
        async () =>
          (await app.services.handlers['catalog.prices']({}, { emit: () => undefined })).find(
            (price) => price.edition === 'Standard',
          )?.pricePerCore,
      )
      .toBe(650);
    expect(prices.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('option-Standard').textContent()).toMatch(/\d/);
  });
});
