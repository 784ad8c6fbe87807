import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import type * as ClientModule from '../../../src-renderer/src/api/client';
import { call } from '../../../src-renderer/src/api/client';
import { i18n } from '../../../src-renderer/src/i18n';
import { useCatalogStore } from '../../../src-renderer/src/stores/catalog';
import CatalogView from '../../../src-renderer/src/views/CatalogView.vue';
import { answerModels } from './catalog-fixtures';

vi.mock('../../../src-renderer/src/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof ClientModule>()),
  call: vi.fn(),
}));
const fakeCall = vi.mocked(call as (channel: string, input: unknown) => Promise<unknown>);

async function mountCatalog() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/catalog', component: CatalogView },
      { path: '/catalog/:id', component: { template: '<p>model</p>' } },
      { path: '/compare', component: { template: '<p>compare</p>' } },
    ],
  });
  await router.push('/catalog');
  const view = mount(CatalogView, { global: { plugins: [i18n, router] } });
  await flushPromises();
  return { view, router };
}

const rowIds = (view: Awaited<ReturnType<typeof mountCatalog>>['view']) =>
  view.findAll('tbody tr').map((row) => row.attributes('data-testid')?.replace('row-', ''));

describe('the catalog table', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    i18n.global.locale.value = 'en';
    fakeCall.mockReset();
    fakeCall.mockImplementation(async (channel, input) => {
      if (channel === 'catalog.models') return answerModels(input as Parameters<typeof answerModels>[0]);
      throw new Error(`unexpected channel ${channel}`);
    });
  });
  afterEach(() => {
    i18n.global.locale.value = 'en';
  });

  it('lists every model, newest generation first', async () => {
    const { view } = await mountCatalog();
    expect(rowIds(view)).toEqual(['P10-BIG', 'P10-BLANK', 'P10-SMALL', 'P9-MID', 'P8-OLD']);
    expect(view.get('[data-testid="model-count"]').text()).toBe('5 models');
    expect(view.get('th[aria-sort="descending"]').text()).toContain('Generation');
  });

  it('sorts by a header clicked, announces the direction in aria-sort, and keeps missing figures last', async () => {
    const { view } = await mountCatalog();
    const header = view.get('[data-testid="sort-maxCores"]');
    expect(header.element.tagName).toBe('BUTTON'); // reachable and operable from the keyboard
    await header.trigger('click');
    expect(rowIds(view)).toEqual(['P10-SMALL', 'P8-OLD', 'P9-MID', 'P10-BIG', 'P10-BLANK']);
    expect(header.element.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    expect(view.findAll('th[aria-sort="none"]')).toHaveLength(9);
    await header.trigger('click');
    expect(rowIds(view)).toEqual(['P10-BIG', 'P9-MID', 'P8-OLD', 'P10-SMALL', 'P10-BLANK']);
    expect(header.element.closest('th')?.getAttribute('aria-sort')).toBe('descending');
  });

  it('filters by generation, class, operating system and role through the catalog query', async () => {
    const { view } = await mountCatalog();
    await view.get('[data-testid="filter-generation"]').setValue('POWER10');
    await flushPromises();
    expect(fakeCall).toHaveBeenLastCalledWith('catalog.models', { generation: 'POWER10' });
    expect(rowIds(view)).toEqual(['P10-BIG', 'P10-BLANK', 'P10-SMALL']);
    await view.get('[data-testid="filter-os"]').setValue('ibmi');
    await flushPromises();
    expect(rowIds(view)).toEqual(['P10-BIG']);
    await view.get('[data-testid="clear-filters"]').trigger('click');
    await view.get('[data-testid="filter-class"]').setValue('midrange');
    await flushPromises();
    expect(rowIds(view)).toEqual(['P9-MID']);
    await view.get('[data-testid="filter-class"]').setValue('');
    await view.get('[data-testid="filter-role"]').setValue('source');
    await flushPromises();
    expect(rowIds(view)).toEqual(['P8-OLD']);
  });

  it('searches after a pause in typing and says when nothing matches', async () => {
    vi.useFakeTimers();
    try {
      const { view } = await mountCatalog();
      await view.get('[data-testid="search"]').setValue('big');
      expect(rowIds(view)).toHaveLength(5);
      await vi.advanceTimersByTimeAsync(200);
      await flushPromises();
      expect(rowIds(view)).toEqual(['P10-BIG']);
      await view.get('[data-testid="search"]').setValue('no such server');
      await vi.advanceTimersByTimeAsync(200);
      await flushPromises();
      expect(rowIds(view)).toEqual([]);
      expect(view.get('[data-testid="no-match"]').text()).toBe('No model matches these filters.');
    } finally {
      vi.useRealTimers();
    }
  });

  it('marks a figure no source publishes as missing, with a tooltip, never as zero or blank', async () => {
    const { view } = await mountCatalog();
    const blank = view.get('[data-testid="row-P10-BLANK"]');
    const markers = blank.findAll('[data-testid="missing"]');
    expect(markers.length).toBe(4); // max cores, max memory, OS, best rPerf
    for (const marker of markers) {
      expect(marker.text()).toBe('missing');
      expect(marker.attributes('title')).toMatch(/not published|not researched/i);
    }
    // Only the count of configurations is a true zero; every figure cell says missing.
    expect(blank.findAll('td').map((cell) => cell.text())).toEqual([
      '',
      'P10-BLANK',
      'Blank Ten',
      'POWER10',
      'Scale-out',
      'Target',
      'missing',
      'missing',
      'missing',
      '0',
      'missing',
    ]);
    // A published figure has no marker, and tells where it came from.
    const small = view.get('[data-testid="row-P10-SMALL"]');
    expect(small.find('[data-testid="missing"]').exists()).toBe(false);
    expect(small.get('.figure').attributes('title')).toContain('test-source');
  });

  it('badges a user-entered figure', async () => {
    const { view } = await mountCatalog();
    expect(view.get('[data-testid="row-P9-MID"]').find('[data-testid="user-entered"]').exists()).toBe(true);
    expect(view.get('[data-testid="row-P10-SMALL"]').find('[data-testid="user-entered"]').exists()).toBe(false);
  });

  it('selects two or three models to compare and refuses a fourth, saying why', async () => {
    const { view, router } = await mountCatalog();
    const compare = view.get('[data-testid="compare-selected"]');
    expect(compare.attributes('disabled')).toBeDefined();
    for (const id of ['P10-BIG', 'P9-MID', 'P8-OLD']) await view.get(`[data-testid="select-${id}"]`).setValue(true);
    expect(compare.attributes('disabled')).toBeUndefined();
    const fourth = view.get('[data-testid="select-P10-SMALL"]');
    await fourth.setValue(true);
    expect((fourth.element as HTMLInputElement).checked).toBe(false);
    expect(view.get('[data-testid="compare-limit"]').text()).toContain('three');
    expect(useCatalogStore().selected).toEqual(['P10-BIG', 'P9-MID', 'P8-OLD']);
    await compare.trigger('click');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/compare?models=P10-BIG,P9-MID,P8-OLD');
  });

  it('speaks Simplified Chinese when the language is switched, numbers included', async () => {
    const { view } = await mountCatalog();
    i18n.global.locale.value = 'zh-CN';
    await flushPromises();
    expect(view.get('[data-testid="sort-maxCores"]').text()).toContain('最大核数');
    expect(view.get('[data-testid="row-P10-BLANK"]').get('[data-testid="missing"]').text()).toBe('缺失');
    expect(view.get('[data-testid="row-P10-BIG"]').text()).toContain('企业级');
    expect(view.get('[data-testid="row-P10-BIG"]').text()).toContain('65,536');
  });
});
