import { describe, expect, it } from 'vitest';
import { solvePlan } from '../../../src-main/solver/solve';
import { FAMILIES, generatePlan } from '../../bench/families';
import { plan, shippedSnapshot } from '../../support/plans';
import { checkSolution, failoverProblems } from '../../support/powervm-check';

const catalog = await shippedSnapshot();
const fast = { exactSeconds: 2, recombineSeconds: 1 };

describe('choosing configurations', () => {
  it('puts IBM i where CPW is published and AIX where it costs fewer cores, when that beats any single configuration', async () => {
    const solution = await solvePlan(generatePlan('ibmi-mix', 120), catalog, fast);
    expect(solution.unplaced).toEqual([]);
    expect(new Set(solution.servers.map((server) => server.configuration)).size).toBeGreaterThan(1);
    expect(solution.explanations?.some((line) => line.code === 'solver.mixed-configurations')).toBe(true);
    expect(solution.comparison?.reason.code).toBe('solver.comparison.fewer-cores');
    for (const alternative of solution.alternatives.filter(
      (each) => each.description.code === 'solver.alternative.single',
    )) {
      expect(solution.totals!.licensedCores).toBeLessThanOrEqual(alternative.licensedCores);
    }
  });

  it('does not pull AIX onto the one model with a published CPW because of one IBM i workload', async () => {
    const aix = Array.from({ length: 12 }, (_, index) => ({
      name: `aix${index}`,
      os: 'aix' as const,
      cpu: { kind: 'rperf' as const, rperf: 20 + 7 * index },
      memoryGiB: 32,
    }));
    const ibmi = [{ name: 'ibmi', os: 'ibmi' as const, cpu: { kind: 'cpw' as const, cpw: 20000 }, memoryGiB: 64 }];
    const constraints = { generations: ['POWER9' as const] };
    const [both, aixOnly, ibmiOnly] = await Promise.all([
      solvePlan(plan({ workloads: [...aix, ...ibmi], constraints }), catalog, fast),
      solvePlan(plan({ workloads: aix, constraints }), catalog, fast),
      solvePlan(plan({ workloads: ibmi, constraints }), catalog, fast),
    ]);
    expect(both.unplaced).toEqual([]);
    // Together never costs more than the two parts sized apart.
    expect(both.totals!.licensedCores).toBeLessThanOrEqual(
      aixOnly.totals!.licensedCores + ibmiOnly.totals!.licensedCores,
    );
    const s914 = both.servers.filter((server) => server.modelName.includes('S914'));
    expect(s914.length).toBeLessThanOrEqual(1);
  });

  it('gives the migration plan with n+1 no worse an answer with every Power10 model than with the S1024 alone', async () => {
    const workloads = Array.from({ length: 16 }, (_, index) => ({
      name: `w${index}`,
      os: index % 3 === 0 ? ('linux' as const) : ('aix' as const),
      cpu: {
        kind: 'measured' as const,
        cores: 2 + (index % 5),
        model: index % 2 ? '8286-42A' : '9009-42A',
        utilization: 0.3 + (index % 4) * 0.1,
      },
      memoryGiB: 32 + 16 * (index % 6),
    }));
    const base = { growthPerYear: 0.05, horizonYears: 3, redundancy: 'n+1' as const, vios: 'dual' as const };
    const any = await solvePlan(plan({ workloads, constraints: { ...base, generations: ['POWER10'] } }), catalog, fast);
    const s1024 = await solvePlan(plan({ workloads, constraints: { ...base, models: ['9105-42A'] } }), catalog, fast);
    expect(any.unplaced).toEqual([]);
    expect(any.totals!.licensedCores).toBeLessThanOrEqual(s1024.totals!.licensedCores);
    expect(any.failover).toBeDefined();
  });

  it('does not answer the 16-workload POWER8/9 migration with n+1 and dual VIOS with E1080s when S1024s hold it (issue 19)', async () => {
    // The bench's migration family at the size: measured POWER8/9 cores, n+1, dual VIOS, any Power10 model.
    const generated = generatePlan('migration-n+1', 16);
    const constraints = { ...generated.constraints, vios: 'dual' as const };
    const any = await solvePlan({ ...generated, constraints }, catalog, fast);
    const only = (model: string) =>
      solvePlan({ ...generated, constraints: { ...constraints, models: [model] } }, catalog, fast);
    const [s1024, e1080] = [await only('9105-42A'), await only('9080-HEX')];
    expect(s1024.unplaced).toEqual([]);
    expect(e1080.unplaced).toEqual([]);
    // S1024s hold it for fewer licensed cores than E1080s (84 against 120): given both, the answer takes no E1080.
    expect(s1024.totals!.licensedCores).toBeLessThan(e1080.totals!.licensedCores);
    expect(any.unplaced).toEqual([]);
    expect(any.totals!.licensedCores).toBeLessThanOrEqual(s1024.totals!.licensedCores);
    expect(any.servers.some((server) => server.modelName.includes('E1080'))).toBe(false);
    // Every rule and every single loss, checked by the test kit's own checker.
    const checked = { ...generated, constraints };
    expect([...checkSolution(checked, catalog, any), ...failoverProblems(checked, catalog, any)]).toEqual([]);
  });

  it('proves a small anti-affinity plan optimal over every configuration, and keeps its HA groups apart', async () => {
    const small = generatePlan('anti-affinity', 10);
    const heuristic = await solvePlan(small, catalog, { exactLimit: 0, recombineSeconds: 0 });
    const proven = await solvePlan(small, catalog, { exactSeconds: 10 });
    expect(proven.bounds.provenOptimal).toBe(true);
    expect(proven.bounds.exact).toBe('optimal');
    expect(proven.explanations?.some((line) => line.code === 'solver.proof.optimal')).toBe(true);
    expect(proven.totals!.licensedCores).toBeLessThanOrEqual(heuristic.totals!.licensedCores);
    for (const server of proven.servers) {
      const groups = server.partitions
        .filter((partition) => partition.role === 'client')
        .map((partition) => small.workloads.find((workload) => workload.id === partition.workloadId)!.haGroup);
      expect(new Set(groups).size).toBe(groups.length);
    }
  });

  it.each(FAMILIES.map((family) => [family]))(
    'never reports a lower bound above what it found (%s, 120 workloads)',
    async (family) => {
      const solution = await solvePlan(generatePlan(family, 120), catalog, { ...fast, exactLimit: 0 });
      expect(solution.bounds.coresLowerBound).toBeLessThanOrEqual(solution.totals!.licensedCores);
      expect(solution.bounds.serversLowerBound).toBeLessThanOrEqual(solution.servers.length);
      expect(solution.bounds.gap).toBeGreaterThanOrEqual(0);
      expect(solution.bounds.provenOptimal && solution.bounds.gap > 0.001).toBe(false);
    },
  );

  it('with n+1, keeps every loss covered with small servers instead of a few large ones (10 workloads)', async () => {
    const solution = await solvePlan(generatePlan('n+1', 10), catalog, fast);
    expect(solution.totals!.licensedCores).toBeLessThanOrEqual(40);
    const ids = solution.servers.map((server) => server.id);
    for (const id of ids) {
      const lost = solution.servers.find((server) => server.id === id)!;
      const moves = solution.failover![id]!;
      for (const partition of lost.partitions.filter((each) => each.role === 'client'))
        expect(ids.filter((other) => other !== id)).toContain(moves[partition.workload!]);
    }
  });

  it('with "prefer identical servers", proposes servers of one configuration and says what the mix would save', async () => {
    const mixedPlan = generatePlan('mixed-sources', 30);
    const identical = { ...mixedPlan, constraints: { ...mixedPlan.constraints, preferIdenticalServers: true } };
    const [free, same] = await Promise.all([solvePlan(mixedPlan, catalog, fast), solvePlan(identical, catalog, fast)]);
    expect(new Set(same.servers.map((server) => server.configuration)).size).toBe(1);
    expect(same.comparison?.reason.code).toBe('solver.comparison.asked-identical');
    expect(free.totals!.licensedCores).toBeLessThanOrEqual(same.totals!.licensedCores);
    expect(free.comparison?.identical?.licensedCores).toBe(same.totals!.licensedCores);
  });

  it('streams a first answer before the final one, and the final one is never worse', async () => {
    const interim: number[] = [];
    const solution = await solvePlan(generatePlan('ibmi-mix', 30), catalog, {
      ...fast,
      onSolution: (answer) => interim.push(answer.totals!.licensedCores),
    });
    expect(interim.length).toBeGreaterThan(0);
    expect(solution.interim).toBeUndefined();
    expect(solution.totals!.licensedCores).toBeLessThanOrEqual(interim[0]!);
    expect(solution.stats?.firstFeasibleMs).toBeGreaterThan(0);
  });
});
