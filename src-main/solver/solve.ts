// The solver as a pipeline of named stages: candidates (prepare), portfolio packing, mixed proposal and
// recombination, exact proof, redundancy, explanation. Pure: runs in the worker, in tests and in the CLI alike.
// A first answer is streamed as soon as the quick portfolio has one; improvements and the proof follow.
import type { CatalogSnapshot } from '../catalog';
import { AppError } from '../common';
import type { PlanFile } from '../plan';
import { candidateLoads, lowerBounds } from './bounds';
import { EXACT_LIMIT, exactSolve } from './exact';
import { editionMessages, osWarnings, placementMessages, serverPlan, round } from './explain';
import { type Message, msg } from './message';
import { WorkBudget, betterLayout, finish, firstFitMixed, improvePairs, mixedProposal, repick } from './mixed';
import type { Candidate, Lpar } from './normalise';
import { SMALL_VIOS_LIMITS } from '../powervm';
import { type ObjectiveName, lexLess, primary, score } from './objective';
import { alternatives, compareDesigns, layoutOf, singleLayouts, summariseBounds, unplacedReason } from './outcome';
import { ServerBin, failoverMap } from './pack';
import {
  type Evaluated,
  SMALL_PLAN,
  balance,
  fewerServers,
  packCandidate,
  placedCount,
  quickPack,
  usefulCandidates,
} from './portfolio';
import { type Prepared, prepare } from './prepare';
import { seededRandom } from './random';
import { ColumnPool, randomPackings, recombine } from './recombine';
import { type Failover, redundancy, redundantLayout, serverIds } from './redundancy';
import type { Solution } from './schema';
import { withCatalogFacts } from './catalog-facts';

export interface SolveHooks {
  onProgress?: (fraction: number, message: Message) => void;
  /** Each better answer while the solver still works (`interim: true`); the promise resolves with the final one. */
  onSolution?: (solution: Solution) => void;
  isCancelled?: () => boolean;
  /** Instances up to which the exact model over all candidates runs (HiGHS); 0 turns it off. */
  exactLimit?: number;
  /** Wall-clock backstop of the exact model in seconds (its work limit is what normally stops it). */
  exactSeconds?: number;
  /** Wall-clock backstop of the recombination model in seconds; 0 turns the recombination off. */
  recombineSeconds?: number;
}

/** Candidates given the full search (random orders for fewer servers) on small plans: the best few. */
const SEARCHED = 3;
// The search stages stop on counted work, so the same plan gives the same design on a fast or a busy machine. On
// this project's quiet 2-core machine the amounts take up to 0.5 s (pairs), 1-10 s (recombination) and 1-20 s (exact
// model); the backstops in seconds only stop a machine several times slower, and the answer then says so.
/** Partitions the pairwise re-packing may place, and its backstop in milliseconds. */
const PAIRS_WORK = { placements: 250_000, backstopMs: 2_000 };
/** LP iterations of the recombination model (fewer on a large model), and its backstop in seconds. */
const RECOMBINE_WORK = { lpIterations: 10_000, iterationColumns: 5e7, seconds: 30 };
/** LP iterations of the exact model (fewer on a large model), and its backstop in seconds. */
const EXACT_WORK = { lpIterations: 15_000, iterationColumns: 1e8, seconds: 60 };
/** Large plans: the best few evaluations finished in full (re-picking every server is cheap beside packing them). */
const FINISHED_LARGE = 3;
/** Up to this many instances the first answer already uses the thorough quick portfolio (ejections, haGroups first). */
const QUICK_THOROUGH = 40;

interface Answer {
  bins: ServerBin[];
  failover: Failover | null;
  method: string[];
  exact: Solution['bounds']['exact'];
  exactBound: number | null;
  proven: boolean;
  /** A stage was stopped by its wall-clock backstop, not by its work limit: another run may end elsewhere. */
  clockStopped: boolean;
}

