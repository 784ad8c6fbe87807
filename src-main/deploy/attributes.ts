// The design's values in IBM's documented attribute syntax of mksyscfg/chsyscfg (HMC command reference, `-r lpar`):
// one place, used by the HMC script, the VIOS module's settings and the CSVs, so all three say the same.
import type { DesignPartition, VirtualAdapter } from './design';
import { PROFILE_NAME } from './design';

type Of<K extends VirtualAdapter['kind']> = Extract<VirtualAdapter, { kind: K }>;

/** virtual-slot-number/is-IEEE/port-vlan-ID/[additional-vlan-IDs]/[trunk-priority]/is-required[/[virtual-switch]] */
export function ethernetEntry(adapter: Of<'ethernet'>): string {
  const { slot, portVlanId, trunkPriority, vswitch } = adapter;
  return [slot, adapter.ieee ? 1 : 0, portVlanId, '', trunkPriority, adapter.required ? 1 : 0, vswitch].join('/');
}

/** virtual-slot-number/client-or-server/[remote-lpar-ID]/[remote-lpar-name]/[remote-slot-number]/is-required */
export function scsiEntry(adapter: Of<'scsi'>): string {
  const { slot, side, remoteId, remoteSlot } = adapter;
  return [slot, side, remoteId, adapter.remoteName ?? '', remoteSlot, adapter.required ? 1 : 0].join('/');
}

/** virtual-slot-number/client-or-server/[remote-lpar-ID]/[remote-lpar-name]/remote-slot-number/[wwpns]/is-required */
export function fcEntry(adapter: Of<'fc'>): string {
  const { slot, side, remoteId, remoteSlot } = adapter;
  return [slot, side, remoteId, adapter.remoteName ?? '', remoteSlot, '', adapter.required ? 1 : 0].join('/');
}

export function adapterEntries(partition: DesignPartition): { ethernet: string[]; scsi: string[]; fc: string[] } {
  const of = <K extends VirtualAdapter['kind']>(kind: K) =>
    partition.adapters.filter((adapter): adapter is Of<K> => adapter.kind === kind);
  return { ethernet: of('ethernet').map(ethernetEntry), scsi: of('scsi').map(scsiEntry), fc: of('fc').map(fcEntry) };
}

const units = (value: number) => value.toFixed(2);

/** Processor and memory attributes, as name/value pairs in the order the HMC lists them. */
export function resourceAttributes(partition: DesignPartition): Array<[string, string]> {
  const { processor, memoryMB } = partition;
  const memory: Array<[string, string]> = [
    ['min_mem', String(memoryMB.min)],
    ['desired_mem', String(memoryMB.desired)],
    ['max_mem', String(memoryMB.max)],
  ];
  if (processor.mode === 'dedicated') {
    return [
      ...memory,
      ['proc_mode', 'ded'],
      ['min_procs', String(processor.processors.min)],
      ['desired_procs', String(processor.processors.desired)],
      ['max_procs', String(processor.processors.max)],
      ['sharing_mode', processor.sharing],
    ];
  }
  return [
    ...memory,
    ['proc_mode', 'shared'],
    ['min_proc_units', units(processor.units.min)],
    ['desired_proc_units', units(processor.units.desired)],
    ['max_proc_units', units(processor.units.max)],
    ['min_procs', String(processor.virtualProcessors.min)],
    ['desired_procs', String(processor.virtualProcessors.desired)],
    ['max_procs', String(processor.virtualProcessors.max)],
    ['sharing_mode', processor.sharing],
    ['uncap_weight', String(processor.weight)],
  ];
}

/**
 * Every attribute of `mksyscfg -r lpar` for a partition, as [name, value] pairs. Multi-valued attributes (adapter
 * lists) are returned whole; the caller quotes them for the attribute list.
 */
type AdapterKind = 'ethernet' | 'scsi' | 'fc';
const ALL_ADAPTERS: readonly AdapterKind[] = ['ethernet', 'scsi', 'fc'];

export function lparAttributes(
  partition: DesignPartition,
  adapters: readonly AdapterKind[] = ALL_ADAPTERS,
): Array<[string, string]> {
  const entries = adapterEntries(partition);
  const attributes: Array<[string, string]> = [
    ['name', partition.hmcName],
    ['profile_name', PROFILE_NAME],
    ['lpar_id', String(partition.id)],
    ['lpar_env', partition.lparEnv],
    ...resourceAttributes(partition),
    ['max_virtual_slots', String(partition.maxVirtualSlots)],
  ];
  const lists: Array<[AdapterKind, string, string[]]> = [
    ['ethernet', 'virtual_eth_adapters', entries.ethernet],
    ['scsi', 'virtual_scsi_adapters', entries.scsi],
    ['fc', 'virtual_fc_adapters', entries.fc],
  ];
  for (const [kind, name, list] of lists) {
    if (adapters.includes(kind) && list.length > 0) attributes.push([name, list.join(',')]);
  }
  const tagged = partition.taggedIo;
  if (tagged) attributes.push(['load_source_slot', String(tagged.loadSourceSlot)], ['console_slot', tagged.console]);
  if (partition.remoteRestart) attributes.push(['simplified_remote_restart_capable', '1']);
  return attributes;
}

/**
 * The `-i` attribute list: `name=value` joined by commas, a value holding a comma wrapped as `"name=value"`
 * (IBM's documented form for multi-valued attributes). Names and values come from the design (HMC-safe names,
 * numbers, fixed keywords), so none holds a quote; `escapeQuotes` writes `\"` for a list that travels inside a
 * double-quoted shell word (the ssh command of the collection's modules).
 */
export function attributeList(attributes: ReadonlyArray<[string, string]>, escapeQuotes = false): string {
  const quote = escapeQuotes ? '\\"' : '"';
  const item = ([name, value]: [string, string]) =>
    value.includes(',') ? `${quote}${name}=${value}${quote}` : `${name}=${value}`;
  return attributes.map(item).join(',');
}
