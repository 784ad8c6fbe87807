// Servers as bins: every dimension PowerVM cares about is checked on each move (cores and entitlement,
// utilisation including the VIOS, memory including the hypervisor's, partition counts, haGroup anti-affinity).
import type { MemoryFeatures, ViosMinimum } from '../catalog';
import type { PlanFile } from '../plan';
import {
  HYPERVISOR_MIB_PER_VIRTUAL_FC,
  MICRO_PARTITIONS_PER_CORE,
  VIOS_TIERS,
  type ViosLoad,
  type ViosTierName,
  addToViosLoad,
  emptyViosLoad,
  hptGiB,
  hypervisorReserveGiB,
  minimumInstalledGiB,
  orderMemory,
  pptGiB,
  roundToLmb,
  viosTierName,
} from '../powervm';
import { type Message, msg } from './message';
import type { Candidate, Lpar } from './normalise';
import { PROFILE_SLOTS, peakOf } from './time-of-day';

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

/**
 * Memory the hypervisor and the partitions need, and the installed memory that keeps it under the target: in orderable
 * module sizes when the model publishes its memory features, else in plain steps. The hypervisor reserve is the larger
 * of IBM's example share and the page tables, never their sum (powervm/memory.ts).
 */
export function memoryNeed(
  partitionsGiB: number,
  pageTablesGiB: number,
  virtualFcAdapters: number,
  plan: PlanFile,
  orderable: { features: MemoryFeatures | null; maxGiB: number | null; sockets?: number | null } = {
    features: null,
    maxGiB: null,
  },
): { installedGiB: number; hypervisorGiB: number; firmwareGiB: number } {
  const tables = pageTablesGiB + (virtualFcAdapters * HYPERVISOR_MIB_PER_VIRTUAL_FC) / 1024;
  const userFirmware = plan.constraints.hypervisorFirmwareGiB;
  const installedExact = minimumInstalledGiB(
    partitionsGiB,
    tables,
    plan.constraints.targetMemoryUtilization,
    userFirmware,
  );
  const order = orderable.features
    ? orderMemory(installedExact, orderable.features, orderable.maxGiB, orderable.sockets ?? 1)
    : null;
  const installedGiB =
    order?.totalGiB ??
    Math.max(MEMORY_STEP_GIB, Math.ceil(installedExact / MEMORY_STEP_GIB - EPSILON) * MEMORY_STEP_GIB);
  const reserve = hypervisorReserveGiB(installedGiB, tables, userFirmware);
  return { installedGiB, hypervisorGiB: reserve.totalGiB, firmwareGiB: reserve.firmwareGiB };
}

/** One VIOS of a starting-point tier as the server carries it: raised to the version's minimums, memory in whole LMBs. */
export function viosShape(
  tier: ViosTierName,
  settings: PackSettings,
): { ec: number; memoryGiB: number; pageTablesGiB: number } {
  const start = VIOS_TIERS[tier];
  const ec = Math.max(start.entitledCapacity, settings.viosMinimum?.minEntitledCapacity ?? 0);
  const memoryGiB = roundToLmb(
    Math.max(start.memoryGiB, settings.viosMinimum?.minMemoryGiB ?? 0),
    settings.plan.constraints.lmbMiB,
  );
  return { ec, memoryGiB, pageTablesGiB: hptGiB(memoryGiB, 'vios') + pptGiB(memoryGiB) };
}