function checkCancelled(hooks: SolveHooks): void {
  if (hooks.isCancelled?.()) throw new AppError('cancelled', 'the solve was cancelled');
}

/**
 * Large plans: the candidates most promising alone, by their load in whole servers (n+1 adds the spare), half of
 * them among those that run the most workloads and half by cost per workload they run, so a configuration that
 * alone runs every workload (IBM i where CPW is published) does not crowd out the ones the others run best on.
 */
function shortlist(prepared: Prepared, useful: readonly Candidate[]): Candidate[] {
  if (prepared.instances.length <= SMALL_PLAN) return [...useful];
  const loads = candidateLoads(useful, prepared.lparsByCandidate, prepared.settings);
  const covered = (candidate: Candidate) => prepared.lparsByCandidate.get(candidate.key)!.length;
  const spare = prepared.plan.constraints.redundancy === 'n+1' ? 1 : 0;
  const estimate = (candidate: Candidate) => {
    const load = loads.get(candidate.key)!;
    const weight =
      prepared.objective === 'cost'
        ? candidate.activeCores * (candidate.pricePerCoreOverHorizon ?? Number.POSITIVE_INFINITY)
        : prepared.objective === 'servers'
          ? 1
          : candidate.activeCores;
    return ((prepared.objective === 'servers' ? load.servers : load.load) + spare) * weight;
  };
  const size = prepared.instances.length > 2000 ? 4 : 8;
  const byCoverage = [...useful].sort((a, b) => covered(b) - covered(a) || estimate(a) - estimate(b));
  const perWorkload = [...useful].sort((a, b) => estimate(a) / covered(a) - estimate(b) / covered(b));
  const chosen = new Set([...byCoverage.slice(0, size / 2), ...perWorkload.slice(0, size / 2)]);
  for (const candidate of byCoverage) if (chosen.size < size) chosen.add(candidate);
  return [...chosen];
}

/** An evaluation as it would end: leftovers onto other configurations and every server re-picked (unless n+1). */
function finished(
  result: Evaluated,
  prepared: Prepared,
  order: readonly Candidate[],
  repickFrom: readonly Candidate[] = order,
): ServerBin[] {
  if (prepared.plan.constraints.redundancy === 'n+1') return [...result.bins];
  const balanced = finish(result.bins, prepared, order, repickFrom);
  const packed = result.packedBins === result.bins ? balanced : finish(result.packedBins, prepared, order, repickFrom);
  return betterLayout(packed, balanced, prepared.objective) ? packed : balanced;
}

/** An evaluation's tight packing with its lightest server re-picked: how it would rank once finished. */
function projection(result: Evaluated, prepared: Prepared, candidates: readonly Candidate[]): ServerBin[] {
  if (prepared.plan.constraints.redundancy === 'n+1' || result.packedBins.length === 0) return [...result.bins];
  const servers = [...result.packedBins].sort((a, b) => a.cpuFill() - b.cpuFill());
  servers[0] = repick(servers[0]!, candidates, prepared.lparIndex, prepared.settings, prepared.objective);
  return servers;
}

/**
 * Stage 2 and 3: the quick portfolio on every candidate, the best finished layout and the mixed proposal. Servers
 * are re-picked among `useful` (every configuration left after dominance), which is more than the shortlist packed.
 */
