// Runs an HMC script under the stub HMC shell and checks what it created with the independent attribute reader.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { tempDir } from '../../../support/temp';
import { LPAR_ATTRIBUTES, type LinkEntry, argvValue, parseAttributeList, parseEthernet, parseLinks } from './mksyscfg';
import { leftovers, recordedCalls, runShell, stubShell } from './stub-shell';

export interface Created {
  system: string;
  order: number;
  attributes: Map<string, string>;
}

/** Runs the script under the stub HMC shell and reads back every mksyscfg it issued. */
export async function runScript(
  script: string,
): Promise<{ created: Created[]; leftovers: string[]; calls: string[][] }> {
  const root = await tempDir('pvs-hmc-');
  const shell = await stubShell(root, ['mksyscfg', 'chsyscfg']);
  const file = join(root, 'design.sh');
  await writeFile(file, script);
  execFileSync('bash', ['-n', file]);
  runShell(shell, [file]);
  const calls = await recordedCalls(shell);
  const created = calls.map((argv, order) => {
    expect(argv.slice(0, 3)).toEqual(['mksyscfg', '-r', 'lpar']);
    expect(argv).toHaveLength(7);
    return { system: argvValue(argv, '-m'), order, attributes: parseAttributeList(argvValue(argv, '-i')) };
  });
  return { created, leftovers: await leftovers(shell), calls };
}

const num = (attributes: Map<string, string>, name: string) => {
  const value = attributes.get(name);
  if (value === undefined || !/^\d+(\.\d{2})?$/.test(value)) throw new Error(`${name}=${value}`);
  return Number(value);
};

/** IBM's documented rules on one partition's attributes and on the adapters between partitions of a system. */
export function scriptProblems(created: Created[], generation = 'POWER10'): string[] {
  const problems: string[] = [];
  const step = generation === 'POWER7' ? 0.1 : 0.05;
  for (const system of new Set(created.map((each) => each.system))) {
    const partitions = created.filter((each) => each.system === system);
    const byId = new Map(partitions.map((each) => [num(each.attributes, 'lpar_id'), each]));
    const links = new Map<string, LinkEntry & { owner: number; kind: string }>();
    for (const { attributes, order } of partitions) {
      const name = attributes.get('name')!;
      const id = num(attributes, 'lpar_id');
      for (const key of attributes.keys())
        if (!LPAR_ATTRIBUTES.has(key)) problems.push(`${name}: unknown attribute ${key}`);
      for (const key of [
        'name',
        'profile_name',
        'lpar_env',
        'min_mem',
        'desired_mem',
        'max_mem',
        'proc_mode',
        'min_procs',
        'desired_procs',
        'max_procs',
      ]) {
        if (!attributes.has(key)) problems.push(`${name}: ${key} missing`);
      }
      const env = attributes.get('lpar_env');
      if (!['vioserver', 'aixlinux', 'os400'].includes(env ?? '')) problems.push(`${name}: lpar_env ${env}`);
      const ordered = (prefix: string, suffix: string) => {
        const [min, desired, max] = ['min', 'desired', 'max'].map((level) =>
          num(attributes, `${level}_${prefix}${suffix}`),
        );
        if (!(min! <= desired! && desired! <= max!))
          problems.push(`${name}: ${prefix}${suffix} ${min}/${desired}/${max}`);
        return [min!, desired!, max!];
      };
      ordered('mem', '');
      const procs = ordered('procs', '');
      if (attributes.get('proc_mode') === 'shared') {
        const units = ordered('proc_units', '');
        units.forEach((value, level) => {
          if (Math.round(value * 100) % Math.round(step * 100) !== 0)
            problems.push(`${name}: ${value} units not in steps of ${step}`);
          if (value > procs[level]! + 1e-9)
            problems.push(`${name}: ${value} units over 1.00 per virtual processor (${procs[level]})`);
          if (value < procs[level]! * step - 1e-9)
            problems.push(`${name}: ${value} units under ${step} per virtual processor (${procs[level]})`);
        });
      }
      const maxSlots = num(attributes, 'max_virtual_slots');
      const slots = new Set<number>();
      const useSlot = (slot: number) => {
        if (slots.has(slot)) problems.push(`${name}: slot ${slot} twice`);
        if (slot < 2 || slot >= maxSlots) problems.push(`${name}: slot ${slot} outside 2..${maxSlots - 1}`);
        slots.add(slot);
      };
      for (const eth of attributes.has('virtual_eth_adapters')
        ? parseEthernet(attributes.get('virtual_eth_adapters')!)
        : []) {
        useSlot(eth.slot);
        if (eth.pvid < 1 || eth.pvid > 4094) problems.push(`${name}: PVID ${eth.pvid}`);
        if ((env === 'vioserver') !== eth.trunkPriority > 0)
          problems.push(`${name}: trunk priority ${eth.trunkPriority}`);
      }
      for (const kind of ['scsi', 'fc'] as const) {
        const value = attributes.get(`virtual_${kind}_adapters`);
        for (const link of value ? parseLinks(value, kind) : []) {
          useSlot(link.slot);
          links.set(`${kind}:${id}:${link.slot}`, { ...link, owner: id, kind });
          if ((env === 'vioserver') !== (link.side === 'server'))
            problems.push(`${name}: ${kind} ${link.side} adapter on a ${env}`);
          const remote = link.remoteId === null ? undefined : byId.get(link.remoteId);
          if (!remote) problems.push(`${name}: ${kind} slot ${link.slot} points at missing partition ${link.remoteId}`);
          else if (link.remoteName && link.remoteName !== remote.attributes.get('name'))
            problems.push(`${name}: remote name ${link.remoteName}`);
          // The HMC needs the VIOS of a client adapter to exist: created earlier in the script.
          if (remote && link.side === 'client' && remote.order > order)
            problems.push(`${name}: created before its VIOS ${link.remoteId}`);
        }
      }
      // IBM i on virtual storage: the load source is one of its virtual storage slots, the console the HMC.
      const virtualStorage = attributes.has('virtual_scsi_adapters') || attributes.has('virtual_fc_adapters');
      if (env === 'os400' && virtualStorage) {
        const loadSource = Number(attributes.get('load_source_slot'));
        if (!slots.has(loadSource) || attributes.get('console_slot') !== 'hmc')
          problems.push(`${name}: IBM i tagged I/O`);
      }
    }
    for (const link of links.values()) {
      const back = links.get(`${link.kind}:${link.remoteId}:${link.remoteSlot}`);
      if (!back || back.remoteId !== link.owner || back.remoteSlot !== link.slot || back.side === link.side) {
        problems.push(
          `${system}: ${link.kind} ${link.owner}/${link.slot} -> ${link.remoteId}/${link.remoteSlot} has no partner`,
        );
      }
    }
  }
  return problems;
}
