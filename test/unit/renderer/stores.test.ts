import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { sortModels } from '../../../src-renderer/src/stores/catalog';
import { emptyRow, usePlanStore, validateRow } from '../../../src-renderer/src/stores/plan';
import type { ServerModel } from '../../../src-main/catalog/schema';
import { model as fixtureModel } from './catalog-fixtures';

describe('the plan store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('keeps an invalid row as typed and names its problem, and has no plan file until it is fixed', () => {
    const plan = usePlanStore();
    plan.edit(() => plan.rows.push(emptyRow({ name: 'db', cpuValue: '100', memoryGiB: 'abc' })));
    expect(plan.problemCount).toBe(1);
    expect(plan.plan).toBeNull();
    expect(plan.rows[0]!.memoryGiB).toBe('abc');
    plan.edit(() => (plan.rows[0]!.memoryGiB = '64'));
    expect(plan.plan?.workloads).toEqual([
      {
        id: plan.rows[0]!.workloadId,
        name: 'db',
        os: 'aix',
        cpu: { kind: 'rperf', rperf: 100 },
        memoryGiB: 64,
        processorMode: 'shared',
        count: 1,
      },
    ]);
  });

  it('undoes and redoes edits and marks the plan dirty', () => {
    const plan = usePlanStore();
    expect(plan.dirty).toBe(false);
    plan.edit(() => plan.rows.push(emptyRow({ name: 'a' })));
    plan.edit(() => plan.rows.push(emptyRow({ name: 'b' })));
    expect(plan.dirty).toBe(true);
    plan.undo();
    expect(plan.rows.map((row) => row.name)).toEqual(['a']);
    plan.redo();
    expect(plan.rows.map((row) => row.name)).toEqual(['a', 'b']);
  });

  it('turns measured rows into the measured demand shape', () => {
    const result = validateRow(
      emptyRow({
        name: 'p8',
        cpuKind: 'measured',
        cpuValue: '8',
        sourceModel: '8286-42A',
        utilization: '0.4',
        memoryGiB: '64',
      }),
    );
    expect(result.problems).toEqual([]);
    expect(result.workload.cpu).toEqual({ kind: 'measured', cores: 8, model: '8286-42A', utilization: 0.4 });
  });
});

describe('the catalog store', () => {
  const model = (id: string, maxCores: number | null): ServerModel =>
    fixtureModel({ id, name: id, generation: 'POWER10', maxCores });

  it('sorts missing figures last in both directions', () => {
    const models = [model('a', 8), model('b', null), model('c', 48)];
    expect(sortModels(models, 'maxCores', 'ascending').map((m) => m.id)).toEqual(['a', 'c', 'b']);
    expect(sortModels(models, 'maxCores', 'descending').map((m) => m.id)).toEqual(['c', 'a', 'b']);
  });
});
