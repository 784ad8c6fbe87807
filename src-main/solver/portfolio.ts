// Stage 2, portfolio packing: each candidate configuration on its own, packed by a portfolio of heuristics. Every
// evaluation is a function of its candidate's LPARs alone, so adding candidates to a plan never changes the
// evaluation of the others (the answer can only improve with more choice).
import type { Message } from './message';
import type { Lpar } from './normalise';
import { type Candidate } from './normalise';
import { type ObjectiveName, lexLess, score } from './objective';
import type { ServerBin } from './pack';
import { type PackOrder, type PackSettings, type Strategy, emptyLightServers, pack, sizeKey } from './pack';
import type { Prepared } from './prepare';
import { seededRandom } from './random';

/** Above this many partitions on one candidate, the portfolio is trimmed to keep solves within seconds. */
export const LARGE_PLAN = 3000;
/** Up to this many partitions, every candidate is packed and more orderings are tried. */
export const SMALL_PLAN = 300;

export interface Evaluated {
  candidate: Candidate;
  /** The servers balanced (the same count, each partition on the least-loaded server that fits). */
  bins: ServerBin[];
  /** The same partitions before balancing: tighter servers leave more room to re-pick smaller configurations. */
  packedBins: ServerBin[];
  rejected: Array<{ lpar: Lpar; reason: Message }>;
}

export function placedCount(result: { bins: readonly ServerBin[] }): number {
  return result.bins.reduce((sum, bin) => sum + bin.lpars.length, 0);
}

/** A stable number from a string, so seeded searches depend on the candidate, not on its rank among others. */
export function hashOf(text: string): number {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  return hash >>> 0;
}

/**
 * The quick portfolio on one candidate: first fit and best fit by size, emptied where possible. Thorough (small
 * plans, and the best candidates of larger ones): haGroups first too, and emptying may move a partition aside.
 */
export function quickPack(
  lpars: readonly Lpar[],
  candidate: Candidate,
  settings: PackSettings,
  objective: ObjectiveName,
  thorough = lpars.length <= SMALL_PLAN,
): Evaluated {
  const maxBins = settings.plan.constraints.maxServers ?? Number.POSITIVE_INFINITY;
  const hasGroups = lpars.some((lpar) => lpar.instance.workload.haGroup !== undefined);
  const trials: Array<[Strategy, PackOrder]> =
    lpars.length > LARGE_PLAN
      ? [['first-fit', 'size']]
      : [
          ['first-fit', 'size'],
          ['best-fit', 'size'],
        ];
  if (hasGroups && thorough) trials.push(['first-fit', 'groups-first'], ['best-fit', 'groups-first']);
  let best: Evaluated | null = null;
  for (const [strategy, order] of trials) {
    const result = pack(lpars, candidate, settings, strategy, maxBins, 0, order);
    const bins = emptyLightServers(result.bins, thorough);
    const evaluated: Evaluated = { candidate, bins, packedBins: bins, rejected: result.rejected };
    const fewerRejected = !best || evaluated.rejected.length < best.rejected.length;
    if (
      fewerRejected ||
      (evaluated.rejected.length === best!.rejected.length &&
        lexLess(score(bins, objective), score(best!.bins, objective)))
    )
      best = evaluated;
  }
  return best!;
}

/**
 * Small plans: the partitions in randomly perturbed orders (seeded by the candidate, so an answer repeats) packed
 * into one server fewer than found, worst fit and best fit, until no order fits; tight haGroup plans often need an
 * order no rule gives.
 */
