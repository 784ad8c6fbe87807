// Spreadsheet import benchmark: a 5,000-row XLSX read through the real handlers (worker thread) while a trivial
// call is made every 20 ms; prints the import time and how long the trivial calls waited. Figures, never pass/fail.
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createAppServices } from '../../src-main/ipc';
import { dispatch } from '../../src-main/ipc/dispatch';
import { tempDir } from '../support/temp';
import { workloadWorkbook } from '../support/workbooks';

export interface TableImportBenchRow {
  rows: number;
  bytes: number;
  importMs: number;
  trivialCalls: number;
  trivialMedianMs: number;
  trivialP95Ms: number;
  trivialMaxMs: number;
  /** Calls that waited 100 ms or more (the target is none). */
  trivialOver100: number;
}

export async function runTableImportBench(rowCounts: number[] = [5_000]): Promise<TableImportBenchRow[]> {
  const dir = await tempDir('pvs-bench-table-');
  const services = await createAppServices({
    userDataDir: dir,
    resourcesDir: resolve(import.meta.dirname, '..', '..', 'resources'),
    appVersion: 'bench',
    transport: 'browser',
  });
  const context = { emit: () => undefined };
  const results: TableImportBenchRow[] = [];
  try {
    // One untimed small import first, as a running app has done: the first worker also compiles its code.
    const warmUp = Buffer.from(await workloadWorkbook(100)).toString('base64');
    await dispatch(services.handlers, 'plan.importTable', { fileName: 'warm-up.xlsx', contentBase64: warmUp }, context);
    for (const rows of rowCounts) {
      const content = await workloadWorkbook(rows);
      const contentBase64 = Buffer.from(content).toString('base64');
      const waits: number[] = [];
      let running = true;
      const started = performance.now();
      const importing = dispatch(
        services.handlers,
        'plan.importTable',
        { fileName: 'bench.xlsx', contentBase64, jobId: 'bench' },
        context,
      ).finally(() => (running = false));
      const probing = (async () => {
        while (running) {
          const sent = performance.now();
          await dispatch(services.handlers, 'app.info', {}, context);
          waits.push(performance.now() - sent);
          await new Promise((done) => setTimeout(done, 20));
        }
      })();
      const reply = await importing;
      const importMs = performance.now() - started;
      await probing;
      if (!reply.ok) throw new Error(reply.error.message);
      waits.sort((a, b) => a - b);
      results.push({
        rows,
        bytes: content.length,
        importMs: Math.round(importMs),
        trivialCalls: waits.length,
        trivialMedianMs: Math.round((waits[Math.floor(waits.length / 2)] ?? 0) * 10) / 10,
        trivialP95Ms: Math.round((waits[Math.floor(waits.length * 0.95)] ?? 0) * 10) / 10,
        trivialMaxMs: Math.round((waits.at(-1) ?? 0) * 10) / 10,
        trivialOver100: waits.filter((wait) => wait >= 100).length,
      });
    }
  } finally {
    await services.close();
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}
