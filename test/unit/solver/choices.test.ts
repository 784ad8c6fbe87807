import { describe, expect, it } from 'vitest';
import { solvePlan } from '../../../src-main/solver/solve';
import { FAMILIES, generatePlan } from '../../bench/families';
import { shippedSnapshot } from '../../support/plans';

const catalog = await shippedSnapshot();

describe('choosing configurations', () => {
  it('puts IBM i where CPW is published and AIX where it costs fewer cores, when that beats any single configuration', async () => {
    const plan = generatePlan('ibmi-mix', 120);
    const solution = await solvePlan(plan, catalog, { exactLimit: 0 });
    expect(solution.unplaced).toEqual([]);
    const configurations = new Set(solution.servers.map((server) => server.configuration));
    expect(configurations.size).toBeGreaterThan(1);
    expect(solution.explanations?.some((line) => line.startsWith('mixed configurations'))).toBe(true);
    for (const alternative of solution.alternatives.filter((each) => !each.description.includes('not placed'))) expect(solution.totals!.licensedCores).toBeLessThanOrEqual(alternative.licensedCores);
  });

  it('uses the exact model\'s placement for a small plan when it costs fewer cores and passes the real rules', async () => {
    const plan = generatePlan('anti-affinity', 10);
    const heuristic = await solvePlan(plan, catalog, { exactLimit: 0 });
    const proven = await solvePlan(plan, catalog);
    expect(proven.bounds.provenOptimal).toBe(true);
    expect(proven.totals!.licensedCores).toBeLessThan(heuristic.totals!.licensedCores);
    expect(proven.explanations?.some((line) => line.includes('exact model (HiGHS) placed'))).toBe(true);
    // haGroups still land on different servers.
    for (const server of proven.servers) {
      const groups = server.partitions.filter((partition) => partition.role === 'client').map((partition) => plan.workloads.find((workload) => partition.workload!.startsWith(workload.name))!.haGroup);
      expect(new Set(groups).size).toBe(groups.length);
    }
  });

  it.each(FAMILIES.map((family) => [family]))('never reports a lower bound above what it found (%s, 120 workloads, large VIOS on busy servers)', async (family) => {
    const solution = await solvePlan(generatePlan(family, 120), catalog, { exactLimit: 0 });
    expect(solution.bounds.coresLowerBound).toBeLessThanOrEqual(solution.totals!.licensedCores);
    expect(solution.bounds.serversLowerBound).toBeLessThanOrEqual(solution.servers.length);
    expect(solution.bounds.gap).toBeGreaterThanOrEqual(0);
  });
});
