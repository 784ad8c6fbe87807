import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import WorkloadGrid from '../../../src-renderer/src/components/WorkloadGrid.vue';
import ImportDialog from '../../../src-renderer/src/components/ImportDialog.vue';
import { i18n } from '../../../src-renderer/src/i18n';
import { emptyRow, usePlanStore } from '../../../src-renderer/src/stores/plan';

describe('the workload grid', () => {
  beforeEach(() => setActivePinia(createPinia()));

  const mountGrid = () => mount(WorkloadGrid, { global: { plugins: [i18n] } });

  it('adds, duplicates and deletes rows', async () => {
    const grid = mountGrid();
    const plan = usePlanStore();
    await grid.get('[data-testid="add-row"]').trigger('click');
    await grid.get('[data-testid="add-row"]').trigger('click');
    expect(plan.rows).toHaveLength(2);
    await grid.findAll('tbody input[type="checkbox"]')[0]!.setValue(true);
    await grid.get('[data-testid="duplicate-rows"]').trigger('click');
    expect(plan.rows.map((row) => row.name)).toEqual(['workload-1', 'workload-2', 'workload-1-copy']);
    await grid.get('[data-testid="delete-rows"]').trigger('click');
    expect(plan.rows.map((row) => row.name)).toEqual(['workload-2', 'workload-1-copy']);
  });

  it('shows the problem of a bad cell in place and marks the input invalid', async () => {
    const plan = usePlanStore();
    plan.edit(() => plan.rows.push(emptyRow({ name: 'db', cpuValue: '50', memoryGiB: '-2' })));
    const grid = mountGrid();
    await grid.vm.$nextTick();
    expect(grid.get('[data-testid="row-problems"]').text()).toContain('memoryGiB: must be a positive number');
    expect(grid.get('[data-field="memoryGiB"]').attributes('aria-invalid')).toBe('true');
  });

  it('edits a cell through the store so it can be undone', async () => {
    const plan = usePlanStore();
    plan.edit(() => plan.rows.push(emptyRow({ name: 'db', cpuValue: '50', memoryGiB: '32' })));
    const grid = mountGrid();
    await grid.vm.$nextTick();
    const memory = grid.get('[data-field="memoryGiB"]');
    await memory.setValue('64');
    await memory.trigger('change');
    expect(plan.rows[0]!.memoryGiB).toBe('64');
    plan.undo();
    expect(plan.rows[0]!.memoryGiB).toBe('32');
  });

  it('sets a field for every selected row at once', async () => {
    const plan = usePlanStore();
    plan.edit(() => plan.rows.push(emptyRow({ name: 'a' }), emptyRow({ name: 'b' })));
    const grid = mountGrid();
    await grid.vm.$nextTick();
    await grid.get('thead input[type="checkbox"]').trigger('change');
    await grid.get('[data-testid="bulk-value"]').setValue('linux');
    await grid.get('[data-testid="bulk-apply"]').trigger('click');
    expect(plan.rows.map((row) => row.os)).toEqual(['linux', 'linux']);
  });
});

describe('the import mapping', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('offers the guessed field for each column and imports only rows without problems', async () => {
    const dialog = mount(ImportDialog, { global: { plugins: [i18n] } });
    const state = dialog.vm.$ as unknown as { setupState: { table: unknown; mapping: unknown } };
    state.setupState.table = { headers: ['Name', 'OS', 'rPerf', 'Memory GB'], rows: [['a', 'AIX', '10', '32'], ['b', 'AIX', 'x', '32']], sheet: null, fileName: 't.csv' };
    state.setupState.mapping = { name: 0, os: 1, rperf: 2, memoryGiB: 3 };
    await dialog.vm.$nextTick();
    expect((dialog.get('[data-testid="map-2"]').element as HTMLSelectElement).value).toBe('rperf');
    expect(dialog.get('[data-testid="import-preview"]').text()).toContain('rperf: "x" is not a number');
    await dialog.get('[data-testid="import-confirm"]').trigger('click');
    expect(usePlanStore().rows.map((row) => row.name)).toEqual(['a']);
  });
});
