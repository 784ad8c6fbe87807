// The playbook through ansible-core itself: --syntax-check, a check-mode run of every task through AnsibleModule
// (modules generated from the collection's committed argument specs), ansible-lint, and, when a checkout of the
// real collection is named by POWER_HMC_COLLECTION, the real modules' own checks and commands.
import { spawnSync } from 'node:child_process';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Design, buildDesign, renderAnsiblePlaybook } from '../../src-main/deploy';
import type { PlanFile } from '../../src-main/plan/schema';
import { solvePlan } from '../../src-main/solver';
import { plan, shippedSnapshot } from '../support/plans';
import { tempDir } from '../support/temp';
import { argvValue, parseAttributeList } from '../unit/deploy/support/mksyscfg';
import { SPECS_FILE, loadSpecs } from '../unit/deploy/support/power-hmc-checker';
import { systemsOf } from '../unit/deploy/support/playbook-check';
import { HOSTILE_NAMES, mixedPlan } from '../unit/deploy/support/plans';
import { leftovers, recordedCalls, runShell, stubShell } from '../unit/deploy/support/stub-shell';

const PYTHON = '/usr/bin/python3';
const HELPER = join(import.meta.dirname, '..', 'unit', 'deploy', 'support', 'power_hmc.py');
const catalog = await shippedSnapshot();
const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

async function playbook(input: PlanFile): Promise<{ design: Design; dir: string; file: string }> {
  const solution = await solvePlan(input, catalog, { exactLimit: 0 });
  const design = buildDesign(solution, input, { vlan: 120, systemNames: { 'server-1': 'P10-A' } });
  const dir = await tempDir('pvs-ansible-');
  const file = join(dir, 'design.yml');
  await writeFile(file, renderAnsiblePlaybook(design));
  return { design, dir, file };
}

/**
 * A collection with the three modules' names and argument specs only (from the committed fixture): each module
 * validates its arguments with AnsibleModule, records them and changes nothing. Generated here, not IBM's code.
 */
async function stubCollection(root: string): Promise<string> {
  const specs = loadSpecs();
  const base = join(root, 'ansible_collections', 'ibm', 'power_hmc');
  await mkdir(join(base, 'plugins', 'modules'), { recursive: true });
  await writeFile(
    join(base, 'galaxy.yml'),
    `namespace: ibm\nname: power_hmc\nversion: ${specs.version}\nreadme: README.md\nauthors: [stub]\n`,
  );
  for (const [module, spec] of Object.entries(specs.modules)) {
    const keywords = ['mutually_exclusive', 'required_one_of', 'required_if', 'required_by'].filter(
      (key) => key in spec,
    );
    await writeFile(
      join(base, 'plugins', 'modules', `${module}.py`),
      [
        '#!/usr/bin/python',
        `DOCUMENTATION = r'''\nmodule: ${module}\nshort_description: argument-spec stand-in for ibm.power_hmc.${module} ${specs.version}\ndescription: [Validates its arguments only.]\nauthor: [PowerVM Sizer tests]\n'''`,
        'import json, os',
        'from ansible.module_utils.basic import AnsibleModule',
        `SPEC = json.loads(r'''${JSON.stringify(spec)}''')`,
        'def main():',
        `    module = AnsibleModule(argument_spec=SPEC['argument_spec'], supports_check_mode=True, ${keywords.map((key) => `${key}=SPEC['${key}']`).join(', ')})`,
        "    with open(os.environ['STUB_RECORD'], 'a') as record:",
        `        record.write(json.dumps({'module': '${module}', 'params': module.params}) + '\\n')`,
        '    module.exit_json(changed=False)',
        "if __name__ == '__main__':",
        '    main()',
        '',
      ].join('\n'),
    );
  }
  return root;
}

