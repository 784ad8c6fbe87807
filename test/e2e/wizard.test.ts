import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { writeBigNmonSet } from '../../scripts/generate-import-fixtures';
import { parseNmon, peakOf } from '../../src-main/import';
import { PlanFile } from '../../src-main/plan/schema';
import { useBrowserApp, repoRoot } from '../support/browser-app';
import { tempDir } from '../support/temp';

const tables = join(repoRoot, 'test', 'fixtures', 'import-tables');
/** The plan as the wizard saved it after the typing and the three imports below (see test/fixtures/plans/README.md). */
const importedPlan = join(repoRoot, 'test', 'fixtures', 'plans', 'wizard-imported.json');

const gridRows = (page: Page) => page.locator('[data-testid^="grid-row-"]');

/** Opens the plan the earlier steps of a session would have built; every test starts from a fresh app. */
async function openImportedPlan(page: Page): Promise<void> {
  await page.getByTestId('workload-grid').waitFor();
  await page.getByTestId('open-plan-file').setInputFiles(importedPlan);
  await expect.poll(() => gridRows(page).count()).toBe(19);
}

async function solveImportedPlan(page: Page): Promise<void> {
  await openImportedPlan(page);
  await page.getByTestId('solve').click();
  await page.getByTestId('results').waitFor({ timeout: 90_000 });
  await page.getByTestId('cancel-solve').waitFor({ state: 'hidden', timeout: 90_000 });
}