function firstAnswer(
  prepared: Prepared,
  candidates: readonly Candidate[],
  useful: readonly Candidate[],
  hooks: SolveHooks,
): { evaluations: Evaluated[]; bins: ServerBin[]; method: string[]; mixed: ServerBin[][] } {
  const evaluations: Evaluated[] = [];
  const small = prepared.instances.length <= SMALL_PLAN;
  for (const [index, candidate] of candidates.entries()) {
    checkCancelled(hooks);
    hooks.onProgress?.(
      0.05 + (0.3 * index) / Math.max(candidates.length, 1),
      msg('solver.progress.packing', { model: candidate.model.name, cores: candidate.activeCores }),
    );
    const lpars = prepared.lparsByCandidate.get(candidate.key)!;
    // The first answer must come fast: small plans get the thorough quick portfolio only up to QUICK_THOROUGH.
    const thorough = prepared.instances.length <= QUICK_THOROUGH;
    evaluations.push(
      small
        ? balance(quickPack(lpars, candidate, prepared.settings, prepared.objective, thorough), prepared.settings)
        : packCandidate(lpars, candidate, prepared.settings, prepared.objective),
    );
  }
  // Ranked cheaply as they would end (the lightest server re-picked), then the best few finished in full.
  const projected = evaluations.map((result) => ({ result, bins: projection(result, prepared, useful) }));
  projected.sort((a, b) =>
    betterLayout(a.bins, b.bins, prepared.objective) ? -1 : betterLayout(b.bins, a.bins, prepared.objective) ? 1 : 0,
  );
  for (const each of projected.slice(0, small ? SEARCHED : FINISHED_LARGE))
    each.bins = finished(each.result, prepared, candidates, useful);
  projected.sort((a, b) =>
    betterLayout(a.bins, b.bins, prepared.objective) ? -1 : betterLayout(b.bins, a.bins, prepared.objective) ? 1 : 0,
  );
  let bins = projected[0]?.bins ?? [];
  const method = ['portfolio'];
  const mixedLayouts: ServerBin[][] = [];
  if (prepared.plan.constraints.redundancy !== 'n+1' && !prepared.plan.constraints.preferIdenticalServers) {
    const mixed = mixedProposal(
      prepared,
      projected.map((each) => each.result.candidate),
      small,
    );
    if (mixed) mixedLayouts.push(finish(mixed, prepared, candidates, useful));
    if (small) mixedLayouts.push(finish(firstFitMixed(prepared, candidates), prepared, candidates));
    for (const layout of mixedLayouts) {
      if (!betterLayout(layout, bins, prepared.objective)) continue;
      bins = layout;
      method.splice(1, method.length, 'mixed');
    }
  }
  // Evaluations in the order their finished layouts rank, so later stages search the best first.
  return { evaluations: projected.map((each) => each.result), bins, method, mixed: mixedLayouts };
}

/** First fit over every configuration in perturbed orders (seeded), opening servers of the answer's main configurations. */
function perturbedFirstFit(
  bins: readonly ServerBin[],
  prepared: Prepared,
  candidates: readonly Candidate[],
): ServerBin[][] {
  const counts = new Map<Candidate, number>();
  for (const bin of bins) counts.set(bin.candidate, (counts.get(bin.candidate) ?? 0) + 1);
  const main = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].key.localeCompare(b[0].key))
    .slice(0, 3)
    .map(([candidate]) => candidate);
  const next = seededRandom(prepared.instances.length * 31 + 7);
  const orders = prepared.instances.length <= 60 ? 20 : 6;
  return main.flatMap((candidate) =>
    Array.from({ length: orders }, () => firstFitMixed(prepared, candidates, candidate, 'processor', next)),
  );
}

/** Stage 2 (search): the thorough portfolio and fewer servers by perturbed orders on the best few candidates. */
function searchFewer(evaluations: Evaluated[], prepared: Prepared): void {
  if (prepared.instances.length > SMALL_PLAN) return;
  for (const [at, start] of evaluations.slice(0, SEARCHED).entries()) {
    const lpars = prepared.lparsByCandidate.get(start.candidate.key)!;
    const thorough = balance(
      quickPack(lpars, start.candidate, prepared.settings, prepared.objective, true),
      prepared.settings,
    );
    const result = betterLayout(thorough.bins, start.bins, prepared.objective) ? thorough : start;
    evaluations[at] = result;
    if (result.rejected.length > 0 || result.bins.length < 2) continue;
    const fewer = fewerServers(lpars, result.candidate, prepared.settings, result.bins.length);
    if (fewer) evaluations[at] = balance({ ...result, bins: fewer, packedBins: fewer }, prepared.settings);
  }
}

