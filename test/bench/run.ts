// `npm run bench [-- --json] [-- --only solver] [-- --sizes 10,30,100] [-- --reference-seconds 60]`: prints figures; never a pass/fail timing.
import { parseArgs } from 'node:util';
import { runImportBench } from './import';
import { runReportBench } from './report';
import { runSolverBench, summarise } from './solver';

const { values } = parseArgs({ options: { json: { type: 'boolean' }, only: { type: 'string' }, sizes: { type: 'string' }, 'import-mb': { type: 'string' }, 'reference-seconds': { type: 'string' } } });
const sizes = values.sizes?.split(',').map(Number);
const results: Record<string, unknown> = {};

if (!values.only || values.only === 'solver') {
  const referenceSeconds = values['reference-seconds'] ? Number(values['reference-seconds']) : undefined;
  const rows = await runSolverBench({ ...(sizes ? { sizes } : {}), ...(referenceSeconds !== undefined ? { referenceSeconds } : {}) });
  results.solver = rows;
  if (!values.json) {
    console.log('Solver against the independent reference (FFD over every configuration; exact HiGHS model over all configurations; n+1: a checked n+1 layout)');
    console.table(rows.map((row) => ({
      family: row.family, n: row.workloads, servers: row.servers, cores: row.licensedCores, unplaced: row.unplaced,
      'LB cores': row.coresLowerBound, gap: `${(row.gap * 100).toFixed(1)}%`, proven: row.provenOptimal ? 'yes' : row.exact,
      'FFD cores': row.ffdCores ?? '', 'ref best': row.referenceCores ?? '', 'ref bound': row.referenceBound ?? '', ref: row.referenceStatus,
      ratio: row.ratio ?? '', 'checker': `${row.productProblems}/${row.referenceProblems}`, 'first cpu ms': row.firstCpuMs ?? '', 'total ms': row.totalMs, 'RSS MiB': row.peakRssMiB,
    })));
    for (const line of summarise(rows)) console.log(line);
  }
}

if (!values.only || values.only === 'report') {
  const rows = await runReportBench();
  results.report = rows;
  if (!values.json) {
    console.log(`Reports (${rows[0]?.servers ?? 0} servers, ${rows[0]?.partitions ?? 0} partitions)`);
    console.table(rows.map((row) => ({ format: row.format, ms: row.milliseconds })));
  }
}

if (!values.only || values.only === 'import') {
  const row = await runImportBench(values['import-mb'] ? Number(values['import-mb']) : 500);
  results.import = row;
  if (!values.json) console.log(`Import: ${row.megabytes} MB of nmon (${row.files} files) in ${row.seconds} s = ${row.mbPerSecond} MB/s, peak RSS ${row.peakRssMiB} MiB`);
}

if (values.json) console.log(JSON.stringify(results, null, 2));
