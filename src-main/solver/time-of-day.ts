// Peaks that do not coincide: a measured workload's 15-minute profile, scaled to its sized demand on a target,
// lets partitions whose busy hours differ share processor capacity (plan constraint peakSharing = 'time-of-day').
// Pure, shared with the renderer's time-of-day chart so both show the same numbers.
import { DAY_SLOTS } from '../common';
import type { Workload } from '../plan';

export const PROFILE_SLOTS = DAY_SLOTS;

/**
 * Demand per 15-minute slot on the target, in cores, of a workload sized at `demandCores`: each slot of its measured
 * profile in proportion to the basis it was sized from (so a p95 basis maps to demandCores), never above demandCores.
 * Null when the workload has no usable profile: none, a zero basis, or a slot without a sample (a day not fully
 * covered says nothing about the missing hours, so that workload is sized flat at its demand).
 */
export function demandProfile(workload: Workload, demandCores: number): Float64Array | null {
  const measurement = workload.measurement;
  const profile = measurement?.profile;
  if (!measurement || !profile || profile.length !== PROFILE_SLOTS || !(measurement.basisCores > 0)) return null;
  if (profile.some((value) => !(value > 0))) return null;
  const scale = demandCores / measurement.basisCores;
  return Float64Array.from(profile, (value) => Math.min(value * scale, demandCores));
}

/** Why a measured workload cannot share by time of day, for the warnings; null when it can or has no measurement. */
export function profileProblem(workload: Workload): string | null {
  const profile = workload.measurement?.profile;
  if (!workload.measurement) return null;
  if (!profile) return 'its measurement has no time-of-day profile';
  if (profile.some((value) => !(value > 0)))
    return `its measurements cover ${profile.filter((value) => value > 0).length} of the 96 quarter-hours of a day`;
  if (!(workload.measurement.basisCores > 0)) return 'its sizing basis is zero cores';
  return null;
}

export function peakOf(slots: ArrayLike<number>): number {
  let peak = 0;
  for (let slot = 0; slot < slots.length; slot += 1) peak = Math.max(peak, slots[slot]!);
  return peak;
}

export function meanOf(slots: ArrayLike<number>): number {
  let sum = 0;
  for (let slot = 0; slot < slots.length; slot += 1) sum += slots[slot]!;
  return slots.length === 0 ? 0 : sum / slots.length;
}
