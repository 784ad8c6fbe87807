// Solver benchmark: per instance, the servers and licensed cores found, the lower bounds, the exact optimum
// where HiGHS proves one, a plain first-fit-decreasing baseline, times and peak memory. Figures, never pass/fail.
import { snapshotOf } from '../../src-main/catalog';
import { readShippedCatalog } from '../../src-main/platform';
import { exactServerCount, serversFromAssignment } from '../../src-main/solver/exact';
import { buildCandidates, expandInstances, growthFactor, lparOn } from '../../src-main/solver/normalise';
import type { Lpar } from '../../src-main/solver/normalise';
import { ServerBin, viosCountOf } from '../../src-main/solver/pack';
import { packCandidate, solvePlan } from '../../src-main/solver/solve';
import { FAMILIES, generatePlan } from './families';
import { resolve } from 'node:path';

export interface SolverBenchRow {
  family: string;
  workloads: number;
  servers: number;
  licensedCores: number;
  unplaced: number;
  serversLowerBound: number;
  coresLowerBound: number;
  gap: number;
  exactServers: number | null;
  exactStatus: string;
  heuristicServersOnExactConfig: number | null;
  baselineServers: number | null;
  baselineCores: number | null;
  heuristicMs: number;
  exactMs: number | null;
  peakRssMiB: number;
}

export async function runSolverBench(options: { sizes?: number[]; exactUpTo?: number } = {}): Promise<SolverBenchRow[]> {
  const catalog = snapshotOf(await readShippedCatalog(resolve(import.meta.dirname, '..', '..', 'resources')));
  const sizes = options.sizes ?? [10, 30, 100, 1000, 10000];
  const rows: SolverBenchRow[] = [];
  // One untimed solve first, as a running app has done: the first call otherwise also times V8 compiling the solver.
  await solvePlan(generatePlan('many-small', 300, 2), catalog, { exactLimit: 0 });
  for (const family of FAMILIES) {
    for (const size of sizes) {
      const plan = generatePlan(family, size);
      const started = performance.now();
      const solution = await solvePlan(plan, catalog, { exactLimit: 0 });
      const heuristicMs = performance.now() - started;
      // Baseline: plain first-fit decreasing by processor demand on the one configuration the heuristic used most.
      const counts = new Map<string, number>();
      for (const server of solution.servers) counts.set(server.configuration, (counts.get(server.configuration) ?? 0) + 1);
      const mainConfiguration = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
      const { candidates } = buildCandidates(plan, catalog);
      const candidate = candidates.find((each) => each.key === mainConfiguration);
      let baselineServers: number | null = null;
      let baselineCores: number | null = null;
      let exactServers: number | null = null;
      let exactStatus = 'not run';
      let exactMs: number | null = null;
      let heuristicServersOnExactConfig: number | null = null;
      if (candidate) {
        const settings = { plan, viosCount: viosCountOf(plan), viosMinimum: catalog.viosMinimums[0] };
        const lpars = expandInstances(plan)
          .map((instance) => lparOn(instance, candidate, plan, catalog, growthFactor(plan)))
          .filter((lpar): lpar is Lpar => !('reason' in lpar));
        const bins: ServerBin[] = [];
        for (const lpar of [...lpars].sort((a, b) => b.demandCores - a.demandCores)) {
          let bin = bins.find((each) => each.blocker(lpar) === null);
          if (!bin) {
            bin = new ServerBin(candidate, settings);
            if (bin.blocker(lpar) !== null) continue;
            bins.push(bin);
          }
          bin.add(lpar);
        }
        // With N+1 the plain baseline adds one spare server (FFD alone would not survive a loss).
        baselineServers = bins.length + (plan.constraints.redundancy === 'n+1' ? 1 : 0);
        baselineCores = baselineServers * candidate.activeCores;
        if (size <= (options.exactUpTo ?? 30) && plan.constraints.redundancy === 'none') {
          // The heuristic's own packing on that one configuration, the exact model's question.
          const packed = packCandidate(lpars, candidate, settings, 'servers');
          heuristicServersOnExactConfig = packed.rejected.length > 0 ? null : packed.bins.length;
          const exactStart = performance.now();
          const exact = await exactServerCount(lpars, candidate, settings, Math.max(baselineServers, heuristicServersOnExactConfig ?? 0), 20);
          exactMs = performance.now() - exactStart;
          // The model relaxes the VIOS sizing: its count is the optimum only when its placement passes the real rules.
          const real = exact.status === 'optimal' && exact.assignment ? serversFromAssignment(lpars, exact.assignment, candidate, settings) : null;
          exactStatus = exact.status === 'optimal' && !real ? 'relaxed only' : exact.status;
          exactServers = exact.servers;
        }
      }
      rows.push({
        family,
        workloads: size,
        servers: solution.servers.length,
        licensedCores: solution.totals?.licensedCores ?? 0,
        unplaced: solution.unplaced.length,
        serversLowerBound: solution.bounds.serversLowerBound,
        coresLowerBound: solution.bounds.coresLowerBound,
        gap: solution.bounds.gap,
        exactServers,
        exactStatus,
        heuristicServersOnExactConfig,
        baselineServers,
        baselineCores,
        heuristicMs: Math.round(heuristicMs * 10) / 10,
        exactMs: exactMs === null ? null : Math.round(exactMs),
        peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      });
    }
  }
  return rows;
}
