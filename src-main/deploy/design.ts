// The deployable design: one model, computed once from the solution and the plan's choices, of which the HMC
// script, the Ansible playbook and the CSVs are only renderings. Pure: no files, no clock, no sentences (messages).
import { AppError, type Message, formatMessage, msg } from '../common';
import type { OperatingSystem } from '../catalog/schema';
import type { PlanFile, Workload } from '../plan/schema';
import { maxVirtualProcessors, minimumEntitlement } from '../powervm';
import type { Partition, ServerPlan, Solution } from '../solver/schema';
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

export type VirtualAdapter =
  | { kind: 'ethernet'; slot: number; ieee: boolean; portVlanId: number; trunkPriority: 0 | 1 | 2; vswitch: string; required: boolean }
  | { kind: 'scsi'; slot: number; side: Side; remoteId: number; remoteName: string | null; remoteSlot: number; required: boolean }
  | { kind: 'fc'; slot: number; side: Side; remoteId: number; remoteName: string | null; remoteSlot: number; required: boolean }
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
 * per virtual processor (0.05, POWER7 0.10: what the HMC reports as MinimumProcessorUnitsPerVirtualProcessor and the
 * collection's module requires), between that minimum and 1.00 per virtual processor.
 */
export function sharedProcessor(partition: Partition, hmcName: string, server: ServerPlan, weight: number, notes: Message[]): DesignProcessor {
  const step = hundredths(minimumEntitlement(server.generation));
  const sized = hundredths(partition.entitledCapacity ?? minimumEntitlement(server.generation));
  const desired = Math.max(step, roundUpTo(sized, step));
  if (desired !== sized) notes.push(msg('deploy.note-units-rounded', { partition: hmcName, sized: units(sized), deployed: units(desired), step: units(step) }));
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
  return { mode: 'dedicated', processors: { min: 1, desired, max: Math.max(desired, Math.min(server.cores.active, desired * 2)) }, sharing: 'keep_idle_procs' };
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
  workload: Workload | null;
  storage: DesignPartition['storage'];
  network: DesignPartition['network'];
  vlan: number | null;
}

function clientChoices(server: ServerPlan, plan: PlanFile, options: DesignOptions, viosCount: number): ClientChoice[] {
  return server.partitions
    .filter((partition) => partition.role === 'client')
    .map((partition) => {
      const workload = workloadOf(partition, plan);
      if (viosCount === 0) return { partition, workload, storage: 'none', network: 'none', vlan: null };
      const network = workload?.io?.network ?? 'sea';
      return {
        partition,
        workload,
        storage: workload?.io?.storage ?? 'vscsi',
        network,
        vlan: network === 'sriov' ? null : (workload ? options.workloadVlans[workload.name] : undefined) ?? options.vlan,
      };
    });
}

function designServer(server: ServerPlan, plan: PlanFile, options: DesignOptions, viosCount: number, names: NameMapping[]): DesignServer {
  const notes: Message[] = [];
  const systemOriginal = options.systemNames[server.id] ?? server.id;
  const systemName = new HmcNamer(HMC_SYSTEM_NAME_MAX).name(systemOriginal, server.id);
  names.push({ serverId: server.id, kind: 'system', original: systemOriginal, hmcName: systemName });
  const namer = new HmcNamer(HMC_PARTITION_NAME_MAX);
  const vioses = server.partitions.filter((partition) => partition.role === 'vios').slice(0, viosCount);
  const choices = clientChoices(server, plan, options, vioses.length);
  const lmb = plan.constraints.lmbMiB;

  const viosNames = vioses.map((vios, index) => namer.name(vios.name, `vios${index + 1}`));
  const clientNames = choices.map((choice, index) => namer.name(choice.partition.name, `lpar${index + 1}`));
  const clientId = (index: number) => vioses.length + 1 + index;
  const vscsiClients = choices.map((choice, index) => ({ choice, index })).filter(({ choice }) => choice.storage === 'vscsi');
  const vfcClients = choices.map((choice, index) => ({ choice, index })).filter(({ choice }) => choice.storage === 'npiv');
  const vfcBase = VIOS_SERVER_BASE + roundUpTo(Math.max(vscsiClients.length, 1), VIOS_SLOT_BLOCK);
  const serverSlot = new Map<number, { scsi?: number; fc?: number }>();
  vscsiClients.forEach(({ index }, position) => serverSlot.set(index, { ...serverSlot.get(index), scsi: VIOS_SERVER_BASE + position }));
  vfcClients.forEach(({ index }, position) => serverSlot.set(index, { ...serverSlot.get(index), fc: vfcBase + position }));

  const seaVlans = [...new Set(choices.filter((choice) => choice.network === 'sea').map((choice) => choice.vlan!))].sort((a, b) => a - b);
  const vnicVlans = choices.filter((choice) => choice.network === 'vnic').map((choice) => choice.vlan!);
  if (seaVlans.length > MAX_TRUNK_ADAPTERS) {
    const message = msg('deploy.too-many-vlans', { server: server.id, vlans: seaVlans.length, limit: MAX_TRUNK_ADAPTERS });
    throw new AppError('invalid-input', formatMessage(message, 'en'), 'workloadVlans');
  }

  const partitions: DesignPartition[] = [];
  vioses.forEach((vios, index) => {
    const partitionNotes: Message[] = [];
    const adapters: VirtualAdapter[] = seaVlans.map((vlan, position) => ({
      kind: 'ethernet', slot: VIOS_TRUNK_BASE + position, ieee: true, portVlanId: vlan, trunkPriority: index === 0 ? 1 : 2, vswitch: options.virtualSwitch, required: false,
    }));
    for (const { index: client } of vscsiClients) {
      adapters.push({ kind: 'scsi', slot: serverSlot.get(client)!.scsi!, side: 'server', remoteId: clientId(client), remoteName: null, remoteSlot: CLIENT_SLOTS.vscsi + index, required: false });
    }
    for (const { index: client } of vfcClients) {
      adapters.push({ kind: 'fc', slot: serverSlot.get(client)!.fc!, side: 'server', remoteId: clientId(client), remoteName: null, remoteSlot: CLIENT_SLOTS.vfc + index, required: false });
    }
    const highest = Math.max(VIOS_TRUNK_BASE, ...adapters.map((adapter) => adapter.slot));
    const maxVirtualSlots = Math.max(VIOS_DEFAULT_MAX_VIRTUAL_SLOTS, roundUpTo(highest + 1, 100));
    if (maxVirtualSlots > VIOS_DEFAULT_MAX_VIRTUAL_SLOTS) partitionNotes.push(msg('deploy.note-slots-raised', { partition: viosNames[index]!, slots: maxVirtualSlots, highest }));
    partitions.push({
      id: index + 1,
      hmcName: viosNames[index]!,
      sourceName: vios.name,
      workload: null,
      role: 'vios',
      os: 'vios',
      lparEnv: 'vioserver',
      processor: sharedProcessor(vios, viosNames[index]!, server, 255, partitionNotes),
      memoryMB: memoryRange(vios.memoryGiB, lmb, 'vios'),
      maxVirtualSlots,
      adapters,
      storage: 'none',
      network: 'none',
      vlan: null,
      taggedIo: null,
      remoteRestart: false,
      notes: partitionNotes,
    });
  });

  choices.forEach((choice, index) => {
    const partitionNotes: Message[] = [];
    const { partition } = choice;
    const adapters: VirtualAdapter[] = [];
    if (choice.network === 'sea') {
      adapters.push({ kind: 'ethernet', slot: CLIENT_SLOTS.ethernet, ieee: false, portVlanId: choice.vlan!, trunkPriority: 0, vswitch: options.virtualSwitch, required: false });
    }
    if (choice.network === 'vnic') adapters.push({ kind: 'vnic', slot: CLIENT_SLOTS.vnic, portVlanId: choice.vlan! });
    vioses.forEach((_, viosIndex) => {
      const slots = serverSlot.get(index);
      const remote = { side: 'client' as const, remoteId: viosIndex + 1, remoteName: viosNames[viosIndex]!, required: true };
      if (slots?.scsi !== undefined) adapters.push({ kind: 'scsi', slot: CLIENT_SLOTS.vscsi + viosIndex, remoteSlot: slots.scsi, ...remote });
      if (slots?.fc !== undefined) adapters.push({ kind: 'fc', slot: CLIENT_SLOTS.vfc + viosIndex, remoteSlot: slots.fc, ...remote });
    });
    const firstStorage = adapters.find((adapter) => adapter.kind === 'scsi' || adapter.kind === 'fc');
    const ibmi = partition.os === 'ibmi';
    if (ibmi && !firstStorage) partitionNotes.push(msg('deploy.note-ibmi-physical', { partition: clientNames[index]! }));
    if (clientNames[index] !== partition.name) partitionNotes.push(msg('deploy.note-renamed', { original: partition.name, name: clientNames[index]! }));
    partitions.push({
      id: clientId(index),
      hmcName: clientNames[index]!,
      sourceName: partition.name,
      workload: choice.workload?.name ?? null,
      role: 'client',
      os: partition.os,
      lparEnv: ibmi ? 'os400' : 'aixlinux',
      processor: partition.mode === 'dedicated' ? dedicatedProcessor(partition, server) : sharedProcessor(partition, clientNames[index]!, server, 128, partitionNotes),
      memoryMB: memoryRange(partition.memoryGiB, lmb, 'client'),
      maxVirtualSlots: CLIENT_MAX_VIRTUAL_SLOTS,
      adapters,
      storage: choice.storage,
      network: choice.network,
      vlan: choice.vlan,
      taggedIo: ibmi && firstStorage ? { loadSourceSlot: firstStorage.slot, console: 'hmc' } : null,
      // Simplified remote restart needs no physical I/O: only clients served entirely by VIOS get it.
      remoteRestart: plan.constraints.redundancy === 'n+1' && vioses.length > 0,
      notes: partitionNotes,
    });
    names.push({ serverId: server.id, kind: 'partition', original: partition.name, hmcName: clientNames[index]! });
  });
  vioses.forEach((vios, index) => names.push({ serverId: server.id, kind: 'partition', original: vios.name, hmcName: viosNames[index]! }));

  const entitled = partitions.reduce((sum, each) => sum + (each.processor.mode === 'shared' ? hundredths(each.processor.units.desired) : each.processor.processors.desired * 100), 0);
  if (entitled > server.cores.active * 100) notes.push(msg('deploy.note-entitlement-over-cores', { server: server.id, entitled: units(entitled), cores: server.cores.active }));
  if (vnicVlans.length > 0) notes.push(msg('deploy.note-vnic', { server: server.id, count: vnicVlans.length }));
  return {
    serverId: server.id,
    systemName,
    model: server.model,
    modelName: server.modelName,
    generation: server.generation,
    activeCores: server.cores.active,
    installedMB: Math.round(server.memoryGiB * 1024),
    lmbMiB: lmb,
    vswitch: options.virtualSwitch,
    partitions,
    vlans: [...new Set([...seaVlans, ...vnicVlans])].sort((a, b) => a - b),
    viosPorts: vioses[0]?.adapters ? { fcPorts: vioses[0].adapters.fcPorts, ethernetPorts: vioses[0].adapters.ethernetPorts } : null,
    notes,
  };
}

/** The design of a solution under the plan's choices (VIOS layout, storage and network per workload, n+1). */
export function buildDesign(solution: Solution, plan: PlanFile, input: DesignOptionsInput = {}): Design {
  const options = DesignOptions.parse(input);
  const viosCount = plan.constraints.vios === 'dual' ? 2 : plan.constraints.vios === 'single' ? 1 : 0;
  const names: NameMapping[] = [];
  const servers = solution.servers.map((server) => designServer(server, plan, options, viosCount, names));
  return { planName: plan.name, servers, names, remoteRestart: plan.constraints.redundancy === 'n+1' && viosCount > 0, viosCount };
}
