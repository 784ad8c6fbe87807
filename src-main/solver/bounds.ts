// Lower bounds, so the answer's distance to the best possible can be reported honestly.
import { viosTier, emptyViosLoad } from '../powervm';
import type { Candidate, Instance, Lpar } from './normalise';
import type { PackSettings } from './pack';

export interface BoundsResult {
  /** No solution, mixed or not, has fewer servers. */
  servers: number;
  /** No solution has fewer licensed cores (continuous relaxation). */
  cores: number;
  /** Per candidate used alone, for ranking the candidates. */
  perCandidate: Map<string, { servers: number }>;
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
  const perCandidate = new Map<string, { servers: number }>();
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
    perCandidate.set(candidate.key, { servers: Math.max(Math.ceil(demand - 1e-9), Math.ceil(memory - 1e-9), lpars.length > 0 ? 1 : 0) });
  }
  const sum = (map: Map<number, number>) => [...map.values()].reduce((total, value) => total + value, 0);
  const groups = new Map<string, number>();
  for (const instance of instances) {
    const group = instance.workload.haGroup;
    if (group !== undefined && minCpuShare.has(instance.index)) groups.set(group, (groups.get(group) ?? 0) + 1);
  }
  let servers = Math.max(Math.ceil(sum(minCpuShare) - 1e-9), Math.ceil(sum(minMemoryShare) - 1e-9), ...groups.values(), minCpuShare.size > 0 ? 1 : 0);
  // Processor and memory are separate relaxations: each bounds the cores alone, so the larger one holds.
  let cores = Math.max(sum(minCores) + (servers * smallestVios) / constraints.targetCpuUtilization, sum(minCpuCores), sum(minMemoryCores));
  if (constraints.redundancy === 'n+1' && minCpuShare.size > 0) {
    // The survivors of any one loss hold everything: one more server, and at least the smallest server's cores more.
    servers += 1;
    cores += Math.min(...candidates.map((candidate) => candidate.activeCores));
  }
  return { servers, cores, perCandidate };
}
