// Domain types of the Power catalog. Pure zod: imported by the main process, the IPC contract and the
// renderer, so it must never import Node, Electron or the database.
import { z } from 'zod';

export const Generation = z.enum(['POWER7', 'POWER7+', 'POWER8', 'POWER9', 'POWER10', 'POWER11']);
export type Generation = z.infer<typeof Generation>;
/** Generations the sizer may propose; older ones are source systems only. */
export const TARGET_GENERATIONS = ['POWER9', 'POWER10', 'POWER11'] as const satisfies readonly Generation[];

export const ServerClass = z.enum(['scale-out', 'midrange', 'enterprise']);
export type ServerClass = z.infer<typeof ServerClass>;

export const OperatingSystem = z.enum(['aix', 'ibmi', 'linux']);
export type OperatingSystem = z.infer<typeof OperatingSystem>;

/** high = IBM's own document; medium = IBM-derived secondary; low = blogs, copies, unidentified. */
import { Confidence } from '../common';
export { Confidence };

/** Where a number came from: a published source, or the user (kept apart, shown as user-entered). */
export const Provenance = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('published'),
    sourceId: z.string().min(1),
    confidence: Confidence,
    /** The source's own words for this figure (a table row, a sentence), so a reader can find it there. */
    quote: z.string().min(1).optional(),
    /** The review entry that found it, e.g. `ibm-figures-2026-12#38` (../shared/reference). */
    reviewRef: z.string().min(1).optional(),
  }),
  z.object({ kind: z.literal('user'), enteredAt: z.string().min(1), note: z.string().optional() }),
]);
export type Provenance = z.infer<typeof Provenance>;

/**
 * Sanity bounds of figures a user may enter, far above any published one (the largest shipped: about 8,000 rPerf,
 * 112,500 CPW, 64 TiB, 1,000 partitions), so a typo such as 1e308 is refused with the field and the limit
 * instead of turning sums into Infinity.
 */
export const FIGURE_LIMITS = {
  rperf: 100_000,
  cpw: 100_000_000,
  maxMemoryGiB: 1_048_576,
  pcieSlots: 10_000,
  maxPartitions: 100_000,
} as const;
/** Any figure at all; the per-field limits above are tighter. */
const ANY_FIGURE_LIMIT = 1e9;
const MAX_CORES = 4_096;
const MAX_PRICE = 1e12;

/** A figure never travels without its provenance. */
export const Figure = z.object({
  value: z
    .number()
    .positive()
    .max(ANY_FIGURE_LIMIT, { error: `must be at most ${ANY_FIGURE_LIMIT.toLocaleString('en-US')}` }),
  provenance: Provenance,
  /** The source wrote it as approximate ("around 39,700"). */
  approximate: z.boolean().optional(),
});
export type Figure = z.infer<typeof Figure>;
/** A figure of one field, bounded by that field's limit. */
const figureOf = (field: keyof typeof FIGURE_LIMITS) =>
  Figure.extend({
    value: z
      .number()
      .positive()
      .max(FIGURE_LIMITS[field], { error: `${field} must be at most ${FIGURE_LIMITS[field].toLocaleString('en-US')}` }),
  });

/** A published fact that is words, not a number (an IBM i software tier, IBM's reason an OS is not supported). */
export const TextFact = z.object({ value: z.string().min(1), provenance: Provenance });
export type TextFact = z.infer<typeof TextFact>;

/** An operating system IBM says a model or configuration does not run, in IBM's words. */
export const OsExclusion = z.object({ os: OperatingSystem, provenance: Provenance });
export type OsExclusion = z.infer<typeof OsExclusion>;

/** IBM i rules of one processor configuration, each with its source; null fields were not found. */
export const ConfigurationIbmi = z.object({
  /** Software tier (P05/P10/P20/P30): decides the customer's IBM i licence. */
  tier: TextFact.nullable().default(null),
  /** Largest IBM i partition in cores (real or virtual), e.g. 4 on S922 P10-tier, S1022, S1022s, S1122. */
  maxCoresPerPartition: Figure.nullable().default(null),
  /** Memory cap of the whole server when it runs IBM i (S1014 4-core: 64 GB). */
  maxServerMemoryGiB: Figure.nullable().default(null),
  /** IBM i needs a VIOS (virtual I/O only) on this configuration. */
  viosRequired: TextFact.nullable().default(null),
});
export type ConfigurationIbmi = z.infer<typeof ConfigurationIbmi>;

