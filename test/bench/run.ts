// `npm run bench [-- --json] [-- --only solver|determinism|report|import|table] [-- --busy-threads 6] [-- --sizes 10,30,100] [-- --families n+1,dedicated]
// [-- --reference-seconds 5] [-- --retry-seconds 60] [-- --reference-cache file.json]`: prints figures; never a
// pass/fail timing. The solver's reference gets --reference-seconds per plan, then --retry-seconds where it did not
// prove the optimum (0: no retry); --reference-cache keeps its results between runs (it does not depend on the product).
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runDeterminismBench } from './determinism';
import { runImportBench } from './import';
import { runReportBench } from './report';
import type { Family } from './families';
import { runSolverBench, summarise } from './solver';
import { runTableImportBench } from './table-import';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    only: { type: 'string' },
    sizes: { type: 'string' },
    'import-mb': { type: 'string' },
    'reference-seconds': { type: 'string' },
    'retry-seconds': { type: 'string' },
    'reference-cache': { type: 'string' },
    families: { type: 'string' },
    'busy-threads': { type: 'string' },
  },
});
const sizes = values.sizes?.split(',').map(Number);
const results: Record<string, unknown> = {};

if (!values.only || values.only === 'solver') {
  const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  const referenceSeconds = number(values['reference-seconds']);
  const retrySeconds = number(values['retry-seconds']);
  const families = values.families?.split(',') as Family[] | undefined;
  const rows = await runSolverBench({
    ...(sizes ? { sizes } : {}),
    ...(families ? { families } : {}),
    ...(referenceSeconds !== undefined ? { referenceSeconds } : {}),
    ...(retrySeconds !== undefined ? { retrySeconds } : {}),
    ...(values['reference-cache'] ? { cacheFile: values['reference-cache'] } : {}),
    onRow: (row) =>
      console.error(
        `${row.family} ${row.workloads}: ${row.licensedCores} cores (${row.unplaced} unplaced), reference ${row.referenceCores ?? '-'} [${row.referenceBound ?? '-'}] ${row.referenceStatus}${row.referenceSeconds ? ` at ${row.referenceSeconds} s (${row.referenceCpuSeconds ?? '?'} s CPU)` : ''}, ratio ${row.ratio ?? '-'}, first ${row.firstCpuMs ?? '-'} ms CPU, total ${row.totalCpuMs} ms CPU`,
      ),
  });
  results.solver = rows;
  if (!values.json) {
    console.log(
      'Solver against the independent reference (FFD over every configuration; exact HiGHS model over all configurations; n+1: a checked n+1 layout)',
    );
    console.table(
      rows.map((row) => ({
        family: row.family,
        n: row.workloads,
        servers: row.servers,
        cores: row.licensedCores,
        unplaced: row.unplaced,
        'LB cores': row.coresLowerBound,
        gap: `${(row.gap * 100).toFixed(1)}%`,
        proven: row.provenOptimal ? 'yes' : row.exact,
        'FFD cores': row.ffdCores ?? '',
        'ref best': row.referenceCores ?? '',
        'ref bound': row.referenceBound ?? '',
        ref: row.referenceStatus,
        ratio: row.ratio ?? '',
        checker: `${row.productProblems}/${row.referenceProblems}`,
        'first cpu ms': row.firstCpuMs ?? '',
        'ref s': row.referenceSeconds ?? '',
        'ref cpu s': row.referenceCpuSeconds ?? '',
        'total ms': row.totalMs,
        'total cpu ms': row.totalCpuMs,
        'RSS MiB': row.peakRssMiB,
      })),
    );
    for (const line of summarise(rows)) console.log(line);
  }
}

if (!values.only || values.only === 'determinism') {
  const busyThreads = values['busy-threads'] ? Number(values['busy-threads']) : availableParallelism() + 1;
  const rows = await runDeterminismBench({
    busyThreads,
    ...(sizes ? { sizes } : {}),
    onRow: (row) =>
      console.error(
        `${row.plan}: ${row.sameDesign ? 'same design' : 'DIFFERENT design'} (${row.quietMs} / ${row.busyMs} ms)`,
      ),
  });
  results.determinism = rows;
  if (!values.json) {
    console.log(
      `The same plan solved on a quiet machine and with ${busyThreads} busy threads beside it (load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
    );
    console.table(
      rows.map((row) => ({
        plan: row.plan,
        n: row.workloads,
        cores: row.licensedCores,
        'quiet ms': row.quietMs,
        'busy ms': row.busyMs,
        'busy/quiet': (row.busyMs / row.quietMs).toFixed(2),
        'same design': row.sameDesign ? 'yes' : 'NO',
        'clock stopped': row.clockStopped ? 'yes' : '',
      })),
    );
    const same = rows.filter((row) => row.sameDesign).length;
    console.log(`${same} of ${rows.length} plans gave the same design quiet and busy.`);
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
  const rows = await runImportBench(values['import-mb'] ? Number(values['import-mb']) : 500);
  results.import = rows;
  if (!values.json) {
    console.log(
      `Import of nmon (one thread; target 100 MB/s and peak RSS under 300 MiB; ratio = import time / bare read of the same bytes; MB/CPU-s counts only this process's CPU time, so a busy machine does not hide the figure; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
    );
    console.table(
      rows.map((row) => ({
        shape: row.shape,
        files: row.files,
        MB: row.megabytes,
        LPARs: row.lpars,
        s: row.seconds,
        'MB/s': row.mbPerSecond,
        'bare MB/s': row.bareMbPerSecond,
        ratio: row.ratio,
        'MB/CPU-s': row.cpuMbPerSecond,
        'bare MB/CPU-s': row.bareCpuMbPerSecond,
        'CPU ratio': row.cpuRatio,
        'peak RSS MiB': row.peakRssMiB,
      })),
    );
  }
}

if (!values.only || values.only === 'table') {
  const rows = await runTableImportBench();
  results.table = rows;
  if (!values.json) {
    for (const row of rows) {
      console.log(
        `Spreadsheet import: ${row.rows.toLocaleString('en-US')}-row XLSX (${Math.round(row.bytes / 1024)} KB) in ${row.importMs} ms (worker thread); ` +
          `${row.trivialCalls} trivial calls meanwhile answered in ${row.trivialMedianMs} ms median, ${row.trivialP95Ms} ms at p95, ` +
          `${row.trivialMaxMs} ms at most; ${row.trivialOver100} took 100 ms or more (target < 100 ms; load average ${loadavg()[0]!.toFixed(1)})`,
      );
    }
  }
}

if (values.json) console.log(JSON.stringify(results, null, 2));
