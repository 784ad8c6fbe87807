// Stage 6b, the answer's outcome: why a workload is not placed, how close the answer is to the best possible,
// the single-configuration alternatives, and the design an engineer would draw beside the one found.
import { type BoundsResult } from './bounds';
import { type Message, msg } from './message';
import { type Candidate, type Instance, osLabel } from './normalise';
import { type ObjectiveName, candidateCost, lexLess, score } from './objective';
import { ServerBin } from './pack';
import { type Evaluated, placedCount } from './portfolio';
import type { Prepared } from './prepare';
import type { Solution } from './schema';
import { round } from './explain';

type Layout = NonNullable<Solution['comparison']>['found'];

/** Why an instance is not placed: too large for the largest candidate that runs it, no room left, or runs nowhere. */
export function unplacedReason(
  instance: Instance,
  prepared: Prepared,
  rejected: Message | undefined,
): Solution['unplaced'][number] {
  let largest: Candidate | null = null;
  for (const candidate of prepared.candidates) {
    const lpar = prepared.lparIndex.get(candidate.key)![instance.index];
    if (lpar && (!largest || candidate.activeCores > largest.activeCores)) largest = candidate;
  }
  if (largest) {
    const blocker = new ServerBin(largest, prepared.settings).blocker(
      prepared.lparIndex.get(largest.key)![instance.index]!,
    );
    // The rules that kept it off the other configurations (IBM i core limit, OS, missing figures) are said too.
    const elsewhere = groupReasons(prepared.reasons.get(instance.index) ?? []);
    if (blocker)
      return {
        name: instance.name,
        reason: msg('solver.unplaced.too-large', { model: largest.model.name, cores: largest.activeCores }),
        details: [blocker, ...elsewhere],
      };
    return { name: instance.name, reason: msg('solver.unplaced.no-room', {}), details: rejected ? [rejected] : [] };
  }
  const reasons = prepared.reasons.get(instance.index) ?? [];
  return {
    name: instance.name,
    reason: msg('solver.unplaced.runs-nowhere', { os: osLabel(instance.workload.os) }),
    details: groupReasons(reasons),
  };
}

/** Catalog reasons that name one configuration, and their form for several at once. */
const GROUPED_CODES: Readonly<Record<string, string>> = {
  'catalog.no-figure': 'catalog.no-figure-many',
  'catalog.no-figure-measured': 'catalog.no-figure-measured-many',
};
/** Parameters that name the configuration a reason applies to; reasons that differ only in them are one. */
const PLACE_PARAMS = new Set(['where', 'model', 'cores', 'configuration']);

/**
 * The reasons of every candidate, one per kind, naming the configurations it applies to compactly
 * ("Power E1080 40/48/60-core, Power L1022 12/24-core"), actionable ones first.
 */
function groupReasons(reasons: readonly Message[]): Message[] {
  const groups = new Map<string, Message[]>();
  for (const reason of reasons) {
    const rest = Object.entries(reason.params).filter(([name]) => !PLACE_PARAMS.has(name));
    const key = `${reason.code}|${JSON.stringify(rest)}`;
    groups.set(key, [...(groups.get(key) ?? []), reason]);
  }
  const actionable = (message: Message) => Number(message.code.includes('no-figure'));
  return [...groups.values()].map(mergeReasons).sort((a, b) => actionable(b) - actionable(a));
}

function mergeReasons(members: readonly Message[]): Message {
  const first = members[0]!;
  if (members.length === 1) return first;
  const params = { ...first.params };
  const models = [...new Set(members.map((member) => member.params.model).filter((model) => model !== undefined))];
  if (models.length > 0) params.model = models.join(', ');
  const wheres = members.map((member) => member.params.where).filter((where) => typeof where === 'string');
  if (wheres.length > 0) params.where = compactPlaces(wheres);
  const code = GROUPED_CODES[first.code];
  if (code) {
    delete params.configuration;
    delete params.model;
    return msg(code, params);
  }
  return msg(first.code, params);
}

/** "Power E1080 40-core", "Power E1080 48-core" → "Power E1080 40/48-core"; other shapes are listed as they are. */
function compactPlaces(places: readonly string[]): string {
  const byModel = new Map<string, string[]>();
  for (const place of places) {
    const match = /^(.*) (\d+)-core$/.exec(place);
    const [model, cores] = match ? [match[1]!, match[2]!] : [place, ''];
    byModel.set(model, [...new Set([...(byModel.get(model) ?? []), cores])]);
  }
  return [...byModel]
    .map(([model, cores]) =>
      cores.every(Boolean) ? `${model} ${cores.sort((a, b) => Number(a) - Number(b)).join('/')}-core` : model,
    )
    .join(', ');
}

