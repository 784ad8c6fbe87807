import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CatalogSnapshot } from '../../../src-main/catalog/schema';
import type { PlanFile } from '../../../src-main/plan/schema';
import { minimumEntitlement } from '../../../src-main/powervm';
import { expandInstances } from '../../../src-main/solver/normalise';
import { prepare } from '../../../src-main/solver/prepare';
import { ServerBin, viosCountOf } from '../../../src-main/solver/pack';
import { Solution } from '../../../src-main/solver/schema';
import { solvePlan } from '../../../src-main/solver/solve';
import { arbitrarySmallPlan, shippedSnapshot } from '../../support/plans';

const catalog: CatalogSnapshot = await shippedSnapshot();

function checkInvariants(plan: PlanFile, solution: Solution): void {
  Solution.parse(solution);
  const { constraints } = plan;
  const expected = expandInstances(plan)
    .map((instance) => instance.name)
    .sort();
  const placed = solution.servers.flatMap((server) =>
    server.partitions.filter((p) => p.role === 'client').map((p) => p.workload!),
  );
  // Every workload instance is placed exactly once, or listed as unplaced with a reason.
  expect([...placed, ...solution.unplaced.map((u) => u.name)].sort()).toEqual(expected);
  for (const unplaced of solution.unplaced) expect(unplaced.reason.code).toMatch(/^solver\.unplaced\./);
  for (const server of solution.servers) {
    const units = server.partitions.reduce((sum, p) => sum + (p.entitledCapacity ?? 0) + (p.dedicatedCores ?? 0), 0);
    expect(units).toBeLessThanOrEqual(server.cores.active + 1e-6);
    expect(server.utilization.cpu).toBeLessThanOrEqual(constraints.targetCpuUtilization + 1e-6);
    expect(server.utilization.memory).toBeLessThanOrEqual(constraints.targetMemoryUtilization + 1e-6);
    const memory = server.partitions.reduce((sum, p) => sum + p.memoryGiB, 0) + server.hypervisorMemoryGiB;
    expect(memory).toBeLessThanOrEqual(server.memoryGiB * constraints.targetMemoryUtilization + 1e-6);
    expect(server.partitions.filter((p) => p.role === 'vios')).toHaveLength(viosCountOf(plan));
    for (const partition of server.partitions) {
      expect(partition.memoryGiB * 4).toBe(Math.round(partition.memoryGiB * 4)); // whole 256 MB blocks
      if (partition.mode === 'shared') {
        const ec = partition.entitledCapacity!;
        expect(ec).toBeGreaterThanOrEqual(minimumEntitlement(server.generation));
        expect(Math.round(ec * 100)).toBeCloseTo(ec * 100, 6);
        expect(partition.virtualProcessors!).toBeGreaterThanOrEqual(Math.ceil(ec - 1e-9));
        expect(partition.virtualProcessors!).toBeLessThanOrEqual(Math.floor(ec / 0.05 + 1e-9));
      } else {
        expect(Number.isInteger(partition.dedicatedCores)).toBe(true);
        expect(partition.dedicatedCores!).toBeGreaterThanOrEqual(1);
      }
    }
    // Anti-affinity: no two members of one haGroup on a server.
    const groups = server.partitions
      .filter((p) => p.role === 'client')
      .map((p) => plan.workloads.find((w) => w.name === p.workload)?.haGroup)
      .filter(Boolean);
    expect(new Set(groups).size).toBe(groups.length);
  }
  if (constraints.redundancy === 'n+1' && solution.servers.length > 0 && solution.failover) {
    for (const server of solution.servers) {
      const moves = solution.failover[server.id]!;
      const clients = server.partitions.filter((p) => p.role === 'client').map((p) => p.name);
      expect(Object.keys(moves).sort()).toEqual(clients.sort());
      for (const survivor of Object.values(moves)) expect(survivor).not.toBe(server.id);
    }
  }
}

describe('solver properties', () => {
  it('never overcommits a server, keeps every LPAR within the rules, and keeps haGroups and n+1', async () => {
    await fc.assert(
      fc.asyncProperty(arbitrarySmallPlan, async (plan) => {
        const solution = await solvePlan(plan, catalog, { exactLimit: 0 });
        checkInvariants(plan, solution);
        // The bounds are bounds: no answer beats them.
        if (solution.unplaced.length === 0 && solution.servers.length > 0) {
          expect(solution.bounds.serversLowerBound).toBeLessThanOrEqual(solution.servers.length);
          expect(solution.bounds.coresLowerBound).toBeLessThanOrEqual(solution.totals!.licensedCores + 1e-6);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('places every workload that fits an empty server of some candidate (no server limit)', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitrarySmallPlan.filter((plan) => plan.constraints.redundancy === 'none' && plan.workloads.length <= 6),
        async (plan) => {
          const solution = await solvePlan(plan, catalog, { exactSeconds: 2 });
          const prepared = prepare(plan, catalog);
          for (const instance of prepared.instances) {
            const fits = prepared.candidates.some((candidate) => {
              const lpar = prepared.lparIndex.get(candidate.key)![instance.index];
              return lpar !== undefined && new ServerBin(candidate, prepared.settings).fits(lpar);
            });
            if (fits) expect(solution.unplaced.map((entry) => entry.name)).not.toContain(instance.name);
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
