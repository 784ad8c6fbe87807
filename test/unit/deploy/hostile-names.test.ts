// Hostile workload names (from a plan file or a customer's spreadsheet) through every export: nothing runs,
// no attribute or format breaks, and the mapping to HMC names is shown.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  type Design,
  buildDesign,
  deploymentFiles,
  renderAnsiblePlaybook,
  renderHmcScript,
} from '../../../src-main/deploy';
import type { PlanFile } from '../../../src-main/plan/schema';
import { solvePlan } from '../../../src-main/solver';
import type { Solution } from '../../../src-main/solver/schema';
import { shippedSnapshot } from '../../support/plans';
import { tempDir } from '../../support/temp';
import { moduleOf, playbookProblems } from './support/playbook-check';
import { runScript, scriptProblems } from './support/script-check';
import { argvValue, parseAttributeList } from './support/mksyscfg';
import { HOSTILE_NAMES, mixedPlan } from './support/plans';
import { leftovers, recordedCalls, runShell, stubShell } from './support/stub-shell';

const catalog = await shippedSnapshot();
let prepared: { plan: PlanFile; solution: Solution; design: Design } | undefined;
async function hostile() {
  if (!prepared) {
    const plan = mixedPlan({ names: HOSTILE_NAMES.filter((name) => name.trim()), redundancy: 'n+1' });
    const solution = await solvePlan(plan, catalog, { exactLimit: 0 });
    expect(solution.unplaced).toEqual([]);
    prepared = { plan, solution, design: buildDesign(solution, plan, { vlan: 120 }) };
  }
  return prepared;
}

/** RFC 4180 reader (quoted cells, doubled quotes, CRLF), independent of the writer. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else cell += char;
  }
  return rows;
}

/** The collection's HmcCliConnection runs `ssh 'user'@host  '<cmd>'` through a shell (use_unsafe_shell). */
const sshLine = (cmd: string) => `ssh 'hscroot'@hmc.example  '${cmd}'`;
/** The vios module's command for its settings: -i "k=v,...", a value with commas as k=\"v\" (hmc_command_stack). */
function viosCommand(system: string, name: string, settings: Record<string, string>): string {
  const items = [['lpar_env', 'vioserver'], ['name', name], ...Object.entries(settings)].map(([key, value]) =>
    value!.includes(',') ? `${key}=\\"${value}\\"` : `${key}=${value}`,
  );
  return `mksyscfg -r lpar -m ${system} -i "${items.join(',')}"`;
}

