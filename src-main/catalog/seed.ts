// The shipped catalog as a data file (resources/catalog/catalog.json): read and validated without the database,
// so tools, tests and the worker can use it as plain data.
import { z } from 'zod';
import { type CatalogSnapshot, Edition, FeatureInfo, Generation, ServerModel, SourceRef, ViosMinimum } from './schema';

export const CATALOG_FILE_FORMAT = 'powervm-sizer-catalog';

export const GenerationNote = z.object({
  status: z.enum(['published', 'inferred', 'unknown']),
  note: z.string().nullable(),
});

export const ShippedCatalog = z
  .object({
    format: z.literal(CATALOG_FILE_FORMAT),
    catalogVersion: z.string().min(1),
    description: z.string(),
    models: z.array(ServerModel),
    editions: z.array(Edition),
    generationNotes: z.partialRecord(Generation, GenerationNote),
    features: z.array(FeatureInfo),
    viosMinimums: z.array(ViosMinimum),
    sources: z.array(SourceRef),
  })
  .superRefine((catalog, context) => {
    const modelIds = new Set<string>();
    const configurationIds = new Set<string>();
    catalog.models.forEach((model, index) => {
      if (modelIds.has(model.id))
        context.addIssue({
          code: 'custom',
          path: ['models', index, 'id'],
          message: `duplicate model id "${model.id}"`,
        });
      modelIds.add(model.id);
      model.configurations.forEach((configuration, configurationIndex) => {
        if (configurationIds.has(configuration.id)) {
          context.addIssue({
            code: 'custom',
            path: ['models', index, 'configurations', configurationIndex, 'id'],
            message: `duplicate configuration id "${configuration.id}"`,
          });
        }
        configurationIds.add(configuration.id);
      });
    });
  });
export type ShippedCatalog = z.infer<typeof ShippedCatalog>;

/** The machine type-model, or a slug of the name for a model announced without one. */
export function modelIdFor(machineTypeModel: string | null, name: string): string {
  return (
    machineTypeModel ??
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
  );
}

export function configurationId(
  modelId: string,
  frequencyKey: string | null,
  sockets: number | null,
  totalCores: number,
  systemNodes: number | null = null,
): string {
  const placement = systemNodes !== null ? `${systemNodes}n` : `${sockets ?? 'x'}s`;
  return `${modelId}/${frequencyKey ?? 'x'}/${placement}/${totalCores}c`;
}

/** The shipped catalog alone as solver input (no user layer): for tools and tests. */
export function snapshotOf(catalog: ShippedCatalog): CatalogSnapshot {
  return {
    catalogVersion: catalog.catalogVersion,
    models: catalog.models,
    editions: catalog.editions,
    viosMinimums: catalog.viosMinimums,
    prices: [],
  };
}
