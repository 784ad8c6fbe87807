// Processor rules of PowerVM. Sources are the ids of ../shared/reference/powervm-rules.md, section 0.
import type { Generation } from '../catalog';

/** Entitlement granularity: 0.01 processing units [P] S1, S8. */
export const PROCESSING_UNIT_STEP = 0.01;
/** A virtual processor carries at most 1.00 processing unit [P] S10. */
export const MAX_UNITS_PER_VIRTUAL_PROCESSOR = 1;
/** Partitions per server: "You can create a maximum of 1000 LPARs on a server" [P] S1 (model dependent). */
export const MAX_PARTITIONS_PER_SERVER = 1000;
/** Micro-partitions per active core (POWER7+ and later) [P] S6. */
export const MICRO_PARTITIONS_PER_CORE = 20;

/** Minimum entitlement per shared partition and per virtual processor: 0.05 from POWER7+, 0.10 before [P] S1, S6, S8. */
export function minimumEntitlement(generation: Generation): number {
  return generation === 'POWER7' ? 0.1 : 0.05;
}

/**
 * Maximum virtual processors per partition: 128 on E870/E880/E870C/E880C/E980/E1080, 64 on the others [P] S1 2.1.3
 * (POWER8 to Power10). E870C/E880C are 9080-MME/9080-MHE.
 */
const MODELS_WITH_128_VPS = new Set(['9119-MME', '9119-MHE', '9080-MME', '9080-MHE', '9080-M9S', '9080-HEX']);
export function maxVirtualProcessors(modelId: string): number {
  return MODELS_WITH_128_VPS.has(modelId) ? 128 : 64;
}

/**
 * The limit with a flag saying whether it is published: IBM's statement covers POWER8 to Power10 only, so for Power11
 * (E1180 included) the 64 of the other models is an assumption [U] and the report says so (review 2026-12, section 1).
 */
export function virtualProcessorLimit(modelId: string, generation: Generation): { max: number; assumed: boolean } {
  return { max: maxVirtualProcessors(modelId), assumed: generation === 'POWER11' };
}

/** Round up to the 0.01 step without floating-point creep (0.29 must not become 0.30). */
export function roundUpToStep(value: number, step = PROCESSING_UNIT_STEP): number {
  const units = Math.ceil(value / step - 1e-9);
  // The nearest double to the two-decimal value, as Number(toFixed(2)) gives, without formatting a string (hot path).
  return Math.round(units * step * 100) / 100;
}

/**
 * Entitled capacity for a demand in cores at the target utilisation, at least the minimum [P] S1. The HMC takes
 * 0.01 steps, but IBM's Ansible collection (powervm_lpar_instance) refuses units that are not a multiple of the
 * system's MinimumProcessorUnitsPerVirtualProcessor (0.05, POWER7 0.10): sizing in those steps makes the sized
 * entitlement the one every deployment export can create, so the servers' entitlement sums stay as checked.
 */
export function entitledCapacity(coresNeeded: number, generation: Generation): number {
  const step = minimumEntitlement(generation);
  return Math.max(step, roundUpToStep(coresNeeded, step));
}

/**
 * Virtual processors of a shared partition: at least ceil(EC), since a VP carries at most 1.00 PU [D] from S10;
 * at most EC / minimum per VP (20 x EC) [D] S1/S6/S7, the model's maximum [P] S1, and the cores of the pool [practice].
 * We propose the minimum, so the licence boundary of an uncapped partition (min(VP, pool)) stays close to its EC.
 */
export function virtualProcessors(
  ec: number,
  generation: Generation,
  modelId: string,
  poolCores: number,
): { proposed: number; min: number; max: number } {
  const min = Math.ceil(ec / MAX_UNITS_PER_VIRTUAL_PROCESSOR - 1e-9);
  const max = Math.min(
    Math.floor(ec / minimumEntitlement(generation) + 1e-9),
    maxVirtualProcessors(modelId),
    poolCores,
  );
  return { proposed: Math.min(Math.max(min, 1), Math.max(max, 1)), min, max };
}

/** Dedicated partitions take whole cores, at least one [P] S1 2.1.1. */
export function dedicatedCores(coresNeeded: number): number {
  return Math.max(1, Math.ceil(coresNeeded - 1e-9));
}
