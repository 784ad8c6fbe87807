// Stage 3, mixed proposal: servers of different configurations. Each partition on the configuration where it
// weighs least, leftovers of a single-configuration packing onto the others, and every server re-picked to the
// cheapest configuration that holds it.
import { type Candidate, type Instance, type Lpar } from './normalise';
import { type ObjectiveName, candidateCost, lexLess, score } from './objective';
import { type PackSettings, ServerBin, emptyLightServers, pack, sizeKey } from './pack';
import { type Evaluated, LARGE_PLAN, SMALL_PLAN, packCandidate, quickPack } from './portfolio';
import type { Prepared } from './prepare';

type LparIndex = Map<string, Array<Lpar | undefined>>;

/** The same partitions on the cheapest candidate that holds them all (the server itself when none is cheaper). */
export function repick(
  bin: ServerBin,
  candidates: readonly Candidate[],
  lparIndex: LparIndex,
  settings: PackSettings,
  objective: ObjectiveName,
): ServerBin {
  let best = bin;
  for (const candidate of candidates) {
    if (candidate === bin.candidate) continue;
    // A server's score depends on its configuration alone: skip the ones that cannot win before trying them.
    if (!lexLess(score([{ candidate }], objective), score([best], objective))) continue;
    const moved = rebuild(
      bin.lpars.map((lpar) => lpar.instance.index),
      candidate,
      lparIndex,
      settings,
    );
    if (moved) best = moved;
  }
  return best;
}

/** A server of `candidate` holding the instances given, or null when they do not all fit. */
export function rebuild(
  indices: readonly number[],
  candidate: Candidate,
  lparIndex: LparIndex,
  settings: PackSettings,
): ServerBin | null {
  const byIndex = lparIndex.get(candidate.key)!;
  const bin = new ServerBin(candidate, settings);
  for (const index of indices) {
    const lpar = byIndex[index];
    if (!lpar || !bin.fits(lpar)) return null;
    bin.add(lpar);
  }
  return bin;
}

/**
 * Leftovers of `start` onto the other candidates in turn, then each server re-picked among `repickFrom` (on large
 * plans every useful configuration, not only the shortlist: the last, light server is often best on a small one).
 */
export function finish(
  start: readonly ServerBin[],
  prepared: Prepared,
  order: readonly Candidate[],
  repickFrom: readonly Candidate[] = order,
): ServerBin[] {
  const { instances, plan, settings, objective, lparsByCandidate, lparIndex } = prepared;
  const bins = [...start];
  const names = new Set(bins.flatMap((bin) => bin.lpars.map((lpar) => lpar.instance.index)));
  for (const other of order) {
    const remaining = instances.filter((instance) => !names.has(instance.index));
    if (remaining.length === 0) break;
    const wanted = new Set(remaining);
    const lpars = lparsByCandidate.get(other.key)!.filter((lpar) => wanted.has(lpar.instance));
    const budget =
      plan.constraints.maxServers === null ? Number.POSITIVE_INFINITY : plan.constraints.maxServers - bins.length;
    if (lpars.length === 0 || budget <= 0) continue;
    const extra = pack(lpars, other, settings, 'best-fit', budget);
    bins.push(...emptyLightServers(extra.bins));
    for (const bin of extra.bins) for (const lpar of bin.lpars) names.add(lpar.instance.index);
  }
  return bins.map((bin) => repick(bin, repickFrom, lparIndex, settings, objective));
}

/**
 * Each partition on the configuration where it weighs least for the objective (its share of a server times what
 * that server counts), so a plan whose workloads suit different configurations (IBM i only where CPW is published,
 * AIX where rPerf per core is highest) is not forced onto one. A group too small to fill one server joins its
 * partitions' next best configuration among the others in use. Null when it does not apply.
 */
