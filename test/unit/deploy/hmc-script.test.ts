import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDesign, renderHmcScript } from '../../../src-main/deploy';
import type { PlanFile } from '../../../src-main/plan/schema';
import { solvePlan } from '../../../src-main/solver';
import { fixturePlan, shippedSnapshot } from '../../support/plans';
import { tempDir } from '../../support/temp';
import { LPAR_ATTRIBUTES, type LinkEntry, argvValue, parseAttributeList, parseEthernet, parseLinks } from './support/mksyscfg';
import { crowdedPlan, mixedPlan } from './support/plans';
import { leftovers, recordedCalls, runShell, stubShell } from './support/stub-shell';

const catalog = await shippedSnapshot();

interface Created {
  system: string;
  order: number;
  attributes: Map<string, string>;
}

/** Runs the script under the stub HMC shell and reads back every mksyscfg it issued. */
export async function runScript(script: string): Promise<{ created: Created[]; leftovers: string[]; calls: string[][] }> {
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
      for (const key of attributes.keys()) if (!LPAR_ATTRIBUTES.has(key)) problems.push(`${name}: unknown attribute ${key}`);
      for (const key of ['name', 'profile_name', 'lpar_env', 'min_mem', 'desired_mem', 'max_mem', 'proc_mode', 'min_procs', 'desired_procs', 'max_procs']) {
        if (!attributes.has(key)) problems.push(`${name}: ${key} missing`);
      }
      const env = attributes.get('lpar_env');
      if (!['vioserver', 'aixlinux', 'os400'].includes(env ?? '')) problems.push(`${name}: lpar_env ${env}`);
      const ordered = (prefix: string, suffix: string) => {
        const [min, desired, max] = ['min', 'desired', 'max'].map((level) => num(attributes, `${level}_${prefix}${suffix}`));
        if (!(min! <= desired! && desired! <= max!)) problems.push(`${name}: ${prefix}${suffix} ${min}/${desired}/${max}`);
        return [min!, desired!, max!];
      };
      ordered('mem', '');
      const procs = ordered('procs', '');
      if (attributes.get('proc_mode') === 'shared') {
        const units = ordered('proc_units', '');
        units.forEach((value, level) => {
          if (Math.round(value * 100) % Math.round(step * 100) !== 0) problems.push(`${name}: ${value} units not in steps of ${step}`);
          if (value > procs[level]! + 1e-9) problems.push(`${name}: ${value} units over 1.00 per virtual processor (${procs[level]})`);
          if (value < procs[level]! * step - 1e-9) problems.push(`${name}: ${value} units under ${step} per virtual processor (${procs[level]})`);
        });
      }
      const maxSlots = num(attributes, 'max_virtual_slots');
      const slots = new Set<number>();
      const useSlot = (slot: number) => {
        if (slots.has(slot)) problems.push(`${name}: slot ${slot} twice`);
        if (slot < 2 || slot >= maxSlots) problems.push(`${name}: slot ${slot} outside 2..${maxSlots - 1}`);
        slots.add(slot);
      };
      for (const eth of attributes.has('virtual_eth_adapters') ? parseEthernet(attributes.get('virtual_eth_adapters')!) : []) {
        useSlot(eth.slot);
        if (eth.pvid < 1 || eth.pvid > 4094) problems.push(`${name}: PVID ${eth.pvid}`);
        if ((env === 'vioserver') !== (eth.trunkPriority > 0)) problems.push(`${name}: trunk priority ${eth.trunkPriority}`);
      }
      for (const kind of ['scsi', 'fc'] as const) {
        const value = attributes.get(`virtual_${kind}_adapters`);
        for (const link of value ? parseLinks(value, kind) : []) {
          useSlot(link.slot);
          links.set(`${kind}:${id}:${link.slot}`, { ...link, owner: id, kind });
          if ((env === 'vioserver') !== (link.side === 'server')) problems.push(`${name}: ${kind} ${link.side} adapter on a ${env}`);
          const remote = link.remoteId === null ? undefined : byId.get(link.remoteId);
          if (!remote) problems.push(`${name}: ${kind} slot ${link.slot} points at missing partition ${link.remoteId}`);
          else if (link.remoteName && link.remoteName !== remote.attributes.get('name')) problems.push(`${name}: remote name ${link.remoteName}`);
          // The HMC needs the VIOS of a client adapter to exist: created earlier in the script.
          if (remote && link.side === 'client' && remote.order > order) problems.push(`${name}: created before its VIOS ${link.remoteId}`);
        }
      }
      // IBM i on virtual storage: the load source is one of its virtual storage slots, the console the HMC.
      const virtualStorage = attributes.has('virtual_scsi_adapters') || attributes.has('virtual_fc_adapters');
      if (env === 'os400' && virtualStorage) {
        const loadSource = Number(attributes.get('load_source_slot'));
        if (!slots.has(loadSource) || attributes.get('console_slot') !== 'hmc') problems.push(`${name}: IBM i tagged I/O`);
      }
    }
    for (const link of links.values()) {
      const back = links.get(`${link.kind}:${link.remoteId}:${link.remoteSlot}`);
      if (!back || back.remoteId !== link.owner || back.remoteSlot !== link.slot || back.side === link.side) {
        problems.push(`${system}: ${link.kind} ${link.owner}/${link.slot} -> ${link.remoteId}/${link.remoteSlot} has no partner`);
      }
    }
  }
  return problems;
}

