import { describe, expect, it } from 'vitest';
import { buildDesign, renderHmcScript } from '../../../src-main/deploy';
import type { PlanFile } from '../../../src-main/plan/schema';
import { solvePlan } from '../../../src-main/solver';
import { fixturePlan, shippedSnapshot } from '../../support/plans';
import { parseAttributeList, parseLinks } from './support/mksyscfg';
import { runScript, scriptProblems } from './support/script-check';
import { crowdedPlan, mixedPlan } from './support/plans';

const catalog = await shippedSnapshot();

async function scriptOf(plan: PlanFile, options = {}) {
  const solution = await solvePlan(plan, catalog, { exactLimit: 0 });
  const design = buildDesign(solution, plan, options);
  return { solution, design, script: renderHmcScript(design) };
}

describe('the HMC script', () => {
  it("creates every partition with IBM's documented attributes, VIOS first, adapters paired both ways", async () => {
    for (const plan of [
      fixturePlan('valid'),
      mixedPlan({ redundancy: 'n+1' }),
      mixedPlan({ vios: 'single' }),
      mixedPlan({ vios: 'none' }),
    ]) {
      const { design, script } = await scriptOf(plan, { systemNames: { 'server-1': 'P10-PROD-A' }, vlan: 120 });
      const run = await runScript(script);
      expect(run.leftovers).toEqual([]);
      expect(run.created).toHaveLength(design.servers.reduce((sum, server) => sum + server.partitions.length, 0));
      expect(scriptProblems(run.created)).toEqual([]);
      expect(run.created[0]!.system).toBe('P10-PROD-A');
      // Every value comes from the design.
      for (const server of design.servers) {
        for (const partition of server.partitions) {
          const made = run.created.find(
            (each) => each.system === server.systemName && each.attributes.get('name') === partition.hmcName,
          )!;
          expect(made.attributes.get('desired_mem')).toBe(String(partition.memoryMB.desired));
          expect(made.attributes.get('max_mem')).toBe(String(partition.memoryMB.max));
          expect(made.attributes.get('simplified_remote_restart_capable') === '1').toBe(partition.remoteRestart);
        }
      }
    }
  }, 60_000);

  it('stays valid with hundreds of clients per VIOS', async () => {
    const { script } = await scriptOf(crowdedPlan(360));
    const run = await runScript(script);
    expect(scriptProblems(run.created)).toEqual([]);
    const vios = run.created.find((each) => each.attributes.get('lpar_env') === 'vioserver')!;
    expect(
      parseLinks(vios.attributes.get('virtual_scsi_adapters')!, 'scsi').length +
        parseLinks(vios.attributes.get('virtual_fc_adapters')!, 'fc').length,
    ).toBeGreaterThan(100);
  }, 60_000);

  it('the checker finds what issue 16 found: 6-field vFC entries, units over 1.00 per VP, colliding slots', () => {
    const base =
      'name=a,profile_name=p,lpar_id=3,lpar_env=aixlinux,min_mem=1024,desired_mem=2048,max_mem=2048,proc_mode=shared,max_virtual_slots=32,uncap_weight=128,sharing_mode=uncap';
    const vios = {
      system: 's',
      order: 0,
      attributes: parseAttributeList(
        'name=v,profile_name=p,lpar_id=1,lpar_env=vioserver,min_mem=1024,desired_mem=1024,max_mem=1024,proc_mode=shared,min_proc_units=0.50,desired_proc_units=0.50,max_proc_units=1.00,min_procs=1,desired_procs=1,max_procs=1,max_virtual_slots=200,"virtual_fc_adapters=100/server/3//20//0"',
      ),
    };
    const bad = [
      `${base},min_proc_units=1.50,desired_proc_units=3.00,max_proc_units=6.00,min_procs=1,desired_procs=3,max_procs=6,"virtual_fc_adapters=20/client/1/v/100/1"`,
      `${base},min_proc_units=0.50,desired_proc_units=1.00,max_proc_units=2.00,min_procs=1,desired_procs=1,max_procs=2,"virtual_fc_adapters=20/client/1/v/100//1,20/client/1/v/101//1"`,
    ];
    expect(() => scriptProblems([vios, { system: 's', order: 1, attributes: parseAttributeList(bad[0]!) }])).toThrow(
      /7/,
    );
    const problems = scriptProblems([vios, { system: 's', order: 1, attributes: parseAttributeList(bad[1]!) }]);
    expect(problems.some((problem) => problem.includes('slot 20 twice'))).toBe(true);
    expect(problems.some((problem) => problem.includes('no partner'))).toBe(true);
    const perVp = `${base},min_proc_units=1.50,desired_proc_units=3.00,max_proc_units=6.00,min_procs=1,desired_procs=3,max_procs=6`;
    expect(
      scriptProblems([{ system: 's', order: 0, attributes: parseAttributeList(perVp) }]).some((problem) =>
        problem.includes('over 1.00'),
      ),
    ).toBe(true);
    expect(() => parseAttributeList('name=f,lpar_env=vioserver,name=x')).toThrow(/twice/);
  }, 60_000);
});
