import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { HMC_COMMAND_OPTIONS, LPAR_INSTANCE_OPTIONS, ansiblePlaybook, hmcScript, implementationCsv } from '../../../src-main/deploy';
import { solvePlan } from '../../../src-main/solver';
import { fixturePlan, shippedSnapshot } from '../../support/plans';
import { tempDir } from '../../support/temp';

const solution = await solvePlan(fixturePlan('valid'), await shippedSnapshot(), { exactLimit: 0 });

describe('the deployable design', () => {
  it('writes HMC commands that the shell accepts, VIOS before their clients on each server', async () => {
    const script = hmcScript(solution, { systemNames: { 'server-1': "Acme P10 'A'" } });
    const file = join(await tempDir(), 'design.sh');
    await writeFile(file, script);
    execFileSync('bash', ['-n', file]);
    for (const server of solution.servers) {
      const names = server.partitions.map((partition) => partition.name);
      const positions = names.map((name) => script.indexOf(`name=${name},`, script.indexOf(`# ${server.id}:`)));
      expect(positions.every((position) => position > 0)).toBe(true);
      const vios = server.partitions.filter((p) => p.role === 'vios').map((p) => positions[names.indexOf(p.name)]!);
      const clients = server.partitions.filter((p) => p.role === 'client').map((p) => positions[names.indexOf(p.name)]!);
      expect(Math.max(...vios)).toBeLessThan(Math.min(...clients));
    }
    expect(script).toContain(`SYSTEM='Acme P10 '\\''A'\\'''`);
  });

  it('carries the sized entitlement, virtual processors and memory into each partition', () => {
    const script = hmcScript(solution);
    for (const partition of solution.servers.flatMap((server) => server.partitions)) {
      const line = script.split('\n').find((each) => each.includes(`name=${partition.name},`))!;
      expect(line).toContain(`desired_mem=${Math.round(partition.memoryGiB * 1024)}`);
      if (partition.mode === 'shared') {
        expect(line).toContain(`desired_proc_units=${partition.entitledCapacity!.toFixed(2)}`);
        expect(line).toContain(`desired_procs=${partition.virtualProcessors}`);
      } else expect(line).toContain(`desired_procs=${partition.dedicatedCores}`);
    }
  });

  it('writes an Ansible playbook that parses as YAML and uses only documented module options', () => {
    const playbook = yaml.load(ansiblePlaybook(solution)) as Array<{ tasks: Array<Record<string, Record<string, unknown>>> }>;
    const tasks = playbook[0]!.tasks;
    const partitions = solution.servers.flatMap((server) => server.partitions);
    expect(tasks).toHaveLength(partitions.length);
    for (const task of tasks) {
      const [module, options] = Object.entries(task).find(([key]) => key !== 'name')!;
      const allowed: readonly string[] = module === 'powervm_lpar_instance' ? LPAR_INSTANCE_OPTIONS : module === 'hmc_command' ? HMC_COMMAND_OPTIONS : [];
      expect(allowed.length, module).toBeGreaterThan(0);
      for (const option of Object.keys(options)) expect(allowed).toContain(option);
    }
    const db = tasks.find((task) => task.powervm_lpar_instance?.vm_name === 'erp-db')!.powervm_lpar_instance!;
    const partition = partitions.find((p) => p.name === 'erp-db')!;
    expect(db).toMatchObject({ mem: Math.round(partition.memoryGiB * 1024), os_type: 'aix', state: 'present', proc_unit: Number(partition.entitledCapacity!.toFixed(2)) });
  });

  it('writes a CSV per server for the implementation team', () => {
    const server = solution.servers[0]!;
    const lines = implementationCsv(server).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('storage (LUNs, sizes)');
    expect(lines).toHaveLength(server.partitions.length + 1);
  });
});