async function scriptOf(plan: PlanFile, options = {}) {
  const solution = await solvePlan(plan, catalog, { exactLimit: 0 });
  const design = buildDesign(solution, plan, options);
  return { solution, design, script: renderHmcScript(design) };
}

describe('the HMC script', () => {
  it('creates every partition with IBM\'s documented attributes, VIOS first, adapters paired both ways', async () => {
    for (const plan of [fixturePlan('valid'), mixedPlan({ redundancy: 'n+1' }), mixedPlan({ vios: 'single' }), mixedPlan({ vios: 'none' })]) {
      const { design, script } = await scriptOf(plan, { systemNames: { 'server-1': 'P10-PROD-A' }, vlan: 120 });
      const run = await runScript(script);
      expect(run.leftovers).toEqual([]);
      expect(run.created).toHaveLength(design.servers.reduce((sum, server) => sum + server.partitions.length, 0));
      expect(scriptProblems(run.created)).toEqual([]);
      expect(run.created[0]!.system).toBe('P10-PROD-A');
      // Every value comes from the design.
      for (const server of design.servers) {
        for (const partition of server.partitions) {
          const made = run.created.find((each) => each.system === server.systemName && each.attributes.get('name') === partition.hmcName)!;
          expect(made.attributes.get('desired_mem')).toBe(String(partition.memoryMB.desired));
          expect(made.attributes.get('max_mem')).toBe(String(partition.memoryMB.max));
          expect(made.attributes.get('simplified_remote_restart_capable') === '1').toBe(partition.remoteRestart);
        }
      }
    }
  });

  it('stays valid with hundreds of clients per VIOS', async () => {
    const { script } = await scriptOf(crowdedPlan(360));
    const run = await runScript(script);
    expect(scriptProblems(run.created)).toEqual([]);
    const vios = run.created.find((each) => each.attributes.get('lpar_env') === 'vioserver')!;
    expect(parseLinks(vios.attributes.get('virtual_scsi_adapters')!, 'scsi').length + parseLinks(vios.attributes.get('virtual_fc_adapters')!, 'fc').length).toBeGreaterThan(100);
  });

  it('the checker finds what issue 16 found: 6-field vFC entries, units over 1.00 per VP, colliding slots', () => {
    const base = 'name=a,profile_name=p,lpar_id=3,lpar_env=aixlinux,min_mem=1024,desired_mem=2048,max_mem=2048,proc_mode=shared,max_virtual_slots=32,uncap_weight=128,sharing_mode=uncap';
    const vios = { system: 's', order: 0, attributes: parseAttributeList('name=v,profile_name=p,lpar_id=1,lpar_env=vioserver,min_mem=1024,desired_mem=1024,max_mem=1024,proc_mode=shared,min_proc_units=0.50,desired_proc_units=0.50,max_proc_units=1.00,min_procs=1,desired_procs=1,max_procs=1,max_virtual_slots=200,"virtual_fc_adapters=100/server/3//20//0"') };
    const bad = [
      `${base},min_proc_units=1.50,desired_proc_units=3.00,max_proc_units=6.00,min_procs=1,desired_procs=3,max_procs=6,"virtual_fc_adapters=20/client/1/v/100/1"`,
      `${base},min_proc_units=0.50,desired_proc_units=1.00,max_proc_units=2.00,min_procs=1,desired_procs=1,max_procs=2,"virtual_fc_adapters=20/client/1/v/100//1,20/client/1/v/101//1"`,
    ];
    expect(() => scriptProblems([vios, { system: 's', order: 1, attributes: parseAttributeList(bad[0]!) }])).toThrow(/7/);
    const problems = scriptProblems([vios, { system: 's', order: 1, attributes: parseAttributeList(bad[1]!) }]);
    expect(problems.some((problem) => problem.includes('slot 20 twice'))).toBe(true);
    expect(problems.some((problem) => problem.includes('no partner'))).toBe(true);
    const perVp = `${base},min_proc_units=1.50,desired_proc_units=3.00,max_proc_units=6.00,min_procs=1,desired_procs=3,max_procs=6`;
    expect(scriptProblems([{ system: 's', order: 0, attributes: parseAttributeList(perVp) }]).some((problem) => problem.includes('over 1.00'))).toBe(true);
    expect(() => parseAttributeList('name=f,lpar_env=vioserver,name=x')).toThrow(/twice/);
  });
});
