// What the published catalog says about a finished proposal, as data and messages for the results and the report:
// the IBM i software tier of each server, its memory as orderable modules, the edition IBM ships with the model,
// assumptions the rules make, and how each measured partition moves to its new server (compatibility mode, VIOS).
import type { CatalogSnapshot, FeatureKey, ServerModel } from '../catalog';
import { type Message, msg } from '../common';
import type { PlanFile } from '../plan';
import {
  POWER11_VIOS_MINIMUM,
  editionsOf,
  ibmiRulesOf,
  liveMobility,
  orderMemory,
  virtualProcessorLimit,
} from '../powervm';
import { MEMORY_STEP_GIB } from './pack';
import type { Migration, ServerPlan, Solution } from './schema';
import { sourceLabel } from './normalise';

interface Located {
  server: ServerPlan;
  model: ServerModel;
}

function locate(solution: Solution, catalog: CatalogSnapshot): Located[] {
  return solution.servers.flatMap((server) => {
    const model = catalog.models.find((each) =>
      each.configurations.some((configuration) => configuration.id === server.configuration),
    );
    return model ? [{ server, model }] : [];
  });
}

/** Tier and memory modules of each server, and the messages that say where they come from. */
function serverFacts(located: Located[], notes: Message[]): void {
  for (const { server, model } of located) {
    const configuration = model.configurations.find((each) => each.id === server.configuration)!;
    const rules = ibmiRulesOf(model, configuration);
    server.ibmiTier = { value: rules.tier, sourceId: rules.tierSourceId };
    notes.push(
      rules.tier
        ? msg('catalog.ibmi-tier', {
            server: server.id,
            tier: rules.tier,
            source: sourceLabel(model, configuration.ibmi?.tier?.provenance ?? model.ibmiTier?.provenance),
          })
        : msg('catalog.ibmi-tier-unknown', { server: server.id, configuration: configuration.id }),
    );
    const features = model.memoryFeatures;
    const order = features ? orderMemory(server.memoryGiB, features, null, configuration.sockets ?? 1) : null;
    server.memoryModules = order?.modules ?? null;
    if (features && order) {
      notes.push(
        msg('catalog.memory-order', {
          server: server.id,
          total: order.totalGiB,
          source: sourceLabel(model, features.provenance),
          modules: order.modules.map((each) => `${each.count} × ${each.sizeGiB} GB #${each.featureCode}`).join(' + '),
          rule: features.rule?.value ?? '',
        }),
      );
    } else {
      notes.push(msg('catalog.memory-no-features', { server: server.id, step: MEMORY_STEP_GIB, model: model.name }));
    }
  }
}

/** Editions IBM ships per model (E950/E980 Enterprise included, Power11 EPVT/EPV0) and deprecated features. */
export function editionFacts(
  models: readonly ServerModel[],
  plan: PlanFile,
  catalog: CatalogSnapshot,
  notes: Message[],
): void {
  const needsLpm = plan.workloads.some((workload) => workload.features.includes('lpm'));
  const seen = new Set<string>();
  for (const model of models) {
    if (seen.has(model.id)) continue;
    seen.add(model.id);
    const editions = editionsOf(model.generation, catalog.editions, model.id);
    const specific = editions.find((edition) => edition.models?.includes(model.id));
    const evidence = specific?.evidence[0];
    if (specific && evidence) {
      notes.push(
        msg('catalog.edition-included', {
          model: model.name,
          edition: `${specific.name} Edition`,
          feature: specific.featureCode ?? '',
          quote:
            evidence.provenance.kind === 'published' ? (evidence.provenance.quote ?? evidence.value) : evidence.value,
          source: specific.sources[0]?.title.split(',')[0] ?? '',
        }),
      );
    }
    if (editions.some((edition) => edition.featureCode === 'EPV0')) {
      notes.push(msg(needsLpm ? 'catalog.edition-lpm-needed' : 'catalog.edition-lpm-free', { model: model.name }));
    }
  }
  for (const generation of new Set(models.map((model) => model.generation))) {
    const deprecated = [
      ...new Set(editionsOf(generation, catalog.editions).flatMap((edition) => edition.deprecated)),
    ] as FeatureKey[];
    const source = editionsOf(generation, catalog.editions)
      .flatMap((edition) => edition.evidence)
      .find((each) => /deprecated/.test(each.value));
    if (deprecated.length > 0) {
      notes.push(
        msg('catalog.edition-deprecated', {
          generation,
          features: deprecated.join(', '),
          source:
            source?.provenance.kind === 'published'
              ? `${source.provenance.sourceId} (${source.provenance.confidence})`
              : '',
        }),
      );
    }
    const limit = virtualProcessorLimit('', generation);
    if (limit.assumed) notes.push(msg('catalog.vp-limit-assumed', { generation, max: limit.max }));
  }
}

