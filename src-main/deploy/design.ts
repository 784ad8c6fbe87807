// The deployable design: one model, computed once from the solution and the plan's choices, of which the HMC
// script, the Ansible playbook and the CSVs are only renderings. Pure: no files, no clock, no sentences (messages).
import { AppError, type Message, formatMessage, msg } from '../common';
import type { OperatingSystem } from '../catalog';
import type { PlanFile, Workload } from '../plan';
import { maxVirtualProcessors, minimumEntitlement } from '../powervm';
import type { Partition, ServerPlan, Solution } from '../solver';
import { HMC_PARTITION_NAME_MAX, HMC_SYSTEM_NAME_MAX, HmcNamer } from './encode';
import { DesignOptions, type DesignOptionsInput } from './options';

/** Client virtual slots [practice]: Ethernet 2, vNIC 3, vSCSI 10 + VIOS index, virtual FC 20 + VIOS index. */
export const CLIENT_SLOTS = { ethernet: 2, vnic: 3, vscsi: 10, vfc: 20 } as const;
/** Client max_virtual_slots: above the highest planned slot with room for a few more adapters [practice]. */
export const CLIENT_MAX_VIRTUAL_SLOTS = 32;
/** VIOS: trunk adapters from slot 2, server adapters from 100: vSCSI first, virtual FC from the next free fifty. */
export const VIOS_TRUNK_BASE = 2;
export const VIOS_SERVER_BASE = 100;
const VIOS_SLOT_BLOCK = 50;
/** A VIOS's max_virtual_slots unless its adapters need more [practice]; raised in steps of 100 and said. */
export const VIOS_DEFAULT_MAX_VIRTUAL_SLOTS = 200;
/** A Shared Ethernet Adapter bridges at most 16 trunk adapters [P] (VIOS mkvdev -sea); we use one per VLAN. */
export const MAX_TRUNK_ADAPTERS = 16;
/** The profile every partition gets; partitions the ibm.power_hmc collection creates also get this name. */
export const PROFILE_NAME = 'default_profile';

export type Side = 'client' | 'server';

/** One end of a virtual SCSI or FC link: the partner by partition ID and slot (its name on client adapters). */
interface Link {
  slot: number;
  side: Side;
  remoteId: number;
  remoteName: string | null;
  remoteSlot: number;
  required: boolean;
}

export type VirtualAdapter =
  | {
      kind: 'ethernet';
      slot: number;
      ieee: boolean;
      portVlanId: number;
      trunkPriority: 0 | 1 | 2;
      vswitch: string;
      required: boolean;
    }
  | ({ kind: 'scsi' } & Link)
  | ({ kind: 'fc' } & Link)
  | { kind: 'vnic'; slot: number; portVlanId: number };

export interface Range {
  min: number;
  desired: number;
  max: number;
}

export type DesignProcessor =
  | { mode: 'shared'; units: Range; virtualProcessors: Range; sharing: 'uncap'; weight: number }
  | { mode: 'dedicated'; processors: Range; sharing: 'keep_idle_procs' };

export interface DesignPartition {
  id: number;
  /** The name on the HMC (letters, digits, . - _, at most 47), unique on its managed system. */
  hmcName: string;
  /** The name in the solution (the workload instance, or vios1/vios2). */
  sourceName: string;
  /** The plan's workload name for a client. */
  workload: string | null;
  role: 'vios' | 'client';
  os: OperatingSystem | 'vios';
  lparEnv: 'vioserver' | 'aixlinux' | 'os400';
  processor: DesignProcessor;
  memoryMB: Range;
  maxVirtualSlots: number;
  adapters: VirtualAdapter[];
  storage: 'vscsi' | 'npiv' | 'none';
  network: 'sea' | 'vnic' | 'sriov' | 'none';
  vlan: number | null;
  /** IBM i: the load source is the first virtual storage adapter, the console the HMC. */
  taggedIo: { loadSourceSlot: number; console: 'hmc' } | null;
  remoteRestart: boolean;
  notes: Message[];
}

