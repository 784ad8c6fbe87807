// Seeded instance families for the solver benchmark (after Panigrahy et al.'s classes, adapted to LPARs).
import type { PlanFile, PlanFileInput } from '../../src-main/plan/schema';
import { PlanFile as PlanSchema } from '../../src-main/plan/schema';
import { seededRandom } from '../../src-main/solver/random';

/** The solver's seeded generator, so every run measures the same instances. */
export const random = seededRandom;

type WorkloadInput = PlanFileInput['workloads'][number];
export type Family =
  | 'many-small'
  | 'few-large'
  | 'memory-heavy'
  | 'ibmi-mix'
  | 'anti-affinity'
  | 'n+1'
  | 'mixed-sources'
  | 'migration-n+1'
  | 'dedicated'
  | 'mix-all';
export const FAMILIES: Family[] = [
  'many-small',
  'few-large',
  'memory-heavy',
  'ibmi-mix',
  'anti-affinity',
  'n+1',
  'mixed-sources',
  'migration-n+1',
  'dedicated',
  'mix-all',
];
/** Families sized with n+1 (compared with an independently checked n+1 layout rather than the exact reference). */
export const REDUNDANT_FAMILIES: ReadonlySet<Family> = new Set(['n+1', 'migration-n+1']);

const SOURCE_MODELS = ['8286-42A', '8284-22A', '9009-42A', '9009-22A', '8408-E8E', '9117-MMD', '8205-E6D'];

export function generatePlan(family: Family, size: number, seed = 1): PlanFile {
  const next = random(seed * 1000 + size);
  const between = (low: number, high: number) => low + (high - low) * next();
  const workloads: WorkloadInput[] = [];
  for (let index = 0; index < size; index += 1) {
    const name = `w${index}`;
    switch (family) {
      case 'many-small':
        workloads.push({
          name,
          os: next() < 0.7 ? 'aix' : 'linux',
          cpu: { kind: 'rperf', rperf: between(2, 30) },
          memoryGiB: Math.round(between(4, 64)),
        });
        break;
      case 'few-large':
        workloads.push({
          name,
          os: 'aix',
          cpu: { kind: 'rperf', rperf: between(100, 700) },
          memoryGiB: Math.round(between(128, 1024)),
          processorMode: next() < 0.3 ? 'dedicated' : 'shared',
        });
        break;
      case 'memory-heavy':
        workloads.push({
          name,
          os: 'linux',
          cpu: { kind: 'rperf', rperf: between(5, 40) },
          memoryGiB: Math.round(between(128, 768)),
        });
        break;
      case 'ibmi-mix':
        workloads.push(
          next() < 0.4
            ? {
                name,
                os: 'ibmi',
                cpu: { kind: 'cpw', cpw: Math.round(between(2000, 30000)) },
                memoryGiB: Math.round(between(16, 128)),
              }
            : {
                name,
                os: 'aix',
                cpu: { kind: 'rperf', rperf: between(5, 60) },
                memoryGiB: Math.round(between(8, 128)),
              },
        );
        break;
      case 'anti-affinity':
        workloads.push({
          name,
          os: 'aix',
          cpu: { kind: 'rperf', rperf: between(10, 80) },
          memoryGiB: Math.round(between(16, 256)),
          haGroup: `g${Math.floor(index / 3)}`,
        });
        break;
      case 'n+1':
        workloads.push({
          name,
          os: next() < 0.5 ? 'aix' : 'linux',
          cpu: { kind: 'rperf', rperf: between(5, 60) },
          memoryGiB: Math.round(between(8, 128)),
        });
        break;
      case 'mixed-sources':
        workloads.push({
          name,
          os: 'aix',
          cpu: {
            kind: 'measured',
            cores: Math.ceil(between(1, 12)),
            model: SOURCE_MODELS[Math.floor(next() * SOURCE_MODELS.length)]!,
            utilization: between(0.1, 0.8),
          },
          memoryGiB: Math.round(between(8, 256)),
        });
        break;
      case 'migration-n+1':
        // POWER8/9 estates measured in cores, moving to any Power10 model with dual VIOS and n+1.
        workloads.push({
          name,
          os: next() < 0.7 ? 'aix' : 'linux',
          cpu: {
            kind: 'measured',
            cores: Math.ceil(between(1, 10)),
            model: SOURCE_MODELS[Math.floor(next() * 4)]!,
            utilization: between(0.15, 0.7),
          },
          memoryGiB: Math.round(between(16, 192)),
        });
        break;
      case 'dedicated':
        workloads.push({
          name,
          os: next() < 0.6 ? 'aix' : 'linux',
          cpu: { kind: 'rperf', rperf: between(10, 150) },
          memoryGiB: Math.round(between(16, 256)),
          processorMode: next() < 0.5 ? 'dedicated' : 'shared',
        });
        break;
      case 'mix-all':
        workloads.push(mixAll(name, index, next, between));
        break;
    }
  }
  return PlanSchema.parse({
    format: 'powervm-sizer-plan',
    version: 2,
    name: `${family} ${size}`,
    workloads,
    constraints: {
      generations: family === 'ibmi-mix' ? ['POWER9'] : family === 'mix-all' ? ['POWER9', 'POWER10'] : ['POWER10'],
      redundancy: REDUNDANT_FAMILIES.has(family) ? 'n+1' : 'none',
      growthPerYear: 0.05,
      horizonYears: 3,
    },
  });
}

/** Every kind at once: rPerf, IBM i CPW, measured POWER8/9 cores, dedicated partitions and HA pairs. */
function mixAll(
  name: string,
  index: number,
  next: () => number,
  between: (low: number, high: number) => number,
): WorkloadInput {
  const kind = next();
  const memoryGiB = Math.round(between(8, 192));
  const haGroup = index % 5 < 2 ? { haGroup: `pair${Math.floor(index / 5)}` } : {};
  if (kind < 0.25) return { name, os: 'ibmi', cpu: { kind: 'cpw', cpw: Math.round(between(2000, 25000)) }, memoryGiB };
  if (kind < 0.5)
    return {
      name,
      os: 'aix',
      cpu: {
        kind: 'measured',
        cores: Math.ceil(between(1, 8)),
        model: SOURCE_MODELS[Math.floor(next() * 4)]!,
        utilization: between(0.2, 0.7),
      },
      memoryGiB,
      ...haGroup,
    };
  if (kind < 0.7)
    return { name, os: 'aix', cpu: { kind: 'rperf', rperf: between(10, 120) }, memoryGiB, processorMode: 'dedicated' };
  return {
    name,
    os: next() < 0.5 ? 'aix' : 'linux',
    cpu: { kind: 'rperf', rperf: between(5, 80) },
    memoryGiB,
    ...haGroup,
  };
}