/** Orderable memory modules (DDIMMs) of a model, from IBM's feature tables; installed memory is a sum of them. */
export const MemoryModule = z.object({ featureCode: z.string().min(1), sizeGiB: z.number().positive() });
export const MemoryFeatures = z.object({
  modules: z.array(MemoryModule).min(1),
  /** Module slots of the fully populated system (published, or derived from the maximum and largest module). */
  slots: Figure,
  /** IBM's plugging rule text (pairs, per processor, mixing), shown with the proposal; quantities are not modelled. */
  rule: TextFact.nullable().default(null),
  provenance: Provenance,
});
export type MemoryFeatures = z.infer<typeof MemoryFeatures>;

export const SourceRef = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  url: z.string().nullable(),
  confidence: Confidence,
  sourceClass: z.string().nullable().optional(),
  usedFor: z.string().nullable().optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const Configuration = z.object({
  /** Stable id, unique in the catalog: `${modelId}/${frequencyKey ?? 'x'}/${sockets ?? 'x'}s/${totalCores}c`. */
  id: z.string().min(1),
  featureCode: z.string().nullable(),
  sockets: z.number().int().positive().max(MAX_CORES).nullable(),
  totalCores: z
    .number()
    .int()
    .positive()
    .max(MAX_CORES, { error: `must be at most ${MAX_CORES} cores` }),
  /** Published frequency range (typical-max) when a source gave one. */
  ghz: z.string().nullable(),
  /** Nominal frequency key identifying the processor option (not a published GHz range). */
  frequencyKey: z.string().nullable(),
  rperf: figureOf('rperf').nullable(),
  cpw: figureOf('cpw').nullable(),
  notes: z.string().nullable(),
  /** A cap on this configuration below the model's maximum (one socket populated, S914 4-core: 64 GB). */
  maxMemoryGiB: Figure.nullable().default(null),
  /** Operating systems IBM excludes on this configuration (S1022s single 4-core: no IBM i). */
  unsupportedOS: z.array(OsExclusion).default([]),
  ibmi: ConfigurationIbmi.nullable().default(null),
  /** Where this configuration itself (cores, feature, frequency) is published, when not the rPerf source. */
  source: Provenance.nullable().default(null),
});
export type Configuration = z.infer<typeof Configuration>;

export const ModelRole = z.enum(['target', 'source']);
export type ModelRole = z.infer<typeof ModelRole>;

export const ServerModel = z.object({
  /** The machine type-model where known, else a stable slug (one announced model has no published MTM). */
  id: z.string().min(1),
  machineTypeModel: z.string().nullable(),
  name: z.string().min(1),
  generation: Generation,
  class: ServerClass,
  role: ModelRole,
  /** shipped = from resources/catalog; user = a custom model the user entered. */
  origin: z.enum(['shipped', 'user']),
  sockets: z.number().int().positive().max(MAX_CORES).nullable(),
  maxCores: z
    .number()
    .int()
    .positive()
    .max(MAX_CORES, { error: `must be at most ${MAX_CORES} cores` })
    .nullable(),
  maxMemoryGiB: figureOf('maxMemoryGiB').nullable(),
  pcieSlots: figureOf('pcieSlots').nullable(),
  maxPartitions: figureOf('maxPartitions').nullable(),
  /** Where the model's identity (machine type-model, name) is published, when a review added or corrected it. */
  identitySource: Provenance.nullable().default(null),
  /** Sockets with their source (the plain `sockets` number stays for filters and the solver). */
  socketsFigure: Figure.nullable().default(null),
  /** Operating systems a source confirmed; null = not researched. An OS missing here is unconfirmed, not unsupported. */
  supportedOS: z.array(OperatingSystem).nullable(),
  /** Operating systems a source says the model does not run (e.g. IBM i on the E1050). */
  unsupportedOS: z.array(OperatingSystem).default([]),
  /** IBM's words for each OS in unsupportedOS, shown as the reason a workload cannot run there. */
  osExclusions: z.array(OsExclusion).default([]),
  /** Where a source confirmed an OS (supportedOS), keyed by OS. */
  osEvidence: z.partialRecord(OperatingSystem, Provenance).default({}),
  /** Linux-first models: the share of activated cores that may run AIX and IBM i (L models: 0.25). */
  nonLinuxCoreShare: Figure.nullable().default(null),
  /** Orderable memory modules; null = no feature table found (installed memory then in plain 32 GiB steps). */
  memoryFeatures: MemoryFeatures.nullable().default(null),
  osNotes: z.string().nullable(),
  ibmiSoftwareTier: z.string().nullable(),
  /** Model-level IBM i tier statement with its source (per-configuration tiers are in configuration.ibmi). */
  ibmiTier: TextFact.nullable().default(null),
  announced: z.string().nullable(),
  available: z.string().nullable(),
  configurations: z.array(Configuration),
  sources: z.array(SourceRef),
  notes: z.string().nullable(),
});
export type ServerModel = z.infer<typeof ServerModel>;