const NO_VIOS = { ec: 0, memoryGiB: 0, pageTablesGiB: 0 };
const BLOCKED = 'blocked' as const;

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
  /** Client demand per 15-minute slot, when the plan shares capacity by time of day; else null (sum of peaks). */
  readonly slotLoad: Float64Array | null;

  constructor(
    readonly candidate: Candidate,
    private readonly settings: PackSettings,
  ) {
    this.slotLoad = settings.plan.constraints.peakSharing === 'time-of-day' ? new Float64Array(PROFILE_SLOTS) : null;
    this.viosShapes = {
      small: viosShape('small', settings),
      large: viosShape('large', settings),
      ssp: viosShape('ssp', settings),
    };
  }

  /** The VIOS of each starting-point tier on this server, computed once (LMB rounding, page tables). */
  private readonly viosShapes: Record<ViosTierName, { ec: number; memoryGiB: number; pageTablesGiB: number }>;

  /** Whether `lpar` can join this server: the inner loop of packing, so no message is built. */
  fits(lpar: Lpar): boolean {
    return this.check(lpar, false) === null;
  }

  /** Why `lpar` cannot join this server, or null when it can. */
  blocker(lpar: Lpar): Message | null {
    const reason = this.check(lpar, true);
    return reason === null || reason === BLOCKED ? null : reason;
  }

  private check(lpar: Lpar, explain: boolean): Message | typeof BLOCKED | null {
    const { candidate, settings } = this;
    const { constraints } = settings.plan;
    const group = lpar.instance.workload.haGroup;
    if (group !== undefined && this.haGroups.has(group))
      return explain ? msg('solver.blocker.ha-group', { group }) : BLOCKED;
    const vioses = settings.viosCount;
    if (this.lpars.length + 1 + vioses > candidate.maxPartitions)
      return explain ? msg('solver.blocker.partition-limit', { limit: candidate.maxPartitions }) : BLOCKED;
    const vios = vioses > 0 ? this.viosShapes[viosTierName(this.load, lpar.instance.io)] : NO_VIOS;
    const shared = this.sharedPartitions + (lpar.mode === 'shared' ? 1 : 0) + vioses;
    if (shared > MICRO_PARTITIONS_PER_CORE * candidate.activeCores)
      return explain ? msg('solver.blocker.micro-partitions', { perCore: MICRO_PARTITIONS_PER_CORE }) : BLOCKED;
    const cpuUnits = this.cpuUnits + lpar.cpuUnits + vios.ec * vioses;
    if (cpuUnits > candidate.activeCores + EPSILON) {
      return explain
        ? msg('solver.blocker.entitlement', { units: Number(cpuUnits.toFixed(2)), cores: candidate.activeCores })
        : BLOCKED;
    }
    if (lpar.instance.workload.os !== 'linux' && candidate.nonLinuxCoreShare < 1) {
      const nonLinux = this.nonLinuxUnits + lpar.cpuUnits;
      if (nonLinux > candidate.nonLinuxCoreShare * candidate.activeCores + EPSILON) {
        return explain
          ? msg('solver.blocker.non-linux-share', {
              model: candidate.model.name,
              percent: Math.round(candidate.nonLinuxCoreShare * 100),
            })
          : BLOCKED;
      }
    }
    const capacity = constraints.targetCpuUtilization * candidate.activeCores + EPSILON;
    const demand = this.demandCores + lpar.demandCores + vios.ec * vioses;
    // The sum of peaks bounds the combined peak, so the slot-by-slot check runs only when the sum does not fit.
    if (demand > capacity) {
      const combined = this.slotLoad === null ? demand : this.combinedPeakWith(lpar) + vios.ec * vioses;
      if (combined > capacity) {
        const params = {
          demand: Number(combined.toFixed(2)),
          percent: Math.round(constraints.targetCpuUtilization * 100),
          cores: candidate.activeCores,
        };
        return explain
          ? msg(this.slotLoad ? 'solver.blocker.processor-slot' : 'solver.blocker.processor', params)
          : BLOCKED;
      }
    }
    if (candidate.maxMemoryGiB !== null) {
      // Cheap necessary condition first: the partitions alone, at the target, must fit the maximum.
      if ((this.memoryGiB + lpar.memoryGiB) / constraints.targetMemoryUtilization > candidate.maxMemoryGiB + EPSILON) {
        return explain
          ? msg('solver.blocker.memory-maximum', {
              maximum: candidate.maxMemoryGiB,
              percent: Math.round(constraints.targetMemoryUtilization * 100),
            })
          : BLOCKED;
      }
      const need = memoryNeed(
        this.memoryGiB + lpar.memoryGiB + vios.memoryGiB * vioses,
        this.pageTablesGiB + lpar.pageTablesGiB + vios.pageTablesGiB * vioses,
        (this.load.npivClients + (lpar.instance.io.storage === 'npiv' ? 1 : 0)) * vioses,
        settings.plan,
        {
          features: candidate.memoryFeatures,
          maxGiB: candidate.maxMemoryGiB,
          sockets: candidate.configuration.sockets,
        },
      );
      if (need.installedGiB > candidate.maxMemoryGiB + EPSILON) {
        return explain
          ? msg('solver.blocker.memory-installed', { installed: need.installedGiB, maximum: candidate.maxMemoryGiB })
          : BLOCKED;
      }
    }
    return null;
  }

  private combinedPeakWith(lpar: Lpar): number {
    const load = this.slotLoad!;
    let peak = 0;
    for (let slot = 0; slot < PROFILE_SLOTS; slot += 1)
      peak = Math.max(peak, load[slot]! + (lpar.profile === null ? lpar.demandCores : lpar.profile[slot]!));
    return peak;
  }

  private addToSlots(lpar: Lpar, sign: 1 | -1): void {
    const load = this.slotLoad;
    if (load === null) return;
    for (let slot = 0; slot < PROFILE_SLOTS; slot += 1)
      load[slot]! += sign * (lpar.profile === null ? lpar.demandCores : lpar.profile[slot]!);
  }

  /** Client demand at the busiest moment: the combined profile's peak when sharing by time of day, else the sum of peaks. */
  peakDemand(): number {
    return this.slotLoad === null ? this.demandCores : Math.min(this.demandCores, peakOf(this.slotLoad));
  }

  add(lpar: Lpar): void {
    this.lpars.push(lpar);
    this.addToSlots(lpar, 1);
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
    this.addToSlots(lpar, -1);
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

  /** Entitlement of this server's VIOS for its present clients (one more client can only keep or raise it). */
  private viosUnits(): number {
    return this.settings.viosCount === 0 ? 0 : this.viosShapes[viosTierName(this.load)].ec * this.settings.viosCount;
  }

  /** Client demand this server can still take at its target utilisation. */
  demandRoom(): number {
    // Sharing by time of day: the room at the quietest slot, an upper bound that never hides a server a partition fits.
    let used = this.demandCores;
    if (this.slotLoad !== null)
      for (let slot = 0; slot < PROFILE_SLOTS; slot += 1) used = Math.min(used, this.slotLoad[slot]!);
    return this.settings.plan.constraints.targetCpuUtilization * this.candidate.activeCores - used - this.viosUnits();
  }

  /** Entitlement this server can still grant. */
  unitsRoom(): number {
    return this.candidate.activeCores - this.cpuUnits - this.viosUnits();
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
/**
 * Decreasing size, the largest haGroups first (their members spread over the servers before the rest fill them), or
 * the order given (a search that perturbs the order itself).
 */
export type PackOrder = 'size' | 'groups-first' | 'given';

export interface PackResult {
  bins: ServerBin[];
  /** Lpars no server of this candidate can hold, with the reason. */
  rejected: Array<{ lpar: Lpar; reason: Message }>;
}

/**
 * Max-tree over the servers' processor room in two measures, utilisation (demand) and entitlement, so a packing
 * skips full servers in O(log n) instead of trying each (10,000-workload plans). Room is necessary, not sufficient.
 */
class RoomTree {
  private size = 1;
  private demand: Float64Array;
  private units: Float64Array;
  constructor(capacity: number) {
    while (this.size < Math.max(capacity, 1)) this.size *= 2;
    this.demand = new Float64Array(2 * this.size).fill(Number.NEGATIVE_INFINITY);
    this.units = new Float64Array(2 * this.size).fill(Number.NEGATIVE_INFINITY);
  }
  set(index: number, demandRoom: number, unitsRoom: number): void {
    if (index >= this.size) this.grow(index + 1);
    let node = index + this.size;
    this.demand[node] = demandRoom;
    this.units[node] = unitsRoom;
    for (node >>= 1; node >= 1; node >>= 1) {
      this.demand[node] = Math.max(this.demand[2 * node]!, this.demand[2 * node + 1]!);
      this.units[node] = Math.max(this.units[2 * node]!, this.units[2 * node + 1]!);
    }
  }
  unitsRoom(index: number): number {
    return this.units[index + this.size]!;
  }
  /** Server indices with both rooms large enough, in index order. */
  *atLeast(demand: number, units: number): Generator<number> {
    const stack = [1];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (this.demand[node]! < demand || this.units[node]! < units) continue;
      if (node >= this.size) yield node - this.size;
      else stack.push(2 * node + 1, 2 * node);
    }
  }
  private grow(capacity: number): void {
    const [demand, units, oldSize] = [this.demand, this.units, this.size];
    while (this.size < capacity) this.size *= 2;
    this.demand = new Float64Array(2 * this.size).fill(Number.NEGATIVE_INFINITY);
    this.units = new Float64Array(2 * this.size).fill(Number.NEGATIVE_INFINITY);
    for (let index = 0; index < oldSize; index += 1) this.set(index, demand[index + oldSize]!, units[index + oldSize]!);
  }
}

/** The servers ordered by processor (demand) room, so best fit and worst fit try the likeliest servers first. */
class RoomOrder {
  private readonly rooms: number[] = [];
  private readonly indices: number[] = [];
  private readonly current: number[] = [];

  /** Position of the first entry at or after (room, index). */
  private lowerBound(room: number, index: number): number {
    let low = 0;
    let high = this.rooms.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const value = this.rooms[middle]!;
      if (value < room || (value === room && this.indices[middle]! < index)) low = middle + 1;
      else high = middle;
    }
    return low;
  }
  set(index: number, room: number): void {
    const old = this.current[index];
    if (old !== undefined) {
      const at = this.lowerBound(old, index);
      this.rooms.splice(at, 1);
      this.indices.splice(at, 1);
    }
    const at = this.lowerBound(room, index);
    this.rooms.splice(at, 0, room);
    this.indices.splice(at, 0, index);
    this.current[index] = room;
  }
  /** Indices with room >= `need`, tightest first (ties by index). */
  *tightestFirst(need: number): Generator<number> {
    for (let at = this.lowerBound(need, -1); at < this.rooms.length; at += 1) yield this.indices[at]!;
  }
  /** Indices with room >= `need`, roomiest first (ties by index, so empty servers fill in order). */
  *roomiestFirst(need: number): Generator<number> {
    for (let end = this.rooms.length - 1; end >= 0 && this.rooms[end]! >= need;) {
      const start = this.lowerBound(this.rooms[end]!, -1);
      for (let at = start; at <= end; at += 1) yield this.indices[at]!;
      end = start - 1;
    }
  }
}

