// Comparing PowerVM editions for a plan: for each candidate generation and edition, whether the plan is feasible
// under it (features, limits), how the proposal changes, and what it costs from the user's price table.
import type { CatalogSnapshot, Edition, FeatureKey, Generation, PriceEntry, ServerModel } from '../catalog';
import type { Message } from '../common';
import type { PlanFile } from '../plan';
import { editionFit, editionsOf, minimalEdition } from '../powervm';
import type {
  EditionComparison,
  EditionOption,
  EditionText,
  EditionViolation,
  GenerationEditions,
} from './editions-schema';
import { msg } from './message';
import type { Solution } from './schema';
import { editionFacts } from './catalog-facts';
import { solvePlan } from './solve';

/** The catalog sources (Redbook SG24-8535, Redpaper on PS703/PS704) saying LPM needs Enterprise at both ends. */
const LPM_BOTH_ENDS_SOURCES = 'S7, S1';

/** Target models the plan may use: the named ones, else every target of its generations. */
function targetModels(plan: PlanFile, catalog: CatalogSnapshot): ServerModel[] {
  return catalog.models.filter(
    (model) =>
      model.role === 'target' &&
      (plan.constraints.models.length > 0
        ? plan.constraints.models.includes(model.machineTypeModel ?? model.id)
        : plan.constraints.generations.includes(model.generation)),
  );
}

export interface CompareOptions {
  /** Features to treat as not required (the what-if toggle: "no LPM"). */
  withoutFeatures?: FeatureKey[];
  /** A price table that replaces the catalog's user prices. */
  prices?: PriceEntry[];
}

/** Features a costlier edition adds that a production plan can use, with why, for the view and the report. */
export const FEATURE_BENEFITS: Partial<Record<FeatureKey, string>> = {
  lpm: 'Live Partition Mobility: move running partitions off a server for maintenance without downtime',
  srr: 'Simplified Remote Restart: restart partitions on another server after a server failure',
  ssp: 'Shared Storage Pools: clustered VIOS storage with thin provisioning',
  multipleSharedProcessorPools: 'shared processor pools: cap the cores software is licensed on',
  ams: 'Active Memory Sharing: overcommit memory across partitions',
  pep: 'Power Enterprise Pools: share capacity across servers',
  novalink: 'NovaLink: manage PowerVM through REST or OpenStack',
};

function generationsOf(plan: PlanFile, catalog: CatalogSnapshot): Generation[] {
  if (plan.constraints.models.length > 0) {
    const generations = catalog.models
      .filter((model) => plan.constraints.models.includes(model.machineTypeModel ?? model.id))
      .map((model) => model.generation);
    return [...new Set(generations)];
  }
  return plan.constraints.generations;
}

function withoutFeatures(plan: PlanFile, features: readonly FeatureKey[]): PlanFile {
  if (features.length === 0) return plan;
  return {
    ...plan,
    workloads: plan.workloads.map((workload) => ({
      ...workload,
      features: workload.features.filter((feature) => !features.includes(feature)),
    })),
  };
}

function costOf(
  edition: Edition,
  licensedCores: number | null,
  price: PriceEntry | undefined,
  horizonYears: number,
): Pick<EditionOption, 'cost' | 'licenceCost' | 'maintenanceCost' | 'currency' | 'costNote'> {
  if (edition.included) {
    return {
      cost: 0,
      licenceCost: 0,
      maintenanceCost: 0,
      currency: price?.currency ?? null,
      costNote: msg('solver.editions.cost-included', { generation: edition.generation }),
    };
  }
  if (!price) {
    return {
      cost: null,
      licenceCost: null,
      maintenanceCost: null,
      currency: null,
      costNote: msg('solver.editions.cost-no-price', { generation: edition.generation, edition: edition.name }),
    };
  }
  if (licensedCores === null)
    return {
      cost: null,
      licenceCost: null,
      maintenanceCost: null,
      currency: price.currency,
      costNote: msg('solver.editions.cost-no-proposal', {}),
    };
  const years = Math.max(horizonYears, 1);
  const licenceCost = licensedCores * price.pricePerCore;
  const maintenanceCost = licensedCores * price.maintenancePerCorePerYear * years;
  return {
    cost: licenceCost + maintenanceCost,
    licenceCost,
    maintenanceCost,
    currency: price.currency,
    costNote: msg('solver.editions.cost-formula', {
      cores: licensedCores,
      perCore: price.pricePerCore,
      maintenance: price.maintenancePerCorePerYear,
      currency: price.currency,
      years,
    }),
  };
}

