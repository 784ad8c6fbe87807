// `npm run bench [-- --json] [-- --only solver] [-- --sizes 10,30,100]`: prints figures; never a pass/fail timing.
import { parseArgs } from 'node:util';
import { runImportBench } from './import';
import { runReportBench } from './report';
import { runSolverBench } from './solver';

const { values } = parseArgs({ options: { json: { type: 'boolean' }, only: { type: 'string' }, sizes: { type: 'string' }, 'import-mb': { type: 'string' } } });
const sizes = values.sizes?.split(',').map(Number);
const results: Record<string, unknown> = {};

if (!values.only || values.only === 'solver') {
  const rows = await runSolverBench(sizes ? { sizes } : {});
  results.solver = rows;
  if (!values.json) {
    console.log('Solver (heuristic portfolio after one untimed warm-up solve; exact = HiGHS on the main configuration, minimum VIOS)');
    console.table(rows.map((row) => ({
      family: row.family, n: row.workloads, servers: row.servers, cores: row.licensedCores, unplaced: row.unplaced,
      'LB servers': row.serversLowerBound, 'LB cores': row.coresLowerBound, gap: `${(row.gap * 100).toFixed(1)}%`,
      exact: row.exactServers ?? row.exactStatus, 'heur. on cfg': row.heuristicServersOnExactConfig ?? '', 'FFD servers': row.baselineServers, 'FFD cores': row.baselineCores,
      'heur. ms': row.heuristicMs, 'exact ms': row.exactMs ?? '', 'RSS MiB': row.peakRssMiB,
    })));
    const solved = rows.filter((row) => row.exactStatus === 'optimal' && row.exactServers !== null && row.heuristicServersOnExactConfig !== null);
    const equal = solved.filter((row) => row.heuristicServersOnExactConfig === row.exactServers).length;
    console.log(`equal to the exact optimum on ${equal} of ${solved.length} instances HiGHS solved (${rows.filter((row) => row.exactStatus === 'relaxed only').length} more where the model's placement fails the real VIOS sizing, so its count is only a bound)`);
    const worse = rows.filter((row) => row.baselineCores !== null && row.licensedCores > row.baselineCores).length;
    console.log(`worse than the FFD baseline (licensed cores) on ${worse} of ${rows.length} instances`);
    const large = rows.filter((row) => row.workloads >= 1000);
    if (large.length > 0) console.log(`average gap to the lower bound on the ${large.length} instances of 1,000 workloads or more: ${((large.reduce((sum, row) => sum + row.gap, 0) / large.length) * 100).toFixed(2)} % (target 2 %)`);
    const slowest = (size: number) => Math.max(...rows.filter((row) => row.workloads === size).map((row) => row.heuristicMs));
    for (const [size, target] of [[1000, 250], [10000, 2000]] as const) if (rows.some((row) => row.workloads === size)) console.log(`slowest at ${size.toLocaleString('en-US')} workloads: ${slowest(size).toFixed(0)} ms (target ${target} ms)`);
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
    console.log('Import of nmon (one thread; target 100 MB/s and peak RSS under 300 MiB; ratio = import time / bare read of the same bytes; MB/CPU-s counts only this process\'s CPU time, so a busy machine does not hide the figure)');
    console.table(rows.map((row) => ({
      shape: row.shape, files: row.files, MB: row.megabytes, LPARs: row.lpars, s: row.seconds, 'MB/s': row.mbPerSecond, 'bare MB/s': row.bareMbPerSecond, ratio: row.ratio,
      'MB/CPU-s': row.cpuMbPerSecond, 'bare MB/CPU-s': row.bareCpuMbPerSecond, 'CPU ratio': row.cpuRatio, 'peak RSS MiB': row.peakRssMiB,
    })));
  }
}

if (values.json) console.log(JSON.stringify(results, null, 2));