/** Decreasing-size packing with one of three bin choices; opens servers up to `maxBins`. */
export function pack(
  lpars: readonly Lpar[],
  candidate: Candidate,
  settings: PackSettings,
  strategy: Strategy,
  maxBins = Number.POSITIVE_INFINITY,
  openBins = 0,
  order: PackOrder = 'size',
): PackResult {
  const groupSizes = new Map<string, number>();
  if (order === 'groups-first')
    for (const lpar of lpars)
      if (lpar.instance.workload.haGroup !== undefined)
        groupSizes.set(lpar.instance.workload.haGroup, (groupSizes.get(lpar.instance.workload.haGroup) ?? 0) + 1);
  const groupSize = (lpar: Lpar) =>
    lpar.instance.workload.haGroup === undefined ? 0 : (groupSizes.get(lpar.instance.workload.haGroup) ?? 0);
  const sorted =
    order === 'given'
      ? [...lpars]
      : [...lpars].sort(
          (a, b) =>
            groupSize(b) - groupSize(a) ||
            sizeKey(b, candidate, settings.plan) - sizeKey(a, candidate, settings.plan) ||
            a.instance.index - b.instance.index,
        );
  // Servers opened up front let worst-fit spread the load over all of them (balancing, N+1 headroom).
  const bins: ServerBin[] = Array.from({ length: openBins }, () => new ServerBin(candidate, settings));
  const rooms = new RoomTree(Math.max(openBins, 64));
  const byRoom = strategy === 'first-fit' ? null : new RoomOrder();
  const setRoom = (index: number) => {
    const bin = bins[index]!;
    rooms.set(index, bin.demandRoom(), bin.unitsRoom());
    byRoom?.set(index, bin.demandRoom());
  };
  bins.forEach((_, index) => setRoom(index));
  const rejected: PackResult['rejected'] = [];
  for (const lpar of sorted) {
    let chosen: ServerBin | null = null;
    let chosenIndex = -1;
    const [demand, units] = [lpar.demandFloor - EPSILON, lpar.cpuUnits - EPSILON];
    // In the order the strategy prefers: by server index (first fit), tightest (best fit) or roomiest (worst fit).
    const inOrder =
      byRoom === null
        ? rooms.atLeast(demand, units)
        : strategy === 'best-fit'
          ? byRoom.tightestFirst(demand)
          : byRoom.roomiestFirst(demand);
    for (const index of inOrder) {
      if (rooms.unitsRoom(index) >= units && bins[index]!.fits(lpar)) {
        chosen = bins[index]!;
        chosenIndex = index;
        break;
      }
    }
    if (chosen === null) {
      const fresh = new ServerBin(candidate, settings);
      const reason = fresh.blocker(lpar);
      if (reason !== null) {
        rejected.push({ lpar, reason });
        continue;
      }
      if (bins.length >= maxBins) {
        rejected.push({ lpar, reason: msg('solver.blocker.max-servers', { servers: maxBins }) });
        continue;
      }
      bins.push(fresh);
      chosen = fresh;
      chosenIndex = bins.length - 1;
    }
    chosen.add(lpar);
    setRoom(chosenIndex);
  }
  return { bins, rejected };
}

