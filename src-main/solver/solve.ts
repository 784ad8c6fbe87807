// The solver's orchestration: normalise, pack with a portfolio of heuristics per candidate configuration,
// improve, prove what can be proved, and explain. Pure: runs in the worker, in tests and in the CLI alike.
import type { CatalogSnapshot, FeatureKey, OperatingSystem } from '../catalog';
import { AppError } from '../common';
import type { PlanFile } from '../plan';
import { editionFit, editionsOf, hptGiB, minimalEdition, pptGiB, roundToLmb, sizeVios, viosLoadOf } from '../powervm';
import { type BoundsResult, candidateLoads, lowerBounds } from './bounds';
import { withCatalogFacts } from './catalog-facts';
import { exactServerCount, serversFromAssignment } from './exact';
import { seededRandom } from './random';
import { profileProblem } from './time-of-day';
import { type Candidate, type Instance, type Lpar, buildCandidates, expandInstances, growthFactor, lparOn, osLabel, osUnconfirmed, sourcePerCore } from './normalise';
import { type PackOrder, type PackSettings, ServerBin, type Strategy, emptyLightServers, failoverMap, memoryNeed, pack, sizeKey, viosCountOf } from './pack';
import type { Partition, ServerPlan, Solution } from './schema';

export interface SolveHooks {
  onProgress?: (fraction: number, message: string) => void;
  isCancelled?: () => boolean;
  /** Instances up to which the exact model runs (HiGHS); 0 turns it off. */
  exactLimit?: number;
  /** Time limit of the exact model in seconds. */
  exactSeconds?: number;
}

type ObjectiveName = Solution['objective'];

/** Above this many partitions on one candidate, the portfolio is trimmed to keep solves within seconds. */
const LARGE_PLAN = 3000;
/** Up to this many partitions on one candidate, more orderings are tried (they cost little and find fewer servers). */
const SMALL_PLAN = 300;

interface Evaluated {
  candidate: Candidate;
  bins: ServerBin[];
  /** The same partitions before balancing: tighter servers leave more room to re-pick smaller configurations. */
  packedBins: ServerBin[];
  rejected: Array<{ lpar: Lpar; reason: string }>;
  failover: Record<string, Record<string, string>> | null;
}

function checkCancelled(hooks: SolveHooks): void {
  if (hooks.isCancelled?.()) throw new AppError('cancelled', 'the solve was cancelled');
}

function candidateCost(candidate: Candidate): number | null {
  return candidate.pricePerCoreOverHorizon === null ? null : candidate.activeCores * candidate.pricePerCoreOverHorizon;
}

function binCost(bin: ServerBin): number | null {
  return candidateCost(bin.candidate);
}

/** Objective of a set of servers; it depends on their configurations only, not on what they hold. */
function score(bins: ReadonlyArray<{ candidate: Candidate }>, objective: ObjectiveName): number[] {
  const cores = bins.reduce((sum, bin) => sum + bin.candidate.activeCores, 0);
  const cost = bins.reduce((sum, bin) => sum + (candidateCost(bin.candidate) ?? Number.POSITIVE_INFINITY), 0);
  if (objective === 'cost') return [cost, cores, bins.length];
  if (objective === 'servers') return [bins.length, cores, cost];
  return [cores, bins.length, cost];
}

function lexLess(a: number[], b: number[]): boolean {
  for (let index = 0; index < a.length; index += 1) {
    const x = a[index]!;
    const y = b[index]!;
    if (Math.abs(x - y) > 1e-9) return x < y;
  }
  return false;
}

const serverIds = (count: number, offset = 0) => Array.from({ length: count }, (_, index) => `server-${index + 1 + offset}`);

/** Packs onto one candidate: best of the portfolio, emptied where possible, grown until N+1 holds. */
/**
 * Small plans: the partitions in randomly perturbed orders (seeded, so an answer repeats) packed into one server fewer
 * than found, worst fit and best fit, until no order fits; tight haGroup plans often need an order no rule gives.
 */
