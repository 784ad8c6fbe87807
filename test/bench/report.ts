// Report benchmark: a ~100-server solution rendered in each format; figures only.
import { join } from 'node:path';
import { snapshotOf } from '../../src-main/catalog';
import { readShippedCatalog } from '../../src-main/platform';
import { buildReportModel } from '../../src-main/report';
import { writeReportFile } from '../support/reports';
import { solvePlan } from '../../src-main/solver';
import { tempDir } from '../support/temp';
import { generatePlan } from './families';

export interface ReportBenchRow {
  format: string;
  servers: number;
  partitions: number;
  milliseconds: number;
}

export async function runReportBench(): Promise<ReportBenchRow[]> {
  const catalog = snapshotOf(await readShippedCatalog(join(import.meta.dirname, '..', '..', 'resources')));
  const plan = generatePlan('few-large', 700);
  const solution = await solvePlan(plan, catalog, { exactLimit: 0 });
  const model = buildReportModel(plan, solution, {
    language: 'en',
    date: new Date().toISOString(),
    catalogVersion: catalog.catalogVersion,
    customer: 'Benchmark',
  });
  const dir = await tempDir('pvs-bench-report-');
  const rows: ReportBenchRow[] = [];
  for (const format of ['html', 'csv', 'xlsx', 'pdf']) {
    const started = performance.now();
    await writeReportFile(model, join(dir, `report.${format}`));
    rows.push({
      format,
      servers: solution.servers.length,
      partitions: model.partitionRows.length,
      milliseconds: Math.round(performance.now() - started),
    });
  }
  return rows;
}
