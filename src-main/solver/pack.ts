// Servers as bins: every dimension PowerVM cares about is checked on each move (cores and entitlement,
// utilisation including the VIOS, memory including the hypervisor's, partition counts, haGroup anti-affinity).
import type { ViosMinimum } from '../catalog/schema';
import type { PlanFile } from '../plan/schema';
import { FIRMWARE_SHARE_OF_INSTALLED, HYPERVISOR_MIB_PER_VIRTUAL_FC, MICRO_PARTITIONS_PER_CORE, VIOS_TIERS, type ViosLoad, type ViosTierName, addToViosLoad, emptyViosLoad, hptGiB, pptGiB, roundToLmb, viosTierName } from '../powervm';
import type { Candidate, Lpar } from './normalise';

const EPSILON = 1e-9;
/** Installed memory is proposed in steps of this many GiB [practice]; the model's maximum bounds it when published. */
export const MEMORY_STEP_GIB = 32;

export interface PackSettings {
  plan: PlanFile;
  viosCount: 0 | 1 | 2;
  viosMinimum: ViosMinimum | undefined;
}

export function viosCountOf(plan: PlanFile): 0 | 1 | 2 {
  return plan.constraints.vios === 'dual' ? 2 : plan.constraints.vios === 'single' ? 1 : 0;
}

/** Memory the hypervisor and the partitions need, and the installed memory that keeps it under the target. */
export function memoryNeed(partitionsGiB: number, pageTablesGiB: number, virtualFcAdapters: number, plan: PlanFile): { installedGiB: number; hypervisorGiB: number; firmwareGiB: number } {
  const target = plan.constraints.targetMemoryUtilization;
  const fixed = partitionsGiB + pageTablesGiB + (virtualFcAdapters * HYPERVISOR_MIB_PER_VIRTUAL_FC) / 1024;
  const userFirmware = plan.constraints.hypervisorFirmwareGiB;
  const installedExact = userFirmware !== null ? (fixed + userFirmware) / target : fixed / Math.max(target - FIRMWARE_SHARE_OF_INSTALLED, 0.01);
  const installedGiB = Math.max(MEMORY_STEP_GIB, Math.ceil(installedExact / MEMORY_STEP_GIB - EPSILON) * MEMORY_STEP_GIB);
  const firmwareGiB = userFirmware ?? installedGiB * FIRMWARE_SHARE_OF_INSTALLED;
  return { installedGiB, hypervisorGiB: fixed - partitionsGiB + firmwareGiB, firmwareGiB };
}

const NO_VIOS = { ec: 0, memoryGiB: 0, pageTablesGiB: 0 };
const BLOCKED = 'blocked';

export class ServerBin {
  readonly lpars: Lpar[] = [];
  cpuUnits = 0;
  demandCores = 0;
  memoryGiB = 0;
  pageTablesGiB = 0;
  sharedPartitions = 0;
  /** Cores taken by AIX and IBM i partitions, limited on the Linux-first L models. */
  nonLinuxUnits = 0;
  readonly load: ViosLoad = emptyViosLoad();
  readonly haGroups = new Map<string, number>();

  constructor(
    readonly candidate: Candidate,
    private readonly settings: PackSettings,
  ) {
    const shape = (tier: ViosTierName) => {
      const start = VIOS_TIERS[tier];
      const ec = Math.max(start.entitledCapacity, settings.viosMinimum?.minEntitledCapacity ?? 0);
      const memoryGiB = roundToLmb(Math.max(start.memoryGiB, settings.viosMinimum?.minMemoryGiB ?? 0), settings.plan.constraints.lmbMiB);
      return { ec, memoryGiB, pageTablesGiB: hptGiB(memoryGiB, 'vios') + pptGiB(memoryGiB) };
    };
    this.viosShapes = { small: shape('small'), large: shape('large'), ssp: shape('ssp') };
  }

  /** The VIOS of each starting-point tier on this server, computed once (LMB rounding, page tables). */
  private readonly viosShapes: Record<ViosTierName, { ec: number; memoryGiB: number; pageTablesGiB: number }>;

  /** Whether `lpar` can join this server: the inner loop of packing, so no message is built. */
  fits(lpar: Lpar): boolean {
    return this.check(lpar, false) === null;
  }

  /** Why `lpar` cannot join this server, or null when it can. */
  blocker(lpar: Lpar): string | null {
    return this.check(lpar, true);
  }

