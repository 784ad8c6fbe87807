// What the solver minimises: licensed cores, cost over the horizon or servers, compared lexicographically with
// the other two as tie-breakers. A set of servers scores by its configurations alone, not by what they hold.
import type { Candidate } from './normalise';

export type ObjectiveName = 'cost' | 'cores' | 'servers';

export function candidateCost(candidate: Candidate): number | null {
  return candidate.pricePerCoreOverHorizon === null ? null : candidate.activeCores * candidate.pricePerCoreOverHorizon;
}

export function score(bins: ReadonlyArray<{ candidate: Candidate }>, objective: ObjectiveName): number[] {
  const cores = bins.reduce((sum, bin) => sum + bin.candidate.activeCores, 0);
  const cost = bins.reduce((sum, bin) => sum + (candidateCost(bin.candidate) ?? Number.POSITIVE_INFINITY), 0);
  if (objective === 'cost') return [cost, cores, bins.length];
  if (objective === 'servers') return [bins.length, cores, cost];
  return [cores, bins.length, cost];
}

export function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let index = 0; index < a.length; index += 1) {
    const x = a[index]!;
    const y = b[index]!;
    if (Math.abs(x - y) > 1e-9) return x < y;
  }
  return false;
}

export function lexCompare(a: readonly number[], b: readonly number[]): number {
  return lexLess(a, b) ? -1 : lexLess(b, a) ? 1 : 0;
}

/**
 * One server's weight in the integer models: the objective's unit, with a small tie-break so that among equal
 * objectives fewer servers (cores, cost) or fewer cores (servers) win. Null when the objective cannot price it.
 */
export function milpWeight(candidate: Candidate, objective: ObjectiveName): number | null {
  if (objective === 'servers') return 1 + candidate.activeCores * 1e-4;
  if (objective === 'cores') return candidate.activeCores + 1e-3;
  const cost = candidateCost(candidate);
  return cost === null ? null : cost * (1 + 1e-6) + 1e-3;
}

/** The primary objective's value of a set of servers (what `milpWeight` sums to, without the tie-breaks). */
export function primary(bins: ReadonlyArray<{ candidate: Candidate }>, objective: ObjectiveName): number {
  return score(bins, objective)[0]!;
}
