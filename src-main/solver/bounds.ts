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
function viosTierCores(candidates: readonly Candidate[], lparsByCandidate: Map<string, Lpar[]>, settings: PackSettings): number {
  if (settings.viosCount === 0) return 0;
  const { constraints } = settings.plan;
  const small = VIOS_TIERS.small.entitledCapacity * settings.viosCount;
  const large = Math.min(VIOS_TIERS.large.entitledCapacity, VIOS_TIERS.ssp.entitledCapacity) * settings.viosCount;
  const costs = new Map<number, Array<{ large: number; small: number; perClient: number }>>();
  for (const candidate of candidates) {
    const target = constraints.targetCpuUtilization * candidate.activeCores;
    for (const lpar of lparsByCandidate.get(candidate.key) ?? []) {
      const ways = costs.get(lpar.instance.index) ?? [];
      ways.push({
        large: (lpar.demandMean * candidate.activeCores) / Math.max(target - large, 1e-6),
        small: (lpar.demandMean * candidate.activeCores) / Math.max(target - small, 1e-6),
        perClient: candidate.activeCores / SMALL_VIOS_LIMITS.clients,
      });
      costs.set(lpar.instance.index, ways);
    }
  }
  let best = 0;
  for (const lambda of [0.5, 0.7, 0.8, 0.9, 0.95, 1]) {
    let total = 0;
    for (const ways of costs.values()) {
      let cheapest = Number.POSITIVE_INFINITY;
      for (const way of ways) cheapest = Math.min(cheapest, way.large, lambda * way.small + (1 - lambda) * way.perClient);
      total += cheapest;
    }
    best = Math.max(best, total);
  }
  return best;
}

/**
 * Each instance takes at least its smallest share of a server over all candidates, in processor demand
 * (against the target utilisation less the smallest VIOS) and in memory; an haGroup needs one server per member.
 */
export function lowerBounds(instances: readonly Instance[], candidates: readonly Candidate[], lparsByCandidate: Map<string, Lpar[]>, settings: PackSettings): BoundsResult {
  const { constraints } = settings.plan;
  const smallestVios = viosTier(emptyViosLoad()).entitledCapacity * settings.viosCount;
  const cpuCapacity = (candidate: Candidate) => Math.max(constraints.targetCpuUtilization * candidate.activeCores - smallestVios, 1e-6);
  const minCpuShare = new Map<number, number>();
  const minMemoryShare = new Map<number, number>();
  const minCores = new Map<number, number>();
  // Cores an instance takes at least, counting its share of the servers' VIOS: a server of `candidate` holds at most
  // target × cores − VIOS of client demand, so each core of client demand costs cores / (that capacity).
  const minCpuCores = new Map<number, number>();
  const minMemoryCores = new Map<number, number>();
  const perCandidate = new Map<string, { servers: number; load: number }>();
  for (const candidate of candidates) {
    const lpars = lparsByCandidate.get(candidate.key) ?? [];
    let demand = 0;
    let memory = 0;
    for (const lpar of lpars) {
      const index = lpar.instance.index;
      // The mean over the day: with time-of-day sharing no server's busiest slot is below its partitions' mean.
      const cpuShare = lpar.demandMean / cpuCapacity(candidate);
      const memoryShare = candidate.maxMemoryGiB === null ? 0 : lpar.memoryGiB / (candidate.maxMemoryGiB * constraints.targetMemoryUtilization);
      minCpuShare.set(index, Math.min(minCpuShare.get(index) ?? Number.POSITIVE_INFINITY, cpuShare));
      minMemoryShare.set(index, Math.min(minMemoryShare.get(index) ?? Number.POSITIVE_INFINITY, memoryShare));
      minCores.set(index, Math.min(minCores.get(index) ?? Number.POSITIVE_INFINITY, lpar.demandMean / constraints.targetCpuUtilization));
      minCpuCores.set(index, Math.min(minCpuCores.get(index) ?? Number.POSITIVE_INFINITY, cpuShare * candidate.activeCores));
      minMemoryCores.set(index, Math.min(minMemoryCores.get(index) ?? Number.POSITIVE_INFINITY, memoryShare * candidate.activeCores));
      demand += cpuShare;
      memory += memoryShare;
    }
    perCandidate.set(candidate.key, { servers: Math.max(Math.ceil(demand - 1e-9), Math.ceil(memory - 1e-9), lpars.length > 0 ? 1 : 0), load: Math.max(demand, memory) });
  }
  const sum = (map: Map<number, number>) => [...map.values()].reduce((total, value) => total + value, 0);
  const groups = new Map<string, number>();
  for (const instance of instances) {
    const group = instance.workload.haGroup;
    if (group !== undefined && minCpuShare.has(instance.index)) groups.set(group, (groups.get(group) ?? 0) + 1);
  }
  let servers = Math.max(Math.ceil(sum(minCpuShare) - 1e-9), Math.ceil(sum(minMemoryShare) - 1e-9), ...groups.values(), minCpuShare.size > 0 ? 1 : 0);
  // Processor and memory are separate relaxations: each bounds the cores alone, so the larger one holds.
  let cores = Math.max(sum(minCores) + (servers * smallestVios) / constraints.targetCpuUtilization, sum(minCpuCores), sum(minMemoryCores), viosTierCores(candidates, lparsByCandidate, settings));
  if (constraints.redundancy === 'n+1' && minCpuShare.size > 0) {
    // The survivors of any one loss hold everything: one more server, and at least the smallest server's cores more.
    servers += 1;
    cores += Math.min(...candidates.map((candidate) => candidate.activeCores));
  }
  return { servers, cores, perCandidate };
}
