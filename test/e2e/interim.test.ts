// What the screen says while and after the solver works, checked in Chromium against the browser mode: a first answer
// is shown as such while the solver still improves and proves it (the solver streams it in its progress events), and
// the answer names things as a person would in both languages: plurals, servers in the migration table, IBM's
// quotations marked as English inside Chinese sentences, candidates named by model and cores.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { repoRoot, useBrowserApp } from '../support/browser-app';

const bankPlan = join(repoRoot, 'test', 'fixtures', 'plans', 'regional-bank.json');

async function finished(page: Page): Promise<void> {
  await page.getByTestId('results').waitFor({ timeout: 90_000 });
  await page.getByTestId('cancel-solve').waitFor({ state: 'hidden', timeout: 90_000 });
}

/** Each test opens the bank's plan in its own app and waits for the final answer. */
async function solvedBank(page: Page): Promise<void> {
  await page.getByTestId('workload-grid').waitFor();
  await page.getByTestId('open-plan-file').setInputFiles(bankPlan);
  await page.getByTestId('grid-row-20').waitFor();
  await page.getByTestId('solve').dispatchEvent('click');
  await finished(page);
}

describe('a first answer, then the final one, said as a person would', () => {
  const app = useBrowserApp({ viewport: { width: 1280, height: 800 } });

  it('says that a first answer is still being improved, with progress text, until the final answer replaces it', async () => {
    const { page } = app;
    // The final answer is held back until the first one is on screen, so the check does not depend on how fast the
    // solver is: the first answer can only reach the page through the progress events that carry it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/solver.solve', async (route) => {
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    try {
      // Opening the plan may start a solve by itself; Solve then only shows the results step. Either way the solve
      // runs through the held route.
      await page.getByTestId('workload-grid').waitFor();
      await page.getByTestId('open-plan-file').setInputFiles(bankPlan);
      await page.getByTestId('grid-row-20').waitFor();
      await page.getByTestId('solve').dispatchEvent('click');
      const notice = page.getByTestId('interim');
      await notice.waitFor({ timeout: 90_000 });
      expect(await notice.textContent()).toMatch(/first answer|still/i);
      // The first answer is a whole answer: servers and their figures, not an empty frame.
      expect(await page.getByTestId('server-card-server-1').count()).toBe(1);
      expect((await page.getByTestId('progress-text').textContent())!.trim()).not.toBe('');
      release();
      await finished(page);
      expect(await notice.count()).toBe(0);
    } finally {
      release();
      await page.unroute('**/api/solver.solve');
    }
  });

  it('writes plurals right and names servers in the migration table', async () => {
    await solvedBank(app.page);
    const results = (await app.page.getByTestId('results').textContent())!;
    expect(results).not.toMatch(
      /(?<![\d.,])1 (cores|workloads|servers|virtual processors|processing units|client partitions|partitions)\b/,
    );
    expect(results).toMatch(/\b1 virtual processor\b/);
    const migrations = await app.page.getByTestId('migrations').locator('tbody tr').allTextContents();
    expect(migrations.length).toBeGreaterThan(0);
    for (const row of migrations) {
      expect(row).toMatch(/→ Server \d/);
      expect(row).not.toMatch(/server-\d/);
    }
    expect(await app.page.getByTestId('catalog-notes').textContent()).not.toMatch(/server-\d/);
  });

  it('in Chinese, marks IBM’s quotations as English and names the candidates a rule blocks in one line', async () => {
    const { page } = app;
    await solvedBank(page);
    await page.getByTestId('locale').selectOption('zh-CN');
    const unplaced = page.getByTestId('unplaced');
    const quotations = await unplaced.locator('.quotation[lang="en"]').allTextContents();
    expect(quotations.length).toBeGreaterThan(0);
    expect(quotations.some((quote) => /IBM i is not supported/.test(quote))).toBe(true);
    // Every quotation is IBM's English, not a Chinese sentence marked as English by mistake.
    expect(quotations.some((quote) => /[\u4e00-\u9fff]/.test(quote))).toBe(false);
    // The text around IBM's quotations (which may say "4-core" in IBM's words).
    const text = await unplaced.evaluate((element) => {
      const clone = element.cloneNode(true) as HTMLElement;
      for (const quotation of clone.querySelectorAll('.quotation')) quotation.remove();
      return clone.textContent ?? '';
    });
    // One line per rule, naming the candidates it blocks: not six lines for six E1050 core counts.
    expect(text).toContain('Power E1050 · 24/36/48/54/72/96 核 不支持运行 IBM i');
    expect(text.split('不支持运行 IBM i').length - 1).toBeLessThan(4);
    expect(text).not.toMatch(/\d-core\b|\bcores\b/);
  });
});