export interface DesignServer {
  serverId: string;
  systemName: string;
  model: string;
  modelName: string;
  generation: ServerPlan['generation'];
  activeCores: number;
  installedMB: number;
  lmbMiB: number;
  vswitch: string;
  /** VIOS first, then clients, in the order they must be created. */
  partitions: DesignPartition[];
  vlans: number[];
  /** Physical ports per VIOS from the sizing, for the checklist (the export cannot assign physical slots). */
  viosPorts: { fcPorts: number; ethernetPorts: number } | null;
  notes: Message[];
}

export interface NameMapping {
  serverId: string;
  kind: 'system' | 'partition';
  original: string;
  hmcName: string;
}

export interface Design {
  planName: string;
  servers: DesignServer[];
  names: NameMapping[];
  remoteRestart: boolean;
  viosCount: number;
}

const hundredths = (value: number) => Math.round(value * 100);
const units = (value: number) => value / 100;
const roundUpTo = (value: number, step: number) => Math.ceil(value / step) * step;

/** The plan's workload of a client partition: by the workload id the solver carries (plan format 2). */
function workloadOf(partition: Partition, plan: PlanFile): Workload | null {
  return plan.workloads.find((workload) => workload.id === partition.workloadId) ?? null;
}

/**
 * Shared processor values valid at min, desired and max [P] S1/S10: units in the steps of the generation's minimum
 * per virtual processor (0.05, POWER7 0.10: what the HMC reports as MinimumProcessorUnitsPerVirtualProcessor and
 * the collection's module requires), between that minimum and 1.00 per virtual processor.
 */
export function sharedProcessor(
  partition: Partition,
  hmcName: string,
  server: ServerPlan,
  weight: number,
  notes: Message[],
): DesignProcessor {
  const step = hundredths(minimumEntitlement(server.generation));
  const sized = hundredths(partition.entitledCapacity ?? minimumEntitlement(server.generation));
  const desired = Math.max(step, roundUpTo(sized, step));
  if (desired !== sized) {
    const params = { partition: hmcName, sized: units(sized), deployed: units(desired), step: units(step) };
    notes.push(msg('deploy.note-units-rounded', params));
  }
  let vp = partition.virtualProcessors ?? Math.ceil(desired / 100);
  if (desired > vp * 100) vp = Math.ceil(desired / 100);
  if (vp * step > desired) vp = Math.floor(desired / step);
  const pool = server.cores.active;
  const min = Math.max(step, Math.floor(desired / 2 / step) * step);
  const maxVp = Math.max(vp, Math.min(pool, maxVirtualProcessors(server.model), vp * 2));
  return {
    mode: 'shared',
    units: { min: units(min), desired: units(desired), max: Math.min(maxVp, pool) },
    virtualProcessors: { min: Math.max(1, Math.ceil(min / 100)), desired: vp, max: maxVp },
    sharing: 'uncap',
    weight,
  };
}

function dedicatedProcessor(partition: Partition, server: ServerPlan): DesignProcessor {
  const desired = partition.dedicatedCores ?? 1;
  const max = Math.max(desired, Math.min(server.cores.active, desired * 2));
  return { mode: 'dedicated', processors: { min: 1, desired, max }, sharing: 'keep_idle_procs' };
}

/**
 * Memory in whole LMBs of the plan. Maximum = desired: the sizing's page tables (HPT and PPT, from the maximum)
 * assume exactly that, so the deployed servers use the memory the sizing reported. Growth beyond it needs a
 * profile change and a restart, which the checklist says.
 */
export function memoryRange(memoryGiB: number, lmbMiB: number, role: 'vios' | 'client'): Range {
  const desired = roundUpTo(Math.round(memoryGiB * 1024), lmbMiB);
  if (role === 'vios') return { min: desired, desired, max: desired };
  const floor = Math.min(desired, roundUpTo(1024, lmbMiB));
  return { min: Math.max(floor, Math.floor(desired / 2 / lmbMiB) * lmbMiB), desired, max: desired };
}

interface ClientChoice {
  partition: Partition;
  hmcName: string;
  workload: Workload | null;
  storage: DesignPartition['storage'];
  network: DesignPartition['network'];
  vlan: number | null;
}

