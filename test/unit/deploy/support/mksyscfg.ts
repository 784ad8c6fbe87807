// An independent reader of IBM's documented HMC attribute syntax (mksyscfg/chsyscfg -i), written from the HMC
// command reference, not from the exporter: the tests check the exports with it.

/**
 * `-i` attribute list: comma-separated name=value. A value holding commas is quoted, either the whole attribute
 * (`"name=a,b"`, IBM's documented form) or the value (`name="a,b"`, the form the ibm.power_hmc modules send).
 */
export function parseAttributeList(text: string): Map<string, string> {
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) {
      items.push(current);
      current = '';
    } else current += char;
  }
  if (quoted) throw new Error(`unterminated quote in ${text}`);
  items.push(current);
  const attributes = new Map<string, string>();
  for (const raw of items) {
    const whole = /^"([^"]*)"$/.exec(raw);
    const item = whole ? whole[1]! : raw;
    const equals = item.indexOf('=');
    if (equals <= 0) throw new Error(`not name=value: ${raw}`);
    const name = item.slice(0, equals);
    let value = item.slice(equals + 1);
    const valueQuoted = !whole && /^"[^"]*"$/.test(value);
    if (valueQuoted) value = value.slice(1, -1);
    if (value.includes('"') || name.includes('"')) throw new Error(`stray quote in ${raw}`);
    if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad attribute name ${name}`);
    if (attributes.has(name)) throw new Error(`attribute ${name} given twice`);
    if (!whole && !valueQuoted && value.includes(',')) throw new Error(`unquoted comma in ${raw}`);
    attributes.set(name, value);
  }
  return attributes;
}

export interface EthEntry {
  slot: number;
  ieee: number;
  pvid: number;
  vlans: string;
  trunkPriority: number;
  required: number;
  vswitch: string;
}
export interface LinkEntry {
  slot: number;
  side: 'client' | 'server';
  remoteId: number | null;
  remoteName: string;
  remoteSlot: number;
  required: number;
  wwpns?: string;
}

const int = (text: string, what: string) => {
  if (!/^\d+$/.test(text)) throw new Error(`${what}: "${text}" is not a whole number`);
  return Number(text);
};

/** virtual_eth_adapters: slot/is-IEEE/port-vlan-ID/[additional-vlan-IDs]/[trunk-priority]/is-required[/[virtual-switch]...] */
export function parseEthernet(value: string): EthEntry[] {
  return value.split(',').map((entry) => {
    const fields = entry.split('/');
    if (fields.length < 6 || fields.length > 10)
      throw new Error(`virtual_eth_adapters entry "${entry}" has ${fields.length} fields`);
    return {
      slot: int(fields[0]!, 'slot'),
      ieee: int(fields[1]!, 'is-IEEE'),
      pvid: int(fields[2]!, 'port-vlan-ID'),
      vlans: fields[3]!,
      trunkPriority: int(fields[4] || '0', 'trunk-priority'),
      required: int(fields[5]!, 'is-required'),
      vswitch: fields[6] ?? '',
    };
  });
}

/** virtual_scsi_adapters (6 fields) or virtual_fc_adapters (7 fields: ... remote-slot/[wwpns]/is-required). */
export function parseLinks(value: string, kind: 'scsi' | 'fc'): LinkEntry[] {
  const expected = kind === 'scsi' ? 6 : 7;
  return value.split(',').map((entry) => {
    const fields = entry.split('/');
    if (fields.length !== expected)
      throw new Error(`${kind} entry "${entry}" has ${fields.length} fields, IBM documents ${expected}`);
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
  'name',
  'profile_name',
  'lpar_id',
  'lpar_env',
  'min_mem',
  'desired_mem',
  'max_mem',
  'proc_mode',
  'min_proc_units',
  'desired_proc_units',
  'max_proc_units',
  'min_procs',
  'desired_procs',
  'max_procs',
  'sharing_mode',
  'uncap_weight',
  'max_virtual_slots',
  'virtual_eth_adapters',
  'virtual_scsi_adapters',
  'virtual_fc_adapters',
  'load_source_slot',
  'console_slot',
  'simplified_remote_restart_capable',
]);

/** Splits a POSIX shell word list the simple way our stub records it (one JSON array of argv per call). */
export function argvValue(argv: readonly string[], flag: string): string {
  const index = argv.indexOf(flag);
  if (index < 0 || index + 1 >= argv.length) throw new Error(`${flag} missing in ${argv.join(' ')}`);
  return argv[index + 1]!;
}