export const LOCAL_SEARCH_VICTIMS = 8;

/**
 * Local search: empty the least-loaded server into the others while that works. With `ejections`, a partition
 * that fits nowhere may take the place of one on another server, which moves to a third (one level deep; for
 * small plans, where it finds the packings first-fit misses in two dimensions and with haGroups).
 */
export function emptyLightServers(bins: ServerBin[], ejections = false): ServerBin[] {
  let current = [...bins];
  let improved = true;
  while (improved && current.length > 1) {
    improved = false;
    // The lightest few servers are the ones worth emptying; trying all of them is quadratic on large plans.
    const order = [...current].sort((a, b) => a.cpuFill() - b.cpuFill()).slice(0, LOCAL_SEARCH_VICTIMS);
    for (const victim of order) {
      const others = current.filter((bin) => bin !== victim);
      // Every move is logged as [partition, from, to] so a failed attempt is undone exactly.
      const log: Array<[Lpar, ServerBin | null, ServerBin]> = [];
      const move = (lpar: Lpar, from: ServerBin | null, to: ServerBin) => {
        from?.remove(lpar);
        to.add(lpar);
        log.push([lpar, from, to]);
      };
      let ok = true;
      for (const lpar of [...victim.lpars].sort((a, b) => b.demandCores - a.demandCores)) {
        const target = others.find((bin) => bin.fits(lpar));
        if (target) move(lpar, null, target);
        else if (!(ejections && eject(lpar, others, move))) {
          ok = false;
          break;
        }
      }
      if (ok) {
        current = others;
        improved = true;
        break;
      }
      for (const [lpar, from, to] of log.reverse()) {
        to.remove(lpar);
        from?.add(lpar);
      }
    }
  }
  return current;
}