export function mixedProposal(prepared: Prepared, ranked: readonly Candidate[], quick = false): ServerBin[] | null {
  const { instances, plan, settings, objective, lparIndex } = prepared;
  if (ranked.length < 2) return null;
  const choices = weightedChoices(instances, ranked, lparIndex, plan, objective);
  const groups = new Map<Candidate, Instance[]>();
  const join = (instance: Instance, candidate: Candidate) =>
    groups.set(candidate, [...(groups.get(candidate) ?? []), instance]);
  for (const [instance, options] of choices) join(instance, options[0]!);
  const fill = (candidate: Candidate) =>
    groups
      .get(candidate)!
      .reduce((sum, instance) => sum + sizeKey(lparIndex.get(candidate.key)![instance.index]!, candidate, plan), 0);
  for (;;) {
    const small = [...groups.keys()].filter((candidate) => fill(candidate) < 1).sort((a, b) => fill(a) - fill(b));
    const movable = (candidate: Candidate) =>
      groups
        .get(candidate)!
        .every((instance) => choices.get(instance)!.some((option) => option !== candidate && groups.has(option)));
    const moved = small.find(movable);
    if (!moved || groups.size < 2) break;
    const members = groups.get(moved)!;
    groups.delete(moved);
    for (const instance of members)
      join(
        instance,
        choices.get(instance)!.find((option) => groups.has(option))!,
      );
  }
  if (groups.size < 2) return null;
  const bins: ServerBin[] = [];
  for (const [candidate, members] of groups) {
    const lpars = members.map((instance) => lparIndex.get(candidate.key)![instance.index]!);
    const packed = (
      quick ? quickPack(lpars, candidate, settings, objective) : packCandidate(lpars, candidate, settings, objective)
    ).packedBins;
    bins.push(...(lpars.length > SMALL_PLAN && lpars.length <= LARGE_PLAN ? emptyLightServers(packed, true) : packed));
  }
  return bins.length <= (plan.constraints.maxServers ?? Number.POSITIVE_INFINITY) ? bins : null;
}

/** Per instance, the candidates in order of its weight there (within 1 % the better-ranked one first). */
function weightedChoices(
  instances: readonly Instance[],
  ranked: readonly Candidate[],
  lparIndex: LparIndex,
  plan: Prepared['plan'],
  objective: ObjectiveName,
) {
  const weight = (candidate: Candidate) =>
    objective === 'servers'
      ? 1
      : objective === 'cost'
        ? (candidateCost(candidate) ?? Number.POSITIVE_INFINITY)
        : candidate.activeCores;
  const rank = new Map(ranked.map((candidate, index) => [candidate, index]));
  const choices = new Map<Instance, Candidate[]>();
  for (const instance of instances) {
    const options = ranked.flatMap((candidate) => {
      const lpar = lparIndex.get(candidate.key)![instance.index];
      return lpar ? [{ candidate, weight: sizeKey(lpar, candidate, plan) * weight(candidate) }] : [];
    });
    const close = (a: number, b: number) => Math.abs(a - b) <= 0.01 * Math.min(a, b);
    options.sort((a, b) =>
      close(a.weight, b.weight) ? rank.get(a.candidate)! - rank.get(b.candidate)! : a.weight - b.weight,
    );
    if (options.length > 0)
      choices.set(
        instance,
        options.map((option) => option.candidate),
      );
  }
  return choices;
}

/** Of two layouts, the one that places more, then scores better. */
export function betterLayout(a: readonly ServerBin[], b: readonly ServerBin[], objective: ObjectiveName): boolean {
  const placed = (bins: readonly ServerBin[]) => bins.reduce((sum, bin) => sum + bin.lpars.length, 0);
  return placed(a) > placed(b) || (placed(a) === placed(b) && lexLess(score(a, objective), score(b, objective)));
}

export type { Evaluated };

/**
 * First fit decreasing over every configuration at once: each partition onto the first server (of any
 * configuration) that takes it, else onto a new server of `first` when it holds it alone, else of the smallest
 * configuration that does; then every server re-picked. Plain, and strong where no single configuration suits all.
 */
export function firstFitMixed(
  prepared: Prepared,
  candidates: readonly Candidate[],
  first: Candidate | null = null,
  by: 'share' | 'processor' = 'share',
  noise?: () => number,
): ServerBin[] {
  const { instances, lparIndex, settings, plan } = prepared;
  // Decreasing by the largest share of a server anywhere (processor and memory), or by processor share alone.
  const share = (index: number) =>
    Math.max(
      0,
      ...candidates.map((candidate) => {
        const lpar = lparIndex.get(candidate.key)![index];
        return !lpar ? 0 : by === 'share' ? sizeKey(lpar, candidate, plan) : lpar.demandCores / candidate.activeCores;
      }),
    );
  // With `noise`, each size is scaled at random (a perturbed order for the search).
  const keys = new Map(
    instances.map((instance) => [instance.index, share(instance.index) * (noise ? 0.6 + 0.8 * noise() : 1)]),
  );
  const order = instances.map((instance) => instance.index).sort((a, b) => keys.get(b)! - keys.get(a)! || a - b);
  const bySize = [
    ...(first ? [first] : []),
    ...[...candidates].sort(
      (a, b) => a.activeCores - b.activeCores || (candidateCost(a) ?? 0) - (candidateCost(b) ?? 0),
    ),
  ];
  const bins: ServerBin[] = [];
  const limit = plan.constraints.maxServers ?? Number.POSITIVE_INFINITY;
  for (const index of order) {
    const host = bins.find((bin) => {
      const lpar = lparIndex.get(bin.candidate.key)![index];
      return lpar !== undefined && bin.fits(lpar);
    });
    const fresh = host
      ? null
      : bySize
          .map((candidate) => ({ candidate, lpar: lparIndex.get(candidate.key)![index] }))
          .find(({ candidate, lpar }) => lpar && new ServerBin(candidate, settings).fits(lpar));
    if (!host && (!fresh || bins.length >= limit)) continue;
    const bin = host ?? new ServerBin(fresh!.candidate, settings);
    if (!host) bins.push(bin);
    bin.add(lparIndex.get(bin.candidate.key)![index]!);
  }
  return bins.map((bin) => repick(bin, candidates, lparIndex, settings, prepared.objective));
}

