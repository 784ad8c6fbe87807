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
  z.object({ kind: z.literal('published'), sourceId: z.string().min(1), confidence: Confidence }),
  z.object({ kind: z.literal('user'), enteredAt: z.string().min(1), note: z.string().optional() }),
]);
export type Provenance = z.infer<typeof Provenance>;

/** A figure never travels without its provenance. */
export const Figure = z.object({
  value: z.number().positive(),
  provenance: Provenance,
  /** The source wrote it as approximate ("around 39,700"). */
  approximate: z.boolean().optional(),
});
export type Figure = z.infer<typeof Figure>;

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
  sockets: z.number().int().positive().nullable(),
  totalCores: z.number().int().positive(),
  /** Published frequency range (typical-max) when a source gave one. */
  ghz: z.string().nullable(),
  /** Nominal frequency key identifying the processor option (not a published GHz range). */
  frequencyKey: z.string().nullable(),
  rperf: Figure.nullable(),
  cpw: Figure.nullable(),
  notes: z.string().nullable(),
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
  sockets: z.number().int().positive().nullable(),
  maxCores: z.number().int().positive().nullable(),
  maxMemoryGiB: Figure.nullable(),
  pcieSlots: Figure.nullable(),
  maxPartitions: Figure.nullable(),
  /** Operating systems a source confirmed; null = not researched. An OS missing here is unconfirmed, not unsupported. */
  supportedOS: z.array(OperatingSystem).nullable(),
  /** Operating systems a source says the model does not run (e.g. IBM i on the E1050). */
  unsupportedOS: z.array(OperatingSystem).default([]),
  osNotes: z.string().nullable(),
  ibmiSoftwareTier: z.string().nullable(),
  announced: z.string().nullable(),
  available: z.string().nullable(),
  configurations: z.array(Configuration),
  sources: z.array(SourceRef),
  notes: z.string().nullable(),
});
export type ServerModel = z.infer<typeof ServerModel>;

export const FeatureKey = z.enum([
  'microPartitioning', 'vios', 'multipleSharedProcessorPools', 'lpm', 'ams', 'ame', 'ssp',
  'thinProvisioning', 'srr', 'novalink', 'powervc', 'suspendResume', 'vnic', 'sriov', 'amm', 'pep',
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
  pricePerCore: z.number().nonnegative(),
  maintenancePerCorePerYear: z.number().nonnegative(),
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
    const perConfiguration = (CONFIGURATION_FIELDS as readonly string[]).includes(override.field);
    if (perConfiguration && override.configurationId === null) {
      context.addIssue({ code: 'custom', path: ['configurationId'], message: `${override.field} belongs to a configuration: name one` });
    }
    if (!perConfiguration && override.configurationId !== null) {
      context.addIssue({ code: 'custom', path: ['configurationId'], message: `${override.field} is a figure of the model, not of a configuration` });
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
  userModels: z.array(ServerModel.refine((model) => model.origin === 'user', { message: 'a user model must have origin "user"', path: ['origin'] })),
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
