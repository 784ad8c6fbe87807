/* eslint-disable @typescript-eslint/no-explicit-any -- reads the reference's loosely shaped JSON; the output is validated by ShippedCatalog */
// Builds resources/catalog/catalog.json from the researched reference (../shared/reference): every figure keeps
// its source id and confidence; nothing is computed or filled in. Run: npx tsx scripts/build-seed.ts [referenceDir]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { ShippedCatalog, configurationId, modelIdFor } from '../src-main/catalog/seed';
import { applyReview } from './seed-review';
import { RPERF_SOURCE_MODELS } from './seed-rperf-sources';

type Confidence = 'high' | 'medium' | 'low';
const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };
const lower = (a: Confidence, b: Confidence | null | undefined): Confidence => (b && RANK[b] < RANK[a] ? b : a);

const referenceDir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'reference'));
const models = JSON.parse(readFileSync(join(referenceDir, 'models.json'), 'utf8'));
const editions = JSON.parse(readFileSync(join(referenceDir, 'editions.json'), 'utf8'));

// Confidence of the rules/editions sources, by the reference's convention: IBM's own page = high; IBM text read
// on a third-party copy = medium; unidentified or non-IBM = low (powervm-rules.md section 0).
// Operating systems a source says a model does not run, from the reference's osNotes (E1050: IT Jungle 2022-08-08;
// E1150: IBM Cloud Power VS docs, "IBM i is not supported on IBM E1050 and E1150 system types").
const UNSUPPORTED_OS: Record<string, string[]> = { '9043-MRX': ['ibmi'], '9043-MRU': ['ibmi'] };

const GLOBAL_CONFIDENCE: Record<string, Confidence> = {
  S1: 'medium',
  S6: 'medium',
  S7: 'medium',
  S14: 'medium',
  S15: 'high',
  S16: 'high',
  S17: 'high',
  S18: 'high',
  S21: 'low',
  OCP: 'low',
};

const globalSources = Object.entries(
  editions.sources as Record<string, { title: string; url: string | null; note?: string }>,
).map(([id, source]) => ({
  id,
  title: source.title,
  url: source.url,
  confidence: GLOBAL_CONFIDENCE[id] ?? 'low',
  sourceClass: null,
  usedFor: source.note ?? null,
}));

interface RefSource {
  id: string;
  url: string | null;
  title: string;
  sourceClass?: string;
  confidence: Confidence;
  usedFor?: string | null;
}

function figure(
  value: number | null,
  sourceId: string | null,
  sources: RefSource[],
  extra: { confidence?: Confidence | null; approximate?: boolean } = {},
) {
  if (value === null || value === undefined) return null;
  const source = sources.find((each) => each.id === sourceId);
  if (!source) throw new Error(`figure ${value} names source ${sourceId}, which the model does not list`);
  return {
    value,
    provenance: {
      kind: 'published' as const,
      sourceId: source.id,
      confidence: lower(source.confidence, extra.confidence),
    },
    ...(extra.approximate ? { approximate: true } : {}),
  };
}

/** The source that gave a model-level figure: the one whose usedFor mentions it, else none (then the figure is not shipped). */
function sourceFor(sources: RefSource[], pattern: RegExp): string | null {
  const found = sources.filter((each) => each.usedFor && pattern.test(each.usedFor));
  found.sort((a, b) => RANK[b.confidence] - RANK[a.confidence]);
  return found[0]?.id ?? null;
}

const shippedModels = (models.models as Array<Record<string, any>>).map((model) => {
  const sources: RefSource[] = model.sources.map((source: RefSource) => ({
    id: source.id,
    title: source.title,
    url: source.url ?? null,
    confidence: source.confidence,
    sourceClass: source.sourceClass ?? null,
    usedFor: source.usedFor ?? null,
  }));
  const id = modelIdFor(model.machineTypeModel, model.name);
  const memorySource = model.maxMemoryGiB ? sourceFor(sources, /TB|memory/i) : null;
  const slotsSource = model.pcieSlots ? sourceFor(sources, /PCIe/i) : null;
  const notes = [model.notes, model.pcieSlotsNote, model.maxPartitionsNote, model.ibmiSoftwareTierNote]
    .filter(Boolean)
    .join(' ');
  return {
    id,
    machineTypeModel: model.machineTypeModel ?? null,
    name: model.name,
    generation: model.generation,
    class: model.class,
    role: model.role,
    origin: 'shipped',
    sockets: model.sockets ?? null,
    maxCores: model.maxCores ?? null,
    maxMemoryGiB: memorySource ? figure(model.maxMemoryGiB, memorySource, sources) : null,
    pcieSlots: slotsSource ? figure(model.pcieSlots, slotsSource, sources) : null,
    maxPartitions: model.maxPartitions ? figure(model.maxPartitions, model.maxPartitionsSource, sources) : null,
    supportedOS: model.supportedOS ?? null,
    unsupportedOS: UNSUPPORTED_OS[model.machineTypeModel ?? ''] ?? [],
    osNotes: model.osNotes ?? null,
    ibmiSoftwareTier: model.ibmiSoftwareTier ?? null,
    announced: model.announced ?? null,
    available: model.available ?? null,
    configurations: (model.configurations as Array<Record<string, any>>).map((configuration) => ({
      id: configurationId(
        id,
        configuration.aixNominalGHzKey ?? null,
        configuration.sockets ?? null,
        configuration.totalCores,
        configuration.systemNodes ?? null,
      ),
      featureCode: configuration.featureCode ?? null,
      sockets: configuration.sockets ?? null,
      totalCores: configuration.totalCores,
      ghz: configuration.ghz ?? null,
      frequencyKey: configuration.aixNominalGHzKey ?? null,
      rperf: figure(configuration.rperf, configuration.rperfSource, sources, { confidence: configuration.confidence }),
      cpw: figure(configuration.cpw, configuration.cpwSource, sources, {
        confidence: configuration.cpwConfidence ?? configuration.confidence,
        approximate: configuration.cpwApproximate === true,
      }),
      notes: configuration.notes ?? null,
    })),
    sources,
    notes: notes || null,
  };
});