/**
 * Servers that keep a small VIOS: at most SMALL_VIOS_LIMITS.clients clients each. Past that many clients every VIOS
 * is large, so a few more servers with small VIOS can license fewer cores than full ones; packing never tries it.
 */
function smallViosPacking(
  lpars: readonly Lpar[],
  candidate: Candidate,
  prepared: Prepared,
  orders: number,
): ServerBin[] {
  const vioses = prepared.settings.viosCount;
  if (vioses === 0 || lpars.length <= SMALL_VIOS_LIMITS.clients) return [];
  const capped: Candidate = {
    ...candidate,
    maxPartitions: Math.min(candidate.maxPartitions, SMALL_VIOS_LIMITS.clients + vioses),
  };
  return [
    quickPack(lpars, capped, prepared.settings, prepared.objective, false).bins,
    ...randomPackings(lpars, capped, prepared, orders),
  ].flat();
}

/** Stage 3b: every server of every packing into the pool, and HiGHS picks the cheapest cover. */
async function recombined(
  incumbent: ServerBin[],
  first: ReturnType<typeof firstAnswer>,
  prepared: Prepared,
  candidates: readonly Candidate[],
  hooks: SolveHooks,
): Promise<{ bins: ServerBin[]; clockStopped: boolean }> {
  const seconds = hooks.recombineSeconds ?? RECOMBINE_WORK.seconds;
  const evaluations = first.evaluations;
  if (seconds <= 0 || prepared.instances.length > SMALL_PLAN) return { bins: incumbent, clockStopped: false };
  const pool = new ColumnPool();
  pool.addAll(incumbent, prepared, candidates);
  for (const layout of first.mixed) pool.addAll(layout, prepared, candidates);
  for (const result of evaluations) {
    pool.addAll(result.bins, prepared, candidates);
    pool.addAll(result.packedBins, prepared, candidates);
    const lpars = prepared.lparsByCandidate.get(result.candidate.key)!;
    const orders = prepared.instances.length <= 60 ? 6 : 3;
    for (const bins of randomPackings(lpars, result.candidate, prepared, orders))
      pool.addAll(bins, prepared, candidates);
    for (const bin of smallViosPacking(lpars, result.candidate, prepared, orders))
      pool.add({ candidate: result.candidate, lpars: bin.lpars });
  }
  const limit = { ...RECOMBINE_WORK, seconds };
  const result = await recombine(pool, incumbent, prepared, candidates, limit, hooks.isCancelled);
  const clockStopped = result.status === 'time-limit';
  return { bins: betterLayout(result.bins, incumbent, prepared.objective) ? result.bins : incumbent, clockStopped };
}