describe('the sizing wizard in the browser mode', () => {
  const app = useBrowserApp({ viewport: { width: 1280, height: 720 } });

  it('types workloads into the grid with per-row validation in place', async () => {
    const { page } = app;
    await page.getByTestId('workload-grid').waitFor();
    for (const [index, name, rperf, memory] of [
      [0, 'erp-db', '120', '256'],
      [1, 'erp-app', '60', '64'],
      [2, 'web', '', '32'],
    ] as const) {
      await page.getByTestId('add-row').click();
      const row = page.getByTestId(`grid-row-${index}`);
      await row.locator('[data-field="name"]').fill(name);
      await row.locator('[data-field="name"]').press('Tab');
      if (rperf) {
        await row.locator('[data-field="cpuValue"]').fill(rperf);
        await row.locator('[data-field="cpuValue"]').press('Tab');
      }
      await row.locator('[data-field="memoryGiB"]').fill(memory);
      await row.locator('[data-field="memoryGiB"]').press('Tab');
    }
    // The third row has no processor demand yet: the problem is named in place.
    await expect.poll(() => page.getByTestId('row-problems').first().textContent()).toContain('cpu:');
    await expect.poll(() => page.getByTestId('problem-count').textContent()).toContain('1');
    const web = page.getByTestId('grid-row-2');
    await web.locator('[data-field="cpuKind"]').selectOption('cores');
    await web.locator('[data-field="cpuValue"]').fill('2');
    await web.locator('[data-field="cpuValue"]').press('Tab');
    await expect.poll(() => page.getByTestId('problem-count').count()).toBe(0);
    await expect.poll(() => page.getByTestId('dirty').count()).toBe(1);
  });

  it('undoes and redoes an edit', async () => {
    const { page } = app;
    await openImportedPlan(page);
    await page.getByTestId('add-row').click();
    await expect.poll(() => gridRows(page).count()).toBe(20);
    await page.getByTestId('undo').click();
    await expect.poll(() => gridRows(page).count()).toBe(19);
    await page.getByTestId('redo').click();
    await expect.poll(() => gridRows(page).count()).toBe(20);
  });

  it('imports a CSV with a mapping step that flags the bad row before importing', async () => {
    const { page } = app;
    await page.getByTestId('workload-grid').waitFor();
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-file').setInputFiles(join(tables, 'workloads.csv'));
    await page.getByTestId('import-preview').waitFor();
    const preview = await page.getByTestId('import-preview').textContent();
    expect(preview).toContain('"lots" is not a number');
    expect(await page.getByTestId('import-confirm').textContent()).toContain('4');
    await page.getByTestId('import-confirm').click();
    await expect.poll(() => gridRows(page).count()).toBe(4);
    await app.screenshot('wizard-grid');
  });

  it('imports an XLSX of measured use, mapped to source servers', async () => {
    const { page } = app;
    await page.getByTestId('workload-grid').waitFor();
    await page.getByTestId('import-open').click();
    await page.getByTestId('import-file').setInputFiles(join(tables, 'workloads.xlsx'));
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-confirm').textContent()).toContain('3');
    await page.getByTestId('import-confirm').click();
    await expect.poll(() => gridRows(page).count()).toBe(3);
    const batch = page.getByTestId('grid-row-0');
    expect(await batch.locator('[data-field="cpuKind"]').inputValue()).toBe('measured');
    expect(await batch.locator('[data-field="sourceModel"]').inputValue()).toBe('8286-42A');
  });

  it("imports a folder of measurements, lists the damaged file and shows each workload's confidence", async () => {
    const { page } = app;
    const folder = join(repoRoot, 'test', 'fixtures', 'import');
    await page.getByTestId('workload-grid').waitFor();
    await page.getByTestId('measurements-open').click();
    // The whole folder, as the folder picker hands it over; the HMC export does not say its server, so one is chosen.
    await page.getByTestId('measurement-folder').setInputFiles(folder);
    await page.getByTestId('measurement-source').selectOption('9009-42A');
    await page.getByTestId('measurement-analyse').click();
    await page.getByTestId('measurement-preview').waitFor();
    expect(await page.getByTestId('damaged-file').textContent()).toContain('import/damaged.nmon');
    expect(await page.getByTestId('measurement-confirm').textContent()).toContain('9');
    // One row per LPAR with its files, period and memory; the memory basis changes per LPAR without sending the files again.
    expect(await page.getByTestId('measurement-lpar').count()).toBe(9);
    const erpPreview = page.getByTestId('measurement-lpar').filter({ hasText: 'erpdb01' });
    expect(await erpPreview.locator('[data-field="samples"]').textContent()).toBe('288');
    expect(await erpPreview.locator('[data-field="memoryGiB"]').textContent()).toContain('64 GiB');
    await erpPreview.locator('[data-field="memoryBasis"]').selectOption('measured');
    await expect.poll(() => erpPreview.locator('[data-field="memoryGiB"]').textContent()).not.toContain('64 GiB');
    await erpPreview.locator('[data-field="memoryBasis"]').selectOption('configured');
    await expect.poll(() => erpPreview.locator('[data-field="memoryGiB"]').textContent()).toContain('64 GiB');
    await page.getByTestId('measurement-confirm').click();
    await expect.poll(() => gridRows(page).count()).toBe(9);
    const erp = page.locator('[data-testid^="grid-row-"]', {
      has: page.locator('[data-field="name"][value="erpdb01"]'),
    });
    expect(await erp.locator('[data-field="confidence"]').textContent()).toBe('medium');
    expect(await erp.locator('[data-field="sourceModel"]').inputValue()).toBe('8286-42A');
    // Its own basis: the peak instead of the dialog's p95, from the statistics the row carries (no new import).
    const measured = await parseNmon(join(folder, 'aix-shared.nmon'));
    await erp.locator('[data-field="basis"]').selectOption('peak');
    await expect
      .poll(() => erp.locator('[data-field="cpuValue"]').inputValue())
      .toBe(String(Number((peakOf(measured.samples.cores) * 1.1).toFixed(4))));
    await erp.locator('[data-field="headroom"]').fill('20');
    await erp.locator('[data-field="headroom"]').press('Tab');
    await expect
      .poll(() => erp.locator('[data-field="cpuValue"]').inputValue())
      .toBe(String(Number((peakOf(measured.samples.cores) * 1.2).toFixed(4))));
  });

  it('stops an import of large files half way, adding nothing to the plan', async () => {
    const { page } = app;
    const dir = await tempDir();
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await writeBigNmonSet(dir, 40);
    await openImportedPlan(page);
    await page.getByTestId('measurements-open').click();
    await page.getByTestId('measurement-files').setInputFiles((await readdir(dir)).map((name) => join(dir, name)));
    await page.getByTestId('measurement-analyse').click();
    await page.getByTestId('measurement-progress').waitFor();
    await page.getByTestId('measurement-cancel').click();
    await page.getByTestId('measurement-cancelled').waitFor();
    expect(await page.getByTestId('measurement-confirm').isDisabled()).toBe(true);
    await page.getByTestId('measurements-dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('measurements-dialog').waitFor({ state: 'detached' });
    expect(await gridRows(page).count()).toBe(19);
  });

  it('sets targets and solves, showing server cards and charts with the numbers of the solution', async () => {
    const { page } = app;
    await openImportedPlan(page);
    await page.getByTestId('step-targets').click();
    await page.getByTestId('generation-POWER9').check();
    await page.getByTestId('peak-sharing').selectOption('time-of-day');
    await page.getByTestId('step-results').click();
    await page.getByTestId('solve').click();
    await page.getByTestId('results').waitFor({ timeout: 60_000 });
    // The panel keeps showing the previous answer while this solve runs.
    await page.getByTestId('cancel-solve').waitFor({ state: 'hidden', timeout: 60_000 });
    const servers = await page.locator('[data-testid^="server-card-"]').count();
    expect(servers).toBeGreaterThan(0);
    expect(await page.getByTestId('total-servers').textContent()).toBe(String(servers));
    const cores = await page.locator('[data-testid^="server-card-"] [data-field="cores"]').allTextContents();
    expect(Number(await page.getByTestId('total-cores').textContent())).toBe(
      cores.reduce((sum, value) => sum + Number(value), 0),
    );
    expect(await page.locator('[data-testid^="server-card-"] .segment-bar').count()).toBe(servers * 2);
    expect(await page.getByTestId('placement').textContent()).toContain('sap-db');
    // The plan sets no growth horizon: one sentence states demand against capacity, and no chart of a single point.
    expect(await page.getByTestId('demand-line').textContent()).toContain('(the plan sets no growth horizon)');
    expect(await page.getByTestId('growth-chart').count()).toBe(0);
    // The measured partitions with a full day share by time of day, and the warnings say how.
    expect(await page.getByTestId('warnings').textContent()).toContain('sharing by time of day');
    await app.screenshot('wizard-results');
  });

  it('exports a capacity report from the dialog with the chosen sections', async () => {
    const { page } = app;
    await solveImportedPlan(page);
    await page.getByTestId('export-open').click();
    await page.getByTestId('format-html').check();
    await page.getByTestId('report-customer').fill('Acme Bank');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-run').click();
    const file = await download;
    const html = await readFile(await file.path(), 'utf8');
    expect(html).toContain('Acme Bank');
    expect(html).toContain('id="server-server-1"');
    await page.getByTestId('export-done').waitFor();
    await page.getByRole('button', { name: 'Close' }).click();
  });

  it('exports the HMC commands of the design with the managed-system names typed in', async () => {
    const { page } = app;
    await solveImportedPlan(page);
    await page.getByTestId('deploy-open').click();
    await page.getByTestId('deploy-hmc-script').check();
    await page.getByTestId('deploy-system-server-1').fill('P10-PROD-A');
    await page.getByTestId('deploy-vlan').fill('120');
    const download = page.waitForEvent('download');
    await page.getByTestId('deploy-run').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/-hmc\.sh$/);
    const script = await readFile(await file.path(), 'utf8');
    expect(script).toContain("SYSTEM='P10-PROD-A'");
    expect(script).toContain('mksyscfg -r lpar');
    expect(script).toContain('/120//');
    await page.getByTestId('deploy-done').waitFor();
    // Escape closes a dialog, as its Close button does.
    await page.keyboard.press('Escape');
    await page.getByTestId('deploy-dialog').waitFor({ state: 'detached' });
  });

  it('keeps the targets form in place while an automatic solve starts and ends', async () => {
    const { page } = app;
    await openImportedPlan(page);
    await page.getByTestId('step-targets').click();
    const checkbox = page.getByTestId('generation-POWER9');
    await checkbox.waitFor();
    // Where the checkbox is at every change of the page, and whether the progress row was there at that moment.
    await page.evaluate(() => {
      const seen: Array<{ top: number; progress: boolean }> = [];
      (window as unknown as { seen: typeof seen }).seen = seen;
      const box = document.querySelector('[data-testid="generation-POWER9"]')!;
      const record = () =>
        seen.push({
          top: box.getBoundingClientRect().top,
          progress: document.querySelector('[data-testid="progress"]') !== null,
        });
      record();
      new MutationObserver(record).observe(document.body, { childList: true, subtree: true });
    });
    // An edit of a small plan starts a solve on its own a moment later (the progress row comes and goes).
    await page.getByTestId('growth').fill('12');
    await page.getByTestId('growth').blur();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { seen: Array<{ progress: boolean }> }).seen), {
        timeout: 90_000,
      })
      .toEqual(expect.arrayContaining([expect.objectContaining({ progress: true })]));
    await page.getByTestId('progress').waitFor({ state: 'detached', timeout: 90_000 });
    const seen = await page.evaluate(() => (window as unknown as { seen: Array<{ top: number }> }).seen);
    expect(new Set(seen.map((each) => each.top)).size).toBe(1);
  });

  it('saves the plan as a file and opens it again', async () => {
    const { page } = app;
    await openImportedPlan(page);
    await page.getByTestId('step-targets').click();
    await page.getByTestId('generation-POWER9').check();
    const download = page.waitForEvent('download');
    await page.getByTestId('save-plan').click();
    const file = await download;
    const path = await file.path();
    const saved = PlanFile.parse(JSON.parse(await readFile(path, 'utf8')));
    expect(saved.workloads.map((workload) => workload.name)).toContain('iseries');
    expect(saved.constraints.generations).toEqual(['POWER10', 'POWER9']);
    await page.getByTestId('step-workloads').click();
    await page.getByTestId('open-plan-file').setInputFiles(path);
    await expect.poll(() => gridRows(page).count()).toBe(19);
    await expect.poll(() => page.getByTestId('dirty').count()).toBe(0);
    // The measured provenance survives the round trip through the file.
    expect(saved.workloads.find((workload) => workload.name === 'erpdb01')?.measurement?.confidence).toBe('medium');
  });

  it('switches the wizard to Simplified Chinese', async () => {
    const { page } = app;
    await page.getByTestId('locale').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('step-workloads').textContent()).toContain('工作负载');
    await app.screenshot('wizard-zh');
    await page.getByTestId('locale').selectOption('en');
    await expect.poll(() => page.getByTestId('step-workloads').textContent()).toContain('Workloads');
  });
});
