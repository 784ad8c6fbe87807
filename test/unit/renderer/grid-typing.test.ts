// The lost edit: a grid cell's typed text must survive any re-render of the grid between typing and leaving the
// cell (an autosave, a re-solve, another row validated), and then be committed as typed.
import { type VueWrapper, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import WorkloadGrid from '../../../src-renderer/src/components/WorkloadGrid.vue';
import { i18n } from '../../../src-renderer/src/i18n';
import { emptyRow, usePlanStore } from '../../../src-renderer/src/stores/plan';

const measurement = {
  source: 'nmon' as const,
  file: 'db01.nmon',
  basis: 'p95' as const,
  basisCores: 2,
  headroom: 0.2,
  samples: 288,
  confidence: 'high' as const,
  confidenceReasons: [],
  statistics: { p95: 2, p99: 2.5, peak: 3 },
};

/** Something else changes in the plan, so the whole grid renders again (as an autosave or a re-solve makes it). */
async function rerender(plan: ReturnType<typeof usePlanStore>): Promise<void> {
  const before = plan.rows.length;
  plan.edit(() => plan.rows.push(emptyRow({ name: `other-${before}`, cpuValue: '1', memoryGiB: '4' })));
  await nextTick();
  plan.edit(() => plan.rows.splice(before, 1));
  await nextTick();
}

async function type(grid: VueWrapper, selector: string, text: string) {
  const input = grid.get<HTMLInputElement>(selector);
  input.element.value = text;
  await input.trigger('input');
  return input;
}

describe('typing in the workload grid', () => {
  beforeEach(() => setActivePinia(createPinia()));

  const cells: Array<[field: string, typed: string]> = [
    ['name', 'erp-db'],
    ['cpuValue', '42.5'],
    ['utilization', '0.6'],
    ['memoryGiB', '384'],
    ['count', '3'],
    ['features', 'lpm, srr'],
    ['haGroup', 'erp'],
  ];

  it.each(cells)(
    'keeps the %s typed through a re-render and commits it when the cell is left',
    async (field, typed) => {
      const plan = usePlanStore();
      plan.edit(() =>
        plan.rows.push(emptyRow({ name: 'db', cpuKind: 'measured', cpuValue: '2', memoryGiB: '64', utilization: '1' })),
      );
      const grid = mount(WorkloadGrid, { global: { plugins: [i18n] } });
      await nextTick();
      const selector = `[data-testid="grid-row-0"] [data-field="${field}"]`;
      const input = await type(grid, selector, typed);
      await rerender(plan);
      expect(grid.get<HTMLInputElement>(selector).element.value).toBe(typed);
      expect(plan.rows[0]![field as 'name']).not.toBe(typed);
      await input.trigger('change');
      await input.trigger('blur');
      await nextTick();
      expect(plan.rows[0]![field as 'name']).toBe(typed);
      expect(grid.get<HTMLInputElement>(selector).element.value).toBe(typed);
    },
  );

  it('keeps a headroom typed through a re-render and rebases the workload with it', async () => {
    const plan = usePlanStore();
    plan.edit(() =>
      plan.rows.push(
        emptyRow({ name: 'db', cpuKind: 'measured', cpuValue: '2.4', memoryGiB: '64', utilization: '1', measurement }),
      ),
    );
    const grid = mount(WorkloadGrid, { global: { plugins: [i18n] } });
    await nextTick();
    const selector = '[data-testid="grid-row-0"] [data-field="headroom"]';
    expect(grid.get<HTMLInputElement>(selector).element.value).toBe('20');
    const input = await type(grid, selector, '50');
    await rerender(plan);
    expect(grid.get<HTMLInputElement>(selector).element.value).toBe('50');
    await input.trigger('change');
    await nextTick();
    expect(plan.rows[0]!.measurement?.headroom).toBe(0.5);
    expect(plan.rows[0]!.cpuValue).toBe('3');
  });

  it('shows the committed value again when the cell is left without a change, so no stale text hides an undo', async () => {
    const plan = usePlanStore();
    plan.edit(() => plan.rows.push(emptyRow({ name: 'db', cpuValue: '2', memoryGiB: '64' })));
    const grid = mount(WorkloadGrid, { global: { plugins: [i18n] } });
    await nextTick();
    const selector = '[data-testid="grid-row-0"] [data-field="memoryGiB"]';
    const input = await type(grid, selector, '64');
    await input.trigger('blur');
    plan.edit(() => (plan.rows[0]!.memoryGiB = '128'));
    await nextTick();
    expect(grid.get<HTMLInputElement>(selector).element.value).toBe('128');
  });
});