/** Stage 4: the exact model over every candidate, when the plan is within its size and its rules are linear. */
async function proved(
  answer: Answer,
  prepared: Prepared,
  candidates: readonly Candidate[],
  hooks: SolveHooks,
): Promise<Answer> {
  const limit = hooks.exactLimit ?? EXACT_LIMIT;
  if (
    limit <= 0 ||
    prepared.instances.length > limit ||
    prepared.sharing ||
    prepared.plan.constraints.redundancy === 'n+1' ||
    answer.bins.length === 0
  )
    return answer;
  const placed = new Set(answer.bins.flatMap((bin) => bin.lpars.map((lpar) => lpar.instance.index)));
  if (
    !prepared.instances.every(
      (instance) => placed.has(instance.index) || !placeableAlone(instance.index, prepared, candidates),
    )
  )
    return answer;
  if (prepared.plan.constraints.preferIdenticalServers) return answer;
  hooks.onProgress?.(0.8, msg('solver.progress.proving', {}));
  const used = new Set(answer.bins.map((bin) => bin.candidate));
  const scope = [...candidates, ...[...used].filter((candidate) => !candidates.includes(candidate))];
  const search = { ...EXACT_WORK, seconds: hooks.exactSeconds ?? EXACT_WORK.seconds };
  const exact = await exactSolve(prepared, scope, answer.bins, search, hooks.isCancelled);
  const status: Solution['bounds']['exact'] =
    exact.status === 'optimal' || exact.status === 'work-limit'
      ? exact.status
      : exact.status === 'time-limit' || exact.status === 'stopped'
        ? 'time-limit'
        : 'not-run';
  const clockStopped = answer.clockStopped || exact.status === 'time-limit';
  if (exact.bins && lexLess(score(exact.bins, prepared.objective), score(answer.bins, prepared.objective))) {
    const optimal = exact.status === 'optimal';
    return {
      ...answer,
      bins: exact.bins,
      method: [...answer.method, 'exact'],
      exact: status,
      exactBound: exact.bound,
      proven: optimal,
      clockStopped,
    };
  }
  const proven = exact.bound !== null && primary(answer.bins, prepared.objective) <= exact.bound + 1e-6;
  return { ...answer, exact: status, exactBound: exact.bound, proven, clockStopped };
}

function placeableAlone(index: number, prepared: Prepared, candidates: readonly Candidate[]): boolean {
  return candidates.some((candidate) => {
    const lpar = prepared.lparIndex.get(candidate.key)![index];
    return lpar !== undefined && new ServerBin(candidate, prepared.settings).fits(lpar);
  });
}

/** The best layout of one configuration per candidate (n+1: covered), for the alternatives and the comparison. */
function singleConfigurationLayouts(
  evaluations: readonly Evaluated[],
  prepared: Prepared,
  candidates: readonly Candidate[],
) {
  const redundant = prepared.plan.constraints.redundancy === 'n+1';
  const layouts = evaluations.map((result) => {
    const covered = redundant ? redundantLayout(result, candidates, prepared) : null;
    return { candidate: result.candidate, bins: covered ?? [...result.bins], covered: !redundant || covered !== null };
  });
  return singleLayouts(layouts, prepared.objective);
}

/** Stage 6: the answer as the Solution everyone shows. */
function explainAnswer(
  answer: Answer,
  prepared: Prepared,
  layouts: ReturnType<typeof singleConfigurationLayouts>,
  rejected: Map<number, Message>,
  timing: { started: number; exactMs: number | null; firstMs?: number },
  interim: boolean,
): Solution {
  const { plan, objective, instances } = prepared;
  const warnings = [...prepared.warnings];
  const explanations = [...prepared.explanations];
  const ids = serverIds(answer.bins.length);
  const failover =
    plan.constraints.redundancy === 'n+1' && answer.bins.length > 0 ? failoverMap(answer.bins, ids) : null;
  if (plan.constraints.redundancy === 'n+1' && answer.bins.length > 0) {
    if (failover) explanations.push(msg('solver.redundancy.checked', {}));
    else warnings.push(msg('solver.redundancy.not-met', {}));
  }
  const servers = answer.bins.map((bin, index) =>
    serverPlan(bin, ids[index]!, prepared, failover, answer.bins, warnings),
  );
  const placed = new Set(answer.bins.flatMap((bin) => bin.lpars.map((lpar) => lpar.instance.index)));
  if (answer.method.includes('mixed') || new Set(answer.bins.map((bin) => bin.candidate)).size > 1) {
    const configurations = [
      ...new Set(answer.bins.map((bin) => `${bin.candidate.model.name} ${bin.candidate.activeCores}-core`)),
    ];
    explanations.push(msg('solver.mixed-configurations', { configurations: configurations.join(', ') }));
  }
  explanations.push(...placementMessages(servers));
  warnings.push(...osWarnings(answer.bins));
  const editions = editionMessages(servers, prepared);
  explanations.push(...editions.explanations);
  warnings.push(...editions.warnings);
  const unplaced = instances
    .filter((instance) => !placed.has(instance.index))
    .map((instance) => unplacedReason(instance, prepared, rejected.get(instance.index)));
  const bounds = boundsOf(answer, prepared, placed);
  explanations.push(proofMessage(bounds, prepared));
  if (answer.clockStopped) warnings.push(msg('solver.clock-stopped', {}));
  const found = layoutOf(answer.bins, unplaced.length);
  const identical = layouts.find((layout) => layout.covered && layout.bins.length > 0);
  const comparison = compareDesigns(
    identical ? layoutOf(identical.bins, instances.length - placedCount(identical)) : null,
    found,
    objective,
    plan.constraints.preferIdenticalServers,
  );
  const elapsed = performance.now() - timing.started;
  // The published catalog's facts about the proposal (IBM i tiers, memory modules, editions per model, migrations).
  return withCatalogFacts(
    {
      objective,
      servers,
      ...(failover ? { failover } : {}),
      unplaced,
      bounds,
      alternatives: alternatives(layouts, answer.bins, instances.length, plan.constraints.redundancy === 'n+1'),
      warnings,
      explanations,
      comparison,
      ...(interim ? { interim: true } : {}),
      totals: { servers: servers.length, licensedCores: found.licensedCores, cost: found.cost },
      stats: {
        method: answer.method.join(' + '),
        heuristicMs: round(elapsed - (timing.exactMs ?? 0), 1),
        exactMs: timing.exactMs === null ? null : round(timing.exactMs, 1),
        ...(timing.firstMs !== undefined ? { firstFeasibleMs: round(timing.firstMs, 1) } : {}),
      },
    },
    plan,
    prepared.catalog,
  );
}

