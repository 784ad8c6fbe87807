// Lower bounds, so the answer's distance to the best possible can be reported honestly.
import { SMALL_VIOS_LIMITS, memoryCapacityGiB } from '../powervm';
import type { Candidate, Instance, Lpar } from './normalise';
import { type PackSettings, viosShape } from './pack';

export interface BoundsResult {
  /** No solution, mixed or not, has fewer servers. */
  servers: number;
  /** No solution has fewer licensed cores (continuous relaxation). */
  cores: number;
}

export interface CandidateLoad {
  servers: number;
  load: number;
}

/**
 * Cores counting which VIOS each server must run and its memory together. A server of configuration c (K cores)
 * holds client demand D ≤ t·K − V and client memory M ≤ its usable memory U, so K ≥ K·D/(t·K − V) and K ≥ K·M/U,
 * and so K ≥ μ·(the first) + (1 − μ)·(the second) for any μ in [0, 1]. The VIOS it runs is large beyond
 * SMALL_VIOS_LIMITS.clients clients; a small-VIOS server holds at most that many, so its first term is at least
 * λ·K·D/(t·K − V_small) + (1 − λ)·K·clients/limit for any λ in [0, 1]. Both hold server by server, so λ and μ may differ
 * per configuration: each client takes its cheapest configuration, and the sum is a lower bound for every choice of
 * (λ, μ) per configuration. Coordinate ascent over a grid of them keeps the best found (Lagrangian relaxation of the
 * configuration LP; memory-bound plans are where it counts: the configurations cheapest in processor run out of memory).
 */
const LAMBDAS = [0.5, 0.7, 0.8, 0.9, 0.95, 1];
/** Coordinate ascent stops after this many sweeps (on the bench families it settles within 4 to 8). */
const COUPLED_SWEEPS = 8;
const MUS = [0, 0.2, 0.4, 0.6, 0.7, 0.8, 0.9, 0.95, 1];

/** What one configuration can hold, per instance it can run (a column of the relaxation). */
export interface Column {
  candidate: Candidate;
  instances: Int32Array;
  demand: Float64Array;
  memory: Float64Array;
  /** Cores per core of client demand on a large-VIOS server, on a small-VIOS one, and per client on a small-VIOS one. */
  largeRate: number;
  smallRate: number;
  perClient: number;
  /** Cores per GiB of client memory (0 when the configuration's maximum memory is not published). */
  memoryRate: number;
}

export function columnsOf(
  candidates: readonly Candidate[],
  lparsByCandidate: Map<string, Lpar[]>,
  settings: PackSettings,
): Column[] {
  const { constraints } = settings.plan;
  const vioses = settings.viosCount;
  const small = viosShape('small', settings);
  const large = viosShape('large', settings);
  const ssp = viosShape('ssp', settings);
  const largeEc = vioses === 0 ? 0 : Math.min(large.ec, ssp.ec) * vioses;
  const smallEc = small.ec * vioses;
  // Partition memory without page tables: the hypervisor reserve rule bounds it by (target - share) x maximum.
  const smallestViosMemory = Math.min(small.memoryGiB, large.memoryGiB, ssp.memoryGiB) * vioses;
  const columns: Column[] = [];
  for (const candidate of candidates) {
    const lpars = lparsByCandidate.get(candidate.key) ?? [];
    if (lpars.length === 0) continue;
    const target = constraints.targetCpuUtilization * candidate.activeCores;
    const usableMemory = usableClientMemoryGiB(candidate, settings, smallestViosMemory);
    const instances = new Int32Array(lpars.length);
    const demand = new Float64Array(lpars.length);
    const memory = new Float64Array(lpars.length);
    for (let at = 0; at < lpars.length; at += 1) {
      const lpar = lpars[at]!;
      instances[at] = lpar.instance.index;
      demand[at] = lpar.demandMean;
      memory[at] = lpar.memoryGiB;
    }
    columns.push({
      candidate,
      instances,
      demand,
      memory,
      largeRate: candidate.activeCores / Math.max(target - largeEc, 1e-6),
      smallRate: candidate.activeCores / Math.max(target - smallEc, 1e-6),
      perClient: vioses === 0 ? 0 : candidate.activeCores / SMALL_VIOS_LIMITS.clients,
      memoryRate: usableMemory === null ? 0 : candidate.activeCores / Math.max(usableMemory, 1e-6),
    });
  }
  return columns;
}