/** What the plan says about a client's I/O and network; every context the partitions of a server share. */
interface Context {
  server: ServerPlan;
  plan: PlanFile;
  options: DesignOptions;
}

function clientChoice(partition: Partition, hmcName: string, context: Context, vioses: number): ClientChoice {
  const { plan, options } = context;
  const workload = workloadOf(partition, plan);
  if (vioses === 0) return { partition, hmcName, workload, storage: 'none', network: 'none', vlan: null };
  const network = workload?.io?.network ?? 'sea';
  const vlan = (workload ? options.workloadVlans[workload.name] : undefined) ?? options.vlan;
  const storage = workload?.io?.storage ?? 'vscsi';
  return { partition, hmcName, workload, storage, network, vlan: network === 'sriov' ? null : vlan };
}

/** What the server's VIOS carry: client ID by client, server slots by client, trunk VLANs. */
interface ServerLayout {
  vioses: Array<{ partition: Partition; hmcName: string }>;
  clients: ClientChoice[];
  clientId: (index: number) => number;
  serverSlot: Map<number, { scsi?: number; fc?: number }>;
  seaVlans: number[];
}

/**
 * VIOS server slots: vSCSI clients from 100 in order, virtual FC from the next free fifty, so the two ranges can
 * never meet however many clients there are (each VIOS uses the same slot numbers for a client).
 */
function serverSlots(clients: readonly ClientChoice[]): Map<number, { scsi?: number; fc?: number }> {
  const slots = new Map<number, { scsi?: number; fc?: number }>();
  const vscsi = clients.flatMap((client, index) => (client.storage === 'vscsi' ? [index] : []));
  const npiv = clients.flatMap((client, index) => (client.storage === 'npiv' ? [index] : []));
  const vfcBase = VIOS_SERVER_BASE + roundUpTo(Math.max(vscsi.length, 1), VIOS_SLOT_BLOCK);
  vscsi.forEach((index, position) => slots.set(index, { ...slots.get(index), scsi: VIOS_SERVER_BASE + position }));
  npiv.forEach((index, position) => slots.set(index, { ...slots.get(index), fc: vfcBase + position }));
  return slots;
}

function viosPartition(layout: ServerLayout, index: number, { server, plan, options }: Context): DesignPartition {
  const { partition, hmcName } = layout.vioses[index]!;
  const notes: Message[] = [];
  const adapters: VirtualAdapter[] = layout.seaVlans.map((vlan, position) => ({
    kind: 'ethernet',
    slot: VIOS_TRUNK_BASE + position,
    ieee: true,
    portVlanId: vlan,
    trunkPriority: index === 0 ? 1 : 2,
    vswitch: options.virtualSwitch,
    required: false,
  }));
  layout.clients.forEach((_, client) => {
    const slots = layout.serverSlot.get(client);
    const link = { side: 'server' as const, remoteId: layout.clientId(client), remoteName: null, required: false };
    if (slots?.scsi !== undefined) {
      adapters.push({ kind: 'scsi', slot: slots.scsi, remoteSlot: CLIENT_SLOTS.vscsi + index, ...link });
    }
    if (slots?.fc !== undefined) {
      adapters.push({ kind: 'fc', slot: slots.fc, remoteSlot: CLIENT_SLOTS.vfc + index, ...link });
    }
  });
  adapters.sort((a, b) => a.slot - b.slot);
  const highest = Math.max(VIOS_TRUNK_BASE, ...adapters.map((adapter) => adapter.slot));
  const maxVirtualSlots = Math.max(VIOS_DEFAULT_MAX_VIRTUAL_SLOTS, roundUpTo(highest + 1, 100));
  if (maxVirtualSlots > VIOS_DEFAULT_MAX_VIRTUAL_SLOTS) {
    notes.push(msg('deploy.note-slots-raised', { partition: hmcName, slots: maxVirtualSlots, highest }));
  }
  return {
    id: index + 1,
    hmcName,
    sourceName: partition.name,
    workload: null,
    role: 'vios',
    os: 'vios',
    lparEnv: 'vioserver',
    processor: sharedProcessor(partition, hmcName, server, 255, notes),
    memoryMB: memoryRange(partition.memoryGiB, plan.constraints.lmbMiB, 'vios'),
    maxVirtualSlots,
    adapters,
    storage: 'none',
    network: 'none',
    vlan: null,
    taggedIo: null,
    remoteRestart: false,
    notes,
  };
}