function ansible(command: string, args: string[], collections: string, dir: string) {
  const result = spawnSync(command, args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      ANSIBLE_COLLECTIONS_PATH: collections,
      ANSIBLE_LOCAL_TEMP: join(dir, 'tmp'),
      ANSIBLE_HOME: join(dir, 'home'),
      STUB_RECORD: join(dir, 'record.jsonl'),
      ANSIBLE_NOCOLOR: '1',
    },
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the playbook under ansible-core', () => {
  it("passes --syntax-check and runs every task through AnsibleModule with the collection's argument specs", async (context) => {
    if (!has('ansible-playbook')) {
      console.warn(
        'ansible-playbook is not installed (apt-get install ansible-core): the syntax check and check-mode run did not run',
      );
      context.skip('ansible-core is not installed');
    }
    // Few tasks (each runs a Python process), with the names that would break YAML, Jinja or the shell.
    const names = ['{{', '{%', "a'", '$(', ',lpar_env', '\n'].map((part) =>
      HOSTILE_NAMES.find((name) => name.includes(part))!,
    );
    const { dir, file, design } = await playbook(
      plan({
        name: 'Hostile',
        workloads: names.map((name, index) => ({
          name,
          os: 'aix',
          cpu: { kind: 'cores', cores: 0.3 },
          memoryGiB: 4,
          io: { storage: index % 2 ? 'npiv' : 'vscsi', network: index % 3 ? 'sea' : 'vnic' },
        })),
        constraints: { generations: ['POWER10'], models: ['9105-42A'], vios: 'single', redundancy: 'n+1' },
      }),
    );
    const collections = await stubCollection(join(dir, 'collections'));
    const syntax = ansible('ansible-playbook', ['--syntax-check', file], collections, dir);
    expect(syntax.code, syntax.output).toBe(0);
    // Fill the physical ports the implementer would give, then run it all in check mode on this machine.
    const ports = Object.fromEntries(
      design.servers.map((server) => [
        server.systemName,
        Object.fromEntries(
          server.partitions.filter((each) => each.role === 'vios').map((vios) => [vios.hmcName, 'fcs0']),
        ),
      ]),
    );
    await writeFile(
      join(dir, 'ports.json'),
      JSON.stringify({
        npiv_fc_ports: ports,
        vnic_backing_ports: ports,
        hmc_host: 'hmc.example',
        hmc_password: 'secret',
      }),
    );
    const run = ansible(
      'ansible-playbook',
      ['-i', 'localhost,', '--check', '-e', '@ports.json', file],
      collections,
      dir,
    );
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/failed=0/);
    const tasks = design.servers.flatMap((server) => server.partitions).length;
    const recorded = spawnSync('wc', ['-l', join(dir, 'record.jsonl')], { encoding: 'utf8' }).stdout;
    expect(Number.parseInt(recorded, 10)).toBeGreaterThanOrEqual(tasks);
    expect(
      await leftovers({ bin: '', log: '', env: {}, cwd: dir }).then((files) =>
        files.filter((name) => name.startsWith('pwned')),
      ),
    ).toEqual([]);
  }, 240_000);

  it('passes ansible-lint', async (context) => {
    if (!has('ansible-lint')) {
      console.warn('ansible-lint is not installed (apt-get install ansible-lint): the lint did not run');
      context.skip('ansible-lint is not installed');
    }
    const { dir, file } = await playbook(mixedPlan({ redundancy: 'n+1' }));
    const collections = await stubCollection(join(dir, 'collections'));
    const lint = ansible('ansible-lint', ['--offline', file], collections, dir);
    expect(lint.code, lint.output).toBe(0);
  }, 120_000);

  it("passes the real collection's own checks, and its commands run nothing on the way to the HMC", async (context) => {
    const collection = process.env.POWER_HMC_COLLECTION;
    if (!collection) {
      console.warn(
        `POWER_HMC_COLLECTION is not set: the check against the real ibm.power_hmc modules did not run (only the committed specs ${SPECS_FILE} were used)`,
      );
      context.skip('POWER_HMC_COLLECTION is not set (a checkout of IBM/ansible-power-hmc v1.8.2)');
    }
    const { dir, file, design } = await playbook(
      mixedPlan({ names: HOSTILE_NAMES.filter((name) => name.trim()), redundancy: 'n+1' }),
    );
    const root = join(dir, 'real');
    await mkdir(join(root, 'ansible_collections', 'ibm'), { recursive: true });
    await symlink(collection!, join(root, 'ansible_collections', 'ibm', 'power_hmc'));
    const syntax = ansible('ansible-playbook', ['--syntax-check', file], root, dir);
    expect(syntax.code, syntax.output).toBe(0);
    await writeFile(join(dir, 'systems.json'), JSON.stringify(systemsOf(design)));
    const check = spawnSync(
      PYTHON,
      [HELPER, 'validate', '--playbook', file, '--collection', collection!, '--systems', join(dir, 'systems.json')],
      { encoding: 'utf8' },
    );
    expect(check.status, check.stderr).toBe(0);
    const result = JSON.parse(check.stdout) as {
      tasks: number;
      errors: unknown[];
      checked: string[];
      commands: Array<{ cmd: string; ssh: { shell: string } }>;
    };
    expect(result.errors).toEqual([]);
    expect(result.checked.length).toBeGreaterThan(design.servers.flatMap((server) => server.partitions).length - 1);
    console.info(
      `real ibm.power_hmc checks: ${result.tasks} tasks, ${result.checked.length} checked by the modules' own code, ${result.commands.length} commands built by it`,
    );
    // The shell line the collection's HmcCliConnection runs locally, then the command the HMC's shell receives.
    const local = await stubShell(join(dir, 'local'), ['sshpass', 'ssh']);
    for (const command of result.commands) runShell(local, ['-c', command.ssh.shell]);
    expect(await leftovers(local)).toEqual([]);
    const sent = await recordedCalls(local);
    expect(sent.map((argv) => argv.at(-1))).toEqual(result.commands.map((command) => command.cmd));
    const hmc = await stubShell(join(dir, 'hmc'), ['mksyscfg', 'chsyscfg']);
    for (const argv of sent) runShell(hmc, ['-c', argv.at(-1)!]);
    expect(await leftovers(hmc)).toEqual([]);
    for (const argv of await recordedCalls(hmc)) {
      const attributes = parseAttributeList(argvValue(argv, '-i'));
      expect(attributes.get('name') ?? '').toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
    }
  }, 120_000);
});