/**
 * The most client partition memory a server of `candidate` can hold: installed memory at most the maximum, the VIOS's
 * memory taken first, and the partitions at most (target - firmware share) of it, since the hypervisor reserves at
 * least that share (powervm/memory.ts: the reserve is the larger of the share and the page tables).
 */
function usableClientMemoryGiB(candidate: Candidate, settings: PackSettings, viosMemoryGiB: number): number | null {
  if (candidate.maxMemoryGiB === null) return null;
  const { targetMemoryUtilization, hypervisorFirmwareGiB } = settings.plan.constraints;
  return (
    memoryCapacityGiB(candidate.maxMemoryGiB, targetMemoryUtilization, hypervisorFirmwareGiB).partitionsGiB -
    viosMemoryGiB
  );
}

/** Per configuration, the (λ, μ) of the best relaxation found, as indices into LAMBDAS and MUS. */
type Multipliers = Array<{ lambda: number; mu: number }>;

/** A column's cost per instance for each λ, processor only, and memory only: the inner loops read these. */
interface ColumnCosts {
  processor: Float64Array[];
  memory: Float64Array;
}

function costsOf(column: Column): ColumnCosts {
  const count = column.instances.length;
  const processor = LAMBDAS.map(() => new Float64Array(count));
  const memory = new Float64Array(count);
  for (let at = 0; at < count; at += 1) {
    const demand = column.demand[at]!;
    const viaLarge = demand * column.largeRate;
    for (let l = 0; l < LAMBDAS.length; l += 1)
      processor[l]![at] = Math.min(
        viaLarge,
        LAMBDAS[l]! * demand * column.smallRate + (1 - LAMBDAS[l]!) * column.perClient,
      );
    memory[at] = column.memory[at]! * column.memoryRate;
  }
  return { processor, memory };
}

function costAt(costs: ColumnCosts, at: number, multipliers: { lambda: number; mu: number }): number {
  const mu = MUS[multipliers.mu]!;
  return mu * costs.processor[multipliers.lambda]![at]! + (1 - mu) * costs.memory[at]!;
}