  private check(lpar: Lpar, explain: boolean): string | null {
    const { candidate, settings } = this;
    const { constraints } = settings.plan;
    const group = lpar.instance.workload.haGroup;
    if (group !== undefined && this.haGroups.has(group)) return explain ? `haGroup "${group}" already has a member on this server` : BLOCKED;
    const vioses = settings.viosCount;
    if (this.lpars.length + 1 + vioses > candidate.maxPartitions) return explain ? `partition limit of ${candidate.maxPartitions} per server` : BLOCKED;
    const vios = vioses > 0 ? this.viosShapes[viosTierName(this.load, lpar.instance.io)] : NO_VIOS;
    const shared = this.sharedPartitions + (lpar.mode === 'shared' ? 1 : 0) + vioses;
    if (shared > MICRO_PARTITIONS_PER_CORE * candidate.activeCores) return explain ? `${MICRO_PARTITIONS_PER_CORE} micro-partitions per core` : BLOCKED;
    const cpuUnits = this.cpuUnits + lpar.cpuUnits + vios.ec * vioses;
    if (cpuUnits > candidate.activeCores + EPSILON) {
      return explain ? `entitlement ${cpuUnits.toFixed(2)} would exceed the ${candidate.activeCores} active cores` : BLOCKED;
    }
    if (lpar.instance.workload.os !== 'linux' && candidate.nonLinuxCoreShare < 1) {
      const nonLinux = this.nonLinuxUnits + lpar.cpuUnits;
      if (nonLinux > candidate.nonLinuxCoreShare * candidate.activeCores + EPSILON) {
        return explain ? `${candidate.model.name} lets AIX and IBM i use at most ${Math.round(candidate.nonLinuxCoreShare * 100)} % of its cores` : BLOCKED;
      }
    }
    const demand = this.demandCores + lpar.demandCores + vios.ec * vioses;
    if (demand > constraints.targetCpuUtilization * candidate.activeCores + EPSILON) {
      return explain ? `processor demand ${demand.toFixed(2)} cores would exceed ${Math.round(constraints.targetCpuUtilization * 100)} % of ${candidate.activeCores} cores` : BLOCKED;
    }
    if (candidate.maxMemoryGiB !== null) {
      // Cheap necessary condition first: the partitions alone, at the target, must fit the maximum.
      if ((this.memoryGiB + lpar.memoryGiB) / constraints.targetMemoryUtilization > candidate.maxMemoryGiB + EPSILON) {
        return explain ? `memory would exceed the ${candidate.maxMemoryGiB.toLocaleString('en-US')} GiB maximum at the ${Math.round(constraints.targetMemoryUtilization * 100)} % target` : BLOCKED;
      }
      const need = memoryNeed(
        this.memoryGiB + lpar.memoryGiB + vios.memoryGiB * vioses,
        this.pageTablesGiB + lpar.pageTablesGiB + vios.pageTablesGiB * vioses,
        (this.load.npivClients + (lpar.instance.io.storage === 'npiv' ? 1 : 0)) * vioses,
        settings.plan,
      );
      if (need.installedGiB > candidate.maxMemoryGiB + EPSILON) {
        return explain ? `memory would need ${need.installedGiB.toLocaleString('en-US')} GiB installed, above the ${candidate.maxMemoryGiB.toLocaleString('en-US')} GiB maximum` : BLOCKED;
      }
    }
    return null;
  }

  add(lpar: Lpar): void {
    this.lpars.push(lpar);
    this.cpuUnits += lpar.cpuUnits;
    this.demandCores += lpar.demandCores;
    this.memoryGiB += lpar.memoryGiB;
    this.pageTablesGiB += lpar.pageTablesGiB;
    if (lpar.mode === 'shared') this.sharedPartitions += 1;
    if (lpar.instance.workload.os !== 'linux') this.nonLinuxUnits += lpar.cpuUnits;
    addToViosLoad(this.load, lpar.instance.io);
    const group = lpar.instance.workload.haGroup;
    if (group !== undefined) this.haGroups.set(group, (this.haGroups.get(group) ?? 0) + 1);
  }

