// Plan validation that names every problem by its field path, for the CLI, the IPC and the wizard alike.
import { describeZodIssues } from '../common';
import { PLAN_FORMAT, PLAN_VERSION, PlanFile } from './schema';

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
      problems: [`version: this plan was written in format ${record.version} by a newer PowerVM Sizer; this version reads format ${PLAN_VERSION}`],
    };
  }
  const parsed = PlanFile.safeParse(raw);
  if (!parsed.success) return { valid: false, problems: describeZodIssues(parsed.error) };
  const problems = crossFieldProblems(parsed.data);
  return problems.length > 0 ? { valid: false, problems } : { valid: true, problems: [], plan: parsed.data };
}

/** Rules that span fields, which a schema alone cannot say. */
function crossFieldProblems(plan: PlanFile): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  plan.workloads.forEach((workload, index) => {
    const first = seen.get(workload.name);
    if (first !== undefined) problems.push(`workloads[${index}].name: "${workload.name}" is already the name of workloads[${first}]`);
    else seen.set(workload.name, index);
    if (workload.cpu.kind === 'cpw' && workload.os !== 'ibmi') {
      problems.push(`workloads[${index}].cpu: CPW measures IBM i capacity; an ${workload.os} workload is sized in rPerf or cores`);
    }
    if (workload.cpu.kind === 'rperf' && workload.os === 'ibmi') {
      problems.push(`workloads[${index}].cpu: rPerf does not measure IBM i capacity; size an IBM i workload in CPW or cores`);
    }
  });
  const { constraints } = plan;
  if (constraints.generations.length === 0 && constraints.models.length === 0) {
    problems.push('constraints.generations: name at least one generation (or models) to size onto');
  }
  return problems;
}