export function coupledCores(
  columns: readonly Column[],
  size: number,
): { cores: number; costs: ColumnCosts[]; multipliers: Multipliers } {
  const costs = columns.map(costsOf);
  const processorOnly = MUS.length - 1;
  const best = new Float64Array(size);
  const second = new Float64Array(size);
  const bestColumn = new Int32Array(size);
  const bestFor = new Int32Array(columns.length);
  const rank = (multipliers: Multipliers) => {
    best.fill(Number.POSITIVE_INFINITY);
    second.fill(Number.POSITIVE_INFINITY);
    bestColumn.fill(-1);
    for (let c = 0; c < columns.length; c += 1) {
      const instances = columns[c]!.instances;
      const mu = MUS[multipliers[c]!.mu]!;
      const processor = costs[c]!.processor[multipliers[c]!.lambda]!;
      const memory = costs[c]!.memory;
      for (let at = 0; at < instances.length; at += 1) {
        const index = instances[at]!;
        const value = mu * processor[at]! + (1 - mu) * memory[at]!;
        if (value < best[index]!) {
          second[index] = best[index]!;
          best[index] = value;
          bestColumn[index] = c;
        } else if (value < second[index]!) second[index] = value;
      }
    }
    bestFor.fill(0);
    let sum = 0;
    for (let index = 0; index < size; index += 1) {
      const column = bestColumn[index]!;
      if (column < 0) continue;
      bestFor[column] = bestFor[column]! + 1;
      sum += best[index]!;
    }
    return sum;
  };
  // Start from the best λ shared by all configurations, processor only.
  let multipliers: Multipliers = [];
  let total = -1;
  for (let lambda = 0; lambda < LAMBDAS.length; lambda += 1) {
    const trial = columns.map(() => ({ lambda, mu: processorOnly }));
    const sum = rank(trial);
    if (sum > total) [total, multipliers] = [sum, trial];
  }
  total = rank(multipliers);
  const other = new Float64Array(size);
  for (let sweep = 0; sweep < COUPLED_SWEEPS; sweep += 1) {
    let improved = false;
    for (let c = 0; c < columns.length; c += 1) {
      const { instances, perClient, memoryRate } = columns[c]!;
      // Changing a configuration's multipliers raises the sum only through the instances it is cheapest for.
      if (bestFor[c] === 0) continue;
      let baseline = 0;
      for (let at = 0; at < instances.length; at += 1) {
        const index = instances[at]!;
        other[at] = bestColumn[index] === c ? second[index]! : best[index]!;
        baseline += best[index]!;
      }
      // μ for the current λ, then λ for that μ: the two searches cost far less than the whole grid.
      const sumAt = (lambda: number, m: number) => {
        const processor = costs[c]!.processor[lambda]!;
        const memory = costs[c]!.memory;
        const mu = MUS[m]!;
        let sum = 0;
        for (let at = 0; at < instances.length; at += 1)
          sum += Math.min(other[at]!, mu * processor[at]! + (1 - mu) * memory[at]!);
        return sum;
      };
      let bestSum = baseline + 1e-9;
      let chosen: { lambda: number; mu: number } | null = null;
      const current = multipliers[c]!;
      if (memoryRate > 0) {
        for (let m = 0; m < MUS.length; m += 1) {
          const sum = m === current.mu ? baseline : sumAt(current.lambda, m);
          if (sum > bestSum) [bestSum, chosen] = [sum, { lambda: current.lambda, mu: m }];
        }
      }
      if (perClient > 0) {
        const mu = chosen?.mu ?? current.mu;
        for (let lambda = 0; lambda < LAMBDAS.length; lambda += 1) {
          if (lambda === current.lambda && mu === current.mu) continue;
          const sum = sumAt(lambda, mu);
          if (sum > bestSum) [bestSum, chosen] = [sum, { lambda, mu }];
        }
      }
      if (!chosen) continue;
      multipliers[c] = chosen;
      total = rank(multipliers);
      improved = true;
    }
    if (!improved) break;
  }
  return { cores: total, costs, multipliers };
}

/**
 * N+1: losing the largest server (K cores) leaves servers of at most K cores that hold every workload, so a solution
 * costs at least K + (the cheapest way to hold everything on configurations of at most K cores). The smallest such
 * sum over the sizes K a largest server can have is a lower bound, for the coupled relaxation's multipliers and for
 * each λ shared by all configurations (processor only); the best of them is kept.
 */
function nPlusOneCores(
  columns: readonly Column[],
  coupled: ReturnType<typeof coupledCores>,
  size: number,
  placeable: number,
): number {
  const order = columns
    .map((_, c) => c)
    .sort((a, b) => columns[a]!.candidate.activeCores - columns[b]!.candidate.activeCores);
  const choices: Multipliers[] = [
    coupled.multipliers,
    ...LAMBDAS.map((_, lambda) => columns.map(() => ({ lambda, mu: MUS.length - 1 }))),
  ];
  let best = -1;
  for (const multipliers of choices) {
    const cheapest = new MinimumPerInstance(size);
    let smallest = Number.POSITIVE_INFINITY;
    for (const [at, c] of order.entries()) {
      const column = columns[c]!;
      for (let j = 0; j < column.instances.length; j += 1)
        cheapest.offer(column.instances[j]!, costAt(coupled.costs[c]!, j, multipliers[c]!));
      if (columns[order[at + 1]!]?.candidate.activeCores === column.candidate.activeCores) continue;
      const total = cheapest.total();
      // Servers this small must hold every workload; otherwise the largest server is bigger.
      if (total.count < placeable) continue;
      smallest = Math.min(smallest, column.candidate.activeCores + total.sum);
    }
    best = Math.max(best, smallest);
  }
  return best;
}

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

