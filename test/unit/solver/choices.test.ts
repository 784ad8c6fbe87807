import { describe, expect, it } from 'vitest';
import { exactServerCount } from '../../../src-main/solver/exact';
import { type Lpar, buildCandidates, expandInstances, growthFactor, lparOn } from '../../../src-main/solver/normalise';
import { viosCountOf } from '../../../src-main/solver/pack';
import { packCandidate, solvePlan } from '../../../src-main/solver/solve';
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

  it('with n+1, makes the lightest servers smaller configurations of the same processor while every loss still has somewhere to go', async () => {
    const plan = generatePlan('n+1', 10);
    const solution = await solvePlan(plan, catalog, { exactLimit: 0 });
    expect(solution.explanations?.some((line) => line.startsWith('n+1: the least-loaded servers'))).toBe(true);
    expect(solution.totals!.licensedCores).toBeLessThan(192);
    const ids = solution.servers.map((server) => server.id);
    for (const id of ids) {
      const lost = solution.servers.find((server) => server.id === id)!;
      const moves = solution.failover![id]!;
      for (const partition of lost.partitions.filter((each) => each.role === 'client')) expect(ids.filter((other) => other !== id)).toContain(moves[partition.workload!]);
    }
  });

  it('packs a tight anti-affinity plan into as few servers as the exact model, without it', async () => {
    const plan = generatePlan('anti-affinity', 10);
    const candidate = buildCandidates(plan, catalog).candidates.find((each) => each.key === "9105-41B/3.x (pattern '3*')/xs/8c")!;
    const settings = { plan, viosCount: viosCountOf(plan), viosMinimum: catalog.viosMinimums[0] };
    const lpars = expandInstances(plan).map((instance) => lparOn(instance, candidate, plan, catalog, growthFactor(plan))).filter((lpar): lpar is Lpar => !('reason' in lpar));
    const exact = await exactServerCount(lpars, candidate, settings, 4, 20);
    expect(exact.status).toBe('optimal');
    const packed = packCandidate(lpars, candidate, settings, 'servers');
    expect(packed.rejected).toEqual([]);
    expect(packed.bins.length).toBe(exact.servers);
    for (const bin of packed.bins) {
      const groups = bin.lpars.map((lpar) => lpar.instance.workload.haGroup);
      expect(new Set(groups).size).toBe(groups.length);
    }
  });
});
