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

  it('reads pasted numbers with the separator the paste shows, and keeps a number that reads two ways as typed, flagged', async () => {
    const plan = usePlanStore();
    const grid = mountGrid();
    const paste = (text: string) => {
      const event = new Event('paste', { bubbles: true }) as Event & { clipboardData: unknown };
      event.clipboardData = { getData: () => text };
      grid.get('.grid-wrap').element.dispatchEvent(event);
    };
    paste('name\tos\trperf\tmemory\ndb\tIBM i 7.4\t1,234\t1,024\nweb\tRHEL 9\t12.5\t2,048\n');
    expect(plan.rows.map((row) => [row.name, row.os, row.cpuValue, row.memoryGiB])).toEqual([
      ['db', 'ibmi', '1234', '1024'],
      ['web', 'linux', '12.5', '2048'],
    ]);
    paste('name\tos\trperf\tmemory\napp\tAIX 7.2\t40\t1,024\n');
    await grid.vm.$nextTick();
    expect(plan.rows[2]!.memoryGiB).toBe('1,024');
    expect(grid.get('[data-testid="row-problems"]').text()).toContain('"1,024" reads two ways');
  });

  it('flags a source model the catalog lacks at entry, showing it as typed', async () => {
    const plan = usePlanStore();
    const { useCatalogStore } = await import('../../../src-renderer/src/stores/catalog');
    useCatalogStore().models = [
      { id: '8286-42A', machineTypeModel: '8286-42A', name: 'Power S824', configurations: [{}] },
    ] as never;
    plan.edit(() =>
      plan.rows.push(
        emptyRow({
          name: 'db',
          os: 'aix',
          cpuKind: 'measured',
          cpuValue: '6',
          sourceModel: 'S999',
          utilization: '0.4',
          memoryGiB: '32',
        }),
      ),
    );
    const grid = mountGrid();
    await grid.vm.$nextTick();
    expect(grid.get('[data-field="sourceModel"]').attributes('aria-invalid')).toBe('true');
    expect(grid.get('[data-field="sourceModel"]').text()).toContain('S999');
    expect(grid.get('[data-testid="row-problems"]').text()).toContain('"S999" is not a server model of the catalog');
  });

  it('says in the row when measured cores without a utilisation are taken as target cores, in the interface language', async () => {
    const plan = usePlanStore();
    plan.edit(() =>
      plan.rows.push(
        emptyRow({
          name: 'p8',
          os: 'aix',
          cpuKind: 'measured',
          cpuValue: '6',
          sourceModel: '8286-42A',
          utilization: '',
          memoryGiB: '32',
        }),
      ),
    );
    const grid = mountGrid();
    await grid.vm.$nextTick();
    expect(plan.problemCount).toBe(0);
    expect(grid.get('[data-testid="row-notes"]').text()).toContain(
      'cores measured on 8286-42A without a utilisation: taken as the cores needed on the new server',
    );
    i18n.global.locale.value = 'zh-CN';
    await grid.vm.$nextTick();
    expect(grid.get('[data-testid="row-notes"]').text()).toContain('在 8286-42A 上测得的核数没有利用率');
    i18n.global.locale.value = 'en';
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
    const rows = [
      ['a', 'AIX', '10', '32'],
      ['b', 'AIX', 'x', '32'],
    ];
    const headers = ['Name', 'OS', 'rPerf', 'Memory GB'];
    state.setupState.table = {
      headers,
      rows,
      sheet: null,
      fileName: 't.csv',
      encoding: 'UTF-8',
      sheetIndex: 0,
      headerRow: 0,
      sheets: [{ name: null, rowCount: 3, head: [headers, ...rows] }],
    };
    state.setupState.mapping = { name: 0, os: 1, rperf: 2, memoryGiB: 3 };
    await dialog.vm.$nextTick();
    expect((dialog.get('[data-testid="map-2"]').element as HTMLSelectElement).value).toBe('rperf');
    expect(dialog.get('[data-testid="import-preview"]').text()).toContain('rperf: "x" is not a number');
    await dialog.get('[data-testid="import-confirm"]').trigger('click');
    expect(usePlanStore().rows.map((row) => row.name)).toEqual(['a']);
  });

  it('shows each value with its unit, flags a loose header guess and a number that reads two ways until the format is chosen', async () => {
    const dialog = mount(ImportDialog, { global: { plugins: [i18n] } });
    const state = dialog.vm.$ as unknown as { setupState: { table: unknown; mapping: unknown; confidence: unknown } };
    const headers = ['Server', 'OS', 'rPerf', 'Memory GB'];
    const rows = [
      ['a', 'IBM i 7.4', '', '1,024'],
      ['b', 'AIX 7.2', '12', '64'],
    ];
    state.setupState.table = {
      headers,
      rows,
      sheet: null,
      fileName: 't.csv',
      encoding: 'UTF-16 LE',
      sheetIndex: 0,
      headerRow: 0,
      sheets: [{ name: null, rowCount: 3, head: [headers, ...rows] }],
    };
    state.setupState.mapping = { name: 0, os: 1, rperf: 2, memoryGiB: 3 };
    state.setupState.confidence = { name: 'low', os: 'high', rperf: 'high', memoryGiB: 'high' };
    await dialog.vm.$nextTick();
    const preview = dialog.get('[data-testid="import-preview"]').text();
    expect(preview).toContain('→ 64 GiB');
    expect(preview).toContain('→ 12 rPerf');
    expect(preview).toContain('"1,024" reads two ways: 1024');
    expect(dialog.find('[data-testid="guess-0"]').exists()).toBe(true);
    expect(dialog.get('[data-testid="import-ambiguous"]').text()).toContain('1 rows');
    await dialog.get('[data-testid="import-decimal"]').setValue('point');
    expect(dialog.get('[data-testid="import-preview"]').text()).toContain('→ 1,024 GiB');
    expect(dialog.find('[data-testid="import-ambiguous"]').exists()).toBe(false);
  });
});