  remove(lpar: Lpar): void {
    const at = this.lpars.indexOf(lpar);
    if (at < 0) return;
    this.lpars.splice(at, 1);
    this.cpuUnits -= lpar.cpuUnits;
    this.demandCores -= lpar.demandCores;
    this.memoryGiB -= lpar.memoryGiB;
    this.pageTablesGiB -= lpar.pageTablesGiB;
    if (lpar.mode === 'shared') this.sharedPartitions -= 1;
    if (lpar.instance.workload.os !== 'linux') this.nonLinuxUnits -= lpar.cpuUnits;
    addToViosLoad(this.load, lpar.instance.io, -1);
    const group = lpar.instance.workload.haGroup;
    if (group !== undefined) {
      const left = (this.haGroups.get(group) ?? 1) - 1;
      if (left <= 0) this.haGroups.delete(group);
      else this.haGroups.set(group, left);
    }
  }

  /** Share of the cores the clients use, for ordering and balancing. */
  cpuFill(): number {
    return this.demandCores / this.candidate.activeCores;
  }
}

/** Scalar size for sorting: the larger of the processor and memory shares of one server (tight resource dominates). */
export function sizeKey(lpar: Lpar, candidate: Candidate, plan: PlanFile): number {
  const cpu = lpar.demandCores / (candidate.activeCores * plan.constraints.targetCpuUtilization);
  const memoryCapacity = candidate.maxMemoryGiB ?? 4096;
  return Math.max(cpu, lpar.memoryGiB / (memoryCapacity * plan.constraints.targetMemoryUtilization));
}

export type Strategy = 'first-fit' | 'best-fit' | 'worst-fit';

export interface PackResult {
  bins: ServerBin[];
  /** Lpars no server of this candidate can hold, with the reason. */
  rejected: Array<{ lpar: Lpar; reason: string }>;
}

/** Decreasing-size packing with one of three bin choices; opens servers up to `maxBins`. */
/** Max-tree over the servers' processor room, so first-fit skips full servers in O(log n) (10,000-workload plans). */
class RoomTree {
  private size = 1;
  private tree: Float64Array;
  constructor(capacity: number) {
    while (this.size < Math.max(capacity, 1)) this.size *= 2;
    this.tree = new Float64Array(2 * this.size).fill(Number.NEGATIVE_INFINITY);
  }
  set(index: number, room: number): void {
    if (index >= this.size) this.grow(index + 1);
    let node = index + this.size;
    this.tree[node] = room;
    for (node >>= 1; node >= 1; node >>= 1) this.tree[node] = Math.max(this.tree[2 * node]!, this.tree[2 * node + 1]!);
  }
  /** The largest room of any server. */
  max(): number {
    return this.tree[1]!;
  }

  /** First index at or after `from` whose room is at least `need`, or -1 (iterative: this is the hot loop). */
  firstAtLeast(need: number, from: number): number {
    if (from >= this.size) return -1;
    let node = from + this.size;
    for (;;) {
      if (this.tree[node]! >= need) {
        while (node < this.size) {
          node *= 2;
          if (this.tree[node]! < need) node += 1;
        }
        return node - this.size;
      }
      // Climb while this is a right child, then step to the next subtree on the right.
      while (node & 1) {
        node >>= 1;
        if (node === 0) return -1;
      }
      node += 1;
    }
  }
  private grow(capacity: number): void {
    const old = this.tree;
    const oldSize = this.size;
    while (this.size < capacity) this.size *= 2;
    this.tree = new Float64Array(2 * this.size).fill(Number.NEGATIVE_INFINITY);
    for (let index = 0; index < oldSize; index += 1) this.set(index, old[index + oldSize]!);
  }
}

