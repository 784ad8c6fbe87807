import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Edition, FeatureInfo, Generation, OperatingSystem, ServerClass, ServerModel } from '../../../src-main/catalog/schema';
import type { Output } from '../../../src-main/ipc/contract';
import { call } from '../api/client';
import { useUiStore } from './ui';

export type SortKey = 'id' | 'name' | 'generation' | 'class' | 'role' | 'maxCores' | 'maxMemoryGiB' | 'configurations' | 'bestRperf';

export interface CatalogFilters {
  generation: Generation | '';
  class: ServerClass | '';
  os: OperatingSystem | '';
  role: 'target' | 'source' | '';
  search: string;
}

const GENERATION_ORDER: Generation[] = ['POWER7', 'POWER7+', 'POWER8', 'POWER9', 'POWER10', 'POWER11'];

/** The best published or user-entered rPerf of a model, or null when none is known. */
export function bestRperf(model: ServerModel): number | null {
  const values = model.configurations.map((configuration) => configuration.rperf?.value).filter((value): value is number => value !== undefined);
  return values.length > 0 ? Math.max(...values) : null;
}

export function sortValue(model: ServerModel, key: SortKey): string | number | null {
  switch (key) {
    case 'maxCores':
      return model.maxCores;
    case 'maxMemoryGiB':
      return model.maxMemoryGiB?.value ?? null;
    case 'configurations':
      return model.configurations.length;
    case 'bestRperf':
      return bestRperf(model);
    case 'generation':
      return GENERATION_ORDER.indexOf(model.generation);
    default:
      return model[key];
  }
}

/** Sorts with missing values last in either direction, so gaps never masquerade as small numbers. */
export function sortModels(models: readonly ServerModel[], key: SortKey, direction: 'ascending' | 'descending'): ServerModel[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...models].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null && y === null) return a.name.localeCompare(b.name);
    if (x === null) return 1;
    if (y === null) return -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order === 0 ? a.name.localeCompare(b.name) : sign * order;
  });
}

export const useCatalogStore = defineStore('catalog', () => {
  const models = ref<ServerModel[]>([]);
  const loading = ref(false);
  const filters = ref<CatalogFilters>({ generation: '', class: '', os: '', role: '', search: '' });
  const sortKey = ref<SortKey>('generation');
  const sortDirection = ref<'ascending' | 'descending'>('descending');
  const selected = ref<string[]>([]);
  const info = ref<Output<'app.info'> | null>(null);
  const editions = ref<Edition[]>([]);
  const features = ref<FeatureInfo[]>([]);
  const catalogInfo = ref<Output<'catalog.info'> | null>(null);

  const visible = computed(() => sortModels(models.value, sortKey.value, sortDirection.value));
  const selectedModels = computed(() => selected.value.map((id) => models.value.find((model) => model.id === id)).filter((model): model is ServerModel => model !== undefined));

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const { generation, class: serverClass, os, role, search } = filters.value;
      models.value = await call('catalog.models', {
        ...(generation ? { generation } : {}),
        ...(serverClass ? { class: serverClass } : {}),
        ...(os ? { os } : {}),
        ...(role ? { role } : {}),
        ...(search.trim() ? { search: search.trim() } : {}),
      });
    } catch (error) {
      useUiStore().showError(error);
    } finally {
      loading.value = false;
    }
  }

  async function loadInfo(): Promise<void> {
    try {
      info.value = await call('app.info', {});
      catalogInfo.value = await call('catalog.info', {});
    } catch (error) {
      useUiStore().showError(error);
    }
  }

  async function loadEditions(): Promise<void> {
    try {
      const result = await call('catalog.editions', {});
      editions.value = result.editions;
      features.value = result.features;
      catalogInfo.value ??= await call('catalog.info', {});
    } catch (error) {
      useUiStore().showError(error);
    }
  }

  function sortBy(key: SortKey): void {
    if (sortKey.value === key) sortDirection.value = sortDirection.value === 'ascending' ? 'descending' : 'ascending';
    else {
      sortKey.value = key;
      sortDirection.value = 'ascending';
    }
  }

  function toggleSelected(id: string): void {
    if (selected.value.includes(id)) selected.value = selected.value.filter((each) => each !== id);
    else if (selected.value.length < 3) selected.value = [...selected.value, id];
  }

  return { models, loading, filters, sortKey, sortDirection, selected, selectedModels, info, catalogInfo, editions, features, visible, load, loadInfo, loadEditions, sortBy, toggleSelected };
});
