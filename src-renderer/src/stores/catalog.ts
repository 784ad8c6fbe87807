import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type {
  Edition,
  FeatureInfo,
  Figure,
  Generation,
  OperatingSystem,
  ServerClass,
  ServerModel,
} from '../../../src-main/ipc/shared';
import type { Input, Output } from '../../../src-main/ipc/contract';
import { call } from '../api/client';
import { useUiStore } from './ui';

export type SortKey =
  'id' | 'name' | 'generation' | 'class' | 'role' | 'maxCores' | 'maxMemoryGiB' | 'os' | 'configurations' | 'bestRperf';
export type SortDirection = 'ascending' | 'descending';

export interface CatalogFilters {
  generation: Generation | '';
  class: ServerClass | '';
  os: OperatingSystem | '';
  role: 'target' | 'source' | '';
  search: string;
}

export const MAX_COMPARED = 3;
const GENERATION_ORDER: Generation[] = ['POWER7', 'POWER7+', 'POWER8', 'POWER9', 'POWER10', 'POWER11'];
const CLASS_ORDER: ServerClass[] = ['scale-out', 'midrange', 'enterprise'];

export function emptyFilters(): CatalogFilters {
  return { generation: '', class: '', os: '', role: '', search: '' };
}

/** The filters as the `catalog.models` query: empty choices are left out rather than sent as ''. */
export function modelQuery(filters: CatalogFilters): Input<'catalog.models'> {
  const search = filters.search.trim();
  return {
    ...(filters.generation ? { generation: filters.generation } : {}),
    ...(filters.class ? { class: filters.class } : {}),
    ...(filters.os ? { os: filters.os } : {}),
    ...(filters.role ? { role: filters.role } : {}),
    ...(search ? { search } : {}),
  };
}

/** The configuration figure with the highest rPerf (published or user-entered), or null when none is known. */
export function bestRperfFigure(model: ServerModel): Figure | null {
  let best: Figure | null = null;
  for (const configuration of model.configurations) {
    const figure = configuration.rperf;
    if (figure && (best === null || figure.value > best.value)) best = figure;
  }
  return best;
}

/** The best published or user-entered rPerf of a model, or null when none is known. */
export function bestRperf(model: ServerModel): number | null {
  return bestRperfFigure(model)?.value ?? null;
}

export function sortValue(model: ServerModel, key: SortKey): string | number | null {
  switch (key) {
    case 'id':
      return model.machineTypeModel;
    case 'maxCores':
      return model.maxCores;
    case 'maxMemoryGiB':
      return model.maxMemoryGiB?.value ?? null;
    case 'os':
      // Not researched sorts last; otherwise by how many systems are confirmed, then which.
      return model.supportedOS && model.supportedOS.length > 0
        ? `${model.supportedOS.length}:${[...model.supportedOS].sort().join(',')}`
        : null;
    case 'configurations':
      return model.configurations.length;
    case 'bestRperf':
      return bestRperf(model);
    case 'generation':
      return GENERATION_ORDER.indexOf(model.generation);
    case 'class':
      return CLASS_ORDER.indexOf(model.class);
    default:
      return model[key];
  }
}

/** Sorts with missing values last in either direction, so gaps never masquerade as small numbers. */
export function sortModels(models: readonly ServerModel[], key: SortKey, direction: SortDirection): ServerModel[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...models].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null && y === null) return a.name.localeCompare(b.name);
    if (x === null) return 1;
    if (y === null) return -1;
    const order =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : String(x).localeCompare(String(y), undefined, { numeric: true });
    return order === 0 ? a.name.localeCompare(b.name, undefined, { numeric: true }) : sign * order;
  });
}

export const useCatalogStore = defineStore('catalog', () => {
  /** Every model, unfiltered: the pickers of other views (source servers, candidate models, compare) read this. */
  const models = ref<ServerModel[]>([]);
  /** The models the catalog view's filters matched, as the main process answered `catalog.models`. */
  const matching = ref<ServerModel[]>([]);
  const loading = ref(false);
  const filters = ref<CatalogFilters>(emptyFilters());
  const sortKey = ref<SortKey>('generation');
  const sortDirection = ref<SortDirection>('descending');
  const selected = ref<string[]>([]);
  const info = ref<Output<'app.info'> | null>(null);
  const editions = ref<Edition[]>([]);
  const features = ref<FeatureInfo[]>([]);
  const catalogInfo = ref<Output<'catalog.info'> | null>(null);
  let filterRequest = 0;

  const visible = computed(() => sortModels(matching.value, sortKey.value, sortDirection.value));
  const selectedModels = computed(() =>
    selected.value
      .map((id) => models.value.find((model) => model.id === id))
      .filter((model): model is ServerModel => model !== undefined),
  );
  const filtersActive = computed(() => Object.values(modelQuery(filters.value)).length > 0);

  /** Loads every model (once per call) for the views that pick from the whole catalog. */
  async function load(): Promise<void> {
    try {
      models.value = await call('catalog.models', {});
    } catch (error) {
      useUiStore().showError(error);
    }
  }

  /** Asks the main process for the models matching the filters; a slower, older answer never overwrites a newer one. */
  async function applyFilters(): Promise<void> {
    const request = ++filterRequest;
    loading.value = true;
    try {
      const result = await call('catalog.models', modelQuery(filters.value));
      if (request === filterRequest) matching.value = result;
    } catch (error) {
      if (request === filterRequest) useUiStore().showError(error);
    } finally {
      if (request === filterRequest) loading.value = false;
    }
  }

  function clearFilters(): void {
    filters.value = emptyFilters();
  }

  /** After a user-entered figure changed a model: every list shows the new figure without a reload. */
  function replaceModel(model: ServerModel): void {
    const swap = (list: ServerModel[]) => list.map((each) => (each.id === model.id ? model : each));
    models.value = swap(models.value);
    matching.value = swap(matching.value);
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

  /** Ticks or unticks a model for comparison; a fourth is refused (returns false), as the view says. */
  function toggleSelected(id: string): boolean {
    if (selected.value.includes(id)) selected.value = selected.value.filter((each) => each !== id);
    else if (selected.value.length < MAX_COMPARED) selected.value = [...selected.value, id];
    else return false;
    return true;
  }

  return {
    models,
    matching,
    loading,
    filters,
    filtersActive,
    sortKey,
    sortDirection,
    selected,
    selectedModels,
    info,
    catalogInfo,
    editions,
    features,
    visible,
    load,
    applyFilters,
    clearFilters,
    replaceModel,
    loadInfo,
    loadEditions,
    sortBy,
    toggleSelected,
  };
});
