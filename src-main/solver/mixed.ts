// Stage 3, mixed proposal: servers of different configurations. Each partition on the configuration where it
// weighs least, leftovers of a single-configuration packing onto the others, and every server re-picked to the
// cheapest configuration that holds it.
import { type Candidate, type Instance, type Lpar } from './normalise';
import { type ObjectiveName, candidateCost, lexLess, score } from './objective';
import { type PackSettings, ServerBin, emptyLightServers, pack, sizeKey } from './pack';
import { type Evaluated, LARGE_PLAN, SMALL_PLAN, packCandidate } from './portfolio';
import type { Prepared } from './prepare';

type LparIndex = Map<string, Array<Lpar | undefined>>;

/** The same partitions on the cheapest candidate that holds them all (the server itself when none is cheaper). */
export function repick(bin: ServerBin, candidates: readonly Candidate[], lparIndex: LparIndex, settings: PackSettings, objective: ObjectiveName): ServerBin {
  let best = bin;
  for (const candidate of candidates) {
    if (candidate === bin.candidate) continue;
    // A server's score depends on its configuration alone: skip the ones that cannot win before trying them.
    if (!lexLess(score([{ candidate }], objective), score([best], objective))) continue;
    const moved = rebuild(bin.lpars.map((lpar) => lpar.instance.index), candidate, lparIndex, settings);
    if (moved) best = moved;
  }
  return best;
}

/** A server of `candidate` holding the instances given, or null when they do not all fit. */
export function rebuild(indices: readonly number[], candidate: Candidate, lparIndex: LparIndex, settings: PackSettings): ServerBin | null {
  const byIndex = lparIndex.get(candidate.key)!;
  const bin = new ServerBin(candidate, settings);
  for (const index of indices) {
    const lpar = byIndex[index];
    if (!lpar || !bin.fits(lpar)) return null;
    bin.add(lpar);
  }
  return bin;
}

/** Leftovers of `start` onto the other candidates in turn, then each server re-picked. */
export function finish(start: readonly ServerBin[], prepared: Prepared, order: readonly Candidate[]): ServerBin[] {
  const { instances, plan, settings, objective, lparsByCandidate, lparIndex } = prepared;
  const bins = [...start];
  const names = new Set(bins.flatMap((bin) => bin.lpars.map((lpar) => lpar.instance.index)));
  for (const other of order) {
    const remaining = instances.filter((instance) => !names.has(instance.index));
    if (remaining.length === 0) break;
    const wanted = new Set(remaining);
    const lpars = lparsByCandidate.get(other.key)!.filter((lpar) => wanted.has(lpar.instance));
    const budget = plan.constraints.maxServers === null ? Number.POSITIVE_INFINITY : plan.constraints.maxServers - bins.length;
    if (lpars.length === 0 || budget <= 0) continue;
    const extra = pack(lpars, other, settings, 'best-fit', budget);
    bins.push(...emptyLightServers(extra.bins));
    for (const bin of extra.bins) for (const lpar of bin.lpars) names.add(lpar.instance.index);
  }
  return bins.map((bin) => repick(bin, order, lparIndex, settings, objective));
}

/**
 * Each partition on the configuration where it weighs least for the objective (its share of a server times what
 * that server counts), so a plan whose workloads suit different configurations (IBM i only where CPW is published,
 * AIX where rPerf per core is highest) is not forced onto one. A group too small to fill one server joins its
 * partitions' next best configuration among the others in use. Null when it does not apply.
 */
export function mixedProposal(prepared: Prepared, ranked: readonly Candidate[]): ServerBin[] | null {
  const { instances, plan, settings, objective, lparIndex } = prepared;
  if (ranked.length < 2) return null;
  const choices = weightedChoices(instances, ranked, lparIndex, plan, objective);
  const groups = new Map<Candidate, Instance[]>();
  const join = (instance: Instance, candidate: Candidate) => groups.set(candidate, [...(groups.get(candidate) ?? []), instance]);
  for (const [instance, options] of choices) join(instance, options[0]!);
  const fill = (candidate: Candidate) => groups.get(candidate)!.reduce((sum, instance) => sum + sizeKey(lparIndex.get(candidate.key)![instance.index]!, candidate, plan), 0);
  for (;;) {
    const small = [...groups.keys()].filter((candidate) => fill(candidate) < 1).sort((a, b) => fill(a) - fill(b));
    const movable = (candidate: Candidate) => groups.get(candidate)!.every((instance) => choices.get(instance)!.some((option) => option !== candidate && groups.has(option)));
    const moved = small.find(movable);
    if (!moved || groups.size < 2) break;
    const members = groups.get(moved)!;
    groups.delete(moved);
    for (const instance of members) join(instance, choices.get(instance)!.find((option) => groups.has(option))!);
  }
  if (groups.size < 2) return null;
  const bins: ServerBin[] = [];
  for (const [candidate, members] of groups) {
    const lpars = members.map((instance) => lparIndex.get(candidate.key)![instance.index]!);
    const packed = packCandidate(lpars, candidate, settings, objective).packedBins;
    bins.push(...(lpars.length > SMALL_PLAN && lpars.length <= LARGE_PLAN ? emptyLightServers(packed, true) : packed));
  }
  return bins.length <= (plan.constraints.maxServers ?? Number.POSITIVE_INFINITY) ? bins : null;
}

/** Per instance, the candidates in order of its weight there (within 1 % the better-ranked one first). */
function weightedChoices(instances: readonly Instance[], ranked: readonly Candidate[], lparIndex: LparIndex, plan: Prepared['plan'], objective: ObjectiveName) {
  const weight = (candidate: Candidate) => (objective === 'servers' ? 1 : objective === 'cost' ? (candidateCost(candidate) ?? Number.POSITIVE_INFINITY) : candidate.activeCores);
  const rank = new Map(ranked.map((candidate, index) => [candidate, index]));
  const choices = new Map<Instance, Candidate[]>();
  for (const instance of instances) {
    const options = ranked.flatMap((candidate) => {
      const lpar = lparIndex.get(candidate.key)![instance.index];
      return lpar ? [{ candidate, weight: sizeKey(lpar, candidate, plan) * weight(candidate) }] : [];
    });
    const close = (a: number, b: number) => Math.abs(a - b) <= 0.01 * Math.min(a, b);
    options.sort((a, b) => (close(a.weight, b.weight) ? rank.get(a.candidate)! - rank.get(b.candidate)! : a.weight - b.weight));
    if (options.length > 0) choices.set(instance, options.map((option) => option.candidate));
  }
  return choices;
}

/** Of two layouts, the one that places more, then scores better. */
export function betterLayout(a: readonly ServerBin[], b: readonly ServerBin[], objective: ObjectiveName): boolean {
  const placed = (bins: readonly ServerBin[]) => bins.reduce((sum, bin) => sum + bin.lpars.length, 0);
  return placed(a) > placed(b) || (placed(a) === placed(b) && lexLess(score(a, objective), score(b, objective)));
}

export type { Evaluated };