function clientAdapters(layout: ServerLayout, index: number, options: DesignOptions): VirtualAdapter[] {
  const choice = layout.clients[index]!;
  const adapters: VirtualAdapter[] = [];
  if (choice.network === 'sea') {
    adapters.push({
      kind: 'ethernet',
      slot: CLIENT_SLOTS.ethernet,
      ieee: false,
      portVlanId: choice.vlan!,
      trunkPriority: 0,
      vswitch: options.virtualSwitch,
      required: false,
    });
  }
  if (choice.network === 'vnic') adapters.push({ kind: 'vnic', slot: CLIENT_SLOTS.vnic, portVlanId: choice.vlan! });
  const slots = layout.serverSlot.get(index);
  layout.vioses.forEach((vios, viosIndex) => {
    const link = { side: 'client' as const, remoteId: viosIndex + 1, remoteName: vios.hmcName, required: true };
    if (slots?.scsi !== undefined) {
      adapters.push({ kind: 'scsi', slot: CLIENT_SLOTS.vscsi + viosIndex, remoteSlot: slots.scsi, ...link });
    }
    if (slots?.fc !== undefined) {
      adapters.push({ kind: 'fc', slot: CLIENT_SLOTS.vfc + viosIndex, remoteSlot: slots.fc, ...link });
    }
  });
  return adapters;
}

function clientPartition(layout: ServerLayout, index: number, { server, plan, options }: Context): DesignPartition {
  const choice = layout.clients[index]!;
  const { partition, hmcName } = choice;
  const notes: Message[] = [];
  const adapters = clientAdapters(layout, index, options);
  const firstStorage = adapters.find((adapter) => adapter.kind === 'scsi' || adapter.kind === 'fc');
  const ibmi = partition.os === 'ibmi';
  if (ibmi && !firstStorage) notes.push(msg('deploy.note-ibmi-physical', { partition: hmcName }));
  if (hmcName !== partition.name) notes.push(msg('deploy.note-renamed', { original: partition.name, name: hmcName }));
  // Simplified remote restart needs a partition without physical I/O: served by VIOS only, no SR-IOV logical port.
  const n1 = plan.constraints.redundancy === 'n+1';
  const remoteRestart = n1 && layout.vioses.length > 0 && choice.network !== 'sriov';
  if (n1 && !remoteRestart) notes.push(msg('deploy.note-no-remote-restart', { partition: hmcName }));
  const processor =
    partition.mode === 'dedicated'
      ? dedicatedProcessor(partition, server)
      : sharedProcessor(partition, hmcName, server, 128, notes);
  return {
    id: layout.clientId(index),
    hmcName,
    sourceName: partition.name,
    workload: choice.workload?.name ?? null,
    role: 'client',
    os: partition.os,
    lparEnv: ibmi ? 'os400' : 'aixlinux',
    processor,
    memoryMB: memoryRange(partition.memoryGiB, plan.constraints.lmbMiB, 'client'),
    maxVirtualSlots: CLIENT_MAX_VIRTUAL_SLOTS,
    adapters,
    storage: choice.storage,
    network: choice.network,
    vlan: choice.vlan,
    taggedIo: ibmi && firstStorage ? { loadSourceSlot: firstStorage.slot, console: 'hmc' } : null,
    remoteRestart,
    notes,
  };
}

