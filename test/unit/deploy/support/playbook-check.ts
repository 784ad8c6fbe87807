// Builds, reads and checks playbooks: the collection's argument specs, the modules' own checks, local connection,
// Jinja only from our own variables, hmc_command strings the module's ssh quoting survives.
import yaml from 'js-yaml';
import { expect } from 'vitest';
import { type Design, buildDesign, renderAnsiblePlaybook } from '../../../../src-main/deploy';
import type { PlanFile } from '../../../../src-main/plan/schema';
import { solvePlan } from '../../../../src-main/solver';
import type { CatalogSnapshot } from '../../../../src-main/catalog/schema';
import {
  type ManagedSystem,
  argumentProblems,
  loadSpecs,
  lparInstanceProblems,
  viosSettingsProblems,
} from './power-hmc-checker';

const specs = loadSpecs();

export type Task = Record<string, unknown> & { name: string; tags: string[] };
export type Play = {
  hosts: string;
  connection: string;
  gather_facts: boolean;
  vars: Record<string, unknown>;
  tasks: Task[];
};

export async function playbookOf(
  catalog: CatalogSnapshot,
  plan: PlanFile,
  options = {},
): Promise<{ design: Design; text: string; play: Play }> {
  const solution = await solvePlan(plan, catalog, { exactLimit: 0 });
  const design = buildDesign(solution, plan, options);
  const text = renderAnsiblePlaybook(design);
  const plays = yaml.load(text) as Play[];
  expect(plays).toHaveLength(1);
  return { design, text, play: plays[0]! };
}

export const moduleOf = (task: Task): [string, Record<string, unknown>] => {
  const key = Object.keys(task).find((each) => !['name', 'tags'].includes(each))!;
  return [key, task[key] as Record<string, unknown>];
};

/** The figures powervm_lpar_instance reads from the managed system, as the design's server has them. */
export function systemsOf(design: Design): Record<string, ManagedSystem> {
  return Object.fromEntries(
    design.servers.map((server) => [
      server.systemName,
      {
        processorUnits: server.activeCores,
        minimumUnitsPerVirtualProcessor: server.generation === 'POWER7' ? 0.1 : 0.05,
        memoryMB: server.installedMB,
        lmbMiB: server.lmbMiB,
      },
    ]),
  );
}

/** Every string of a parsed document (keys and values). */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => [key, ...stringsOf(item)]);
  return [];
}

/** Jinja in the playbook: only our own variables, never text that came from a name. */
const ALLOWED_TEMPLATE =
  /^\{\{ (hmc_host|hmc_user|hmc_password|(npiv_fc_ports|vnic_backing_ports)\['[A-Za-z0-9._-]+'\]\['[A-Za-z0-9._-]+'\]) \}\}$/;
const ASSERTION = /^(npiv_fc_ports|vnic_backing_ports)\['[A-Za-z0-9._-]+'\]\['[A-Za-z0-9._-]+'\] \| length > 0$/;

export function playbookProblems(design: Design, play: Play): string[] {
  const problems: string[] = [];
  if (play.hosts !== 'localhost' || play.connection !== 'local' || play.gather_facts !== false)
    problems.push('the play must run locally against the HMC');
  const systems = systemsOf(design);
  let seenClient = false;
  for (const task of play.tasks) {
    const [module, args] = moduleOf(task);
    if (module === 'ansible.builtin.assert') {
      for (const condition of args.that as string[])
        if (!ASSERTION.test(condition)) problems.push(`${task.name}: assertion ${condition}`);
      continue;
    }
    if (!module.startsWith('ibm.power_hmc.')) {
      problems.push(`${task.name}: module ${module} is not the collection's`);
      continue;
    }
    const short = module.slice('ibm.power_hmc.'.length);
    problems.push(...argumentProblems(short, args, specs).map((problem) => `${task.name}: ${problem}`));
    if (short === 'vios') {
      if (seenClient) problems.push(`${task.name}: VIOS after a client`);
      problems.push(
        ...viosSettingsProblems(args.settings as Record<string, unknown>, specs).map(
          (problem) => `${task.name}: ${problem}`,
        ),
      );
    }
    if (short === 'powervm_lpar_instance') {
      seenClient = true;
      problems.push(
        ...lparInstanceProblems(args as Record<string, number | string>, systems[args.system_name as string]!).map(
          (problem) => `${task.name}: ${problem}`,
        ),
      );
    }
    if (
      short === 'hmc_command' &&
      !/^ch(syscfg) -r (prof|lpar) -m [A-Za-z0-9._-]+ -i "[A-Za-z0-9_.\-=,/\\"]+"$/.test(args.cmd as string)
    ) {
      problems.push(
        `${task.name}: cmd carries characters the module's ssh quoting does not survive: ${String(args.cmd)}`,
      );
    }
  }
  for (const text of stringsOf(play)) {
    if (/\{[{%#]/.test(text) && !ALLOWED_TEMPLATE.test(text)) problems.push(`template text ${JSON.stringify(text)}`);
  }
  return problems;
}
