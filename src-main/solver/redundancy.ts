// Stage 5, redundancy (n+1): every candidate's packing grown until any one server can be lost (a spread over one
// more server, or the tight packing plus an empty spare), then its least-loaded servers made smaller
// configurations with the same partition definitions while every loss stays covered. N+1 keeps one partition
// definition per workload, so any survivor can take any partition as it is.
import type { Candidate, Lpar } from './normalise';
import { type ObjectiveName, lexLess, score } from './objective';
import { type PackSettings, ServerBin, failoverMap, pack } from './pack';
import { type Evaluated, SMALL_PLAN, placedCount } from './portfolio';
import type { Prepared } from './prepare';
import { repick } from './mixed';

export type Failover = Record<string, Record<string, string>>;
type LparIndex = Map<string, Array<Lpar | undefined>>;

export const serverIds = (count: number) => Array.from({ length: count }, (_, index) => `server-${index + 1}`);

/** The fewest servers of the evaluation's configuration at which some layout survives any single loss. */
export function coveredLayout(result: Evaluated, settings: PackSettings): ServerBin[] | null {
  const placed = result.bins.flatMap((bin) => bin.lpars);
  const maxBins = settings.plan.constraints.maxServers ?? Number.POSITIVE_INFINITY;
  for (let servers = result.bins.length; servers <= Math.min(maxBins, placed.length + 1); servers += 1) {
    const spares = [
      ...result.packedBins,
      ...Array.from({ length: servers - result.packedBins.length }, () => new ServerBin(result.candidate, settings)),
    ];
    const spread = pack(placed, result.candidate, settings, 'worst-fit', servers, servers);
    for (const bins of spread.rejected.length === 0 ? [spread.bins, spares] : [spares]) {
      if (bins.length === servers && failoverMap(bins, serverIds(bins.length))) return bins;
    }
  }
  return null;
}

/** Servers whose LPAR definitions match, partition by partition: a partition can move between them as it is. */
export function sameDefinitions(from: Candidate, to: Candidate, lparIndex: LparIndex): boolean {
  const same = (key: keyof Candidate) => from[key] === to[key];
  if (!(['model', 'generation', 'perCoreRperf', 'perCoreCpw', 'editionName', 'nonLinuxCoreShare'] as const).every(same))
    return false;
  const before = lparIndex.get(from.key)!;
  const after = lparIndex.get(to.key)!;
  return before.every((lpar, index) => {
    const other = after[index];
    if (!lpar) return true;
    return (
      other !== undefined &&
      other.demandCores === lpar.demandCores &&
      other.cpuUnits === lpar.cpuUnits &&
      other.virtualProcessors === lpar.virtualProcessors &&
      other.memoryGiB === lpar.memoryGiB &&
      other.mode === lpar.mode
    );
  });
}

/** With N+1 at most this many of the least-loaded servers are tried smaller (each try re-checks every loss). */
const SHRINK_TRIES = 3;

/** The least-loaded servers as smaller same-definition configurations, each change kept while every loss is covered. */
export function shrinkUnderFailover(
  bins: ServerBin[],
  candidates: readonly Candidate[],
  prepared: Prepared,
  checkEach = true,
): ServerBin[] {
  let result = bins;
  const lightest = bins
    .map((bin, index) => ({ bin, index }))
    .sort((a, b) => a.bin.cpuFill() - b.bin.cpuFill())
    .slice(0, SHRINK_TRIES);
  const compatible = new Map<Candidate, Candidate[]>();
  for (const { bin, index } of lightest) {
    if (!compatible.has(bin.candidate))
      compatible.set(
        bin.candidate,
        candidates.filter(
          (candidate) => candidate !== bin.candidate && sameDefinitions(bin.candidate, candidate, prepared.lparIndex),
        ),
      );
    const smaller = repick(
      bin,
      compatible.get(bin.candidate)!,
      prepared.lparIndex,
      prepared.settings,
      prepared.objective,
    );
    if (smaller === bin) continue;
    const trial = result.map((each, at) => (at === index ? smaller : each));
    if (!checkEach || failoverMap(trial, serverIds(trial.length))) result = trial;
  }
  return result;
}

/** Layouts already grown per evaluation (the first answer, the alternatives and the comparison all ask). */
const layoutCache = new WeakMap<Evaluated, ServerBin[] | null>();

/** The cheapest covered layout for one evaluated candidate, or null when no layout survives every loss. */
export function redundantLayout(
  result: Evaluated,
  candidates: readonly Candidate[],
  prepared: Prepared,
): ServerBin[] | null {
  if (!layoutCache.has(result)) layoutCache.set(result, growLayout(result, candidates, prepared));
  return layoutCache.get(result)!;
}

function growLayout(result: Evaluated, candidates: readonly Candidate[], prepared: Prepared): ServerBin[] | null {
  const covered = coveredLayout(result, prepared.settings);
  // Large plans: only the best candidate's layout is made leaner (each try re-checks every loss).
  if (!covered || prepared.instances.length > SMALL_PLAN) return covered;
  return leaner(result, covered, candidates, prepared);
}

/** The covered layout with its lightest servers smaller, or the tight packing plus a spare, when that scores better. */
function leaner(
  result: Evaluated,
  covered: ServerBin[],
  candidates: readonly Candidate[],
  prepared: Prepared,
): ServerBin[] {
  const spare = new ServerBin(result.candidate, prepared.settings);
  const layouts = [
    covered,
    shrinkUnderFailover(covered, candidates, prepared),
    [...shrinkUnderFailover([...result.packedBins], candidates, prepared, false), spare],
  ];
  const valid = layouts.filter((layout, at) => at === 0 || failoverMap(layout, serverIds(layout.length)) !== null);
  return valid.reduce((best, layout) =>
    lexLess(score(layout, prepared.objective), score(best, prepared.objective)) ? layout : best,
  );
}

/** Of every evaluated candidate's covered layout, the one that places most, then scores best. */
export function redundancy(
  evaluations: readonly Evaluated[],
  candidates: readonly Candidate[],
  prepared: Prepared,
): { bins: ServerBin[]; failover: Failover | null } {
  let best: ServerBin[] | null = null;
  const better = (a: ServerBin[], b: ServerBin[] | null, objective: ObjectiveName) =>
    b === null ||
    placedCount({ bins: a }) > placedCount({ bins: b }) ||
    (placedCount({ bins: a }) === placedCount({ bins: b }) && lexLess(score(a, objective), score(b, objective)));
  let from: Evaluated | null = null;
  for (const result of evaluations) {
    const layout = redundantLayout(result, candidates, prepared);
    if (layout && better(layout, best, prepared.objective)) [best, from] = [layout, result];
  }
  if (best && from && prepared.instances.length > SMALL_PLAN) best = leaner(from, best, candidates, prepared);
  if (best) return { bins: best, failover: failoverMap(best, serverIds(best.length)) };
  // No layout survives every loss: the best packing, said in the warnings.
  const fallback = [...evaluations].sort(
    (a, b) =>
      placedCount(b) - placedCount(a) ||
      (lexLess(score(a.bins, prepared.objective), score(b.bins, prepared.objective)) ? -1 : 1),
  )[0];
  return { bins: fallback ? [...fallback.bins] : [], failover: null };
}