/** Decreasing-size packing with one of three bin choices; opens servers up to `maxBins`. */
export function pack(lpars: readonly Lpar[], candidate: Candidate, settings: PackSettings, strategy: Strategy, maxBins = Number.POSITIVE_INFINITY, openBins = 0): PackResult {
  const sorted = [...lpars].sort((a, b) => sizeKey(b, candidate, settings.plan) - sizeKey(a, candidate, settings.plan) || a.instance.index - b.instance.index);
  // Servers opened up front let worst-fit spread the load over all of them (balancing, N+1 headroom).
  const bins: ServerBin[] = Array.from({ length: openBins }, () => new ServerBin(candidate, settings));
  const capacity = candidate.activeCores * settings.plan.constraints.targetCpuUtilization;
  const rooms = new RoomTree(Math.max(openBins, 64));
  bins.forEach((bin, index) => rooms.set(index, capacity - bin.demandCores));
  const rejected: PackResult['rejected'] = [];
  for (const lpar of sorted) {
    let chosen: ServerBin | null = null;
    let chosenIndex = -1;
    if (strategy === 'first-fit') {
      // Room is necessary, not sufficient (VIOS, memory, haGroups): check each server that has it, in order.
      for (let index = rooms.firstAtLeast(lpar.demandCores - 1e-9, 0); index >= 0; index = rooms.firstAtLeast(lpar.demandCores - 1e-9, index + 1)) {
        if (bins[index]!.fits(lpar)) {
          chosen = bins[index]!;
          chosenIndex = index;
          break;
        }
      }
    } else if (strategy === 'worst-fit' && rooms.max() >= lpar.demandCores) {
      // Worst fit is usually the server with the most room: take it when it fits, else scan below.
      const roomiest = rooms.firstAtLeast(rooms.max(), 0);
      if (roomiest >= 0 && bins[roomiest]!.fits(lpar)) {
        chosen = bins[roomiest]!;
        chosenIndex = roomiest;
      }
    }
    if (chosen === null && strategy !== 'first-fit') {
      let chosenScore = 0;
      for (const [index, bin] of bins.entries()) {
        if (bin.demandCores + lpar.demandCores > capacity + 1e-9 || !bin.fits(lpar)) continue;
        const slack = 1 - (bin.demandCores + lpar.demandCores) / capacity;
        const score = strategy === 'best-fit' ? -slack : slack;
        if (chosen === null || score > chosenScore) {
          chosen = bin;
          chosenIndex = index;
          chosenScore = score;
        }
      }
    }
    if (chosen === null) {
      const fresh = new ServerBin(candidate, settings);
      const reason = fresh.blocker(lpar);
      if (reason !== null) {
        rejected.push({ lpar, reason: `on an empty ${candidate.model.name} ${candidate.activeCores}-core: ${reason}` });
        continue;
      }
      if (bins.length >= maxBins) {
        rejected.push({ lpar, reason: `the plan allows at most ${maxBins} servers and none of them has room left` });
        continue;
      }
      bins.push(fresh);
      chosen = fresh;
      chosenIndex = bins.length - 1;
    }
    chosen.add(lpar);
    rooms.set(chosenIndex, capacity - chosen.demandCores);
  }
  return { bins, rejected };
}

export const LOCAL_SEARCH_VICTIMS = 8;

/** Local search: empty the least-loaded server into the others while that works. */
export function emptyLightServers(bins: ServerBin[]): ServerBin[] {
  let current = [...bins];
  let improved = true;
  while (improved && current.length > 1) {
    improved = false;
    // The lightest few servers are the ones worth emptying; trying all of them is quadratic on large plans.
    const order = [...current].sort((a, b) => a.cpuFill() - b.cpuFill()).slice(0, LOCAL_SEARCH_VICTIMS);
    for (const victim of order) {
      const others = current.filter((bin) => bin !== victim);
      const moves: Array<[Lpar, ServerBin]> = [];
      let ok = true;
      for (const lpar of [...victim.lpars].sort((a, b) => b.demandCores - a.demandCores)) {
        const target = others.find((bin) => bin.fits(lpar));
        if (!target) {
          ok = false;
          break;
        }
        target.add(lpar);
        moves.push([lpar, target]);
      }
      if (ok) {
        current = others;
        improved = true;
        break;
      }
      for (const [lpar, target] of moves) target.remove(lpar);
    }
  }
  return current;
}

/**
 * N+1: for each server, where each of its partitions would run if it were lost (first fit into the survivors'
 * free capacity, anti-affinity kept). Returns null when some partition has nowhere to go.
 */
export function failoverMap(bins: readonly ServerBin[], ids: readonly string[]): Record<string, Record<string, string>> | null {
  const map: Record<string, Record<string, string>> = {};
  for (let lost = 0; lost < bins.length; lost += 1) {
    const victim = bins[lost]!;
    const placed: Array<[Lpar, ServerBin]> = [];
    const entry: Record<string, string> = {};
    let ok = true;
    for (const lpar of [...victim.lpars].sort((a, b) => b.demandCores - a.demandCores)) {
      const survivorIndex = bins.findIndex((bin, index) => index !== lost && bin.fits(lpar));
      if (survivorIndex < 0) {
        ok = false;
        break;
      }
      const survivor = bins[survivorIndex]!;
      survivor.add(lpar);
      placed.push([lpar, survivor]);
      entry[lpar.instance.name] = ids[survivorIndex]!;
    }
    for (const [lpar, survivor] of placed) survivor.remove(lpar);
    if (!ok) return null;
    map[ids[lost]!] = entry;
  }
  return map;
}
