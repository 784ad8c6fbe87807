// An independent reader of IBM's documented HMC attribute syntax (mksyscfg/chsyscfg -i), written from the HMC
// command reference, not from the exporter: the tests check the exports with it.

/** `-i` attribute list: comma-separated name=value; an attribute whose value holds commas is wrapped in "...". */
export function parseAttributeList(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  let position = 0;
  while (position < text.length) {
    let item: string;
    if (text[position] === '"') {
      const end = text.indexOf('"', position + 1);
      if (end < 0) throw new Error(`unterminated quote at ${position} in ${text}`);
      item = text.slice(position + 1, end);
      position = end + 1;
      if (position < text.length && text[position] !== ',') throw new Error(`text after a quoted attribute at ${position}`);
      position += 1;
    } else {
      const end = text.indexOf(',', position);
      item = text.slice(position, end < 0 ? text.length : end);
      if (item.includes('"')) throw new Error(`stray quote in ${item}`);
      position = end < 0 ? text.length : end + 1;
    }
    const equals = item.indexOf('=');
    if (equals <= 0) throw new Error(`not name=value: ${item}`);
    const name = item.slice(0, equals);
    if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad attribute name ${name}`);
    if (attributes.has(name)) throw new Error(`attribute ${name} given twice`);
    attributes.set(name, item.slice(equals + 1));
  }
  return attributes;
}

export interface EthEntry { slot: number; ieee: number; pvid: number; vlans: string; trunkPriority: number; required: number; vswitch: string }
export interface LinkEntry { slot: number; side: 'client' | 'server'; remoteId: number | null; remoteName: string; remoteSlot: number; required: number; wwpns?: string }

const int = (text: string, what: string) => {
  if (!/^\d+$/.test(text)) throw new Error(`${what}: "${text}" is not a whole number`);
  return Number(text);
};

/** virtual_eth_adapters: slot/is-IEEE/port-vlan-ID/[additional-vlan-IDs]/[trunk-priority]/is-required[/[virtual-switch]...] */
export function parseEthernet(value: string): EthEntry[] {
  return value.split(',').map((entry) => {
    const fields = entry.split('/');
    if (fields.length < 6 || fields.length > 10) throw new Error(`virtual_eth_adapters entry "${entry}" has ${fields.length} fields`);
    return { slot: int(fields[0]!, 'slot'), ieee: int(fields[1]!, 'is-IEEE'), pvid: int(fields[2]!, 'port-vlan-ID'), vlans: fields[3]!, trunkPriority: int(fields[4] || '0', 'trunk-priority'), required: int(fields[5]!, 'is-required'), vswitch: fields[6] ?? '' };
  });
}

/** virtual_scsi_adapters (6 fields) or virtual_fc_adapters (7 fields: ... remote-slot/[wwpns]/is-required). */
export function parseLinks(value: string, kind: 'scsi' | 'fc'): LinkEntry[] {
  const expected = kind === 'scsi' ? 6 : 7;
  return value.split(',').map((entry) => {
    const fields = entry.split('/');
    if (fields.length !== expected) throw new Error(`${kind} entry "${entry}" has ${fields.length} fields, IBM documents ${expected}`);
    const side = fields[1];
    if (side !== 'client' && side !== 'server') throw new Error(`${kind} entry "${entry}": side ${side}`);
    if (fields[2] === 'any' && fields[3]) throw new Error(`${kind} entry "${entry}": "any" with a remote name`);
    return {
      slot: int(fields[0]!, 'slot'),
      side,
      remoteId: fields[2] ? int(fields[2], 'remote-lpar-ID') : null,
      remoteName: fields[3]!,
      remoteSlot: int(fields[4]!, 'remote-slot-number'),
      ...(kind === 'fc' ? { wwpns: fields[5]! } : {}),
      required: int(fields[expected - 1]!, 'is-required'),
    };
  });
}

/** Attribute names of `mksyscfg -r lpar` this checker knows (IBM HMC command reference). */
export const LPAR_ATTRIBUTES = new Set([
  'name', 'profile_name', 'lpar_id', 'lpar_env', 'min_mem', 'desired_mem', 'max_mem', 'proc_mode', 'min_proc_units', 'desired_proc_units',
  'max_proc_units', 'min_procs', 'desired_procs', 'max_procs', 'sharing_mode', 'uncap_weight', 'max_virtual_slots', 'virtual_eth_adapters',
  'virtual_scsi_adapters', 'virtual_fc_adapters', 'load_source_slot', 'console_slot', 'simplified_remote_restart_capable',
]);

/** Splits a POSIX shell word list the simple way our stub records it (one JSON array of argv per call). */
export function argvValue(argv: readonly string[], flag: string): string {
  const index = argv.indexOf(flag);
  if (index < 0 || index + 1 >= argv.length) throw new Error(`${flag} missing in ${argv.join(' ')}`);
  return argv[index + 1]!;
}