describe('hostile names in every export', () => {
  it('map to HMC names, unique and shown', async () => {
    const { design } = await hostile();
    const partitions = design.servers.flatMap((server) => server.partitions);
    for (const partition of partitions) expect(partition.hmcName).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{0,46}$/);
    const script = renderHmcScript(design);
    for (const mapping of design.names.filter((name) => name.original !== name.hmcName)) {
      expect(script).toContain(`${mapping.hmcName} = `);
    }
  }, 60_000);

  it('the HMC script runs under a stub HMC shell: nothing executed, no attribute added', async () => {
    const { design } = await hostile();
    const script = renderHmcScript(design);
    // Every line is a comment, blank, set -e, a SYSTEM= assignment or one mksyscfg: no name broke out of its place.
    for (const line of script.split('\n').slice(1))
      expect(line).toMatch(/^(#.*|set -e|SYSTEM='[A-Za-z0-9._-]+'|mksyscfg -r lpar -m "\$SYSTEM" -i '[^'\n]+'|)$/);
    const run = await runScript(script);
    expect(run.leftovers).toEqual([]);
    expect(scriptProblems(run.created)).toEqual([]);
    const partitions = design.servers.flatMap((server) =>
      server.partitions.map((partition) => ({ ...partition, system: server.systemName })),
    );
    expect(run.created).toHaveLength(partitions.length);
    for (const made of run.created) {
      const partition = partitions.find(
        (each) => each.system === made.system && each.hmcName === made.attributes.get('name'),
      )!;
      expect(partition, made.attributes.get('name')).toBeDefined();
      expect(made.attributes.get('lpar_env')).toBe(partition.lparEnv);
      expect(made.attributes.get('max_mem')).toBe(String(partition.memoryMB.max));
    }
  }, 60_000);

  it('the playbook: commands as the modules send them over ssh run nothing and keep their attributes', async () => {
    const { design } = await hostile();
    const play = (yaml.load(renderAnsiblePlaybook(design)) as Array<Parameters<typeof playbookProblems>[1]>)[0]!;
    expect(playbookProblems(design, play)).toEqual([]);
    const root = await tempDir('pvs-ssh-');
    const local = await stubShell(join(root, 'local'), ['ssh', 'sshpass']);
    const commands: Array<{ cmd: string; expected: string[] }> = [];
    for (const task of play.tasks) {
      const [module, args] = moduleOf(task);
      if (module === 'ibm.power_hmc.hmc_command') {
        const cmd = args.cmd as string;
        commands.push({
          cmd,
          expected: cmd.startsWith('chsyscfg -r lpar')
            ? ['name', 'simplified_remote_restart_capable']
            : [
                'name',
                'lpar_name',
                ...(cmd.includes('virtual_scsi_adapters=') ? ['virtual_scsi_adapters'] : []),
                ...(cmd.includes('load_source_slot') ? ['load_source_slot', 'console_slot'] : []),
              ],
        });
      }
      if (module === 'ibm.power_hmc.vios') {
        const settings = args.settings as Record<string, string>;
        commands.push({
          cmd: viosCommand(args.system_name as string, args.name as string, settings),
          expected: ['lpar_env', 'name', ...Object.keys(settings)],
        });
      }
    }
    expect(commands.length).toBeGreaterThan(5);
    for (const { cmd } of commands) runShell(local, ['-c', sshLine(cmd)]);
    expect(await leftovers(local)).toEqual([]);
    const sent = await recordedCalls(local);
    expect(sent).toHaveLength(commands.length);
    // On the HMC the restricted shell parses the command string: run it under stubs there too.
    const hmc = await stubShell(join(root, 'hmc'), ['mksyscfg', 'chsyscfg']);
    sent.forEach((argv, index) => {
      expect(argv[0]).toBe('ssh');
      expect(argv.at(-1)).toBe(commands[index]!.cmd);
      runShell(hmc, ['-c', argv.at(-1)!]);
    });
    expect(await leftovers(hmc)).toEqual([]);
    const received = await recordedCalls(hmc);
    expect(received).toHaveLength(commands.length);
    received.forEach((argv, index) => {
      const attributes = parseAttributeList(argvValue(argv, '-i'));
      expect([...attributes.keys()].sort()).toEqual([...commands[index]!.expected].sort());
    });
  }, 60_000);

  it('the design CSVs: formula cells neutralised, one row per partition, the original name kept as text', async () => {
    const { solution, plan, design } = await hostile();
    const files = deploymentFiles(solution, plan, 'design-csv', '=evil,name', { vlan: 120 });
    expect(files.map((file) => file.fileName)).toContain('=evil,name-checklist.txt');
    for (const file of files.filter((each) => each.fileName.endsWith('.csv'))) {
      const rows = readCsv(file.content.replace(/^\uFEFF/, ''));
      const server = design.servers.find((each) => file.fileName.includes(each.serverId))!;
      expect(rows).toHaveLength(server.partitions.length + 1);
      for (const row of rows) {
        expect(row).toHaveLength(rows[0]!.length);
        for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
      const originals = rows.slice(1).map((row) => row[4]!);
      for (const original of originals)
        expect(
          server.partitions.some((partition) => partition.sourceName === original.replace(/^'(?=[=+\-@\t\r])/, '')),
        ).toBe(true);
    }
  }, 60_000);

  it('the CLI-facing file names stay inside the chosen folder', async () => {
    const { solution, plan } = await hostile();
    const dir = await tempDir('pvs-names-');
    for (const file of deploymentFiles(solution, plan, 'design-csv', '../../etc/passwd', {
      systemNames: { 'server-1': 'P10-A' },
    })) {
      expect(file.fileName).not.toMatch(/[/\\]/);
      await writeFile(join(dir, file.fileName), file.content);
    }
  }, 60_000);
});
