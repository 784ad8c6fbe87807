// Plan validation that names every problem by its field path, for the CLI, the IPC and the wizard alike.
import type { z } from 'zod';
import { formatPath } from '../common';
import { PLAN_FORMAT, PLAN_LIMITS, PLAN_VERSION, PlanFile } from './schema';

export interface PlanValidation {
  valid: boolean;
  /** One line per problem: `workloads[2].memoryGiB: must be a positive number`. */
  problems: string[];
  plan?: PlanFile;
}

export function validatePlan(raw: unknown): PlanValidation {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { valid: false, problems: ['plan: must be a JSON object'] };
  }
  const record = raw as Record<string, unknown>;
  // A newer file gets one clear line rather than a list of fields this version does not know.
  if (record.format === PLAN_FORMAT && typeof record.version === 'number' && record.version > PLAN_VERSION) {
    return {
      valid: false,
      problems: [
        `version: this plan was written in format ${record.version} by a newer PowerVM Sizer; this version reads format ${PLAN_VERSION}`,
      ],
    };
  }
  const parsed = PlanFile.safeParse(raw);
  if (!parsed.success) return { valid: false, problems: describePlanIssues(parsed.error) };
  const problems = crossFieldProblems(parsed.data);
  return problems.length > 0 ? { valid: false, problems } : { valid: true, problems: [], plan: parsed.data };
}

/** Where an object sits in the plan, for a person: `the top level of the plan`, `workloads[2].cpu`. */
function placeOf(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'the top level of the plan' : formatPath(path);
}

/**
 * One line per problem, each naming its field; an unknown key is named with where it is, so
 * `Unrecognized key: "unknown_1"` becomes `unknown_1: not a field of the top level of the plan`.
 */
export function describePlanIssues(error: z.ZodError): string[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map(
        (key) =>
          `${formatPath([...issue.path, key])}: not a field of ${placeOf(issue.path)} (remove it or check its spelling)`,
      );
    }
    const path = formatPath(issue.path);
    return [path ? `${path}: ${issue.message}` : issue.message];
  });
}

/** Rules that span fields, which a schema alone cannot say. */
function crossFieldProblems(plan: PlanFile): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  plan.workloads.forEach((workload, index) => {
    const first = seen.get(workload.name);
    if (first !== undefined)
      problems.push(`workloads[${index}].name: "${workload.name}" is already the name of workloads[${first}]`);
    else seen.set(workload.name, index);
    if (workload.cpu.kind === 'cpw' && workload.os !== 'ibmi') {
      problems.push(
        `workloads[${index}].cpu: CPW measures IBM i capacity; an ${workload.os} workload is sized in rPerf or cores`,
      );
    }
    if (workload.cpu.kind === 'rperf' && workload.os === 'ibmi') {
      problems.push(
        `workloads[${index}].cpu: rPerf does not measure IBM i capacity; size an IBM i workload in CPW or cores`,
      );
    }
  });
  // Each counted workload becomes that many partitions; their total bounds the solver's work and memory.
  const instances = plan.workloads.reduce((sum, workload) => sum + workload.count, 0);
  if (instances > PLAN_LIMITS.instances) {
    problems.push(
      `workloads: the counts add up to ${instances.toLocaleString('en-US')} partitions; a plan holds at most ` +
        `${PLAN_LIMITS.instances.toLocaleString('en-US')} (the limit of a plan)`,
    );
  }
  const { constraints } = plan;
  if (constraints.generations.length === 0 && constraints.models.length === 0) {
    problems.push('constraints.generations: name at least one generation (or models) to size onto');
  }
  return problems;
}