/** The review-era fields of a configuration when nothing is published (for code and tests that build records). */
export const CONFIGURATION_FACTS_NONE = {
  maxMemoryGiB: null,
  unsupportedOS: [],
  ibmi: null,
  source: null,
} as const satisfies Partial<Configuration>;
/** The review-era fields of a model when nothing is published. */
export const MODEL_FACTS_NONE = {
  identitySource: null,
  socketsFigure: null,
  osExclusions: [],
  osEvidence: {},
  nonLinuxCoreShare: null,
  memoryFeatures: null,
  ibmiTier: null,
} as const satisfies Partial<ServerModel>;

export const FeatureKey = z.enum([
  'microPartitioning',
  'vios',
  'multipleSharedProcessorPools',
  'lpm',
  'ams',
  'ame',
  'ssp',
  'thinProvisioning',
  'srr',
  'novalink',
  'powervc',
  'suspendResume',
  'vnic',
  'sriov',
  'amm',
  'pep',
]);
export type FeatureKey = z.infer<typeof FeatureKey>;

/** true = published as included, false = published as not included, null = unknown (never assumed). */
export const FeatureMatrix = z.record(FeatureKey, z.boolean().nullable());
export type FeatureMatrix = z.infer<typeof FeatureMatrix>;

export const Edition = z.object({
  generation: Generation,
  name: z.string().min(1),
  /** Included with the server at no charge (Power10 onwards per IBM's 2023 Redbook). */
  included: z.boolean(),
  status: z.enum(['published', 'inferred', 'unknown']),
  features: FeatureMatrix,
  maxPartitionsPerServer: z.number().int().positive().nullable(),
  notes: z.string().nullable(),
  sources: z.array(SourceRef),
  /** Models this entry applies to (IBM said so per model, e.g. E950/E980); null = every model of the generation. */
  models: z.array(z.string().min(1)).nullable().default(null),
  /** IBM's feature code of the edition where published (Power11: EPVT, EPV0 "Deactivation of LPM"). */
  featureCode: z.string().nullable().default(null),
  /** Features IBM lists as deprecated for this generation: shown as "not offered", with the source. */
  deprecated: z.array(FeatureKey).default([]),
  /** The quote that makes this entry (edition included, deprecated features), for the editions view and report. */
  evidence: z.array(TextFact).default([]),
});
export type Edition = z.infer<typeof Edition>;

export const FeatureInfo = z.object({ key: FeatureKey, label: z.string(), description: z.string() });
export type FeatureInfo = z.infer<typeof FeatureInfo>;

/** VIOS minimum resources per VIOS version (null = unknown for that version). */
export const ViosMinimum = z.object({
  viosVersion: z.string().min(1),
  minEntitledCapacity: z.number().positive().nullable(),
  minMemoryGiB: z.number().positive().nullable(),
  minBootDiskGB: z.number().positive().nullable(),
  notes: z.string().nullable(),
  sources: z.array(SourceRef),
});
export type ViosMinimum = z.infer<typeof ViosMinimum>;

