// The search stages stop on counted work, not on the clock, so the same plan gives the same design on a fast machine
// and on a busy one; only a backstop far beyond the usual time stops on the clock, and the answer then says so.
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkBudget, improvePairs } from '../../../src-main/solver/mixed';
import { quickPack, usefulCandidates } from '../../../src-main/solver/portfolio';
import { prepare } from '../../../src-main/solver/prepare';
import { ColumnPool, randomPackings, recombine } from '../../../src-main/solver/recombine';
import type { ServerBin } from '../../../src-main/solver/pack';
import { solvePlan } from '../../../src-main/solver/solve';
import type { Solution } from '../../../src-main/solver/schema';
import { generatePlan } from '../../bench/families';
import { fixturePlan, shippedSnapshot } from '../../support/plans';

const catalog = await shippedSnapshot();

/** Threads that keep every core busy, as a customer's laptop is during a screen share. */
let busy: Worker[] = [];
function keepCoresBusy(threads: number): void {
  const spin = 'const { parentPort } = require("node:worker_threads"); for (;;) { Math.sqrt(Math.random()); }';
  busy = Array.from({ length: threads }, () => new Worker(spin, { eval: true }));
}
afterEach(async () => {
  await Promise.all(busy.map((worker) => worker.terminate()));
  busy = [];
});

const layout = (bins: readonly ServerBin[]) =>
  bins.map((bin) => `${bin.candidate.key}:${bin.lpars.map((lpar) => lpar.instance.index).sort((a, b) => a - b)}`);
const design = (solution: Solution) =>
  solution.servers.map((server) => `${server.configuration}:${server.partitions.map((each) => each.name).sort()}`);

describe('work limits in place of time limits', () => {
  it('stops the recombination model after the same LP iterations, at the same layout, on a quiet and a busy machine', async () => {
    const prepared = prepare(generatePlan('anti-affinity', 20), catalog);
    const candidates = usefulCandidates(prepared);
    const cheapest = candidates[0]!;
    const incumbent = quickPack(
      prepared.lparsByCandidate.get(cheapest.key)!,
      cheapest,
      prepared.settings,
      'cores',
    ).bins;
    const pool = new ColumnPool();
    pool.addAll(incumbent, prepared, candidates);
    for (const candidate of candidates)
      for (const bins of randomPackings(prepared.lparsByCandidate.get(candidate.key)!, candidate, prepared, 3))
        pool.addAll(bins, prepared, candidates);
    const limit = { lpIterations: 400, iterationColumns: Number.POSITIVE_INFINITY, seconds: 120 };
    const quiet = await recombine(pool, incumbent, prepared, candidates, limit);
    keepCoresBusy(3);
    const loaded = await recombine(pool, incumbent, prepared, candidates, limit);
    expect(quiet.status).toBe('work-limit');
    expect(loaded.status).toBe('work-limit');
    expect(layout(loaded.bins)).toEqual(layout(quiet.bins));
  });

  it('counts the pairwise re-packing in partitions placed, and says when the clock stopped it instead', () => {
    const prepared = prepare(generatePlan('ibmi-mix', 50), catalog);
    const candidates = usefulCandidates(prepared);
    // Power S924 8-core servers, one packing whose re-packing in pairs runs long (about 72,000 placements in full).
    const s924 = candidates.find((candidate) => candidate.key.startsWith('9009-41A/2.8/xs/8c'))!;
    const start = quickPack(prepared.lparsByCandidate.get(s924.key)!, s924, prepared.settings, 'cores').bins;
    const full = improvePairs(start, prepared, candidates);
    const small = new WorkBudget(5_000, Number.POSITIVE_INFINITY);
    const first = improvePairs(start, prepared, candidates, small);
    const again = improvePairs(start, prepared, candidates, new WorkBudget(5_000, Number.POSITIVE_INFINITY));
    expect(small.exhausted).toBe(true);
    expect(small.stoppedByClock).toBe(false);
    expect(layout(again)).toEqual(layout(first));
    expect(layout(first)).not.toEqual(layout(full));
    const noTime = new WorkBudget(Number.POSITIVE_INFINITY, -1);
    expect(layout(improvePairs(start, prepared, candidates, noTime))).toEqual(layout(start));
    expect(noTime.stoppedByClock).toBe(true);
  });

  it('gives the same design for the same plan when the machine is busy', async () => {
    const plan = fixturePlan('regional-bank');
    const quiet = await solvePlan(plan, catalog);
    keepCoresBusy(3);
    const loaded = await solvePlan(plan, catalog);
    expect(loaded.warnings.map((each) => each.code)).not.toContain('solver.clock-stopped');
    expect(design(loaded)).toEqual(design(quiet));
    expect(loaded.totals).toEqual(quiet.totals);
  });
});
