import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/common';
import { PLAN_FORMAT, PlanDraft, parsePlanText, validatePlan } from '../../../src-main/plan';
import { PlanWorkspace, readPlanFile, writePlanFile } from '../../../src-main/platform';
import { fixturePlanInput } from '../../support/plans';

/** The plan of the plan-format issue, in format version 2. */
const issueExample = fixturePlanInput('mixed-v2') as Record<string, unknown>;

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'pvs-plan-'));
}

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('plan validation', () => {
  it('accepts the plan of the issue exactly as written and fills the defaults', () => {
    const result = validatePlan(issueExample);
    expect(result.problems).toEqual([]);
    expect(result.plan?.workloads[1]?.count).toBe(1);
    expect(result.plan?.workloads[2]?.processorMode).toBe('shared');
  });

  it('names the field path of every problem', () => {
    const bad = structuredClone(issueExample) as { workloads: Array<Record<string, unknown>> };
    bad.workloads[2]!.memoryGiB = -4;
    bad.workloads[0]!.os = 'windows';
    const result = validatePlan(bad);
    expect(result.valid).toBe(false);
    expect(result.problems).toContain('workloads[2].memoryGiB: must be a positive number');
    expect(result.problems.some((line) => line.startsWith('workloads[0].os:'))).toBe(true);
  });

  it('rejects a plan of a newer format version with one clear line', () => {
    const result = validatePlan({ ...issueExample, version: 3 });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^version: .*newer PowerVM Sizer/);
  });

  it('refuses CPW for an AIX workload and duplicate names', () => {
    const plan = structuredClone(issueExample) as { workloads: Array<Record<string, unknown>> };
    plan.workloads[0]!.cpu = { kind: 'cpw', cpw: 1000 };
    plan.workloads[1]!.name = 'erp-db';
    const result = validatePlan(plan);
    expect(result.problems).toContain(
      'workloads[0].cpu: CPW measures IBM i capacity; an aix workload is sized in rPerf or cores',
    );
    expect(result.problems).toContain('workloads[1].name: "erp-db" is already the name of workloads[0]');
  });
});

describe('plan files', () => {
  it('saves atomically and reads back the same plan, leaving no temporary file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'acme.pvsplan');
    const plan = validatePlan(issueExample).plan!;
    await writePlanFile(path, plan);
    expect(await readPlanFile(path)).toEqual(plan);
    expect(await readdir(dir)).toEqual(['acme.pvsplan']);
  });

  it('explains a JSON syntax error with its line and leaves the file as it was', async () => {
    const dir = await tempDir();
    const path = join(dir, 'broken.pvsplan');
    const text = '{\n  "format": "powervm-sizer-plan",\n  "version": 1,,\n}';
    await writeFile(path, text);
    const error = await readPlanFile(path).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('invalid-file');
    expect((error as AppError).message).toMatch(/not valid JSON.*line 3/);
    expect(await readFile(path, 'utf8')).toBe(text);
  });

  it('reports a newer file as unsupported-version', () => {
    const error = thrown(() => parsePlanText(JSON.stringify({ ...issueExample, version: 7 }), 'new.pvsplan'));
    expect(error.code).toBe('unsupported-version');
  });

  it('reports the first bad field and counts the others', () => {
    const error = thrown(() =>
      parsePlanText(JSON.stringify({ format: PLAN_FORMAT, version: 1, name: '', workloads: 'none' }), 'x.pvsplan'),
    );
    expect(error.code).toBe('invalid-file');
    expect(error.details?.length).toBeGreaterThanOrEqual(2);
    expect(error.message).toMatch(/^x\.pvsplan: (name|workloads): .*more problems/);
  });
});

describe('plan workspace', () => {
  it('keeps the ten most recent plans, newest first, without duplicates', async () => {
    const workspace = new PlanWorkspace(await tempDir());
    for (let index = 0; index < 12; index += 1) await workspace.remember(`/plans/${index}.pvsplan`, `plan ${index}`);
    await workspace.remember('/plans/5.pvsplan', 'plan 5');
    const recent = await workspace.recent();
    expect(recent).toHaveLength(10);
    expect(recent[0]?.path).toBe('/plans/5.pvsplan');
    expect(new Set(recent.map((each) => each.path)).size).toBe(10);
  });

  it('offers back an autosaved draft, even an invalid one, until it is discarded', async () => {
    const workspace = new PlanWorkspace(await tempDir());
    expect(await workspace.recovery()).toBeNull();
    const draft = PlanDraft.parse({
      name: 'half typed',
      customer: '',
      rows: [
        {
          name: 'db',
          os: 'aix',
          cpuKind: 'rperf',
          cpuValue: '',
          sourceModel: '',
          utilization: '',
          memoryGiB: 'abc',
          processorMode: 'shared',
          count: '1',
          features: '',
          haGroup: '',
        },
      ],
      constraints: {},
    });
    await workspace.autosave(draft, null);
    const found = await workspace.recovery();
    expect(found?.kind === 'draft' ? found.draft : found).toEqual(draft);
    await workspace.discardAutosave();
    expect(await workspace.recovery()).toBeNull();
  });
});