export function fewerServers(
  lpars: readonly Lpar[],
  candidate: Candidate,
  settings: PackSettings,
  found: number,
  tries = lpars.length <= 40 ? 300 : 30,
): ServerBin[] | null {
  const next = seededRandom(hashOf(candidate.key) ^ (lpars.length * 7919 + found));
  const groupSizes = new Map<string, number>();
  for (const lpar of lpars) {
    const group = lpar.instance.workload.haGroup;
    if (group !== undefined) groupSizes.set(group, (groupSizes.get(group) ?? 0) + 1);
  }
  const sizes = lpars.map((lpar) => sizeKey(lpar, candidate, settings.plan));
  let best: ServerBin[] | null = null;
  for (let target = found - 1; target >= 1; target -= 1) {
    let packed: ServerBin[] | null = null;
    for (let attempt = 0; attempt < tries && !packed; attempt += 1) {
      const groupsFirst = next() < 0.5;
      const keys = lpars.map((lpar, index) => ({
        lpar,
        group: groupsFirst ? (groupSizes.get(lpar.instance.workload.haGroup ?? '') ?? 0) : 0,
        size: sizes[index]! * (0.5 + next()),
      }));
      keys.sort((a, b) => b.group - a.group || b.size - a.size);
      const order = keys.map((each) => each.lpar);
      for (const strategy of ['worst-fit', 'best-fit'] as const) {
        const result = pack(order, candidate, settings, strategy, target, target, 'given');
        if (result.rejected.length === 0) {
          packed = result.bins.filter((bin) => bin.lpars.length > 0);
          break;
        }
      }
    }
    if (!packed) break;
    best = packed;
  }
  return best;
}

/** The full portfolio on one candidate: the quick one, then fewer servers by search, then balanced. */
export function packCandidate(
  lpars: Lpar[],
  candidate: Candidate,
  settings: PackSettings,
  objective: ObjectiveName,
  search = lpars.length <= SMALL_PLAN,
): Evaluated {
  let result = quickPack(lpars, candidate, settings, objective);
  if (search && result.rejected.length === 0 && result.bins.length > 1) {
    const fewer = fewerServers(lpars, candidate, settings, result.bins.length);
    if (fewer) result = { ...result, bins: fewer, packedBins: fewer };
  }
  return balance(result, settings);
}

/** The same number of servers, each partition to the least-loaded one that fits (kept only when all fit). */
export function balance(result: Evaluated, settings: PackSettings): Evaluated {
  const placed = result.bins.flatMap((bin) => bin.lpars);
  const balanced = pack(placed, result.candidate, settings, 'worst-fit', result.bins.length, result.bins.length);
  if (balanced.rejected.length > 0 || balanced.bins.length !== result.bins.length) return result;
  return { ...result, bins: balanced.bins, packedBins: result.bins };
}

/**
 * Whether `better` can replace `worse` everywhere: the same cores and no more weight, at least the same limits, and
 * every instance that runs on `worse` runs on `better` needing no more of anything.
 */
export function dominates(better: Candidate, worse: Candidate, prepared: Prepared): boolean {
  if (
    better.activeCores !== worse.activeCores ||
    better.editionName !== worse.editionName ||
    better.generation !== worse.generation
  )
    return false;
  const costs = [better, worse].map((candidate) => candidate.pricePerCoreOverHorizon ?? Number.POSITIVE_INFINITY);
  if (costs[0]! > costs[1]!) return false;
  if (better.maxMemoryGiB !== null && (worse.maxMemoryGiB === null || better.maxMemoryGiB < worse.maxMemoryGiB))
    return false;
  if (better.maxPartitions < worse.maxPartitions || better.nonLinuxCoreShare < worse.nonLinuxCoreShare) return false;
  const [mine, theirs] = [prepared.lparIndex.get(better.key)!, prepared.lparIndex.get(worse.key)!];
  return theirs.every((lpar, index) => {
    if (!lpar) return true;
    const other = mine[index];
    return (
      other !== undefined &&
      other.mode === lpar.mode &&
      other.demandCores <= lpar.demandCores &&
      other.cpuUnits <= lpar.cpuUnits &&
      other.memoryGiB <= lpar.memoryGiB &&
      other.pageTablesGiB <= lpar.pageTablesGiB
    );
  });
}

/** The candidates that run some instance and are not dominated (of two equal ones, the first by key stays). */
export function usefulCandidates(prepared: Prepared): Candidate[] {
  const usable = prepared.candidates.filter(
    (candidate) => (prepared.lparsByCandidate.get(candidate.key)?.length ?? 0) > 0,
  );
  return usable.filter(
    (candidate) =>
      !usable.some(
        (other) =>
          other !== candidate &&
          dominates(other, candidate, prepared) &&
          (!dominates(candidate, other, prepared) || other.key < candidate.key),
      ),
  );
}
