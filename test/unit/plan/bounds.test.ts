import { describe, expect, it } from 'vitest';
import { FigureOverride } from '../../../src-main/catalog/schema';
import { PLAN_LIMITS, validatePlan } from '../../../src-main/plan';

const base = {
  format: 'powervm-sizer-plan',
  version: 1,
  name: 'bounds',
  workloads: [{ name: 'db', os: 'aix', cpu: { rperf: 10 }, memoryGiB: 64 }],
};
const withWorkload = (patch: Record<string, unknown>) => ({ ...base, workloads: [{ ...base.workloads[0], ...patch }] });

describe('plan bounds', () => {
  it('refuses memory of 1e308 GiB with the field and the limit', () => {
    const result = validatePlan(withWorkload({ memoryGiB: 1e308 }));
    expect(result.valid).toBe(false);
    expect(result.problems[0]).toMatch(/^workloads\[0\]\.memoryGiB: must be at most 1,048,576 GiB/);
  });

  it('refuses a count of 1,000,000 with the limit', () => {
    const result = validatePlan(withWorkload({ count: 1_000_000 }));
    expect(result.problems[0]).toBe('workloads[0].count: must be at most 10,000 (the limit of a plan)');
  });

  it('refuses counts that add up past the limit of partitions', () => {
    const workloads = Array.from({ length: 3 }, (_, index) => ({
      ...base.workloads[0],
      name: `w${index}`,
      count: 4_000,
    }));
    const result = validatePlan({ ...base, workloads });
    expect(result.problems).toEqual([
      expect.stringMatching(/^workloads: the counts add up to 12,000 partitions; a plan holds at most 10,000/),
    ]);
  });

  it('refuses extreme rPerf, CPW and core figures, and accepts the limits themselves', () => {
    expect(validatePlan(withWorkload({ cpu: { rperf: 1e308 } })).problems[0]).toMatch(/^workloads\[0\]\.cpu/);
    expect(validatePlan(withWorkload({ cpu: { rperf: PLAN_LIMITS.rperf } })).valid).toBe(true);
    expect(validatePlan(withWorkload({ os: 'ibmi', cpu: { cpw: PLAN_LIMITS.cpw + 1 } })).valid).toBe(false);
    expect(validatePlan(withWorkload({ memoryGiB: PLAN_LIMITS.memoryGiB })).valid).toBe(true);
  });

  it('names where an unknown key is', () => {
    expect(validatePlan({ ...base, unknown_1: 1 }).problems).toEqual([
      'unknown_1: not a field of the top level of the plan (remove it or check its spelling)',
    ]);
    expect(validatePlan(withWorkload({ colour: 'red' })).problems).toEqual([
      'workloads[0].colour: not a field of workloads[0] (remove it or check its spelling)',
    ]);
  });
});

describe('catalog override bounds', () => {
  const override = { modelId: 'm', configurationId: 'c', field: 'rperf', enteredAt: '2026-12-01' };
  it('refuses an rPerf override of 1e308 with the limit', () => {
    const result = FigureOverride.safeParse({ ...override, value: 1e308 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toContain(
      'value: rperf must be at most 100,000',
    );
  });
  it('accepts a figure within the limit', () => {
    expect(FigureOverride.safeParse({ ...override, value: 2_000 }).success).toBe(true);
  });
});

describe('unknown keys at any boundary', () => {
  it('are named with where they are', async () => {
    const { z } = await import('zod');
    const { describeZodIssues } = await import('../../../src-main/common');
    const schema = z.strictObject({ plan: z.strictObject({ name: z.string() }) });
    const result = schema.safeParse({ plan: { name: 'x', colour: 1 }, extra: true });
    expect(result.success).toBe(false);
    expect(describeZodIssues(result.error!).sort()).toEqual([
      'extra: not a field of the top level (remove it or check its spelling)',
      'plan.colour: not a field of plan (remove it or check its spelling)',
    ]);
  });
});
