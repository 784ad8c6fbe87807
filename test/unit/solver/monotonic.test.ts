import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Solution } from '../../../src-main/solver/schema';
import { solvePlan } from '../../../src-main/solver/solve';
import { plan, shippedSnapshot } from '../../support/plans';

const catalog = await shippedSnapshot();
const POWER10_MODELS = ['9105-22A', '9105-42A', '9105-41B', '9105-22B', '9786-22H', '9786-42H', '9043-MRX', '9080-HEX'];

/** Random small plans: AIX, Linux and measured POWER8/9 workloads, some dedicated, some in HA pairs, maybe n+1. */
const arbitraryPlan = fc.record({
  workloads: fc.array(
    fc.record({
      rperf: fc.double({ min: 2, max: 250, noNaN: true }),
      measured: fc.boolean(),
      memoryGiB: fc.integer({ min: 4, max: 400 }),
      dedicated: fc.boolean(),
      os: fc.constantFrom('aix' as const, 'linux' as const),
      group: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 8 },
  ),
  redundancy: fc.constantFrom('none' as const, 'n+1' as const),
  subset: fc.subarray(POWER10_MODELS, { minLength: 1 }),
});

const outcome = (solution: Solution) => ({
  placed: solution.servers.reduce(
    (sum, server) => sum + server.partitions.filter((p) => p.role === 'client').length,
    0,
  ),
  cores: solution.totals!.licensedCores,
});

describe('more choice never makes the answer worse', () => {
  it('solving with every Power10 model places as many workloads and licenses no more cores than with a subset', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryPlan, async ({ workloads, redundancy, subset }) => {
        const input = {
          workloads: workloads.map((workload, index) => ({
            name: `w${index}`,
            os: workload.os,
            cpu: workload.measured
              ? {
                  kind: 'measured' as const,
                  cores: Math.max(1, Math.round(workload.rperf / 15)),
                  model: '8286-42A',
                  utilization: 0.6,
                }
              : { kind: 'rperf' as const, rperf: workload.rperf },
            memoryGiB: workload.memoryGiB,
            processorMode: workload.dedicated ? ('dedicated' as const) : ('shared' as const),
            ...(workload.group ? { haGroup: workload.group } : {}),
          })),
        };
        const hooks = { exactSeconds: 20, recombineSeconds: 5 };
        const all = outcome(
          await solvePlan(plan({ ...input, constraints: { generations: ['POWER10'], redundancy } }), catalog, hooks),
        );
        const some = outcome(
          await solvePlan(plan({ ...input, constraints: { models: subset, redundancy } }), catalog, hooks),
        );
        expect(all.placed).toBeGreaterThanOrEqual(some.placed);
        if (all.placed === some.placed) expect(all.cores).toBeLessThanOrEqual(some.cores);
      }),
      { numRuns: 25, seed: 19 },
    );
  });
});
