import { describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/common';
import { createSolverRunner } from '../../src-main/usecases';
import { Solution } from '../../src-main/solver/schema';
import { fixturePlan, plan, shippedSnapshot } from '../support/plans';

describe('the solver in a worker thread', () => {
  it('solves in a worker and reports progress on the way', async () => {
    const runner = createSolverRunner();
    const progress: number[] = [];
    const solution = await runner.solve(fixturePlan('valid'), await shippedSnapshot(), {
      jobId: 'a',
      onProgress: (fraction) => progress.push(fraction),
    });
    expect(Solution.parse(solution).unplaced).toEqual([]);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(1);
    await runner.close();
  });

  it('cancels a running solve, rejecting it with the cancelled code', async () => {
    const runner = createSolverRunner();
    const big = plan({
      workloads: Array.from({ length: 3000 }, (_, index) => ({
        name: `w${index}`,
        os: 'aix' as const,
        cpu: { kind: 'rperf', rperf: 5 + (index % 40) },
        memoryGiB: 8 + (index % 64),
      })),
      constraints: { generations: ['POWER9', 'POWER10'] },
    });
    const running = runner.solve(big, await shippedSnapshot(), { jobId: 'big' });
    setTimeout(() => runner.cancel('big'), 50);
    const outcome = await running.then(
      () => null,
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(AppError);
    expect((outcome as AppError).code).toBe('cancelled');
    expect(runner.cancel('big')).toBe(false);
    await runner.close();
  });
});