/** Relaxations already computed, per placed set (the interim and the final answer of a large plan share one). */
const relaxations = new WeakMap<Prepared, { key: string; relaxed: ReturnType<typeof lowerBounds> }>();

/** Bounds speak of what was placed: an unplaceable workload would make any bound meaningless. */
function boundsOf(answer: Answer, prepared: Prepared, placed: ReadonlySet<number>): Solution['bounds'] {
  const key = [...placed].sort((a, b) => a - b).join(',');
  let cached = relaxations.get(prepared);
  if (cached?.key !== key) {
    const placedLpars = new Map(
      [...prepared.lparsByCandidate].map(([candidate, lpars]) => [
        candidate,
        lpars.filter((lpar) => placed.has(lpar.instance.index)),
      ]),
    );
    const relaxed = lowerBounds(
      prepared.instances.filter((instance) => placed.has(instance.index)),
      prepared.candidates,
      placedLpars,
      prepared.settings,
    );
    relaxations.set(prepared, (cached = { key, relaxed }));
  }
  return summariseBounds(
    cached.relaxed,
    answer.exactBound,
    prepared.objective,
    answer.bins,
    answer.exact,
    answer.proven,
  );
}

function proofMessage(bounds: Solution['bounds'], prepared: Prepared): Message {
  if (bounds.provenOptimal) return msg('solver.proof.optimal', {});
  const gap = round(bounds.gap * 100, 1);
  if (bounds.exact === 'time-limit' || bounds.exact === 'work-limit')
    return msg(`solver.proof.${bounds.exact}`, { gap, cores: bounds.coresLowerBound });
  const reason =
    prepared.plan.constraints.redundancy === 'n+1' ? 'redundancy' : prepared.sharing ? 'time-of-day' : 'size';
  return msg(`solver.proof.not-run-${reason}`, { gap, cores: bounds.coresLowerBound });
}