/** Places `lpar` on some server by moving one of that server's partitions to a third one. */
function eject(
  lpar: Lpar,
  servers: readonly ServerBin[],
  move: (lpar: Lpar, from: ServerBin | null, to: ServerBin) => void,
): boolean {
  for (const host of servers) {
    for (const evicted of [...host.lpars]) {
      host.remove(evicted);
      const fits = host.fits(lpar);
      host.add(evicted);
      if (!fits) continue;
      host.remove(evicted);
      host.add(lpar);
      const refuge = servers.find((bin) => bin !== host && bin.fits(evicted));
      host.remove(lpar);
      host.add(evicted);
      if (!refuge) continue;
      move(evicted, host, refuge);
      move(lpar, null, host);
      return true;
    }
  }
  return false;
}

/**
 * N+1: for each server, where each of its partitions would run if it were lost (first fit into the survivors'
 * free capacity, anti-affinity kept). Returns null when some partition has nowhere to go.
 */
export function failoverMap(
  bins: readonly ServerBin[],
  ids: readonly string[],
): Record<string, Record<string, string>> | null {
  const map: Record<string, Record<string, string>> = {};
  // Each survivor's processor and entitlement room, necessary conditions checked before the full rules (as packing
  // does): first fit over a hundred full servers otherwise runs every rule on each of them for every partition.
  const demandRoom = new Float64Array(bins.length);
  const unitsRoom = new Float64Array(bins.length);
  const setRoom = (index: number) => {
    demandRoom[index] = bins[index]!.demandRoom();
    unitsRoom[index] = bins[index]!.unitsRoom();
  };
  bins.forEach((_, index) => setRoom(index));
  for (let lost = 0; lost < bins.length; lost += 1) {
    const victim = bins[lost]!;
    const placed: Array<[Lpar, ServerBin]> = [];
    const entry: Record<string, string> = {};
    let ok = true;
    for (const lpar of [...victim.lpars].sort((a, b) => b.demandCores - a.demandCores)) {
      const [demand, units] = [lpar.demandFloor - EPSILON, lpar.cpuUnits - EPSILON];
      const survivorIndex = bins.findIndex(
        (bin, index) => index !== lost && demandRoom[index]! >= demand && unitsRoom[index]! >= units && bin.fits(lpar),
      );
      if (survivorIndex < 0) {
        ok = false;
        break;
      }
      const survivor = bins[survivorIndex]!;
      survivor.add(lpar);
      setRoom(survivorIndex);
      placed.push([lpar, survivor]);
      entry[lpar.instance.name] = ids[survivorIndex]!;
    }
    for (const [lpar, survivor] of placed) survivor.remove(lpar);
    for (const [, survivor] of placed) setRoom(bins.indexOf(survivor));
    if (!ok) return null;
    map[ids[lost]!] = entry;
  }
  return map;
}