function fewerServers(lpars: readonly Lpar[], candidate: Candidate, settings: PackSettings, found: number): ServerBin[] | null {
  const tries = lpars.length <= 40 ? 300 : 30;
  const next = seededRandom(lpars.length * 7919 + found);
  const groupSizes = new Map<string, number>();
  for (const lpar of lpars) if (lpar.instance.workload.haGroup !== undefined) groupSizes.set(lpar.instance.workload.haGroup, (groupSizes.get(lpar.instance.workload.haGroup) ?? 0) + 1);
  const sizes = lpars.map((lpar) => sizeKey(lpar, candidate, settings.plan));
  let best: ServerBin[] | null = null;
  for (let target = found - 1; target >= 1; target -= 1) {
    let packed: ServerBin[] | null = null;
    for (let attempt = 0; attempt < tries && !packed; attempt += 1) {
      const groupsFirst = next() < 0.5;
      const keys = lpars.map((lpar, index) => ({ lpar, group: groupsFirst ? (groupSizes.get(lpar.instance.workload.haGroup ?? '') ?? 0) : 0, size: sizes[index]! * (0.5 + next()) }));
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

export function packCandidate(lpars: Lpar[], candidate: Candidate, settings: PackSettings, objective: ObjectiveName): Evaluated {
  const maxBins = settings.plan.constraints.maxServers ?? Number.POSITIVE_INFINITY;
  let best: Evaluated | null = null;
  // Best-fit scans every server per partition; on very large plans first-fit (indexed) with local search is kept.
  const hasGroups = lpars.some((lpar) => lpar.instance.workload.haGroup !== undefined);
  const trials: Array<[Strategy, PackOrder]> = lpars.length > LARGE_PLAN ? [['first-fit', 'size']] : [['first-fit', 'size'], ['best-fit', 'size']];
  if (hasGroups && lpars.length <= SMALL_PLAN) trials.push(['first-fit', 'groups-first'], ['best-fit', 'groups-first']);
  for (const [strategy, order] of trials) {
    const result = pack(lpars, candidate, settings, strategy, maxBins, 0, order);
    const bins = emptyLightServers(result.bins, lpars.length <= SMALL_PLAN);
    const evaluated: Evaluated = { candidate, bins, packedBins: bins, rejected: result.rejected, failover: null };
    if (!best || evaluated.rejected.length < best.rejected.length || (evaluated.rejected.length === best.rejected.length && lexLess(score(bins, objective), score(best.bins, objective)))) best = evaluated;
  }
  let result = best!;
  if (lpars.length <= SMALL_PLAN && result.rejected.length === 0 && result.bins.length > 1) {
    const fewer = fewerServers(lpars, candidate, settings, result.bins.length);
    if (fewer) result = { ...result, bins: fewer, packedBins: fewer };
  }
  const placed = result.bins.flatMap((bin) => bin.lpars);
  // Balance: the same number of servers, each partition to the least-loaded one that fits.
  const balanced = pack(placed, candidate, settings, 'worst-fit', result.bins.length, result.bins.length);
  if (balanced.rejected.length === 0 && balanced.bins.length === result.bins.length) result = { ...result, bins: balanced.bins, packedBins: result.bins };
  if (settings.plan.constraints.redundancy === 'n+1') {
    for (let servers = result.bins.length; servers <= Math.min(maxBins, placed.length + 1); servers += 1) {
      // Two layouts per count: the packed servers plus empty spares, and the load spread over all of them.
      const spares = [...result.bins, ...Array.from({ length: servers - result.bins.length }, () => new ServerBin(candidate, settings))];
      const spread = pack(placed, candidate, settings, 'worst-fit', servers, servers);
      for (const bins of spread.rejected.length === 0 ? [spread.bins, spares] : [spares]) {
        const map = failoverMap(bins, serverIds(bins.length));
        if (map) return { ...result, bins, failover: map };
      }
    }
    return { ...result, failover: null };
  }
  return result;
}

/**
 * Each partition on the configuration where it weighs least for the objective (its share of a server times what
 * that server counts: cores, cost, or one server), so a plan whose workloads suit different configurations (IBM i
 * only where CPW is published, AIX where rPerf per core is highest) is not forced onto one. A group too small to
 * fill one server joins its partitions' next best configuration among the others in use. Null when it does not
 * apply (n+1 keeps one partition definition, so any survivor can take any partition) or does not fit `maxServers`.
 */
function mixedProposal(instances: readonly Instance[], ranked: readonly Candidate[], lparIndex: Map<string, Array<Lpar | undefined>>, settings: PackSettings, objective: ObjectiveName): ServerBin[] | null {
  const { plan } = settings;
  if (plan.constraints.redundancy === 'n+1' || ranked.length < 2) return null;
  const weight = (candidate: Candidate) => (objective === 'servers' ? 1 : objective === 'cost' ? (candidateCost(candidate) ?? Number.POSITIVE_INFINITY) : candidate.activeCores);
  const rank = new Map(ranked.map((candidate, index) => [candidate, index]));
  const choices = new Map<Instance, Array<{ candidate: Candidate; lpar: Lpar }>>();
  for (const instance of instances) {
    const options = ranked.flatMap((candidate) => {
      const lpar = lparIndex.get(candidate.key)![instance.index];
      return lpar ? [{ candidate, lpar, weight: sizeKey(lpar, candidate, plan) * weight(candidate) }] : [];
    });
    // Within 1 % the better-ranked configuration wins: it is the one whose servers fill best.
    options.sort((a, b) => (Math.abs(a.weight - b.weight) > 0.01 * Math.min(a.weight, b.weight) ? a.weight - b.weight : rank.get(a.candidate)! - rank.get(b.candidate)!));
    if (options.length > 0) choices.set(instance, options);
  }
  const groups = new Map<Candidate, Instance[]>();
  const join = (instance: Instance, candidate: Candidate) => {
    if (!groups.has(candidate)) groups.set(candidate, []);
    groups.get(candidate)!.push(instance);
  };
  for (const [instance, options] of choices) join(instance, options[0]!.candidate);
  const fill = (candidate: Candidate) => groups.get(candidate)!.reduce((sum, instance) => sum + sizeKey(lparIndex.get(candidate.key)![instance.index]!, candidate, plan), 0);
  for (;;) {
    const small = [...groups.keys()].filter((candidate) => fill(candidate) < 1).sort((a, b) => fill(a) - fill(b));
    const moved = small.find((candidate) => groups.get(candidate)!.every((instance) => choices.get(instance)!.some((option) => option.candidate !== candidate && groups.has(option.candidate))));
    if (!moved || groups.size < 2) break;
    const members = groups.get(moved)!;
    groups.delete(moved);
    for (const instance of members) join(instance, choices.get(instance)!.find((option) => groups.has(option.candidate))!.candidate);
  }
  if (groups.size < 2) return null;
  const bins: ServerBin[] = [];
  for (const [candidate, members] of groups) {
    const lpars = members.map((instance) => lparIndex.get(candidate.key)![instance.index]!);
    const packed = packCandidate(lpars, candidate, settings, objective).packedBins;
    // One proposal, not one per candidate: it can afford the ejection search on larger groups.
    bins.push(...(lpars.length > SMALL_PLAN && lpars.length <= LARGE_PLAN ? emptyLightServers(packed, true) : packed));
  }
  return bins.length <= (plan.constraints.maxServers ?? Number.POSITIVE_INFINITY) ? bins : null;
}

function partitionsOf(bin: ServerBin, settings: PackSettings, plan: PlanFile, failoverExtra = { memoryGiB: 0, pageTablesGiB: 0 }): { partitions: Partition[]; hypervisorGiB: number; installedGiB: number; viosEc: number } {
  const vioses = settings.viosCount;
  const clients = bin.lpars.map((lpar) => lpar.instance.io);
  const load = viosLoadOf(clients);
  const sizing = sizeVios(load, vioses === 2 ? 'dual' : 'single', settings.viosMinimum);
  const partitions: Partition[] = [];
  const names = bin.lpars.map((lpar) => lpar.instance.name);
  const viosMemory = roundToLmb(Math.max(sizing.memoryGiB, settings.viosMinimum?.minMemoryGiB ?? 0), plan.constraints.lmbMiB);
  for (let index = 0; index < vioses; index += 1) {
    partitions.push({
      name: `vios${index + 1}`,
      role: 'vios',
      os: 'vios',
      mode: 'shared',
      entitledCapacity: sizing.entitledCapacity,
      virtualProcessors: Math.min(sizing.virtualProcessors, bin.candidate.activeCores),
      memoryGiB: viosMemory,
      demandCores: sizing.entitledCapacity,
      serves: names,
      adapters: { fcPorts: sizing.fcPorts, ethernetPorts: sizing.ethernetPorts, virtualScsi: sizing.virtualScsi, virtualFc: sizing.virtualFc, virtualEthernet: sizing.virtualEthernet },
      explanation: [...sizing.reasons, vioses === 2 ? 'one of two VIOS for redundancy: MPIO for disks, SEA or vNIC failover for the network (S1 3.4.2)' : 'single VIOS: a VIOS outage stops its clients'],
    });
  }
  for (const lpar of bin.lpars) {
    partitions.push({
      name: lpar.instance.name,
      workload: lpar.instance.name,
      workloadId: lpar.instance.workload.id,
      role: 'client',
      os: lpar.instance.workload.os,
      mode: lpar.mode,
      ...(lpar.mode === 'shared' ? { entitledCapacity: lpar.cpuUnits } : { dedicatedCores: lpar.cpuUnits }),
      virtualProcessors: lpar.virtualProcessors,
      memoryGiB: lpar.memoryGiB,
      demandCores: round(lpar.demandCores, 4),
      ...(lpar.profile
        ? { explanation: [`shares by time of day: entitled to its mean demand of the day (${round(lpar.demandMean, 3)} cores at ${Math.round(plan.constraints.targetCpuUtilization * 100)} %), uncapped with ${lpar.virtualProcessors} virtual processors to reach its peak of ${round(lpar.demandCores, 3)} cores from the shared pool`] }
        : {}),
    });
  }
  const pageTables = bin.pageTablesGiB + vioses * (hptGiB(viosMemory, 'vios') + pptGiB(viosMemory));
  // With N+1 the installed memory also holds the partitions this server takes over in the worst single loss.
  const memory = memoryNeed(bin.memoryGiB + viosMemory * vioses + failoverExtra.memoryGiB, pageTables + failoverExtra.pageTablesGiB, load.npivClients * vioses, plan, { features: bin.candidate.memoryFeatures, maxGiB: bin.candidate.maxMemoryGiB, sockets: bin.candidate.configuration.sockets });
  return { partitions, hypervisorGiB: memory.hypervisorGiB, installedGiB: memory.installedGiB, viosEc: sizing.entitledCapacity * vioses };
}

function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}

export async function solvePlan(plan: PlanFile, catalog: CatalogSnapshot, hooks: SolveHooks = {}): Promise<Solution> {
  const started = performance.now();
  const progress = hooks.onProgress ?? (() => undefined);
  const warnings: string[] = [];
  const explanations: string[] = [];
  const growth = growthFactor(plan);
  const instances = expandInstances(plan);
  const { candidates, notes } = buildCandidates(plan, catalog);
  warnings.push(...notes);
  const settings: PackSettings = {
    plan,
    viosCount: viosCountOf(plan),
    viosMinimum: catalog.viosMinimums.find((minimum) => minimum.viosVersion === plan.constraints.viosVersion && minimum.minMemoryGiB !== null) ?? catalog.viosMinimums.find((minimum) => minimum.minMemoryGiB !== null),
  };
  if (plan.constraints.viosVersion !== settings.viosMinimum?.viosVersion && settings.viosMinimum) {
    warnings.push(`VIOS ${plan.constraints.viosVersion} minimums are not published in the catalog; the VIOS ${settings.viosMinimum.viosVersion} minimums are used`);
  }
  if (plan.constraints.hypervisorFirmwareGiB === null) {
    warnings.push('hypervisor firmware memory has no published formula: assumed 3.5 GB per 128 GB installed, IBM\'s one example (S1 3.3.1), which holds the page tables too (the larger of the two is reserved, not their sum); check with IBM\'s System Planning Tool or set constraints.hypervisorFirmwareGiB');
  }
  const sharing = plan.constraints.peakSharing === 'time-of-day';
  if (sharing) {
    const measured = plan.workloads.filter((workload) => workload.processorMode === 'shared' && workload.measurement).map((workload) => ({ workload, problem: profileProblem(workload) }));
    const flat = measured.filter((each) => each.problem !== null);
    const sharingCount = measured.length - flat.length;
    warnings.push(`sharing by time of day: ${sharingCount} shared partitions with a full-day profile are entitled to their mean demand and reach their peak uncapped from the shared pool; each server's busiest quarter-hour stays under the target. It assumes the measured days repeat: check the measurements cover month-end and batch peaks`);
    for (const { workload, problem } of flat.slice(0, 20)) warnings.push(`${workload.name}: sized at its peak, not by time of day (${problem})`);
    if (flat.length > 20) warnings.push(`${flat.length - 20} more measured workloads sized at their peak, not by time of day`);
  }
  progress(0.05, 'normalising workloads');

  // Per instance: its LPAR on each candidate, or why not.
  const lparsByCandidate = new Map<string, Lpar[]>();
  const reasonsByInstance = new Map<number, Set<string>>();
  for (const candidate of candidates) lparsByCandidate.set(candidate.key, []);
  for (const instance of instances) {
    const cpu = instance.workload.cpu;
    if (cpu.kind === 'measured' && cpu.configuration === undefined) {
      const source = sourcePerCore(catalog, cpu.model, undefined, instance.workload.os);
      if (!('error' in source) && instance.name === (instance.workload.count > 1 ? `${instance.workload.name}-1` : instance.workload.name)) {
        warnings.push(`${instance.workload.name}: no source configuration given for ${source.model.name}; the conservative one (${source.configuration.totalCores} cores, ${source.perCore.toFixed(2)} ${source.figure} per core, the fastest per core) was taken`);
      }
    }
    for (const candidate of candidates) {
      const blockedFeature = candidate.edition ? editionFit(candidate.edition, instance.features).missing[0] : undefined;
      if (blockedFeature) {
        addReason(reasonsByInstance, instance, `${candidate.generation} ${candidate.editionName} edition does not offer ${blockedFeature}`);
        continue;
      }
      const lpar = lparOn(instance, candidate, plan, catalog, growth);
      if ('reason' in lpar) addReason(reasonsByInstance, instance, lpar.reason);
      else lparsByCandidate.get(candidate.key)!.push(lpar);
    }
  }
  checkCancelled(hooks);

  const objective: ObjectiveName =
    plan.constraints.objective !== 'auto' ? plan.constraints.objective : candidates.length > 0 && candidates.every((candidate) => candidate.pricePerCoreOverHorizon !== null) ? 'cost' : 'cores';
  if (plan.constraints.objective === 'auto') {
    explanations.push(objective === 'cost' ? 'objective: cost, since every candidate has a price' : 'objective: licensed cores, since not every candidate has a price (enter prices in the catalog to optimise cost)');
  }
  if (objective === 'cost' && candidates.some((candidate) => candidate.pricePerCoreOverHorizon === null)) {
    warnings.push('objective is cost but some candidates have no price; they are ranked as if infinitely expensive');
  }

  // Rank candidates by what they could at best need, and pack the most promising ones.
  const loads = candidateLoads(candidates, lparsByCandidate, settings);
  const usable = candidates.filter((candidate) => (lparsByCandidate.get(candidate.key)?.length ?? 0) > 0);
  const ranked = [...usable].sort((a, b) => {
    const coverage = (lparsByCandidate.get(b.key)!.length) - (lparsByCandidate.get(a.key)!.length);
    if (coverage !== 0) return coverage;
    const estimate = (candidate: Candidate) => {
      const lower = loads.get(candidate.key)!;
      // Cores and cost: the unrounded load, since the last, partly filled server is re-picked to a smaller configuration.
      return objective === 'cost' ? lower.load * candidate.activeCores * (candidate.pricePerCoreOverHorizon ?? Number.POSITIVE_INFINITY) : objective === 'servers' ? lower.servers : lower.load * candidate.activeCores;
    };
    return estimate(a) - estimate(b);
  });
  const shortlist = ranked.slice(0, instances.length > 2000 ? 4 : 8);
  const evaluated: Evaluated[] = [];
  for (const [index, candidate] of shortlist.entries()) {
    checkCancelled(hooks);
    progress(0.1 + (0.6 * index) / Math.max(shortlist.length, 1), `packing onto ${candidate.model.name} ${candidate.activeCores}-core`);
    evaluated.push(packCandidate(lparsByCandidate.get(candidate.key)!, candidate, settings, objective));
  }
  const placedCount = (result: Evaluated) => result.bins.reduce((sum, bin) => sum + bin.lpars.length, 0);
  const feasibleRedundancy = (result: Evaluated) => plan.constraints.redundancy !== 'n+1' || result.failover !== null;
  const placedNames = new Set<string>();
  const lparIndex = new Map<string, Array<Lpar | undefined>>();
  for (const [key, lpars] of lparsByCandidate) {
    const byIndex: Array<Lpar | undefined> = new Array(instances.length);
    for (const lpar of lpars) byIndex[lpar.instance.index] = lpar;
    lparIndex.set(key, byIndex);
  }
  // Ranked as they will end: the lightest server of the tight packing is re-picked to a smaller configuration
  // (4 full 192-core servers and a small one beat 7 of 120 cores), except with n+1, where only
  // configurations with the same partition definitions may replace it, after the failover map (shrinkUnderFailover).
  const projected = new Map<Evaluated, number[]>();
  for (const result of evaluated) {
    if (plan.constraints.redundancy === 'n+1') {
      projected.set(result, score(result.bins, objective));
      continue;
    }
    const servers = [...result.packedBins].sort((a, b) => a.cpuFill() - b.cpuFill());
    if (servers.length > 0) servers[0] = repick(servers[0]!, candidates, lparIndex, settings, objective);
    projected.set(result, score(servers, objective));
  }
  evaluated.sort((a, b) => {
    if (feasibleRedundancy(a) !== feasibleRedundancy(b)) return feasibleRedundancy(a) ? -1 : 1;
    if (placedCount(a) !== placedCount(b)) return placedCount(b) - placedCount(a);
    const [scoreA, scoreB] = [projected.get(a)!, projected.get(b)!];
    return lexLess(scoreA, scoreB) ? -1 : lexLess(scoreB, scoreA) ? 1 : 0;
  });
  const best = evaluated[0];
  progress(0.75, 'improving the best proposal');
  /** Leftovers onto the best other configuration, then each server re-picked to the cheapest that holds it. */
  const finish = (start: ServerBin[]): ServerBin[] => {
    const bins = start.map((bin) => bin);
    const names = new Set(bins.flatMap((bin) => bin.lpars.map((lpar) => lpar.instance.name)));
    const leftovers = instances.filter((instance) => !names.has(instance.name));
    if (best && leftovers.length > 0 && plan.constraints.redundancy !== 'n+1') {
      for (const other of ranked) {
        if (other === best.candidate) continue;
        const remaining = leftovers.filter((instance) => !names.has(instance.name));
        if (remaining.length === 0) break;
        const lpars = lparsByCandidate.get(other.key)!.filter((lpar) => remaining.includes(lpar.instance));
        if (lpars.length === 0) continue;
        const budget = plan.constraints.maxServers === null ? Number.POSITIVE_INFINITY : plan.constraints.maxServers - bins.length;
        if (budget <= 0) break;
        const extra = pack(lpars, other, settings, 'best-fit', budget);
        bins.push(...emptyLightServers(extra.bins));
        for (const bin of extra.bins) for (const lpar of bin.lpars) names.add(lpar.instance.name);
      }
    }
    return plan.constraints.redundancy === 'n+1' ? bins : bins.map((bin) => repick(bin, candidates, lparIndex, settings, objective));
  };
  const balancedFinish = best ? finish(best.bins) : [];
  // With N+1 the servers were chosen for the failover map, so only that layout stands.
  const packedFinish = best && best.packedBins !== best.bins && plan.constraints.redundancy !== 'n+1' ? finish(best.packedBins) : balancedFinish;
  const placedIn = (bins: ServerBin[]) => bins.reduce((sum, bin) => sum + bin.lpars.length, 0);
  const better = (a: ServerBin[], b: ServerBin[]) => placedIn(a) > placedIn(b) || (placedIn(a) === placedIn(b) && lexLess(score(a, objective), score(b, objective)));
  // Balanced unless the tighter packing, or the mix of configurations, places more or costs less once re-picked.
  let bins = better(packedFinish, balancedFinish) ? packedFinish : balancedFinish;
  const mixed = best ? mixedProposal(instances, ranked, lparIndex, settings, objective) : null;
  if (mixed) {
    const mixedFinish = finish(mixed);
    if (better(mixedFinish, bins)) {
      bins = mixedFinish;
      const configurations = new Set(bins.map((bin) => `${bin.candidate.model.name} ${bin.candidate.activeCores}-core`));
      explanations.push(`mixed configurations (${[...configurations].join(', ')}): each partition where it weighs least for the objective beat any single configuration`);
    }
  }
  let failover = best?.failover ?? null;
  for (const bin of bins) for (const lpar of bin.lpars) placedNames.add(lpar.instance.name);
  checkCancelled(hooks);

  // Exact model (HiGHS) for small plans, on the configuration the heuristic chose first: proves its server count,
  // or finds fewer servers; that placement is used when it passes the real rules and scores better once re-picked.
  let provenOptimal = false;
  let exactMs: number | null = null;
  const exactLimit = hooks.exactLimit ?? 24;
  const single = bins.length > 0 && bins.every((bin) => bin.candidate === bins[0]!.candidate);
  const exactCandidate = single ? bins[0]!.candidate : best?.candidate;
  // The exact model adds up peaks; with time-of-day sharing it would prove the wrong problem, so it is not run.
  if (exactLimit > 0 && !sharing && exactCandidate && placedNames.size === instances.length && instances.length <= exactLimit && plan.constraints.redundancy !== 'n+1') {
    progress(0.85, 'proving with the exact model (HiGHS)');
    const exactStart = performance.now();
    const candidate = exactCandidate;
    const lpars = lparsByCandidate.get(candidate.key)!;
    const slots = single ? bins.length : Math.max(bins.length, best!.bins.length);
    const exact = lpars.length === instances.length ? await exactServerCount(lpars, candidate, settings, slots, hooks.exactSeconds ?? 10) : null;
    exactMs = performance.now() - exactStart;
    if (exact?.status === 'optimal' && exact.servers !== null) {
      provenOptimal = single && exact.servers >= bins.length;
      const found = provenOptimal || !exact.assignment ? null : serversFromAssignment(lpars, exact.assignment, candidate, settings);
      const exactServers = found?.map((bin) => repick(bin, candidates, lparIndex, settings, objective)) ?? null;
      if (exactServers && lexLess(score(exactServers, objective), score(bins, objective))) {
        bins = exactServers;
        provenOptimal = true;
        explanations.push(`the exact model (HiGHS) placed the partitions on ${found!.length} ${candidate.model.name} ${candidate.activeCores}-core servers, fewer than the heuristic; its placement is used (optimal for that configuration), each server then re-picked to the smallest configuration that holds it`);
      } else if (single && !provenOptimal) {
        warnings.push(`the exact model found a packing with ${exact.servers} servers (with the smallest VIOS), the heuristic ${bins.length}; VIOS sizing for the actual clients may explain the difference`);
      }
    } else if (exact?.status === 'time-limit') {
      warnings.push(`the exact model (HiGHS) did not finish within ${hooks.exactSeconds ?? 10} s; optimality is not proven`);
    }
  }

  if (plan.constraints.redundancy === 'n+1' && best && failover && bins.length > 1) {
    // The spread layout with its lightest servers smaller, or the tight packing with its last server smaller and one
    // spare as large as the largest: the spare alone can take in any lost server.
    const tight = [...best.packedBins];
    const layouts = [shrinkUnderFailover(bins, candidates, lparIndex, settings, objective), [...shrinkUnderFailover(tight, candidates, lparIndex, settings, objective, false), new ServerBin(best.candidate, settings)]];
    const leaner = layouts.filter((layout) => lexLess(score(layout, objective), score(bins, objective))).sort((a, b) => (lexLess(score(a, objective), score(b, objective)) ? -1 : 1));
    const chosen = leaner.find((layout) => failoverMap(layout, serverIds(layout.length)) !== null);
    if (chosen) {
      bins = chosen;
      explanations.push('n+1: the least-loaded servers are smaller configurations of the same model and processor (the same partition definitions, so any survivor can take any partition), and every loss still has somewhere to go');
    }
  }

  progress(0.95, 'explaining the proposal');
  const ids = serverIds(bins.length);
  if (plan.constraints.redundancy === 'n+1') {
    failover = bins.length > 0 ? failoverMap(bins, ids) : null;
    if (bins.length > 0 && failover === null) warnings.push('n+1 could not be met within the limits of the plan: some partition has nowhere to go when a server is lost');
    else if (bins.length > 0) explanations.push('n+1 checked after packing: the failover map shows where each partition runs if its server is lost (anti-affinity kept)');
  }

  const lparByName = new Map(bins.flatMap((bin) => bin.lpars.map((lpar) => [lpar.instance.name, lpar] as const)));
  const failoverExtra = (id: string) => {
    let worst = { memoryGiB: 0, pageTablesGiB: 0 };
    for (const moves of Object.values(failover ?? {})) {
      const incoming = Object.entries(moves).filter(([, survivor]) => survivor === id).map(([name]) => lparByName.get(name)!);
      const extra = { memoryGiB: incoming.reduce((sum, lpar) => sum + lpar.memoryGiB, 0), pageTablesGiB: incoming.reduce((sum, lpar) => sum + lpar.pageTablesGiB, 0) };
      if (extra.memoryGiB > worst.memoryGiB) worst = extra;
    }
    return worst;
  };
  const servers: ServerPlan[] = bins.map((bin, index) => {
    const extra = failoverExtra(ids[index]!);
    const { partitions, hypervisorGiB, installedGiB, viosEc } = partitionsOf(bin, settings, plan, extra);
    const memoryUsed = partitions.reduce((sum, partition) => sum + partition.memoryGiB, 0) + hypervisorGiB;
    const demand = bin.peakDemand() + viosEc;
    const cost = binCost(bin);
    const combined = bin.slotLoad === null ? null : Array.from(bin.slotLoad, (value) => round(value + viosEc, 3));
    const why = [
      `${bin.candidate.model.name} ${bin.candidate.activeCores}-core (${bin.candidate.configuration.id}): ${bin.lpars.length} client partitions, ${round(demand)} cores of demand${combined ? ` at the busiest quarter-hour (the sum of the peaks is ${round(bin.demandCores + viosEc)})` : ''} at ${Math.round((demand / bin.candidate.activeCores) * 100)} % of the cores (target ${Math.round(plan.constraints.targetCpuUtilization * 100)} %)`,
      `installed memory ${installedGiB} GiB: partitions and hypervisor ${round(memoryUsed)} GiB at ${Math.round((memoryUsed / installedGiB) * 100)} % (target ${Math.round(plan.constraints.targetMemoryUtilization * 100)} %)${extra.memoryGiB > 0 ? `, with room for ${round(extra.memoryGiB)} GiB of partitions taken over when another server is lost` : ''}${bin.candidate.maxMemoryGiB === null ? '; the model\'s maximum memory is not published, so it is not checked' : ''}`,
    ];
    if (bin.candidate.model.pcieSlots) {
      const cards = partitions.filter((partition) => partition.role === 'vios').reduce((sum, partition) => sum + Math.ceil((partition.adapters?.fcPorts ?? 0) / 2) + Math.ceil((partition.adapters?.ethernetPorts ?? 0) / 2), 0);
      why.push(`${cards} adapter cards for the VIOS against ${bin.candidate.model.pcieSlots.value} PCIe slots${cards > bin.candidate.model.pcieSlots.value ? ' — TOO MANY' : ''}`);
      if (cards > bin.candidate.model.pcieSlots.value) warnings.push(`${ids[index]}: the VIOS need ${cards} adapter cards but ${bin.candidate.model.name} has ${bin.candidate.model.pcieSlots.value} PCIe slots`);
    }
    return {
      id: ids[index]!,
      model: bin.candidate.model.machineTypeModel ?? bin.candidate.model.id,
      modelName: bin.candidate.model.name,
      generation: bin.candidate.generation,
      configuration: bin.candidate.configuration.id,
      cores: { active: bin.candidate.activeCores, licensed: bin.candidate.activeCores },
      memoryGiB: installedGiB,
      edition: bin.candidate.editionName,
      partitions,
      utilization: { cpu: round(demand / bin.candidate.activeCores, 4), memory: round(memoryUsed / installedGiB, 4) },
      hypervisorMemoryGiB: round(hypervisorGiB, 3),
      ...(combined ? { timeOfDay: { demandCores: combined, combinedPeakCores: round(demand, 3), sumOfPeaksCores: round(bin.demandCores + viosEc, 3) } } : {}),
      explanation: why,
      cost,
    };
  });

  for (const server of servers) {
    for (const partition of server.partitions) {
      if (partition.role === 'client') explanations.push(`${partition.name} → ${server.id} (${server.modelName}): ${partition.mode === 'shared' ? `EC ${partition.entitledCapacity}, ${partition.virtualProcessors} VP` : `${partition.dedicatedCores} dedicated cores`}, ${partition.memoryGiB} GiB, demand ${partition.demandCores} cores`);
    }
  }

  const unconfirmed = new Set<string>();
  for (const server of servers) {
    const bin = bins.find((each) => each.candidate.configuration.id === server.configuration)!;
    for (const partition of server.partitions) {
      if (partition.role === 'client' && osUnconfirmed(bin.candidate.model, partition.os as OperatingSystem)) unconfirmed.add(`${osLabel(partition.os as OperatingSystem)} on ${server.modelName}`);
    }
  }
  for (const each of unconfirmed) warnings.push(`${each} is not confirmed by a source in the catalog (nor ruled out); verify the OS support before proposing it`);

  // Editions: the minimal edition per generation used, and the feature that forces it.
  const required = [...new Set(plan.workloads.flatMap((workload) => workload.features))] as FeatureKey[];
  // Per generation, except models IBM published their own editions for (E950/E980): those are named on their own.
  const scopes = new Map(servers.map((server) => {
    const modelId = catalog.editions.some((edition) => edition.generation === server.generation && edition.models?.includes(server.model)) ? server.model : undefined;
    return [`${server.generation}/${modelId ?? ''}`, { generation: server.generation, modelId, label: modelId ? `${server.generation} ${server.modelName}` : server.generation }] as const;
  }));
  for (const { generation, modelId, label } of scopes.values()) {
    const minimal = minimalEdition(generation, required, catalog.editions, modelId);
    const offered = editionsOf(generation, catalog.editions, modelId);
    if (offered.length === 0) explanations.push(`${label}: no PowerVM edition line-up is published in the catalog; the features ${required.join(', ') || '(none required)'} could not be checked`);
    else if (offered.length === 1) explanations.push(`${label}: ${offered[0]!.name} is the only edition${offered[0]!.included ? ' and is included with every server' : ''}`);
    else if (minimal.edition) explanations.push(`${label}: minimal edition ${minimal.edition.name}${minimal.forcedBy.length ? `, forced by ${minimal.forcedBy.join(', ')}` : ''}`);
    const unknown = minimal.fits.find((fit) => fit.edition.name === servers.find((server) => server.generation === generation && (modelId === undefined || server.model === modelId))?.edition)?.unknown ?? [];
    if (unknown.length > 0) warnings.push(`${label}: whether the chosen edition offers ${unknown.join(', ')} is not published; verify before committing`);
  }

  const unplaced = instances
    .filter((instance) => !placedNames.has(instance.name))
    .map((instance) => {
      const reasons = [...(reasonsByInstance.get(instance.index) ?? [])];
      const tooBig = largestServerBlocker(instance, candidates, lparsByCandidate, settings);
      // The rule that kept it off the other configurations (IBM i core limit, OS, missing rPerf) is said too.
      const reason = tooBig !== null && reasons.length > 0 ? `${tooBig}; ${summariseReasons(reasons)}` : tooBig ?? (reasons.length > 0 ? summariseReasons(reasons) : best?.rejected.find((entry) => entry.lpar.instance === instance)?.reason ?? `no candidate configuration can run ${osLabel(instance.workload.os)} with this demand`);
      return { name: instance.name, reason };
    });

  // Bounds speak of what was placed: an unplaceable workload would make any bound meaningless.
  const placedLpars = new Map([...lparsByCandidate].map(([key, lpars]) => [key, lpars.filter((lpar) => placedNames.has(lpar.instance.name))]));
  const placedBounds = lowerBounds(instances.filter((instance) => placedNames.has(instance.name)), candidates, placedLpars, settings);
  const licensedCores = servers.reduce((sum, server) => sum + server.cores.licensed, 0);
  const costs = servers.map((server) => server.cost ?? null);
  const totalCost = costs.length > 0 && costs.every((cost) => cost !== null) ? costs.reduce((sum: number, cost) => sum + (cost ?? 0), 0) : null;
  const boundsOut = summariseBounds(placedBounds, objective, servers.length, licensedCores, provenOptimal);

  const alternatives = evaluated
    .filter((result) => result !== best && result.bins.length > 0)
    .slice(0, 3)
    .map((result) => {
      const cores = result.bins.reduce((sum, bin) => sum + bin.candidate.activeCores, 0);
      const cost = result.bins.every((bin) => binCost(bin) !== null) ? result.bins.reduce((sum, bin) => sum + (binCost(bin) ?? 0), 0) : null;
      const missing = instances.length - placedCount(result);
      return {
        description: `${result.bins.length} × ${result.candidate.model.name} ${result.candidate.activeCores}-core${missing > 0 ? `, ${missing} workloads not placed` : ''}${plan.constraints.redundancy === 'n+1' && !result.failover ? ', n+1 not met' : ''}`,
        model: result.candidate.model.machineTypeModel ?? result.candidate.model.id,
        configuration: result.candidate.configuration.id,
        servers: result.bins.length,
        licensedCores: cores,
        cost,
      };
    });

  progress(1, 'done');
  return withCatalogFacts({
    objective,
    servers,
    ...(plan.constraints.redundancy === 'n+1' && failover ? { failover } : {}),
    unplaced,
    bounds: boundsOut,
    alternatives,
    warnings,
    explanations,
    totals: { servers: servers.length, licensedCores, cost: totalCost },
    stats: { method: provenOptimal ? 'heuristic portfolio, proven by HiGHS' : 'heuristic portfolio', heuristicMs: round(performance.now() - started - (exactMs ?? 0), 1), exactMs: exactMs === null ? null : round(exactMs, 1) },
  }, plan, catalog);
}

function addReason(map: Map<number, Set<string>>, instance: Instance, reason: string): void {
  if (!map.has(instance.index)) map.set(instance.index, new Set());
  map.get(instance.index)!.add(reason);
}

/** "Power S1022 12-core has no published CPW; ..." for every candidate, grouped by reason and actionable ones first. */
function summariseReasons(reasons: string[]): string {
  const groups = new Map<string, Set<string>>();
  for (const reason of reasons) {
    const match = /^(.+?) \d+-core (.+)$/.exec(reason);
    const [subject, text] = match ? [match[1]!, match[2]!] : ['', reason];
    if (!groups.has(text)) groups.set(text, new Set());
    if (subject) groups.get(text)!.add(subject);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => Number(b.includes('no published')) - Number(a.includes('no published')));
  return ordered.map(([text, subjects]) => (subjects.size > 0 ? `${[...subjects].join(', ')}: ${text}` : text)).join('; ');
}

/** When the workload runs on some candidates but fits none, the blocker on the largest of them. */
function largestServerBlocker(instance: Instance, candidates: readonly Candidate[], lparsByCandidate: Map<string, Lpar[]>, settings: PackSettings): string | null {
  let largest: { candidate: Candidate; lpar: Lpar } | null = null;
  for (const candidate of candidates) {
    const lpar = lparsByCandidate.get(candidate.key)?.find((each) => each.instance === instance);
    if (lpar && (!largest || candidate.activeCores > largest.candidate.activeCores)) largest = { candidate, lpar };
  }
  if (!largest) return null;
  const reason = new ServerBin(largest.candidate, settings).blocker(largest.lpar);
  return reason === null ? null : `too large for the largest candidate, an empty ${largest.candidate.model.name} ${largest.candidate.activeCores}-core: ${reason}`;
}

function repick(bin: ServerBin, candidates: readonly Candidate[], lparIndex: Map<string, Array<Lpar | undefined>>, settings: PackSettings, objective: ObjectiveName): ServerBin {
  let best = bin;
  for (const candidate of candidates) {
    if (candidate === bin.candidate) continue;
    // A server's score depends on its configuration alone: skip the ones that cannot win before trying them.
    if (!lexLess(score([{ candidate }], objective), score([best], objective))) continue;
    const byIndex = lparIndex.get(candidate.key)!;
    const trial = new ServerBin(candidate, settings);
    let fits = true;
    for (const current of bin.lpars) {
      const lpar = byIndex[current.instance.index];
      if (!lpar || !trial.fits(lpar)) {
        fits = false;
        break;
      }
      trial.add(lpar);
    }
    if (fits) best = trial;
  }
  return best;
}

/** Servers whose LPAR definitions match, partition by partition: a partition can move between them as it is. */
function sameDefinitions(from: Candidate, to: Candidate, lparIndex: Map<string, Array<Lpar | undefined>>): boolean {
  if (from.model !== to.model || from.generation !== to.generation || from.perCoreRperf !== to.perCoreRperf || from.perCoreCpw !== to.perCoreCpw || from.editionName !== to.editionName || from.nonLinuxCoreShare !== to.nonLinuxCoreShare) return false;
  const before = lparIndex.get(from.key)!;
  const after = lparIndex.get(to.key)!;
  return before.every((lpar, index) => {
    const other = after[index];
    if (!lpar) return true;
    return other !== undefined && other.demandCores === lpar.demandCores && other.cpuUnits === lpar.cpuUnits && other.virtualProcessors === lpar.virtualProcessors && other.memoryGiB === lpar.memoryGiB && other.mode === lpar.mode;
  });
}

/** With N+1 at most this many of the least-loaded servers are tried smaller (each try re-checks every loss). */
const SHRINK_TRIES = 3;

/**
 * N+1 keeps partitions movable between all servers, so servers are not re-picked freely; a server may still become a
 * smaller configuration of the same model and processor (the same partition definitions), as long as every loss still
 * has somewhere to go (checked per change unless the caller checks the whole layout): typically the last, partly
 * filled server.
 */
function shrinkUnderFailover(bins: ServerBin[], candidates: readonly Candidate[], lparIndex: Map<string, Array<Lpar | undefined>>, settings: PackSettings, objective: ObjectiveName, checkEach = true): ServerBin[] {
  let result = bins;
  const lightest = bins.map((bin, index) => ({ bin, index })).sort((a, b) => a.bin.cpuFill() - b.bin.cpuFill()).slice(0, SHRINK_TRIES);
  const compatible = new Map<Candidate, Candidate[]>();
  for (const { bin, index } of lightest) {
    if (!compatible.has(bin.candidate)) compatible.set(bin.candidate, candidates.filter((candidate) => candidate !== bin.candidate && sameDefinitions(bin.candidate, candidate, lparIndex)));
    const smaller = repick(bin, compatible.get(bin.candidate)!, lparIndex, settings, objective);
    if (smaller === bin) continue;
    const trial = result.map((each, at) => (at === index ? smaller : each));
    if (!checkEach || failoverMap(trial, serverIds(trial.length))) result = trial;
  }
  return result;
}

function summariseBounds(bounds: BoundsResult, objective: ObjectiveName, servers: number, licensedCores: number, provenOptimal: boolean): Solution['bounds'] {
  // The exact model's count holds for its one configuration only, so it does not raise the plan-wide bound.
  const serversLowerBound = Math.max(bounds.servers, servers === 0 ? 0 : 1);
  const coresLowerBound = round(bounds.cores, 2);
  const gap =
    servers === 0
      ? 0
      : objective === 'servers'
        ? (servers - Math.min(serversLowerBound, servers)) / servers
        : (licensedCores - Math.min(coresLowerBound, licensedCores)) / licensedCores;
  return { serversLowerBound, coresLowerBound, gap: round(gap, 4), provenOptimal };
}
