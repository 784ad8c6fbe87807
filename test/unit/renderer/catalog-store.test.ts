import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerModel } from '../../../src-main/catalog/schema';
import type * as ClientModule from '../../../src-renderer/src/api/client';
import { ApiError, call } from '../../../src-renderer/src/api/client';
import {
  bestRperf,
  bestRperfFigure,
  emptyFilters,
  modelQuery,
  sortModels,
  useCatalogStore,
} from '../../../src-renderer/src/stores/catalog';
import { useUiStore } from '../../../src-renderer/src/stores/ui';
import { MODELS, answerModels } from './catalog-fixtures';

vi.mock('../../../src-renderer/src/api/client', async (importOriginal) => ({
  ...(await importOriginal<typeof ClientModule>()),
  call: vi.fn(),
}));
const fakeCall = vi.mocked(call as (channel: string, input: unknown) => Promise<unknown>);

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('the catalog store', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    fakeCall.mockReset();
    fakeCall.mockImplementation(async (channel, input) => {
      if (channel === 'catalog.models') return answerModels(input as Parameters<typeof answerModels>[0]);
      throw new Error(`unexpected channel ${channel}`);
    });
  });

  it('sends only the filters that are set, with the search trimmed', () => {
    expect(modelQuery(emptyFilters())).toEqual({});
    expect(modelQuery({ generation: 'POWER10', class: '', os: 'ibmi', role: '', search: '  big ' })).toEqual({
      generation: 'POWER10',
      os: 'ibmi',
      search: 'big',
    });
  });

  it('keeps every model for the other views while the catalog view shows what the filters match', async () => {
    const catalog = useCatalogStore();
    await catalog.load();
    catalog.filters.generation = 'POWER10';
    await catalog.applyFilters();
    expect(fakeCall).toHaveBeenLastCalledWith('catalog.models', { generation: 'POWER10' });
    expect(catalog.visible.map((each) => each.id).sort()).toEqual(['P10-BIG', 'P10-BLANK', 'P10-SMALL']);
    expect(catalog.models).toHaveLength(MODELS.length);
    expect(catalog.filtersActive).toBe(true);
    catalog.clearFilters();
    expect(catalog.filtersActive).toBe(false);
  });

  it('never lets a slower, older answer overwrite the newer one', async () => {
    const catalog = useCatalogStore();
    const older = deferred<ServerModel[]>();
    const newer = deferred<ServerModel[]>();
    fakeCall.mockReturnValueOnce(older.promise).mockReturnValueOnce(newer.promise);
    const first = catalog.applyFilters();
    const second = catalog.applyFilters();
    newer.resolve(answerModels({ generation: 'POWER9' }));
    await second;
    older.resolve(MODELS);
    await first;
    expect(catalog.visible.map((each) => each.id)).toEqual(['P9-MID']);
    expect(catalog.loading).toBe(false);
  });

  it('shows a failed call in the error banner with its message and field', async () => {
    fakeCall.mockRejectedValueOnce(
      new ApiError({ code: 'invalid-input', message: 'search: too long', path: 'search' }),
    );
    const catalog = useCatalogStore();
    await catalog.applyFilters();
    expect(useUiStore().error).toEqual({ message: 'search: too long', path: 'search', details: [] });
  });

  it('sorts by a column, and a second click on it reverses the order', () => {
    const catalog = useCatalogStore();
    expect([catalog.sortKey, catalog.sortDirection]).toEqual(['generation', 'descending']);
    catalog.sortBy('maxCores');
    expect([catalog.sortKey, catalog.sortDirection]).toEqual(['maxCores', 'ascending']);
    catalog.sortBy('maxCores');
    expect(catalog.sortDirection).toBe('descending');
  });

  it('puts models with a missing figure last in both directions', () => {
    for (const direction of ['ascending', 'descending'] as const) {
      const order = sortModels(MODELS, 'bestRperf', direction).map((each) => each.id);
      expect(order.at(-1)).toBe('P10-BLANK');
    }
    expect(sortModels(MODELS, 'maxCores', 'ascending').map((each) => each.maxCores)).toEqual([8, 24, 48, 240, null]);
    expect(sortModels(MODELS, 'generation', 'ascending').map((each) => each.generation)).toEqual([
      'POWER8',
      'POWER9',
      'POWER10',
      'POWER10',
      'POWER10',
    ]);
  });

  it('takes the best rPerf from any configuration, user-entered ones included, and none when nothing is known', () => {
    const [small, big, blank, mid] = MODELS;
    expect(bestRperf(small!)).toBe(200);
    expect(bestRperf(big!)).toBe(8000);
    expect(bestRperf(blank!)).toBeNull();
    expect(bestRperfFigure(mid!)?.provenance.kind).toBe('user');
  });

  it('compares at most three models and says when a fourth is refused', () => {
    const catalog = useCatalogStore();
    expect(['P10-SMALL', 'P10-BIG', 'P9-MID'].map((id) => catalog.toggleSelected(id))).toEqual([true, true, true]);
    expect(catalog.toggleSelected('P8-OLD')).toBe(false);
    expect(catalog.selected).toEqual(['P10-SMALL', 'P10-BIG', 'P9-MID']);
    expect(catalog.toggleSelected('P10-BIG')).toBe(true);
    expect(catalog.selected).toEqual(['P10-SMALL', 'P9-MID']);
  });

  it('shows a figure the user just entered in every list without reloading', async () => {
    const catalog = useCatalogStore();
    await catalog.load();
    await catalog.applyFilters();
    const blank = MODELS.find((each) => each.id === 'P10-BLANK')!;
    catalog.replaceModel({ ...blank, maxCores: 16 });
    expect(catalog.models.find((each) => each.id === 'P10-BLANK')?.maxCores).toBe(16);
    expect(catalog.visible.find((each) => each.id === 'P10-BLANK')?.maxCores).toBe(16);
  });
});
