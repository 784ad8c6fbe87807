// Which edition offers which feature, per generation, from the catalog's feature matrix. Unknown stays unknown.
import type { Edition, FeatureKey, Generation } from '../catalog';

export type Availability = 'offered' | 'not-offered' | 'unknown';

export function editionOffers(edition: Edition, feature: FeatureKey): Availability {
  const value = edition.features[feature];
  return value === true ? 'offered' : value === false ? 'not-offered' : 'unknown';
}

export interface EditionFit {
  edition: Edition;
  missing: FeatureKey[];
  unknown: FeatureKey[];
}

export function editionFit(edition: Edition, required: readonly FeatureKey[]): EditionFit {
  return {
    edition,
    missing: required.filter((feature) => editionOffers(edition, feature) === 'not-offered'),
    unknown: required.filter((feature) => editionOffers(edition, feature) === 'unknown'),
  };
}

/**
 * Editions of a generation in catalog order, which runs from the smallest to the fullest. Where IBM published the
 * editions of a model (E950/E980: Enterprise included with each server), that model gets those entries only; every
 * other model gets the generation's entries (those without a model list).
 */
export function editionsOf(generation: Generation, editions: readonly Edition[], modelId?: string): Edition[] {
  const ofGeneration = editions.filter((edition) => edition.generation === generation);
  const specific = modelId === undefined ? [] : ofGeneration.filter((edition) => edition.models?.includes(modelId));
  return specific.length > 0
    ? specific
    : ofGeneration.filter((edition) => edition.models === null || edition.models === undefined);
}

/**
 * The first edition (smallest first) that offers every required feature. An edition whose offer of a required
 * feature is unknown is not chosen on a guess; `forcedBy` names the features the smaller editions lack.
 */
export function minimalEdition(
  generation: Generation,
  required: readonly FeatureKey[],
  editions: readonly Edition[],
  modelId?: string,
): { edition: Edition | null; forcedBy: FeatureKey[]; fits: EditionFit[] } {
  const fits = editionsOf(generation, editions, modelId).map((edition) => editionFit(edition, required));
  const index = fits.findIndex((fit) => fit.missing.length === 0 && fit.unknown.length === 0);
  const chosen = index >= 0 ? (fits[index] ?? null) : null;
  const forcedBy = [...new Set(fits.slice(0, Math.max(index, 0)).flatMap((fit) => [...fit.missing, ...fit.unknown]))];
  return { edition: chosen?.edition ?? null, forcedBy, fits };
}