export async function solvePlan(plan: PlanFile, catalog: CatalogSnapshot, hooks: SolveHooks = {}): Promise<Solution> {
  const timing: { started: number; exactMs: number | null; firstMs?: number } = {
    started: performance.now(),
    exactMs: null,
  };
  hooks.onProgress?.(0.02, msg('solver.progress.normalising', {}));
  const prepared = prepare(plan, catalog);
  checkCancelled(hooks);
  const useful = usefulCandidates(prepared);
  const candidates = shortlist(prepared, useful);
  const first = firstAnswer(prepared, candidates, useful, hooks);
  const redundant = plan.constraints.redundancy === 'n+1';
  const rejected = new Map(
    first.evaluations.flatMap((result) =>
      result.rejected.map((entry) => [entry.lpar.instance.index, entry.reason] as const),
    ),
  );
  const identicalOnly = plan.constraints.preferIdenticalServers;
  let answer: Answer = {
    bins: first.bins,
    failover: null,
    method: first.method,
    exact: 'not-run',
    exactBound: null,
    proven: false,
    clockStopped: false,
  };
  let layouts = singleConfigurationLayouts(first.evaluations, prepared, candidates);
  const pick = (bins: ServerBin[] | undefined) => (bins && bins.length > 0 ? bins : answer.bins);
  if (redundant) answer = { ...answer, bins: redundancy(first.evaluations, candidates, prepared).bins };
  else if (identicalOnly) answer = { ...answer, bins: pick(layouts[0]?.bins) };
  timing.firstMs = performance.now() - timing.started;
  hooks.onSolution?.(explainAnswer(answer, prepared, layouts, rejected, timing, true));
  checkCancelled(hooks);

  hooks.onProgress?.(0.4, msg('solver.progress.searching', {}));
  searchFewer(first.evaluations, prepared);
  layouts = singleConfigurationLayouts(first.evaluations, prepared, candidates);
  if (redundant) {
    answer = { ...answer, bins: redundancy(first.evaluations, candidates, prepared).bins };
  } else if (identicalOnly) {
    answer = { ...answer, bins: pick(layouts[0]?.bins) };
  } else {
    const small = prepared.instances.length <= SMALL_PLAN;
    const improved = small
      ? first.evaluations.slice(0, SEARCHED).map((result) => finished(result, prepared, candidates))
      : [];
    // First fit decreasing in one order for all, opening servers of each candidate in turn (by share, and by processor).
    if (prepared.instances.length <= SMALL_PLAN) {
      for (const candidate of candidates)
        for (const order of ['share', 'processor'] as const)
          first.mixed.push(firstFitMixed(prepared, candidates, candidate, order));
      first.mixed.push(...perturbedFirstFit(answer.bins, prepared, candidates));
    }
    for (const bins of [...improved, ...first.mixed])
      if (betterLayout(bins, answer.bins, prepared.objective))
        answer = { ...answer, bins, method: [...first.method, 'search'] };
    hooks.onProgress?.(0.6, msg('solver.progress.recombining', {}));
    const pooled = await recombined(answer.bins, first, prepared, candidates, hooks);
    if (pooled.bins !== answer.bins)
      answer = { ...answer, bins: pooled.bins, method: [...answer.method, 'recombination'] };
    const budget = new WorkBudget(PAIRS_WORK.placements, PAIRS_WORK.backstopMs);
    const paired = improvePairs(answer.bins, prepared, candidates, budget);
    if (betterLayout(paired, answer.bins, prepared.objective))
      answer = { ...answer, bins: paired, method: [...answer.method, 'pairs'] };
    answer = { ...answer, clockStopped: pooled.clockStopped || budget.stoppedByClock };
    checkCancelled(hooks);
    const exactStarted = performance.now();
    answer = await proved(answer, prepared, candidates, hooks);
    timing.exactMs = answer.exact === 'not-run' ? null : performance.now() - exactStarted;
  }
  checkCancelled(hooks);
  hooks.onProgress?.(0.95, msg('solver.progress.explaining', {}));
  const solution = explainAnswer(answer, prepared, layouts, rejected, timing, false);
  hooks.onProgress?.(1, msg('solver.progress.done', {}));
  return solution;
}

export { packCandidate };
export type { ObjectiveName };