const FEATURE_KEYS = Object.keys(editions.features);
const shippedEditions = Object.entries(editions.generations as Record<string, any>).flatMap(([generation, entry]) =>
  (entry.editions as Array<Record<string, any>>).map((edition) => ({
    generation,
    name: edition.name,
    included: edition.included,
    status: entry.status,
    features: Object.fromEntries(FEATURE_KEYS.map((key) => [key, edition.features[key] ?? null])),
    maxPartitionsPerServer: edition.maxPartitionsPerServer ?? null,
    notes: [edition.notes, edition.maxPartitionsNote].filter(Boolean).join(' ') || null,
    sources: (edition.sources as string[]).map((sourceId) => {
      const source = globalSources.find((each) => each.id === sourceId);
      if (!source) throw new Error(`edition ${generation} ${edition.name} names unknown source ${sourceId}`);
      return source;
    }),
  })),
);

const generationNotes = Object.fromEntries(
  Object.entries(editions.generations as Record<string, any>).map(([generation, entry]) => [
    generation,
    { status: entry.status, note: entry.statusNote ?? entry.role ?? null },
  ]),
);

shippedModels.push(...rperfSourceModels(shippedModels));
applyReview(shippedModels, shippedEditions, generationNotes, referenceDir);

/** POWER7/POWER8 source systems from the rperf script (scripts/seed-rperf-sources.ts), each row quoting its line. */
function rperfSourceModels(existing: Array<Record<string, any>>) {
  const rperf41 = existing.flatMap((model) => model.sources).find((source: RefSource) => source.id === 'rperf41');
  if (!rperf41) throw new Error('the reference no longer cites rperf41');
  return RPERF_SOURCE_MODELS.map((model) => {
    if (existing.some((each) => each.id === model.mtm)) throw new Error(`${model.mtm} is already in the reference`);
    // The Power 755 rows are the author's own assumption ("assuming 750 rPerf numbers are OK"): low confidence.
    const confidence = /assuming/.test(model.heading) ? 'low' : rperf41.confidence;
    const configurations = model.lines.flatMap((line) =>
      line.configs.map(([cores, rperf]) => ({
        id: configurationId(model.mtm, line.ghzKey, null, cores),
        featureCode: null,
        sockets: null,
        totalCores: cores,
        ghz: null,
        frequencyKey: line.ghzKey,
        rperf: {
          value: rperf,
          provenance: {
            kind: 'published' as const,
            sourceId: 'rperf41',
            confidence,
            quote: `line ${line.line}: ${line.quote}`,
          },
        },
        cpw: null,
        notes: null,
      })),
    );
    return {
      id: model.mtm,
      machineTypeModel: model.mtm,
      name: model.name,
      generation: model.generation,
      class: model.class,
      role: 'source',
      origin: 'shipped',
      sockets: null,
      maxCores: Math.max(...configurations.map((each) => each.totalCores)),
      maxMemoryGiB: null,
      pcieSlots: null,
      maxPartitions: null,
      supportedOS: null,
      unsupportedOS: [],
      osNotes: 'Source system: only its rPerf matters for converting measured use.',
      ibmiSoftwareTier: null,
      announced: null,
      available: null,
      configurations,
      identitySource: {
        kind: 'published' as const,
        sourceId: 'rperf41',
        confidence,
        quote: `script heading: # ${model.heading}`,
      },
      sources: [{ ...rperf41, usedFor: `rPerf per row; the model under the script's heading "${model.heading}"` }],
      notes: model.notes,
    };
  });
}

const S1 = globalSources.find((each) => each.id === 'S1');
const catalog = {
  format: 'powervm-sizer-catalog',
  catalogVersion: models.catalogVersion,
  description: models.description,
  models: shippedModels,
  editions: shippedEditions,
  generationNotes,
  features: Object.entries(editions.features as Record<string, { label: string; description: string }>).map(
    ([key, info]) => ({ key, ...info }),
  ),
  viosMinimums: [
    {
      viosVersion: '3.1',
      minEntitledCapacity: 0.05,
      minMemoryGiB: 4,
      minBootDiskGB: 30,
      notes:
        'IBM: "general rule for the minimum memory requirement for VIOS 3.1 is 4 GB"; Shared Storage Pools also need 4 GB; more devices raise it (Table 3-1).',
      sources: S1 ? [S1] : [],
    },
    {
      viosVersion: '4.1',
      minEntitledCapacity: null,
      minMemoryGiB: null,
      minBootDiskGB: null,
      notes:
        'VIOS 4.1 minimums were not found in the researched material; the VIOS 3.1 figures are used as the floor and the report says so.',
      sources: [],
    },
  ],
  sources: globalSources,
};

const checked = ShippedCatalog.parse(catalog);
const out = join(import.meta.dirname, '..', 'resources', 'catalog', 'catalog.json');
writeFileSync(out, `${JSON.stringify(checked, null, 1)}\n`);
console.log(
  `wrote ${out}: ${checked.models.length} models, ${checked.models.reduce((n, m) => n + m.configurations.length, 0)} configurations, ${checked.editions.length} editions`,
);
