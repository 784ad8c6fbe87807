// One test per stage of the solver's pipeline, each on its typed input and output.
import { describe, expect, it } from 'vitest';
import { exactSolve } from '../../../src-main/solver/exact';
import { finish, repick } from '../../../src-main/solver/mixed';
import { primary } from '../../../src-main/solver/objective';
import { compareDesigns, layoutOf } from '../../../src-main/solver/outcome';
import { ServerBin, failoverMap } from '../../../src-main/solver/pack';
import { dominates, quickPack, usefulCandidates } from '../../../src-main/solver/portfolio';
import { prepare } from '../../../src-main/solver/prepare';
import { ColumnPool, randomPackings, recombine } from '../../../src-main/solver/recombine';
import { redundancy, serverIds } from '../../../src-main/solver/redundancy';
import { generatePlan } from '../../bench/families';
import { plan, shippedSnapshot } from '../../support/plans';

const catalog = await shippedSnapshot();

describe('solver stages', () => {
  it('candidates: each instance on each configuration, or why not, as message codes', () => {
    const prepared = prepare(
      plan({
        workloads: [{ name: 'i', os: 'ibmi', cpu: { kind: 'cpw', cpw: 5000 }, memoryGiB: 32 }],
        constraints: { generations: ['POWER10'] },
      }),
      catalog,
    );
    expect(prepared.objective).toBe('cores');
    expect(prepared.explanations.map((each) => each.code)).toContain('solver.objective.cores-auto');
    expect([...prepared.lparsByCandidate.values()].every((lpars) => lpars.length === 0)).toBe(true);
    expect(prepared.reasons.get(0)?.every((reason) => /^(solver\.reason|catalog)\./.test(reason.code))).toBe(true);
  });

  it('portfolio: a dominated configuration is dropped, and the quick packing places everything', () => {
    const prepared = prepare(generatePlan('many-small', 30), catalog);
    const pairs = prepared.candidates.flatMap((better) =>
      prepared.candidates
        .filter(
          (worse) => worse !== better && dominates(better, worse, prepared) && !dominates(worse, better, prepared),
        )
        .map((worse) => [better, worse] as const),
    );
    expect(pairs.length).toBeGreaterThan(0);
    const useful = usefulCandidates(prepared);
    for (const [, worse] of pairs) expect(useful).not.toContain(worse);
    const [better] = pairs[0]!;
    expect(dominates(pairs[0]![1], better, prepared)).toBe(false);
    const packed = quickPack(prepared.lparsByCandidate.get(better.key)!, better, prepared.settings, 'cores');
    expect(packed.rejected).toEqual([]);
    expect(packed.bins.reduce((sum, bin) => sum + bin.lpars.length, 0)).toBe(30);
  });

  it('mixed proposal: a lightly loaded server is re-picked to a smaller configuration that holds it', () => {
    const prepared = prepare(generatePlan('many-small', 3), catalog);
    const big = prepared.candidates.find((each) => each.activeCores === 240)!;
    const bin = new ServerBin(big, prepared.settings);
    for (const lpar of prepared.lparsByCandidate.get(big.key)!) bin.add(lpar);
    const smaller = repick(bin, prepared.candidates, prepared.lparIndex, prepared.settings, 'cores');
    expect(smaller.candidate.activeCores).toBeLessThan(240);
    expect(smaller.lpars).toHaveLength(3);
    expect(finish([bin], prepared, prepared.candidates)[0]!.candidate.activeCores).toBe(smaller.candidate.activeCores);
  });

  it('recombination: the cover HiGHS picks from the pool is never worse than the incumbent, and places the same', async () => {
    const prepared = prepare(generatePlan('ibmi-mix', 20), catalog);
    const candidates = usefulCandidates(prepared);
    const pool = new ColumnPool();
    const s914 = candidates
      .filter((each) => each.model.name.includes('S914'))
      .sort((a, b) => b.activeCores - a.activeCores)[0]!;
    const incumbent = quickPack(prepared.lparsByCandidate.get(s914.key)!, s914, prepared.settings, 'cores').bins;
    pool.addAll(incumbent, prepared, candidates);
    for (const candidate of candidates)
      for (const bins of randomPackings(prepared.lparsByCandidate.get(candidate.key)!, candidate, prepared, 2))
        pool.addAll(bins, prepared, candidates);
    const result = await recombine(pool, incumbent, prepared, candidates, {
      lpIterations: 10_000,
      iterationColumns: Number.POSITIVE_INFINITY,
      seconds: 5,
    });
    const placed = (bins: ServerBin[]) =>
      bins.flatMap((bin) => bin.lpars.map((lpar) => lpar.instance.index)).sort((a, b) => a - b);
    expect(placed(result.bins)).toEqual(placed(incumbent));
    expect(primary(result.bins, 'cores')).toBeLessThan(primary(incumbent, 'cores'));
  });

  it('exact proof: from a wasteful start, the model over every configuration finds and proves a cheaper placement', async () => {
    const prepared = prepare(generatePlan('anti-affinity', 6), catalog);
    const candidates = usefulCandidates(prepared);
    const largest = [...candidates].sort((a, b) => b.activeCores - a.activeCores)[0]!;
    const wasteful = prepared.lparsByCandidate.get(largest.key)!.map((lpar) => {
      const bin = new ServerBin(largest, prepared.settings);
      bin.add(lpar);
      return bin;
    });
    const result = await exactSolve(prepared, candidates, wasteful, {
      lpIterations: 100_000,
      iterationColumns: Number.POSITIVE_INFINITY,
      seconds: 20,
    });
    expect(result.status).toBe('optimal');
    expect(result.bins).not.toBeNull();
    expect(primary(result.bins!, 'cores')).toBe(result.bound);
    expect(primary(result.bins!, 'cores')).toBeLessThan(primary(wasteful, 'cores'));
  });

  it('redundancy: the layout chosen survives the loss of any one server', () => {
    const prepared = prepare(generatePlan('n+1', 12), catalog);
    const candidates = usefulCandidates(prepared);
    const evaluations = candidates.map((candidate) =>
      quickPack(prepared.lparsByCandidate.get(candidate.key)!, candidate, prepared.settings, 'cores'),
    );
    const { bins, failover } = redundancy(evaluations, candidates, prepared);
    expect(failover).not.toBeNull();
    expect(failoverMap(bins, serverIds(bins.length))).not.toBeNull();
    expect(bins.reduce((sum, bin) => sum + bin.lpars.length, 0)).toBe(12);
  });

  it('explanation: the comparison with identical servers says why the design found wins', () => {
    const prepared = prepare(generatePlan('many-small', 2), catalog);
    const [small, large] = [12, 24].map((cores) =>
      prepared.candidates.find((each) => each.activeCores === cores && each.model.name === 'Power S1024')!,
    );
    const identical = layoutOf([new ServerBin(large!, prepared.settings), new ServerBin(large!, prepared.settings)], 0);
    const found = layoutOf([new ServerBin(large!, prepared.settings), new ServerBin(small!, prepared.settings)], 0);
    const comparison = compareDesigns(identical, found, 'cores', false);
    expect(comparison.reason).toEqual({
      code: 'solver.comparison.fewer-cores',
      params: { saved: 12, identical: 48, found: 36 },
    });
    expect(compareDesigns(identical, identical, 'cores', false).reason.code).toBe('solver.comparison.same');
    expect(compareDesigns(identical, identical, 'cores', true).reason.code).toBe('solver.comparison.asked-identical');
  });
});