/** User-entered licence prices; no public list price per core was found, so none is shipped. */
export const PriceEntry = z.object({
  generation: Generation,
  edition: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be a three-letter currency code'),
  pricePerCore: z
    .number()
    .nonnegative()
    .max(MAX_PRICE, { error: `must be at most ${MAX_PRICE.toLocaleString('en-US')}` }),
  maintenancePerCorePerYear: z
    .number()
    .nonnegative()
    .max(MAX_PRICE, { error: `must be at most ${MAX_PRICE.toLocaleString('en-US')}` }),
});
export type PriceEntry = z.infer<typeof PriceEntry>;

/** What the solver needs from the catalog, as plain data that can cross into a worker thread. */
export const CatalogSnapshot = z.object({
  catalogVersion: z.string(),
  models: z.array(ServerModel),
  editions: z.array(Edition),
  viosMinimums: z.array(ViosMinimum),
  prices: z.array(PriceEntry),
});
export type CatalogSnapshot = z.infer<typeof CatalogSnapshot>;

/** Figures the user may enter or override (model-level or per configuration). */
export const OverridableField = z.enum(['rperf', 'cpw', 'maxMemoryGiB', 'pcieSlots', 'maxPartitions']);
export type OverridableField = z.infer<typeof OverridableField>;
export const CONFIGURATION_FIELDS = ['rperf', 'cpw'] as const satisfies readonly OverridableField[];

export const FigureOverride = z
  .strictObject({
    modelId: z.string().min(1),
    /** Set for rperf and cpw (a configuration's figure); null for model-level figures. */
    configurationId: z.string().min(1).nullable(),
    field: OverridableField,
    value: z.number({ error: 'must be a positive number' }).positive({ error: 'must be a positive number' }),
    note: z.string().max(2000).optional(),
    enteredAt: z.string().min(1),
  })
  .superRefine((override, context) => {
    const limit = FIGURE_LIMITS[override.field];
    if (override.value > limit) {
      context.addIssue({
        code: 'custom',
        path: ['value'],
        message: `${override.field} must be at most ${limit.toLocaleString('en-US')}`,
      });
    }
    const perConfiguration = (CONFIGURATION_FIELDS as readonly string[]).includes(override.field);
    if (perConfiguration && override.configurationId === null) {
      context.addIssue({
        code: 'custom',
        path: ['configurationId'],
        message: `${override.field} belongs to a configuration: name one`,
      });
    }
    if (!perConfiguration && override.configurationId !== null) {
      context.addIssue({
        code: 'custom',
        path: ['configurationId'],
        message: `${override.field} is a figure of the model, not of a configuration`,
      });
    }
  });
export type FigureOverride = z.infer<typeof FigureOverride>;

export const USER_CATALOG_FORMAT = 'powervm-sizer-user-catalog';

/** The user layer as a file: what export writes and import reads. */
export const UserCatalogFile = z.strictObject({
  format: z.literal(USER_CATALOG_FORMAT, { error: `must be "${USER_CATALOG_FORMAT}"` }),
  version: z.literal(1, { error: 'must be 1 (this version reads user catalog format 1)' }),
  exportedAt: z.string().optional(),
  overrides: z.array(FigureOverride),
  userModels: z.array(
    ServerModel.refine((model) => model.origin === 'user', {
      message: 'a user model must have origin "user"',
      path: ['origin'],
    }),
  ),
  prices: z.array(PriceEntry),
});
export type UserCatalogFile = z.infer<typeof UserCatalogFile>;

/** A filter over the catalog's models (the catalog view, the CLI). */
export const ModelQuery = z.strictObject({
  generation: Generation.optional(),
  class: ServerClass.optional(),
  os: OperatingSystem.optional(),
  role: z.enum(['target', 'source']).optional(),
  search: z.string().max(200).optional(),
});
export type ModelQuery = z.infer<typeof ModelQuery>;