function instanceSlots(columns: readonly Column[]): number {
  let size = 0;
  for (const column of columns) for (const index of column.instances) size = Math.max(size, index + 1);
  return size;
}

/** Per candidate used alone, for ranking the candidates: whole servers, and the servers' worth of load unrounded. */
export function candidateLoads(
  candidates: readonly Candidate[],
  lparsByCandidate: Map<string, Lpar[]>,
  settings: PackSettings,
): Map<string, CandidateLoad> {
  const loads = new Map<string, CandidateLoad>();
  for (const { candidate, demand, memory, largeRate, memoryRate } of columnsOf(
    candidates,
    lparsByCandidate,
    settings,
  )) {
    // Shares of one server: processor with the large VIOS a full server runs, memory against what clients can use.
    let processor = 0;
    let memoryShare = 0;
    for (let at = 0; at < demand.length; at += 1) {
      processor += (demand[at]! * largeRate) / candidate.activeCores;
      memoryShare += (memory[at]! * memoryRate) / candidate.activeCores;
    }
    loads.set(candidate.key, {
      servers: Math.max(Math.ceil(processor - 1e-9), Math.ceil(memoryShare - 1e-9), 1),
      load: Math.max(processor, memoryShare),
    });
  }
  return loads;
}

export function lowerBounds(
  instances: readonly Instance[],
  candidates: readonly Candidate[],
  lparsByCandidate: Map<string, Lpar[]>,
  settings: PackSettings,
): BoundsResult {
  const { constraints } = settings.plan;
  const columns = columnsOf(candidates, lparsByCandidate, settings);
  const size = instanceSlots(columns);
  const smallestViosEc =
    Math.min(viosShape('small', settings).ec, viosShape('large', settings).ec, viosShape('ssp', settings).ec) *
    settings.viosCount;
  // Shares of a server each instance takes at least, in processor (the smallest VIOS) and in memory, over all candidates.
  const minCpuShare = new MinimumPerInstance(size);
  const minMemoryShare = new MinimumPerInstance(size);
  const minMemoryCores = new MinimumPerInstance(size);
  for (const { candidate, instances: indices, demand, memory, memoryRate } of columns) {
    const capacity = Math.max(constraints.targetCpuUtilization * candidate.activeCores - smallestViosEc, 1e-6);
    for (let at = 0; at < indices.length; at += 1) {
      const memoryCores = memory[at]! * memoryRate;
      minCpuShare.offer(indices[at]!, demand[at]! / capacity);
      minMemoryShare.offer(indices[at]!, memoryCores / candidate.activeCores);
      minMemoryCores.offer(indices[at]!, memoryCores);
    }
  }
  const groups = new Map<string, number>();
  for (const instance of instances) {
    const group = instance.workload.haGroup;
    if (group !== undefined && minCpuShare.has(instance.index)) groups.set(group, (groups.get(group) ?? 0) + 1);
  }
  const placeable = minCpuShare.total();
  let servers = Math.max(
    Math.ceil(placeable.sum - 1e-9),
    Math.ceil(minMemoryShare.total().sum - 1e-9),
    ...groups.values(),
    placeable.count > 0 ? 1 : 0,
  );
  // The coupled relaxation starts from processor alone, so it is never below the processor bound; memory alone is kept
  // beside it, since the ascent may stop before reaching it.
  const coupled = coupledCores(columns, size);
  let cores = Math.max(coupled.cores, minMemoryCores.total().sum);
  if (constraints.redundancy === 'n+1' && placeable.count > 0) {
    // The survivors of any one loss hold everything: one more server, and at least the smallest server's cores more.
    servers += 1;
    cores = Math.max(
      cores + Math.min(...candidates.map((candidate) => candidate.activeCores)),
      nPlusOneCores(columns, coupled, size, placeable.count),
    );
  }
  return { servers, cores };
}
