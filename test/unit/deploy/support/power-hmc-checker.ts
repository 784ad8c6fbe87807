// Checks playbook tasks against the ibm.power_hmc argument specs (the committed fixture) the way ansible-core's
// validator does, and applies the parameter checks the modules document and perform before creating anything
// (powervm_lpar_instance: min <= value <= max, weight 0-255, processing units a multiple of the system's minimum
// per virtual processor, memory a multiple of the LMB; vios: settings must be mksyscfg attributes it accepts).
// Written from the modules' documentation and behaviour, independent of the exporter.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface OptionSpec {
  type?: string;
  required?: boolean;
  choices?: unknown[];
  elements?: string;
  options?: Record<string, OptionSpec>;
}

interface ModuleSpec {
  argument_spec: Record<string, OptionSpec>;
  required_if?: Array<[string, unknown, string[]]>;
  required_by?: Record<string, string[]>;
  mutually_exclusive?: string[][];
  required_one_of?: string[][];
  not_support_settings?: string[];
  mksyscfg_attributes?: string[];
}

export interface PowerHmcSpecs {
  collection: string;
  version: string;
  modules: Record<string, ModuleSpec>;
}

export const SPECS_FILE = join(import.meta.dirname, '..', 'fixtures', 'power_hmc', 'argument-specs.json');
export function loadSpecs(): PowerHmcSpecs {
  return JSON.parse(readFileSync(SPECS_FILE, 'utf8')) as PowerHmcSpecs;
}

function typeProblems(value: unknown, spec: OptionSpec, where: string): string[] {
  const type = spec.type ?? 'str';
  const problems: string[] = [];
  const ok =
    type === 'str'
      ? typeof value === 'string'
      : type === 'int'
        ? Number.isInteger(value)
        : type === 'float'
          ? typeof value === 'number' && Number.isFinite(value)
          : type === 'bool'
            ? typeof value === 'boolean'
            : type === 'dict'
              ? typeof value === 'object' && value !== null && !Array.isArray(value)
              : type === 'list'
                ? Array.isArray(value)
                : false;
  if (!ok) return [`${where}: ${JSON.stringify(value)} is not a ${type}`];
  if (spec.choices && !spec.choices.includes(value))
    problems.push(`${where}: ${String(value)} is not one of ${spec.choices.join(', ')}`);
  if (type === 'dict' && spec.options)
    problems.push(...optionProblems(value as Record<string, unknown>, spec.options, where));
  if (type === 'list' && spec.elements) {
    (value as unknown[]).forEach((element, index) =>
      problems.push(
        ...typeProblems(
          element,
          { type: spec.elements!, ...(spec.options ? { options: spec.options } : {}) },
          `${where}[${index}]`,
        ),
      ),
    );
  }
  return problems;
}

function optionProblems(args: Record<string, unknown>, options: Record<string, OptionSpec>, where: string): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(args)) if (!(key in options)) problems.push(`${where}: unsupported option ${key}`);
  for (const [key, spec] of Object.entries(options)) {
    if (args[key] === undefined || args[key] === null) {
      if (spec.required) problems.push(`${where}: missing required ${key}`);
      continue;
    }
    problems.push(...typeProblems(args[key], spec, `${where}.${key}`));
  }
  return problems;
}

export function argumentProblems(module: string, args: Record<string, unknown>, specs: PowerHmcSpecs): string[] {
  const spec = specs.modules[module];
  if (!spec) return [`unknown module ${module}`];
  const problems = optionProblems(args, spec.argument_spec, module);
  const given = (key: string) => args[key] !== undefined && args[key] !== null;
  for (const [key, value, required] of spec.required_if ?? []) {
    if (args[key] === value)
      for (const name of required)
        if (!given(name)) problems.push(`${module}: ${key}=${String(value)} requires ${name}`);
  }
  for (const [key, required] of Object.entries(spec.required_by ?? {})) {
    if (given(key)) for (const name of required) if (!given(name)) problems.push(`${module}: ${key} requires ${name}`);
  }
  for (const group of spec.mutually_exclusive ?? [])
    if (group.filter(given).length > 1) problems.push(`${module}: ${group.join(', ')} are exclusive`);
  for (const group of spec.required_one_of ?? [])
    if (!group.some(given)) problems.push(`${module}: one of ${group.join(', ')} is required`);
  return problems;
}

export interface ManagedSystem {
  processorUnits: number;
  minimumUnitsPerVirtualProcessor: number;
  memoryMB: number;
  lmbMiB: number;
}

const cents = (value: number) => Math.round(value * 100);

/** powervm_lpar_instance's own checks before it creates a partition, with its documented defaults. */
export function lparInstanceProblems(
  args: Record<string, number | string | undefined>,
  system: ManagedSystem,
): string[] {
  const problems: string[] = [];
  const proc = Number(args.proc ?? 2);
  const mem = Number(args.mem ?? 2048);
  const [minProc, maxProc] = [Number(args.min_proc ?? 1), Number(args.max_proc ?? proc)];
  const [minMem, maxMem] = [Number(args.min_mem ?? 1024), Number(args.max_mem ?? mem)];
  if (!(minProc <= proc && proc <= maxProc)) problems.push(`processors ${minProc}/${proc}/${maxProc}`);
  if (!(minMem <= mem && mem <= maxMem)) problems.push(`memory ${minMem}/${mem}/${maxMem}`);
  if (mem % system.lmbMiB !== 0) problems.push(`memory ${mem} not a multiple of the LMB ${system.lmbMiB}`);
  if (mem > system.memoryMB) problems.push(`memory ${mem} over the system's ${system.memoryMB}`);
  if (args.proc_unit !== undefined) {
    const units = Number(args.proc_unit);
    const minUnits = Number(args.min_proc_unit ?? 0.1);
    const maxUnits = Number(args.max_proc_unit ?? units);
    const weight = Number(args.weight ?? 128);
    if (!(weight >= 0 && weight <= 255)) problems.push(`weight ${weight}`);
    if (!(cents(minUnits) <= cents(units) && cents(units) <= cents(maxUnits)))
      problems.push(`processing units ${minUnits}/${units}/${maxUnits}`);
    if (cents(units) % cents(system.minimumUnitsPerVirtualProcessor) !== 0)
      problems.push(`processing units ${units} not a multiple of ${system.minimumUnitsPerVirtualProcessor}`);
    if (units > system.processorUnits)
      problems.push(`processing units ${units} over the system's ${system.processorUnits}`);
  } else if (proc > system.processorUnits)
    problems.push(`${proc} dedicated processors over the system's ${system.processorUnits}`);
  return problems;
}

/** The vios module refuses settings outside mksyscfg's attributes it knows and those it sets itself. */
export function viosSettingsProblems(settings: Record<string, unknown>, specs: PowerHmcSpecs): string[] {
  const spec = specs.modules.vios!;
  const problems: string[] = [];
  for (const [key, value] of Object.entries(settings)) {
    if (spec.not_support_settings?.includes(key)) problems.push(`settings.${key} is refused by the vios module`);
    if (!spec.mksyscfg_attributes?.includes(key))
      problems.push(`settings.${key} is not a mksyscfg attribute the module knows`);
    if (typeof value !== 'string' || value.includes("'"))
      problems.push(`settings.${key} must be a string without quotes`);
  }
  return problems;
}
