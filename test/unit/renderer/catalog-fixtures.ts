// Small hand-made catalog for the renderer's component and store tests. The figures are test data, not
// catalog facts: they only need to differ so that sorting and filtering can be told apart.
import { Configuration, type Figure, ServerModel } from '../../../src-main/catalog/schema';
import type { Input } from '../../../src-main/ipc/contract';

export const published = (value: number, sourceId = 'test-source'): Figure => ({
  value,
  provenance: { kind: 'published', sourceId, confidence: 'high' },
});
export const userEntered = (value: number): Figure => ({
  value,
  provenance: { kind: 'user', enteredAt: '2026-01-15T10:00:00.000Z', note: 'from the customer' },
});

function configuration(
  modelId: string,
  totalCores: number,
  rperf: Figure | null,
  cpw: Figure | null = null,
): Configuration {
  return Configuration.parse({
    id: `${modelId}/x/xs/${totalCores}c`,
    featureCode: null,
    sockets: null,
    totalCores,
    ghz: null,
    frequencyKey: null,
    rperf,
    cpw,
    notes: null,
  });
}

export function model(overrides: Partial<ServerModel> & Pick<ServerModel, 'id' | 'name' | 'generation'>): ServerModel {
  return ServerModel.parse({
    machineTypeModel: overrides.id,
    class: 'scale-out',
    role: 'target',
    origin: 'shipped',
    sockets: null,
    maxCores: null,
    maxMemoryGiB: null,
    pcieSlots: null,
    maxPartitions: null,
    supportedOS: null,
    unsupportedOS: [],
    osNotes: null,
    ibmiSoftwareTier: null,
    announced: null,
    available: null,
    configurations: [],
    sources: [],
    notes: null,
    ...overrides,
  });
}

export const MODELS: ServerModel[] = [
  model({
    id: 'P10-SMALL',
    name: 'Small Ten',
    generation: 'POWER10',
    maxCores: 8,
    maxMemoryGiB: published(1024),
    supportedOS: ['linux', 'aix'],
    configurations: [configuration('P10-SMALL', 4, published(100)), configuration('P10-SMALL', 8, published(200))],
  }),
  model({
    id: 'P10-BIG',
    name: 'Big Ten',
    generation: 'POWER10',
    class: 'enterprise',
    maxCores: 240,
    maxMemoryGiB: published(65536),
    supportedOS: ['aix', 'ibmi', 'linux'],
    configurations: [configuration('P10-BIG', 240, published(8000), userEntered(500000))],
  }),
  // Nothing published: every figure must show as missing, never as 0 or blank.
  model({ id: 'P10-BLANK', name: 'Blank Ten', generation: 'POWER10', maxCores: null }),
  model({
    id: 'P9-MID',
    name: 'Mid Nine',
    generation: 'POWER9',
    class: 'midrange',
    maxCores: 48,
    supportedOS: ['aix', 'ibmi'],
    configurations: [configuration('P9-MID', 48, userEntered(1500))],
  }),
  model({
    id: 'P8-OLD',
    name: 'Old Eight',
    generation: 'POWER8',
    role: 'source',
    maxCores: 24,
    supportedOS: ['aix'],
    configurations: [configuration('P8-OLD', 24, published(300))],
  }),
];

/** What the main process's `catalog.models` does with a query, for the fake client. */
export function answerModels(query: Input<'catalog.models'>, models: readonly ServerModel[] = MODELS): ServerModel[] {
  return models.filter((each) => {
    if (query.generation && each.generation !== query.generation) return false;
    if (query.class && each.class !== query.class) return false;
    if (query.role && each.role !== query.role) return false;
    if (query.os && !(each.supportedOS ?? []).includes(query.os)) return false;
    if (
      query.search &&
      !`${each.name} ${each.machineTypeModel ?? ''} ${each.generation} ${each.class}`
        .toLowerCase()
        .includes(query.search.toLowerCase())
    )
      return false;
    return true;
  });
}
