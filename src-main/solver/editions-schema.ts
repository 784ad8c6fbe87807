// The editions comparison of a plan (issue: "do we need Enterprise, or is Standard enough, and what is the
// difference in money?"). Pure zod, shared by the CLI, the IPC contract, the Editions view and the report.
import { z } from 'zod';
import { FeatureKey, Generation } from '../catalog';
import { Message } from '../common';

/** A sentence of the comparison: a message code (translated by whoever shows it) or a catalog text. */
export const EditionText = z.union([Message, z.string()]);
export type EditionText = z.infer<typeof EditionText>;

/** A limit of the edition or the model that the plan exceeds, with the workloads that cause it. */
export const EditionViolation = z.object({
  kind: z.enum(['partitions', 'vios', 'feature', 'other']),
  message: EditionText,
  workloads: z.array(z.string()),
});
export type EditionViolation = z.infer<typeof EditionViolation>;

export const EditionOption = z.object({
  generation: Generation,
  edition: z.string(),
  /** Included with the server at no charge. */
  included: z.boolean(),
  feasible: z.boolean(),
  /** Required features the edition does not offer (published as not included). */
  missingFeatures: z.array(FeatureKey),
  /** Required features whose availability in this edition is not published: not assumed either way. */
  unknownFeatures: z.array(FeatureKey),
  violations: z.array(EditionViolation),
  servers: z.number().int().nullable(),
  licensedCores: z.number().int().nullable(),
  /** Licences plus maintenance over the horizon; null where a price is missing. */
  cost: z.number().nullable(),
  licenceCost: z.number().nullable(),
  maintenanceCost: z.number().nullable(),
  currency: z.string().nullable(),
  /** Why the price is missing, or how the cost was computed. */
  costNote: EditionText,
  /** Features this plan could use that the edition adds over the minimal one. */
  adds: z.array(FeatureKey),
  recommended: z.boolean(),
});
export type EditionOption = z.infer<typeof EditionOption>;

export const GenerationEditions = z.object({
  generation: Generation,
  /** The cheapest edition (in feature terms) that satisfies the plan, or null when none does. */
  minimalEdition: z.string().nullable(),
  /** The required feature that forces the minimal edition, if any. */
  forcedBy: z.array(FeatureKey),
  /** Plain statement when the generation offers one edition only. */
  singleEditionNote: EditionText.nullable(),
  options: z.array(EditionOption),
});
export type GenerationEditions = z.infer<typeof GenerationEditions>;

export const EditionComparison = z.object({
  requiredFeatures: z.array(FeatureKey),
  horizonYears: z.number(),
  generations: z.array(GenerationEditions),
  notes: z.array(EditionText),
  /** What IBM says per model (E950/E980 Enterprise included, Power11 EPVT or EPV0) and deprecated features. */
  catalogNotes: z.array(Message).optional(),
});
export type EditionComparison = z.infer<typeof EditionComparison>;