/** Each partition measured on an older server: the mode it runs in on its new server, and the VIOS level it needs. */
function migrations(located: Located[], plan: PlanFile, catalog: CatalogSnapshot, notes: Message[]): Migration[] {
  const out: Migration[] = [];
  // Indexed once: a 10,000-workload plan otherwise searches the workloads and the notes for every partition.
  const workloads = new Map(plan.workloads.map((workload) => [workload.id, workload]));
  const sources = new Map<string, ServerModel | undefined>();
  const sourceOf = (id: string) => {
    if (!sources.has(id))
      sources.set(
        id,
        catalog.models.find((each) => each.id === id || each.machineTypeModel === id),
      );
    return sources.get(id);
  };
  const viosNoted = new Set<string>();
  for (const { server, model } of located) {
    for (const partition of server.partitions) {
      if (partition.role !== 'client' || partition.workloadId === undefined) continue;
      const workload = workloads.get(partition.workloadId);
      if (!workload || workload.cpu.kind !== 'measured') continue;
      const sourceId = workload.cpu.model;
      const source = sourceOf(sourceId);
      if (!source) continue;
      const live = workload.features.includes('lpm');
      const check = liveMobility(source.generation, model.generation);
      const mode = check.possible ? check.mode : null;
      const viosMinimum = model.generation === 'POWER11' && mode ? (POWER11_VIOS_MINIMUM.levels[mode] ?? null) : null;
      const params = {
        partition: partition.name,
        sourceModel: `${source.name} ${source.machineTypeModel ?? ''}`.trim(),
        sourceGeneration: source.generation,
        server: `${server.id} ${model.name}`,
        targetGeneration: model.generation,
        mode: mode ?? '',
        source: check.source ? `${check.source.title.split(',')[0]} (${check.source.confidence})` : '',
      };
      const message =
        source.generation === model.generation
          ? msg('catalog.migration-native', params)
          : live && mode
            ? msg('catalog.migration-mode', params)
            : msg('catalog.migration-outage', params);
      out.push({
        partition: partition.name,
        server: server.id,
        sourceModel: params.sourceModel,
        sourceGeneration: source.generation,
        targetGeneration: model.generation,
        mode,
        live,
        viosMinimum,
        message,
      });
      if (viosMinimum && mode) {
        const vios = msg('catalog.migration-vios', {
          server: server.id,
          level: viosMinimum,
          mode,
          source: `${POWER11_VIOS_MINIMUM.source.title.split(',')[0]} (${POWER11_VIOS_MINIMUM.source.confidence})`,
        });
        const key = `${server.id}\u0000${mode}`;
        if (!viosNoted.has(key)) notes.push(vios);
        viosNoted.add(key);
      }
    }
  }
  return out;
}

/** The proposal with the catalog's facts attached (servers get their tier and memory modules). */
export function withCatalogFacts(solution: Solution, plan: PlanFile, catalog: CatalogSnapshot): Solution {
  const servers = solution.servers.map((server) => ({ ...server }));
  const next: Solution = { ...solution, servers };
  const located = locate(next, catalog);
  const notes: Message[] = [msg('catalog.firmware-rule')];
  serverFacts(located, notes);
  editionFacts(
    located.map(({ model }) => model),
    plan,
    catalog,
    notes,
  );
  const moves = migrations(located, plan, catalog, notes);
  return { ...next, catalogNotes: notes, ...(moves.length > 0 ? { migrations: moves } : {}) };
}
