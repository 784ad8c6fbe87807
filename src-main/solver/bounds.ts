// Lower bounds, so the answer's distance to the best possible can be reported honestly.
import { SMALL_VIOS_LIMITS, VIOS_TIERS, emptyViosLoad, viosTier } from '../powervm';
import type { Candidate, Instance, Lpar } from './normalise';
import type { PackSettings } from './pack';

export interface BoundsResult {
  /** No solution, mixed or not, has fewer servers. */
  servers: number;
  /** No solution has fewer licensed cores (continuous relaxation). */
  cores: number;
  /** Per candidate used alone, for ranking the candidates: whole servers, and the servers' worth of load unrounded. */
  perCandidate: Map<string, { servers: number; load: number }>;
}

/**
 * Cores counting which VIOS each server must run: a server with more than SMALL_VIOS_LIMITS.clients clients runs the
 * large tier, one with fewer holds at most that many clients. A large-VIOS server of configuration c costs each client
 * d·cores/(t·cores − V_large); a small-VIOS server costs cores ≥ Σ d·cores/(t·cores − V_small) and ≥ clients·cores/limit,
 * so for any λ in [0, 1] it costs at least λ·(the first) + (1 − λ)·(the second), client by client. Each client takes the
 * cheapest way, so the sum is a lower bound for every λ; the best λ of a few is kept.
 */
const LAMBDAS = [0.5, 0.7, 0.8, 0.9, 0.95, 1];

/** Offers each instance's cheapest way on `candidate` for every λ (see viosTierCores). */
function offerTierCosts(cheapest: readonly MinimumPerInstance[], candidate: Candidate, lpars: readonly Lpar[], settings: PackSettings): void {
  const { constraints } = settings.plan;
  const small = VIOS_TIERS.small.entitledCapacity * settings.viosCount;
  const large = settings.viosCount === 0 ? 0 : Math.min(VIOS_TIERS.large.entitledCapacity, VIOS_TIERS.ssp.entitledCapacity) * settings.viosCount;
  const target = constraints.targetCpuUtilization * candidate.activeCores;
  const largeRate = candidate.activeCores / Math.max(target - large, 1e-6);
  const smallRate = candidate.activeCores / Math.max(target - small, 1e-6);
  const perClient = candidate.activeCores / SMALL_VIOS_LIMITS.clients;
  for (const lpar of lpars) {
    const viaLarge = lpar.demandMean * largeRate;
    const viaSmall = lpar.demandMean * smallRate;
    for (let at = 0; at < LAMBDAS.length; at += 1) cheapest[at]!.offer(lpar.instance.index, Math.min(viaLarge, LAMBDAS[at]! * viaSmall + (1 - LAMBDAS[at]!) * perClient));
  }
}

function viosTierCores(candidates: readonly Candidate[], lparsByCandidate: Map<string, Lpar[]>, settings: PackSettings, size: number): number {
  if (settings.viosCount === 0) return 0;
  const cheapest = LAMBDAS.map(() => new MinimumPerInstance(size));
  for (const candidate of candidates) offerTierCosts(cheapest, candidate, lparsByCandidate.get(candidate.key) ?? [], settings);
  return Math.max(...cheapest.map((each) => each.total().sum));
}

/**
 * N+1: losing the largest server (K cores) leaves servers of at most K cores that hold every workload, so a solution
 * costs at least K + (the cheapest way to hold everything on configurations of at most K cores). The smallest such
 * sum over the sizes K a largest server can have is a lower bound.
 */
function nPlusOneCores(candidates: readonly Candidate[], lparsByCandidate: Map<string, Lpar[]>, settings: PackSettings, size: number, placeable: number): number {
  const sorted = candidates.filter((candidate) => (lparsByCandidate.get(candidate.key)?.length ?? 0) > 0).sort((a, b) => a.activeCores - b.activeCores);
  const cheapest = LAMBDAS.map(() => new MinimumPerInstance(size));
  let best = Number.POSITIVE_INFINITY;
  for (const [at, candidate] of sorted.entries()) {
    offerTierCosts(cheapest, candidate, lparsByCandidate.get(candidate.key)!, settings);
    if (sorted[at + 1]?.activeCores === candidate.activeCores) continue;
    const totals = cheapest.map((each) => each.total());
    // Servers this small must hold every workload; otherwise the largest server is bigger.
    if (totals[0]!.count < placeable) continue;
    best = Math.min(best, candidate.activeCores + Math.max(...totals.map((total) => total.sum)));
  }
  return best;
}

/**
 * Each instance takes at least its smallest share of a server over all candidates, in processor demand
 * (against the target utilisation less the smallest VIOS) and in memory; an haGroup needs one server per member.
 */
