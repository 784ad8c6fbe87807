import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { snapshotOf } from '../../src-main/catalog';
import { readShippedCatalog } from '../../src-main/platform';
import type { CatalogSnapshot } from '../../src-main/catalog/schema';
import { type PlanFile, type PlanFileInput, PlanFile as PlanSchema } from '../../src-main/plan/schema';
import { repoRoot } from './browser-app';
import { resourcesDir } from './temp';

export async function shippedSnapshot(): Promise<CatalogSnapshot> {
  return snapshotOf(await readShippedCatalog(resourcesDir));
}

/** A plan fixture as its file holds it, not validated: for tests that validate, mutate or migrate it themselves. */
export function fixturePlanInput(name: string): unknown {
  return JSON.parse(readFileSync(join(repoRoot, 'test', 'fixtures', 'plans', `${name}.json`), 'utf8'));
}

export function fixturePlan(name: string): PlanFile {
  return PlanSchema.parse(fixturePlanInput(name));
}

export function plan(input: Omit<PlanFileInput, 'format' | 'version' | 'name'> & { name?: string }): PlanFile {
  return PlanSchema.parse({ format: 'powervm-sizer-plan', version: 2, name: 'test', ...input });
}

/** Small random AIX/Linux plans on one POWER10 model, with haGroups and dedicated partitions. */
export const arbitrarySmallPlan = fc
  .record({
    workloads: fc.array(
      fc.record({
        rperf: fc.double({ min: 1, max: 400, noNaN: true }),
        memoryGiB: fc.integer({ min: 1, max: 600 }),
        dedicated: fc.boolean(),
        os: fc.constantFrom('aix' as const, 'linux' as const),
        group: fc.option(fc.constantFrom('a', 'b'), { nil: undefined }),
        npiv: fc.boolean(),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    redundancy: fc.constantFrom('none' as const, 'n+1' as const),
    vios: fc.constantFrom('dual' as const, 'single' as const, 'none' as const),
    targetCpuUtilization: fc.constantFrom(0.6, 0.7, 0.85),
  })
  .map(({ workloads, redundancy, vios, targetCpuUtilization }) =>
    plan({
      workloads: workloads.map((workload, index) => ({
        name: `w${index}`,
        os: workload.os,
        cpu: { kind: 'rperf', rperf: workload.rperf },
        memoryGiB: workload.memoryGiB,
        processorMode: workload.dedicated ? 'dedicated' : 'shared',
        ...(workload.group ? { haGroup: workload.group } : {}),
        io: { storage: workload.npiv ? 'npiv' : 'vscsi' },
      })),
      constraints: { generations: ['POWER10'], models: ['9105-42A'], redundancy, vios, targetCpuUtilization },
    }),
  );