export async function compareEditions(
  rawPlan: PlanFile,
  catalog: CatalogSnapshot,
  options: CompareOptions = {},
): Promise<EditionComparison> {
  const plan = withoutFeatures(rawPlan, options.withoutFeatures ?? []);
  const prices = options.prices ?? catalog.prices;
  const required = [...new Set(plan.workloads.flatMap((workload) => workload.features))];
  const requiredBy = (feature: FeatureKey) =>
    plan.workloads.filter((workload) => workload.features.includes(feature)).map((workload) => workload.name);
  const notes: EditionText[] = [];
  const generations: GenerationEditions[] = [];

  for (const generation of generationsOf(plan, catalog)) {
    const offered = editionsOf(generation, catalog.editions);
    const minimal = minimalEdition(generation, required, catalog.editions);
    const options_: EditionOption[] = [];
    for (const edition of offered) {
      const fit = editionFit(edition, required);
      const forced: PlanFile = {
        ...plan,
        constraints: {
          ...plan.constraints,
          generations: [generation],
          models: plan.constraints.models.filter((id) =>
            catalog.models.some(
              (model) => (model.machineTypeModel ?? model.id) === id && model.generation === generation,
            ),
          ),
          edition: edition.name,
        },
      };
      const solution = await solvePlan(forced, catalog, { exactLimit: 0 });
      const violations: EditionViolation[] = fit.missing.map((feature) => ({
        kind: 'feature',
        message: msg('solver.editions.feature-missing', { edition: edition.name, feature }),
        workloads: requiredBy(feature),
      }));
      if (edition.maxPartitionsPerServer !== null) {
        for (const server of solution.servers) {
          if (server.partitions.length > edition.maxPartitionsPerServer) {
            violations.push({
              kind: 'partitions',
              message: msg('solver.editions.partitions-over', {
                server: server.id,
                count: server.partitions.length,
                edition: edition.name,
                limit: edition.maxPartitionsPerServer,
              }),
              workloads: server.partitions.flatMap((partition) => (partition.workload ? [partition.workload] : [])),
            });
          }
        }
      }
      const missingFeature = (entry: Solution['unplaced'][number]) =>
        entry.details.some(
          (detail) =>
            detail.code === 'solver.reason.edition-missing' &&
            fit.missing.includes(detail.params.feature as FeatureKey),
        );
      for (const entry of solution.unplaced.filter((each) => !missingFeature(each))) {
        // One violation per reason; the workloads it keeps out are listed with it.
        const message = entry.reason;
        const same = violations.find(
          (violation) => violation.kind === 'other' && JSON.stringify(violation.message) === JSON.stringify(message),
        );
        if (same) same.workloads.push(entry.name);
        else violations.push({ kind: 'other', message, workloads: [entry.name] });
      }
      const placedAll = solution.unplaced.length === 0;
      const licensedCores = solution.servers.length > 0 ? (solution.totals?.licensedCores ?? null) : null;
      const price = prices.find(
        (entry) => entry.generation === generation && entry.edition.toLowerCase() === edition.name.toLowerCase(),
      );
      options_.push({
        generation,
        edition: edition.name,
        included: edition.included,
        feasible: fit.missing.length === 0 && placedAll && violations.length === 0,
        missingFeatures: fit.missing,
        unknownFeatures: fit.unknown,
        violations,
        servers: solution.servers.length > 0 ? solution.servers.length : null,
        licensedCores,
        ...costOf(edition, licensedCores, price, plan.constraints.horizonYears),
        adds: [],
        recommended: false,
      });
    }
    // What each edition adds over the minimal one, among the features the catalog says it offers.
    const base = minimal.edition;
    for (const option of options_) {
      const edition = offered.find((each) => each.name === option.edition)!;
      option.adds =
        base && edition !== base
          ? (Object.keys(edition.features) as FeatureKey[]).filter(
              (feature) => edition.features[feature] === true && base.features[feature] !== true,
            )
          : [];
    }
    const feasible = options_.filter((option) => option.feasible);
    const cheapest =
      feasible.every((option) => option.cost !== null) && feasible.length > 0
        ? [...feasible].sort((a, b) => a.cost! - b.cost!)[0]
        : feasible.find((option) => option.edition === base?.name);
    if (cheapest) cheapest.recommended = true;

    let singleEditionNote: EditionText | null = null;
    if (offered.length === 0) {
      singleEditionNote = msg('solver.editions.no-lineup', { generation, features: required.join(', ') || '—' });
    } else if (offered.length === 1) {
      const only = offered[0]!;
      singleEditionNote = msg(only.included ? 'solver.editions.single-included' : 'solver.editions.single', {
        generation,
        edition: only.name,
        count: (Object.keys(only.features) as FeatureKey[]).filter((feature) => only.features[feature] === true).length,
        features:
          ['lpm', 'srr', 'ssp'].filter((feature) => only.features[feature as FeatureKey] === true).join(', ') || '—',
      });
    }
    generations.push({
      generation,
      minimalEdition: base?.name ?? null,
      forcedBy: minimal.forcedBy,
      singleEditionNote,
      options: options_,
    });
  }

  if (
    generations.some((entry) => entry.options.length === 1 && entry.options[0]!.included) &&
    required.includes('lpm')
  ) {
    notes.push(msg('solver.editions.lpm-both-ends', { sources: LPM_BOTH_ENDS_SOURCES }));
  }
  if (options.withoutFeatures && options.withoutFeatures.length > 0)
    notes.push(msg('solver.editions.what-if', { features: options.withoutFeatures.join(', ') }));
  const catalogNotes: Message[] = [];
  editionFacts(targetModels(plan, catalog), plan, catalog, catalogNotes);
  return { requiredFeatures: required, horizonYears: plan.constraints.horizonYears, generations, notes, catalogNotes };
}