/** Pairs of servers re-packed only up to this many servers in the answer (each pair tries pairs of configurations). */
const PAIR_LIMIT = 40;

/**
 * Work counted in partitions placed, so a search stops at the same point on any machine; the milliseconds are a
 * backstop for a machine far slower than expected, and say so when they stop it (the answer may then differ).
 */
export class WorkBudget {
  private left: number;
  private readonly deadline: number;
  stoppedByClock = false;

  constructor(placements: number, backstopMs: number) {
    this.left = placements;
    this.deadline = performance.now() + backstopMs;
  }

  spend(placements: number): void {
    this.left -= placements;
  }

  get exhausted(): boolean {
    if (this.left <= 0) return true;
    if (performance.now() > this.deadline) this.stoppedByClock = true;
    return this.stoppedByClock;
  }
}

/**
 * Two servers at a time, re-packed onto one or two cheaper servers of any configurations (first fit, largest
 * first): the last, partly filled servers of a packing often combine better than any single re-pick finds.
 */
export function improvePairs(
  start: readonly ServerBin[],
  prepared: Prepared,
  candidates: readonly Candidate[],
  budget = new WorkBudget(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY),
): ServerBin[] {
  const { objective } = prepared;
  let bins = [...start];
  if (bins.length > PAIR_LIMIT) return bins;
  const weight = (candidate: Candidate) => score([{ candidate }], objective);
  const byWeight = [...candidates].sort((a, b) =>
    lexLess(weight(a), weight(b)) ? -1 : lexLess(weight(b), weight(a)) ? 1 : 0,
  );
  for (let round = 0; round < 8 && !budget.exhausted; round += 1) {
    const found = bestPairMove(bins, prepared, byWeight, budget);
    if (!found) break;
    bins = [...bins.filter((_, at) => at !== found.i && at !== found.j), ...found.replacement];
  }
  return bins;
}

function bestPairMove(
  bins: readonly ServerBin[],
  prepared: Prepared,
  byWeight: readonly Candidate[],
  budget: WorkBudget,
): { i: number; j: number; replacement: ServerBin[] } | null {
  const { objective } = prepared;
  // The least-filled servers first: they are where a pair most often combines better.
  const order = bins.map((_, at) => at).sort((a, b) => bins[a]!.cpuFill() - bins[b]!.cpuFill());
  for (const i of order) {
    for (const j of order) {
      if (j === i || budget.exhausted) continue;
      const pair = [bins[i]!, bins[j]!];
      const members = pair.flatMap((bin) => bin.lpars.map((lpar) => lpar.instance.index));
      const limit = score(pair, objective);
      for (const [a, first] of byWeight.entries()) {
        if (!lexLess(score([{ candidate: first }], objective), limit)) break;
        budget.spend(members.length);
        const alone = rebuildLargestFirst(members, [first], prepared);
        if (alone) return { i, j, replacement: alone };
        for (const second of byWeight.slice(a)) {
          if (!lexLess(score([{ candidate: first }, { candidate: second }], objective), limit)) break;
          budget.spend(members.length);
          const both = rebuildLargestFirst(members, [second, first], prepared);
          if (both) return { i, j, replacement: both };
        }
      }
    }
  }
  return null;
}

/** The instances first fit, largest first, onto one server of each candidate given; null when one is left over. */
function rebuildLargestFirst(
  members: readonly number[],
  servers: readonly Candidate[],
  prepared: Prepared,
): ServerBin[] | null {
  const { lparIndex, settings, plan } = prepared;
  const bins = servers.map((candidate) => new ServerBin(candidate, settings));
  const share = (index: number) =>
    Math.max(
      ...servers.map((candidate) => {
        const lpar = lparIndex.get(candidate.key)![index];
        return lpar ? sizeKey(lpar, candidate, plan) : 0;
      }),
    );
  for (const index of [...members].sort((a, b) => share(b) - share(a))) {
    const bin = bins.find((each) => {
      const lpar = lparIndex.get(each.candidate.key)![index];
      return lpar !== undefined && each.fits(lpar);
    });
    if (!bin) return null;
    bin.add(lparIndex.get(bin.candidate.key)![index]!);
  }
  return bins.filter((bin) => bin.lpars.length > 0);
}
