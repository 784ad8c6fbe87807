import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Workload } from '../../../src-main/plan/schema';
import { solvePlan } from '../../../src-main/solver/solve';
import type { Solution } from '../../../src-main/solver/schema';
import { demandProfile, peakOf } from '../../../src-main/solver/time-of-day';
import { plan, shippedSnapshot } from '../../support/plans';

const catalog = await shippedSnapshot();

/** A day with one busy spell around `peakHour`: `base` cores all day, `base + burst` at the peak. */
function dayProfile(peakHour: number, base: number, burst: number): number[] {
  return Array.from({ length: 96 }, (_, slot) => {
    const hours = Math.min(Math.abs(slot / 4 - peakHour), 24 - Math.abs(slot / 4 - peakHour));
    return Number((base + burst * Math.exp(-(hours * hours) / 4)).toFixed(4));
  });
}

function measured(name: string, rperf: number, profile: number[], extra: Partial<Workload> = {}) {
  return {
    name,
    os: 'aix' as const,
    cpu: { kind: 'rperf' as const, rperf },
    memoryGiB: 32,
    measurement: {
      source: 'nmon' as const,
      file: `${name}.nmon`,
      basis: 'peak' as const,
      basisCores: Math.max(...profile),
      headroom: 0,
      samples: 288,
      confidence: 'high' as const,
      confidenceReasons: [],
      profile,
    },
    ...extra,
  };
}

/** Re-checks a solution against the plan: every server's busiest quarter-hour, VIOS included, under the target. */
function busiestQuarterHours(
  solution: Solution,
  workloads: readonly Workload[],
): Array<{ server: string; peak: number; capacity: number; entitled: number; cores: number }> {
  const target = 0.7;
  return solution.servers.map((server) => {
    const slots = new Array<number>(96).fill(0);
    let entitled = 0;
    for (const partition of server.partitions) {
      entitled += partition.entitledCapacity ?? partition.dedicatedCores ?? 0;
      const workload = workloads.find((each) => each.name === partition.workload);
      const profile = workload && partition.mode === 'shared' ? demandProfile(workload, partition.demandCores) : null;
      for (let slot = 0; slot < 96; slot += 1) slots[slot]! += profile ? profile[slot]! : partition.demandCores;
    }
    return {
      server: server.id,
      peak: peakOf(slots),
      capacity: target * server.cores.active,
      entitled,
      cores: server.cores.active,
    };
  });
}

describe('sharing capacity by time of day', () => {
  const hours = [2, 5, 8, 11, 14, 17, 20, 23];
  const workloads = hours.map((hour, index) => measured(`app${index + 1}`, 60, dayProfile(hour, 0.4, 3.6)));

  it('packs partitions whose peaks do not coincide onto fewer cores, with every quarter-hour under the target', async () => {
    const summed = await solvePlan(plan({ workloads, constraints: { vios: 'none', peakSharing: 'none' } }), catalog, {
      exactLimit: 0,
    });
    const shared = await solvePlan(
      plan({ workloads, constraints: { vios: 'none', peakSharing: 'time-of-day' } }),
      catalog,
      { exactLimit: 0 },
    );
    expect(shared.unplaced).toEqual([]);
    expect(shared.totals!.licensedCores).toBeLessThan(summed.totals!.licensedCores);
    const parsed = plan({ workloads, constraints: { peakSharing: 'time-of-day' } }).workloads;
    for (const server of busiestQuarterHours(shared, parsed)) {
      expect(server.peak).toBeLessThanOrEqual(server.capacity + 1e-6);
      expect(server.entitled).toBeLessThanOrEqual(server.cores + 1e-6);
    }
    for (const server of shared.servers) {
      expect(server.timeOfDay?.demandCores).toHaveLength(96);
      expect(server.timeOfDay!.combinedPeakCores).toBeLessThan(server.timeOfDay!.sumOfPeaksCores);
      expect(server.utilization.cpu).toBeCloseTo(server.timeOfDay!.combinedPeakCores / server.cores.active, 3);
    }
    expect(shared.warnings.some((line) => line.code === 'solver.time-of-day-sharing' && line.params.count === 8)).toBe(
      true,
    );
    expect(shared.bounds.coresLowerBound).toBeLessThanOrEqual(shared.totals!.licensedCores);
  });

  it('entitles a sharing partition to its mean demand, with the virtual processors of its peak', async () => {
    const solution = await solvePlan(
      plan({ workloads: workloads.slice(0, 1), constraints: { vios: 'none', peakSharing: 'time-of-day' } }),
      catalog,
      { exactLimit: 0 },
    );
    const partition = solution.servers[0]!.partitions.find((each) => each.role === 'client')!;
    const unshared = await solvePlan(
      plan({ workloads: workloads.slice(0, 1), constraints: { vios: 'none' } }),
      catalog,
      { exactLimit: 0 },
    );
    const alone = unshared.servers[0]!.partitions.find((each) => each.role === 'client')!;
    expect(partition.entitledCapacity!).toBeLessThan(alone.entitledCapacity!);
    expect(partition.virtualProcessors!).toBeGreaterThanOrEqual(Math.ceil(partition.demandCores / 0.7 - 1e-9));
    // At most 20 virtual processors per processing unit (0.05 minimum per VP on POWER10).
    expect(partition.virtualProcessors! * 0.05).toBeLessThanOrEqual(partition.entitledCapacity! + 1e-9);
    expect(partition.explanation?.[0]?.code).toBe('solver.partition.time-of-day');
  });

  it('sizes a workload whose day is not fully covered, and dedicated partitions, at their peak and says so', async () => {
    const partial = dayProfile(3, 0.4, 3.6).map((value, slot) => (slot < 48 ? value : 0));
    const input = [
      measured('half-day', 60, partial),
      measured('dedicated', 60, dayProfile(15, 0.4, 3.6), { processorMode: 'dedicated' }),
    ];
    const solution = await solvePlan(
      plan({ workloads: input, constraints: { vios: 'none', peakSharing: 'time-of-day' } }),
      catalog,
      { exactLimit: 0 },
    );
    expect(solution.warnings).toContainEqual({
      code: 'solver.sized-at-peak',
      params: { count: 1, workloads: 'half-day' },
    });
    for (const server of solution.servers)
      expect(server.timeOfDay!.combinedPeakCores).toBeCloseTo(server.timeOfDay!.sumOfPeaksCores, 3);
  });

  it('never overcommits a quarter-hour or the entitlement, whatever the profiles', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            hour: fc.integer({ min: 0, max: 23 }),
            base: fc.double({ min: 0.05, max: 2, noNaN: true }),
            burst: fc.double({ min: 0, max: 6, noNaN: true }),
            rperf: fc.double({ min: 5, max: 300, noNaN: true }),
            dedicated: fc.boolean(),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        fc.constantFrom('dual' as const, 'none' as const),
        async (specs, vios) => {
          const input = specs.map((spec, index) =>
            measured(
              `w${index}`,
              spec.rperf,
              dayProfile(spec.hour, spec.base, spec.burst),
              spec.dedicated ? { processorMode: 'dedicated' } : {},
            ),
          );
          const shared = plan({ workloads: input, constraints: { vios, peakSharing: 'time-of-day' } });
          const solution = await solvePlan(shared, catalog, { exactLimit: 0 });
          expect(solution.unplaced).toEqual([]);
          for (const server of busiestQuarterHours(solution, shared.workloads)) {
            expect(server.peak).toBeLessThanOrEqual(server.capacity + 1e-6);
            expect(server.entitled).toBeLessThanOrEqual(server.cores + 1e-6);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
