// The spreadsheet import through the handlers: off the main thread, with progress, stop, and refusals that say why.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServices, createAppServices } from '../../src-main/ipc';
import type { AppEvent } from '../../src-main/ipc/contract';
import { dispatch } from '../../src-main/ipc/dispatch';
import { repoRoot } from '../support/browser-app';
import { resourcesDir, tempDir } from '../support/temp';
import { workloadWorkbook } from '../support/workbooks';

describe('spreadsheet import through the handlers', () => {
  let services: AppServices;
  beforeAll(async () => {
    services = await createAppServices({
      userDataDir: await tempDir(),
      resourcesDir,
      appVersion: 'test',
      transport: 'browser',
    });
  });
  afterAll(async () => services?.close());

  it('reads the CSV fixture in a worker and reports its progress', async () => {
    const events: AppEvent[] = [];
    const contentBase64 = (
      await readFile(join(repoRoot, 'test', 'fixtures', 'import-tables', 'workloads.csv'))
    ).toString('base64');
    const reply = await dispatch(
      services.handlers,
      'plan.importTable',
      { fileName: 'workloads.csv', contentBase64, jobId: 'csv' },
      { emit: (event) => events.push(event) },
    );
    expect(reply).toMatchObject({
      ok: true,
      value: { headers: expect.arrayContaining(['LPAR name']), encoding: 'UTF-8' },
    });
    expect(events.some((event) => event.type === 'table.progress' && event.jobId === 'csv')).toBe(true);
  });

  it('stops a large read at once and answers other calls meanwhile', async () => {
    const contentBase64 = Buffer.from(await workloadWorkbook(5_000)).toString('base64');
    const reading = dispatch(
      services.handlers,
      'plan.importTable',
      { fileName: 'big.xlsx', contentBase64, jobId: 'big' },
      { emit: () => undefined },
    );
    expect(await dispatch(services.handlers, 'app.info', {}, { emit: () => undefined })).toMatchObject({ ok: true });
    expect(
      await dispatch(services.handlers, 'plan.cancelImportTable', { jobId: 'big' }, { emit: () => undefined }),
    ).toEqual({ ok: true, value: { cancelled: true } });
    expect(await reading).toMatchObject({
      ok: false,
      error: { code: 'cancelled', message: expect.stringContaining('stopped') },
    });
  });

  it('refuses a binary file named .csv with what it is', async () => {
    const contentBase64 = Buffer.from(await workloadWorkbook(3)).toString('base64');
    const reply = await dispatch(
      services.handlers,
      'plan.importTable',
      { fileName: 'renamed.csv', contentBase64 },
      { emit: () => undefined },
    );
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'invalid-file', message: expect.stringContaining('a ZIP archive') },
    });
  });
});