function serverNotes(server: ServerPlan, partitions: readonly DesignPartition[]): Message[] {
  const notes: Message[] = [];
  const hundredthsOf = ({ processor }: DesignPartition) =>
    processor.mode === 'shared' ? hundredths(processor.units.desired) : processor.processors.desired * 100;
  const entitled = partitions.reduce((sum, each) => sum + hundredthsOf(each), 0);
  if (entitled > server.cores.active * 100) {
    const params = { server: server.id, entitled: units(entitled), cores: server.cores.active };
    notes.push(msg('deploy.note-entitlement-over-cores', params));
  }
  const vnic = partitions.filter((partition) => partition.network === 'vnic').length;
  if (vnic > 0) notes.push(msg('deploy.note-vnic', { server: server.id, count: vnic }));
  return notes;
}

function designServer(context: Context, viosCount: number, names: NameMapping[]): DesignServer {
  const { server, plan, options } = context;
  const systemOriginal = options.systemNames[server.id] ?? server.id;
  const systemName = new HmcNamer(HMC_SYSTEM_NAME_MAX).name(systemOriginal, server.id);
  names.push({ serverId: server.id, kind: 'system', original: systemOriginal, hmcName: systemName });
  const namer = new HmcNamer(HMC_PARTITION_NAME_MAX);
  const vioses = server.partitions
    .filter((partition) => partition.role === 'vios')
    .slice(0, viosCount)
    .map((partition, index) => ({ partition, hmcName: namer.name(partition.name, `vios${index + 1}`) }));
  const clients = server.partitions
    .filter((partition) => partition.role === 'client')
    .map((partition, index) => {
      const hmcName = namer.name(partition.name, `lpar${index + 1}`);
      return clientChoice(partition, hmcName, context, vioses.length);
    });
  const seaVlans = [...new Set(clients.flatMap((client) => (client.network === 'sea' ? [client.vlan!] : [])))];
  seaVlans.sort((a, b) => a - b);
  if (seaVlans.length > MAX_TRUNK_ADAPTERS) {
    const params = { server: server.id, vlans: seaVlans.length, limit: MAX_TRUNK_ADAPTERS };
    throw new AppError('invalid-input', formatMessage(msg('deploy.too-many-vlans', params), 'en'), 'workloadVlans');
  }
  const clientId = (index: number) => vioses.length + 1 + index;
  const layout: ServerLayout = { vioses, clients, clientId, serverSlot: serverSlots(clients), seaVlans };
  const partitions = [
    ...vioses.map((_, index) => viosPartition(layout, index, context)),
    ...clients.map((_, index) => clientPartition(layout, index, context)),
  ];
  for (const partition of [...clients.map((client) => client.partition), ...vioses.map((vios) => vios.partition)]) {
    const hmcName = partitions.find((each) => each.sourceName === partition.name)!.hmcName;
    names.push({ serverId: server.id, kind: 'partition', original: partition.name, hmcName });
  }
  const sizedVios = vioses[0]?.partition.adapters;
  return {
    serverId: server.id,
    systemName,
    model: server.model,
    modelName: server.modelName,
    generation: server.generation,
    activeCores: server.cores.active,
    installedMB: Math.round(server.memoryGiB * 1024),
    lmbMiB: plan.constraints.lmbMiB,
    vswitch: options.virtualSwitch,
    partitions,
    vlans: [...new Set(clients.flatMap((client) => (client.vlan === null ? [] : [client.vlan])))].sort((a, b) => a - b),
    viosPorts: sizedVios ? { fcPorts: sizedVios.fcPorts, ethernetPorts: sizedVios.ethernetPorts } : null,
    notes: serverNotes(server, partitions),
  };
}

/** The design of a solution under the plan's choices (VIOS layout, storage and network per workload, n+1). */
export function buildDesign(solution: Solution, plan: PlanFile, input: DesignOptionsInput = {}): Design {
  const options = DesignOptions.parse(input);
  const viosCount = plan.constraints.vios === 'dual' ? 2 : plan.constraints.vios === 'single' ? 1 : 0;
  const names: NameMapping[] = [];
  const servers = solution.servers.map((server) => designServer({ server, plan, options }, viosCount, names));
  const remoteRestart = servers.some((server) => server.partitions.some((partition) => partition.remoteRestart));
  return { planName: plan.name, servers, names, remoteRestart, viosCount };
}