/** The smallest value offered per instance index, in a typed array (hundreds of thousands of offers on large plans). */
class MinimumPerInstance {
  private readonly values: Float64Array;
  constructor(size: number) {
    this.values = new Float64Array(size).fill(Number.POSITIVE_INFINITY);
  }
  offer(index: number, value: number): void {
    if (value < this.values[index]!) this.values[index] = value;
  }
  has(index: number): boolean {
    return this.values[index]! !== Number.POSITIVE_INFINITY;
  }
  /** How many instances got a value, and the sum of their values. */
  total(): { count: number; sum: number } {
    let count = 0;
    let sum = 0;
    for (const value of this.values) {
      if (value === Number.POSITIVE_INFINITY) continue;
      count += 1;
      sum += value;
    }
    return { count, sum };
  }
}

function instanceSlots(candidates: readonly Candidate[], lparsByCandidate: Map<string, Lpar[]>): number {
  let size = 0;
  for (const candidate of candidates) for (const lpar of lparsByCandidate.get(candidate.key) ?? []) size = Math.max(size, lpar.instance.index + 1);
  return size;
}

export function lowerBounds(instances: readonly Instance[], candidates: readonly Candidate[], lparsByCandidate: Map<string, Lpar[]>, settings: PackSettings): BoundsResult {
  const { constraints } = settings.plan;
  const smallestVios = viosTier(emptyViosLoad()).entitledCapacity * settings.viosCount;
  const cpuCapacity = (candidate: Candidate) => Math.max(constraints.targetCpuUtilization * candidate.activeCores - smallestVios, 1e-6);
  const size = instanceSlots(candidates, lparsByCandidate);
  const minCpuShare = new MinimumPerInstance(size);
  const minMemoryShare = new MinimumPerInstance(size);
  const minCores = new MinimumPerInstance(size);
  // Cores an instance takes at least, counting its share of the servers' VIOS: a server of `candidate` holds at most
  // target × cores − VIOS of client demand, so each core of client demand costs cores / (that capacity).
  const minCpuCores = new MinimumPerInstance(size);
  const minMemoryCores = new MinimumPerInstance(size);
  const perCandidate = new Map<string, { servers: number; load: number }>();
  for (const candidate of candidates) {
    const lpars = lparsByCandidate.get(candidate.key) ?? [];
    let demand = 0;
    let memory = 0;
    const capacity = cpuCapacity(candidate);
    const memoryCapacity = candidate.maxMemoryGiB === null ? null : candidate.maxMemoryGiB * constraints.targetMemoryUtilization;
    for (const lpar of lpars) {
      const index = lpar.instance.index;
      // The mean over the day: with time-of-day sharing no server's busiest slot is below its partitions' mean.
      const cpuShare = lpar.demandMean / capacity;
      const memoryShare = memoryCapacity === null ? 0 : lpar.memoryGiB / memoryCapacity;
      minCpuShare.offer(index, cpuShare);
      minMemoryShare.offer(index, memoryShare);
      minCores.offer(index, lpar.demandMean / constraints.targetCpuUtilization);
      minCpuCores.offer(index, cpuShare * candidate.activeCores);
      minMemoryCores.offer(index, memoryShare * candidate.activeCores);
      demand += cpuShare;
      memory += memoryShare;
    }
    perCandidate.set(candidate.key, { servers: Math.max(Math.ceil(demand - 1e-9), Math.ceil(memory - 1e-9), lpars.length > 0 ? 1 : 0), load: Math.max(demand, memory) });
  }
  const groups = new Map<string, number>();
  for (const instance of instances) {
    const group = instance.workload.haGroup;
    if (group !== undefined && minCpuShare.has(instance.index)) groups.set(group, (groups.get(group) ?? 0) + 1);
  }
  const placeable = minCpuShare.total();
  let servers = Math.max(Math.ceil(placeable.sum - 1e-9), Math.ceil(minMemoryShare.total().sum - 1e-9), ...groups.values(), placeable.count > 0 ? 1 : 0);
  // Processor and memory are separate relaxations: each bounds the cores alone, so the larger one holds.
  let cores = Math.max(
    minCores.total().sum + (servers * smallestVios) / constraints.targetCpuUtilization,
    minCpuCores.total().sum,
    minMemoryCores.total().sum,
    viosTierCores(candidates, lparsByCandidate, settings, size),
  );
  if (constraints.redundancy === 'n+1' && placeable.count > 0) {
    // The survivors of any one loss hold everything: one more server, and at least the smallest server's cores more.
    servers += 1;
    cores = Math.max(cores + Math.min(...candidates.map((candidate) => candidate.activeCores)), nPlusOneCores(candidates, lparsByCandidate, settings, size, placeable.count));
  }
  return { servers, cores, perCandidate };
}
