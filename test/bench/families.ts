// Seeded instance families for the solver benchmark (after Panigrahy et al.'s classes, adapted to LPARs).
import type { PlanFile, PlanFileInput } from '../../src-main/plan/schema';
import { PlanFile as PlanSchema } from '../../src-main/plan/schema';
import { seededRandom } from '../../src-main/solver/random';

/** The solver's seeded generator, so every run measures the same instances. */
export const random = seededRandom;

type WorkloadInput = PlanFileInput['workloads'][number];
export type Family = 'many-small' | 'few-large' | 'memory-heavy' | 'ibmi-mix' | 'anti-affinity' | 'n+1' | 'mixed-sources';
export const FAMILIES: Family[] = ['many-small', 'few-large', 'memory-heavy', 'ibmi-mix', 'anti-affinity', 'n+1', 'mixed-sources'];

const SOURCE_MODELS = ['8286-42A', '8284-22A', '9009-42A', '9009-22A', '8408-E8E', '9117-MMD', '8205-E6D'];

export function generatePlan(family: Family, size: number, seed = 1): PlanFile {
  const next = random(seed * 1000 + size);
  const between = (low: number, high: number) => low + (high - low) * next();
  const workloads: WorkloadInput[] = [];
  for (let index = 0; index < size; index += 1) {
    const name = `w${index}`;
    switch (family) {
      case 'many-small':
        workloads.push({ name, os: next() < 0.7 ? 'aix' : 'linux', cpu: { kind: 'rperf', rperf: between(2, 30) }, memoryGiB: Math.round(between(4, 64)) });
        break;
      case 'few-large':
        workloads.push({ name, os: 'aix', cpu: { kind: 'rperf', rperf: between(100, 700) }, memoryGiB: Math.round(between(128, 1024)), processorMode: next() < 0.3 ? 'dedicated' : 'shared' });
        break;
      case 'memory-heavy':
        workloads.push({ name, os: 'linux', cpu: { kind: 'rperf', rperf: between(5, 40) }, memoryGiB: Math.round(between(128, 768)) });
        break;
      case 'ibmi-mix':
        workloads.push(next() < 0.4 ? { name, os: 'ibmi', cpu: { kind: 'cpw', cpw: Math.round(between(2000, 30000)) }, memoryGiB: Math.round(between(16, 128)) } : { name, os: 'aix', cpu: { kind: 'rperf', rperf: between(5, 60) }, memoryGiB: Math.round(between(8, 128)) });
        break;
      case 'anti-affinity':
        workloads.push({ name, os: 'aix', cpu: { kind: 'rperf', rperf: between(10, 80) }, memoryGiB: Math.round(between(16, 256)), haGroup: `g${Math.floor(index / 3)}` });
        break;
      case 'n+1':
        workloads.push({ name, os: next() < 0.5 ? 'aix' : 'linux', cpu: { kind: 'rperf', rperf: between(5, 60) }, memoryGiB: Math.round(between(8, 128)) });
        break;
      case 'mixed-sources':
        workloads.push({ name, os: 'aix', cpu: { kind: 'measured', cores: Math.ceil(between(1, 12)), model: SOURCE_MODELS[Math.floor(next() * SOURCE_MODELS.length)]!, utilization: between(0.1, 0.8) }, memoryGiB: Math.round(between(8, 256)) });
        break;
    }
  }
  return PlanSchema.parse({
    format: 'powervm-sizer-plan',
    version: 2,
    name: `${family} ${size}`,
    workloads,
    constraints: {
      generations: family === 'ibmi-mix' ? ['POWER9'] : ['POWER10'],
      redundancy: family === 'n+1' ? 'n+1' : 'none',
      growthPerYear: 0.05,
      horizonYears: 3,
    },
  });
}