export function summariseBounds(
  bounds: BoundsResult,
  exactBound: number | null,
  objective: ObjectiveName,
  bins: readonly ServerBin[],
  exact: Solution['bounds']['exact'],
  proven: boolean,
): Solution['bounds'] {
  const servers = bins.length;
  const licensedCores = bins.reduce((sum, bin) => sum + bin.candidate.activeCores, 0);
  const coresBound = objective === 'cores' && exactBound !== null ? Math.max(bounds.cores, exactBound) : bounds.cores;
  const serversBound =
    objective === 'servers' && exactBound !== null ? Math.max(bounds.servers, exactBound) : bounds.servers;
  const serversLowerBound = Math.min(Math.max(serversBound, servers === 0 ? 0 : 1), servers);
  const coresLowerBound = round(Math.min(coresBound, licensedCores), 2);
  const gap =
    servers === 0
      ? 0
      : objective === 'servers'
        ? (servers - serversLowerBound) / servers
        : (licensedCores - coresLowerBound) / licensedCores;
  // A gap of zero in the objective's own terms is a proof, whoever found the bound.
  const closed = objective !== 'cost' && gap < 1e-9;
  return { serversLowerBound, coresLowerBound, gap: round(gap, 4), provenOptimal: proven || closed, exact };
}

export function layoutOf(bins: readonly ServerBin[], unplaced: number): Layout {
  const single =
    bins.length > 0 && bins.every((bin) => bin.candidate === bins[0]!.candidate) ? bins[0]!.candidate : null;
  const costs = bins.map((bin) => candidateCost(bin.candidate));
  return {
    configuration: single?.configuration.id ?? null,
    modelName: single?.model.name ?? null,
    cores: single?.activeCores ?? null,
    servers: bins.length,
    licensedCores: bins.reduce((sum, bin) => sum + bin.candidate.activeCores, 0),
    cost: costs.every((cost) => cost !== null) ? costs.reduce((sum: number, cost) => sum + cost!, 0) : null,
    unplaced,
  };
}

/** The best single-configuration layout of each candidate, best first: the alternatives and the engineer's design. */
export function singleLayouts<T extends { candidate: Candidate; bins: ServerBin[] }>(
  layouts: readonly T[],
  objective: ObjectiveName,
): T[] {
  return [...layouts].sort(
    (a, b) =>
      placedCount(b) - placedCount(a) ||
      (lexLess(score(a.bins, objective), score(b.bins, objective))
        ? -1
        : lexLess(score(b.bins, objective), score(a.bins, objective))
          ? 1
          : 0),
  );
}

export function alternatives(
  ranked: ReadonlyArray<{ candidate: Candidate; bins: ServerBin[]; covered: boolean }>,
  chosen: readonly ServerBin[],
  total: number,
  redundancy: boolean,
): Solution['alternatives'] {
  const chosenSingle =
    chosen.length > 0 && chosen.every((bin) => bin.candidate === chosen[0]!.candidate) ? chosen[0]!.candidate : null;
  return ranked
    .filter((layout) => layout.bins.length > 0 && layout.candidate !== chosenSingle)
    .slice(0, 3)
    .map((layout) => {
      const own = layoutOf(layout.bins, total - placedCount(layout));
      const code =
        own.unplaced > 0
          ? 'solver.alternative.single-unplaced'
          : redundancy && !layout.covered
            ? 'solver.alternative.single-not-redundant'
            : 'solver.alternative.single';
      const description = msg(code, {
        servers: own.servers,
        model: layout.candidate.model.name,
        cores: layout.candidate.activeCores,
        unplaced: own.unplaced,
      });
      return {
        description,
        model: layout.candidate.model.machineTypeModel ?? layout.candidate.model.id,
        configuration: layout.candidate.configuration.id,
        servers: own.servers,
        licensedCores: own.licensedCores,
        cost: own.cost,
      };
    });
}

/** The engineer's design (the best layout of one configuration) against the one found, and why the found one wins. */
export function compareDesigns(
  identical: Layout | null,
  found: Layout,
  objective: ObjectiveName,
  askedIdentical: boolean,
): NonNullable<Solution['comparison']> {
  let reason: Message;
  if (askedIdentical) reason = msg('solver.comparison.asked-identical', {});
  else if (!identical) reason = msg('solver.comparison.no-identical', {});
  else if (found.configuration !== null && found.configuration === identical.configuration)
    reason = msg('solver.comparison.same', {});
  else if (identical.unplaced > found.unplaced)
    reason = msg('solver.comparison.places-more', { count: identical.unplaced - found.unplaced });
  else if (objective === 'cost' && found.cost !== null && identical.cost !== null && found.cost < identical.cost)
    reason = msg('solver.comparison.lower-cost', {
      saved: round(identical.cost - found.cost, 0),
      identical: round(identical.cost, 0),
      found: round(found.cost, 0),
    });
  else if (objective === 'servers' && found.servers < identical.servers)
    reason = msg('solver.comparison.fewer-servers', {
      saved: identical.servers - found.servers,
      identical: identical.servers,
      found: found.servers,
    });
  else if (found.licensedCores < identical.licensedCores)
    reason = msg('solver.comparison.fewer-cores', {
      saved: identical.licensedCores - found.licensedCores,
      identical: identical.licensedCores,
      found: found.licensedCores,
    });
  else reason = msg('solver.comparison.tie', {});
  return { identical, found, reason };
}

export type { Evaluated };
