import { execFileSync, spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturePlan, shippedSnapshot } from '../../support/plans';
import { tempDir } from '../../support/temp';
import {
  type ManagedSystem,
  SPECS_FILE,
  argumentProblems,
  loadSpecs,
  lparInstanceProblems,
  viosSettingsProblems,
} from './support/power-hmc-checker';
import { moduleOf, playbookOf, playbookProblems } from './support/playbook-check';
import { mixedPlan } from './support/plans';

const catalog = await shippedSnapshot();
const specs = loadSpecs();

describe('the Ansible playbook', () => {
  it("uses the collection's modules with options their argument specs and own checks accept", async () => {
    expect(specs).toMatchObject({ collection: 'ibm.power_hmc', version: '1.8.2' });
    for (const plan of [
      fixturePlan('valid'),
      mixedPlan({ redundancy: 'n+1' }),
      mixedPlan({ vios: 'single' }),
      mixedPlan({ vios: 'none' }),
    ]) {
      const { design, play } = await playbookOf(catalog, plan, { vlan: 120 });
      expect(playbookProblems(design, play)).toEqual([]);
    }
  }, 60_000);

  it('carries every value of the design: min/desired/max, slots, networks, NPIV pairs, vSCSI, remote restart', async () => {
    const { design, play } = await playbookOf(catalog, mixedPlan({ redundancy: 'n+1' }), {
      vlan: 120,
      systemNames: { 'server-1': 'P10-A' },
    });
    const tasks = play.tasks.map((task) => ({ task, module: moduleOf(task) }));
    for (const server of design.servers) {
      for (const partition of server.partitions) {
        if (partition.role === 'vios') {
          const found = tasks.find(
            ({ module: [name, args] }) =>
              name === 'ibm.power_hmc.vios' &&
              args.name === partition.hmcName &&
              args.system_name === server.systemName,
          )!;
          expect(found.task.tags).toEqual(['vios']);
          const settings = found.module[1].settings as Record<string, string>;
          expect(settings).toMatchObject({
            lpar_id: String(partition.id),
            desired_mem: String(partition.memoryMB.desired),
            max_mem: String(partition.memoryMB.max),
            max_virtual_slots: String(partition.maxVirtualSlots),
          });
          continue;
        }
        const create = tasks.find(
          ({ module: [name, args] }) =>
            name === 'ibm.power_hmc.powervm_lpar_instance' &&
            args.vm_name === partition.hmcName &&
            args.system_name === server.systemName,
        )!.module[1];
        expect(create).toMatchObject({
          vm_id: partition.id,
          mem: partition.memoryMB.desired,
          min_mem: partition.memoryMB.min,
          max_mem: partition.memoryMB.max,
          max_virtual_slots: partition.maxVirtualSlots,
          state: 'present',
        });
        if (partition.processor.mode === 'shared') {
          expect(create).toMatchObject({
            proc_unit: partition.processor.units.desired,
            min_proc_unit: partition.processor.units.min,
            max_proc_unit: partition.processor.units.max,
            proc: partition.processor.virtualProcessors.desired,
          });
        } else expect(create).toMatchObject({ proc: partition.processor.processors.desired, min_proc: 1 });
        const fcs = partition.adapters.filter((adapter) => adapter.kind === 'fc');
        expect(
          (create.npiv_config as Array<{ client_adapter_id: number; server_adapter_id: number }> | undefined) ?? [],
        ).toEqual(
          fcs.map((adapter) =>
            expect.objectContaining({
              client_adapter_id: adapter.slot,
              server_adapter_id: adapter.kind === 'fc' ? adapter.remoteSlot : 0,
            }),
          ),
        );
        const eth = partition.adapters.find((adapter) => adapter.kind === 'ethernet');
        expect(create.virt_network_config).toEqual(
          eth && eth.kind === 'ethernet'
            ? [{ network_name: `VLAN${eth.portVlanId}-ETHERNET0`, slot_number: eth.slot }]
            : undefined,
        );
        const commands = tasks
          .filter(
            ({ module: [name, args] }) =>
              name === 'ibm.power_hmc.hmc_command' && (args.cmd as string).includes(`=${partition.hmcName},`),
          )
          .map(({ module: [, args] }) => args.cmd as string);
        expect(commands.some((cmd) => cmd.includes('simplified_remote_restart_capable=1'))).toBe(
          partition.remoteRestart,
        );
        expect(commands.some((cmd) => cmd.includes('virtual_scsi_adapters='))).toBe(partition.storage === 'vscsi');
      }
    }
  }, 60_000);

  it('the checker refuses what issue 16 found in the old playbook', () => {
    const system: ManagedSystem = {
      processorUnits: 48,
      minimumUnitsPerVirtualProcessor: 0.05,
      memoryMB: 524288,
      lmbMiB: 256,
    };
    expect(lparInstanceProblems({ proc: 1, proc_unit: 0.58, mem: 4096 }, system).join()).toMatch(/multiple of 0.05/);
    expect(lparInstanceProblems({ proc: 1, proc_unit: 0.05, mem: 4096 }, system).join()).toMatch(
      /processing units 0.1\/0.05/,
    );
    expect(lparInstanceProblems({ proc: 1, proc_unit: 0.5, mem: 4000, min_mem: 1024 }, system).join()).toMatch(/LMB/);
    expect(
      argumentProblems(
        'powervm_lpar_instance',
        { hmc_host: 'h', hmc_auth: { username: 'u' }, vm_name: 'x', state: 'present', proc_unit: 0.5 },
        specs,
      ).join(),
    ).toMatch(/requires (system_name|proc)/);
    expect(
      argumentProblems('hmc_command', { hmc_host: 'h', hmc_auth: { username: 'u' }, cmd: 'x', extra: 1 }, specs).join(),
    ).toMatch(/unsupported option extra/);
    expect(viosSettingsProblems({ lpar_env: 'vioserver', virtual_fc_adapters: "1/server/'" }, specs)).toHaveLength(2);
  }, 60_000);

  it("passes ansible-core's own ArgumentSpecValidator against the committed specs", async (context) => {
    const python = '/usr/bin/python3';
    if (spawnSync(python, ['-c', 'import ansible.module_utils.common.arg_spec'], { stdio: 'ignore' }).status !== 0) {
      console.warn(
        'ansible-core is not installed (apt-get install ansible-core): its ArgumentSpecValidator check did not run',
      );
      context.skip('ansible-core is not installed');
    }
    const { text } = await playbookOf(catalog, mixedPlan({ redundancy: 'n+1' }), { vlan: 120 });
    const file = join(await tempDir('pvs-ansible-'), 'design.yml');
    await writeFile(file, text);
    const script = join(import.meta.dirname, 'support', 'power_hmc.py');
    const result = JSON.parse(
      execFileSync(python, [script, 'validate', '--playbook', file, '--specs', SPECS_FILE], { encoding: 'utf8' }),
    ) as { tasks: number; errors: unknown[] };
    expect(result.errors).toEqual([]);
    expect(result.tasks).toBeGreaterThan(10);
  }, 60_000);
});
