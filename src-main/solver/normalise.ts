// From workloads to LPAR definitions on each candidate server configuration: demand in cores of that
// configuration (through its published rPerf or CPW), entitled capacity or dedicated cores, memory in LMBs.
import type {
  CatalogSnapshot,
  Configuration,
  Edition,
  FeatureKey,
  Generation,
  MemoryFeatures,
  OperatingSystem,
  Provenance,
  ServerModel,
} from '../catalog';
import { type Message, msg } from '../common';
import type { PlanFile, Workload } from '../plan';
import {
  DEFAULT_IO,
  type ClientIo,
  type IbmiRules,
  MAX_PARTITIONS_PER_SERVER,
  dedicatedCores,
  editionsOf,
  entitledCapacity,
  hptGiB,
  ibmiRulesOf,
  liveMobility,
  maxVirtualProcessors,
  minimalEdition,
  minimumEntitlement,
  pptGiB,
  roundToLmb,
  roundUpToStep,
  supportedLmbMiB,
  virtualProcessors,
} from '../powervm';
import { demandProfile, meanOf } from './time-of-day';

export interface Candidate {
  key: string;
  model: ServerModel;
  configuration: Configuration;
  generation: Generation;
  activeCores: number;
  perCoreRperf: number | null;
  perCoreCpw: number | null;
  maxMemoryGiB: number | null;
  maxPartitions: number;
  edition: Edition | null;
  editionName: string;
  /** Share of the cores that may run AIX or IBM i (the Linux-first L models allow 25 %), else 1. */
  nonLinuxCoreShare: number;
  /** Orderable memory modules of the model (installed memory is proposed in them), or null. */
  memoryFeatures: MemoryFeatures | null;
  /** IBM i rules of this configuration: tier, core limit per partition, memory cap. */
  ibmi: IbmiRules;
  /** Price per licensed core over the horizon (licence + maintenance), or null when not entered. */
  pricePerCoreOverHorizon: number | null;
  currency: string | null;
}

export interface Instance {
  index: number;
  name: string;
  workload: Workload;
  io: ClientIo;
  features: FeatureKey[];
}

/** One instance as an LPAR on one candidate. */
export interface Lpar {
  instance: Instance;
  demandCores: number;
  mode: 'shared' | 'dedicated';
  /** Entitled capacity (shared) or dedicated cores: what the partition takes of the server's cores. */
  cpuUnits: number;
  virtualProcessors: number;
  memoryGiB: number;
  /** Hardware and physical page tables, in GiB. */
  pageTablesGiB: number;
  /** Demand per 15-minute slot when the plan shares capacity by time of day and the workload has a full-day profile. */
  profile: Float64Array | null;
  /** Smallest and mean demand over the slots (both = demandCores without a profile): relaxations for indexes and bounds. */
  demandFloor: number;
  demandMean: number;
}

export function growthFactor(plan: PlanFile): number {
  return (1 + plan.constraints.growthPerYear) ** plan.constraints.horizonYears;
}

export function expandInstances(plan: PlanFile): Instance[] {
  const instances: Instance[] = [];
  for (const workload of plan.workloads) {
    for (let copy = 1; copy <= workload.count; copy += 1) {
      const io = workload.io ?? {};
      instances.push({
        index: instances.length,
        name: workload.count > 1 ? `${workload.name}-${copy}` : workload.name,
        workload,
        features: workload.features,
        io: {
          name: workload.count > 1 ? `${workload.name}-${copy}` : workload.name,
          networkGbps: io.networkGbps ?? DEFAULT_IO.networkGbps,
          storageIops: io.storageIops ?? DEFAULT_IO.storageIops,
          storageMBps: io.storageMBps ?? DEFAULT_IO.storageMBps,
          storage: io.storage ?? DEFAULT_IO.storage,
          network: io.network ?? DEFAULT_IO.network,
          needsSsp: workload.features.includes('ssp'),
        },
      });
    }
  }
  return instances;
}

/** The edition each generation runs under: the forced one, or the minimal one for every feature the plan needs. */
export function editionFor(
  plan: PlanFile,
  generation: Generation,
  catalog: CatalogSnapshot,
  modelId?: string,
): { edition: Edition | null; name: string; note: Message | null } {
  const required = [...new Set(plan.workloads.flatMap((workload) => workload.features))];
  const offered = editionsOf(generation, catalog.editions, modelId);
  if (offered.length === 0)
    return { edition: null, name: 'unknown', note: msg('solver.edition.none-for-generation', { generation }) };
  if (plan.constraints.edition !== 'auto') {
    const named =
      offered.find((edition) => edition.name.toLowerCase() === plan.constraints.edition.toLowerCase()) ?? null;
    // A model that ships a fuller edition with every server (E950/E980: Enterprise) runs that one whatever is asked.
    const forced = named ?? (modelId !== undefined ? (offered.find((edition) => edition.included) ?? null) : null);
    return forced
      ? { edition: forced, name: forced.name, note: null }
      : {
          edition: null,
          name: plan.constraints.edition,
          note: msg('solver.edition.not-offered', {
            generation,
            edition: plan.constraints.edition,
            offered: offered.map((each) => each.name).join(', '),
          }),
        };
  }
  const minimal = minimalEdition(generation, required, catalog.editions, modelId);
  if (minimal.edition) return { edition: minimal.edition, name: minimal.edition.name, note: null };
  const fullest = offered[offered.length - 1] ?? null;
  return {
    edition: fullest,
    name: fullest?.name ?? 'unknown',
    note: msg('solver.edition.none-offers-all', { generation, features: required.join(', ') }),
  };
}

/** Notes once each (several configurations and editions give the same one). */
function addNote(notes: Map<string, Message>, note: Message): void {
  notes.set(`${note.code}|${JSON.stringify(note.params)}`, note);
}

/** Editions are per generation unless IBM published an entry for the model (E950/E980): the cache key says which. */
function editionKey(model: ServerModel, catalog: CatalogSnapshot): string {
  const specific = catalog.editions.some(
    (edition) => edition.generation === model.generation && edition.models?.includes(model.id),
  );
  return specific ? `${model.generation}/${model.id}` : model.generation;
}

/** "IBM Redpaper REDP-5509 (high)": the short name of a figure's source, for reasons and notes. */
export function sourceLabel(model: ServerModel, provenance: Provenance | null | undefined): string {
  if (!provenance || provenance.kind !== 'published') return 'user-entered';
  const source = model.sources.find((each) => each.id === provenance.sourceId);
  return `${(source?.title ?? provenance.sourceId).split(',')[0]} (${provenance.confidence})`;
}

/** Maximum memory of a server of this configuration: the smallest published cap that applies to the plan. */
function maxMemoryOf(
  model: ServerModel,
  configuration: Configuration,
  plan: PlanFile,
  ibmi: IbmiRules,
  notes: Map<string, Message>,
): number | null {
  const caps: number[] = [];
  if (model.maxMemoryGiB) caps.push(model.maxMemoryGiB.value);
  if (configuration.maxMemoryGiB) caps.push(configuration.maxMemoryGiB.value);
  // S1014 4-core: "When IBM i is selected as an operating system" the server holds 64 GB; a plan with IBM i gets it.
  const cap = configuration.ibmi?.maxServerMemoryGiB;
  if (cap && plan.workloads.some((workload) => workload.os === 'ibmi') && ibmi.maxServerMemoryGiB !== null) {
    caps.push(cap.value);
    addNote(
      notes,
      msg('catalog.ibmi-memory-cap', {
        where: `${model.name} ${configuration.totalCores}-core`,
        limit: cap.value,
        quote: cap.provenance.kind === 'published' ? (cap.provenance.quote ?? '') : '',
        source: sourceLabel(model, cap.provenance),
      }),
    );
  }
  return caps.length > 0 ? Math.min(...caps) : null;
}

export function buildCandidates(
  plan: PlanFile,
  catalog: CatalogSnapshot,
): { candidates: Candidate[]; notes: Message[] } {
  const { constraints } = plan;
  const notes: Message[] = [];
  const catalogNotes = new Map<string, Message>();
  const editions = new Map<string, ReturnType<typeof editionFor>>();
  const candidates: Candidate[] = [];
  for (const model of catalog.models) {
    if (model.role !== 'target') continue;
    const byModel = constraints.models.length > 0 && constraints.models.includes(model.machineTypeModel ?? model.id);
    const byGeneration = constraints.models.length === 0 && constraints.generations.includes(model.generation);
    if (!byModel && !byGeneration) continue;
    if (model.configurations.length === 0) {
      notes.push(msg('solver.model-without-configurations', { model: model.name, id: model.id }));
      continue;
    }
    if (!supportedLmbMiB(model.generation).includes(constraints.lmbMiB)) {
      addNote(
        catalogNotes,
        msg('catalog.lmb-not-supported', {
          model: model.name,
          generation: model.generation,
          lmb: constraints.lmbMiB,
          sizes: supportedLmbMiB(model.generation).join(', '),
        }),
      );
      continue;
    }
    const key = editionKey(model, catalog);
    if (!editions.has(key))
      editions.set(key, editionFor(plan, model.generation, catalog, key.includes('/') ? model.id : undefined));
    const edition = editions.get(key)!;
    const price = catalog.prices.find(
      (entry) => entry.generation === model.generation && entry.edition.toLowerCase() === edition.name.toLowerCase(),
    );
    for (const configuration of model.configurations) {
      const ibmi = ibmiRulesOf(model, configuration);
      candidates.push({
        key: configuration.id,
        model,
        configuration,
        generation: model.generation,
        activeCores: configuration.totalCores,
        perCoreRperf: configuration.rperf ? configuration.rperf.value / configuration.totalCores : null,
        perCoreCpw: configuration.cpw ? configuration.cpw.value / configuration.totalCores : null,
        maxMemoryGiB: maxMemoryOf(model, configuration, plan, ibmi, catalogNotes),
        memoryFeatures: model.memoryFeatures,
        ibmi,
        nonLinuxCoreShare: model.nonLinuxCoreShare?.value ?? (isLinuxFirstModel(model) ? L_MODEL_NON_LINUX_SHARE : 1),
        maxPartitions: Math.min(
          model.maxPartitions?.value ?? MAX_PARTITIONS_PER_SERVER,
          edition.edition?.maxPartitionsPerServer ?? MAX_PARTITIONS_PER_SERVER,
        ),
        edition: edition.edition,
        editionName: edition.name,
        pricePerCoreOverHorizon: price
          ? price.pricePerCore + price.maintenancePerCorePerYear * Math.max(1, constraints.horizonYears)
          : null,
        currency: price?.currency ?? null,
      });
    }
  }
  const editionNotes = new Map<string, Message>();
  for (const edition of editions.values()) if (edition.note) addNote(editionNotes, edition.note);
  notes.push(...editionNotes.values(), ...catalogNotes.values());
  if (candidates.length === 0) notes.push(msg('solver.no-candidates', {}));
  return { candidates, notes };
}

/**
 * Linux-first L models: at most 25 % of the activated cores may run AIX or IBM i. The catalog carries the figure with
 * its source (L1122/L1124: Power11 scale-out Redbook, high; L1022/L1024: IT Jungle on LG22-0033, medium); this
 * constant is the fallback for a user model named "Power L…" without one.
 */
export const L_MODEL_NON_LINUX_SHARE = 0.25;
export function isLinuxFirstModel(model: ServerModel): boolean {
  return /^Power L\d/.test(model.name);
}

/** Per-core figure of a measured source server: the named configuration, else the conservative (fastest per core). */
type SourceFigure = ReturnType<typeof findSourcePerCore>;
const sourceCache = new WeakMap<CatalogSnapshot, Map<string, SourceFigure>>();

/** The source's per-core figure, once per catalog, model, configuration and OS (every instance on every candidate asks). */
export function sourcePerCore(
  catalog: CatalogSnapshot,
  modelId: string,
  configurationId: string | undefined,
  os: OperatingSystem,
): SourceFigure {
  let cache = sourceCache.get(catalog);
  if (!cache) sourceCache.set(catalog, (cache = new Map()));
  const key = `${modelId}|${configurationId ?? ''}|${os === 'ibmi' ? 'CPW' : 'rPerf'}`;
  let found = cache.get(key);
  if (!found) cache.set(key, (found = findSourcePerCore(catalog, modelId, configurationId, os)));
  return found;
}

function findSourcePerCore(
  catalog: CatalogSnapshot,
  modelId: string,
  configurationId: string | undefined,
  os: OperatingSystem,
):
  | { perCore: number; figure: 'rPerf' | 'CPW'; configuration: Configuration; model: ServerModel; assumed: boolean }
  | { error: Message } {
  const figure = os === 'ibmi' ? 'CPW' : 'rPerf';
  const model = catalog.models.find((each) => each.id === modelId || each.machineTypeModel === modelId);
  if (!model) return { error: msg('solver.reason.source-unknown', { source: modelId }) };
  const rated = model.configurations
    .map((configuration) => ({
      configuration,
      value: os === 'ibmi' ? configuration.cpw?.value : configuration.rperf?.value,
    }))
    .filter((each): each is { configuration: Configuration; value: number } => each.value !== undefined);
  if (configurationId !== undefined) {
    const named = model.configurations.find((each) => each.id === configurationId);
    if (!named)
      return {
        error: msg('solver.reason.source-configuration-unknown', {
          source: model.name,
          configuration: configurationId,
        }),
      };
    const value = os === 'ibmi' ? named.cpw?.value : named.rperf?.value;
    if (value === undefined)
      return {
        error: msg('solver.reason.source-no-figure', { source: `${model.name} ${named.totalCores}-core`, figure }),
      };
    return { perCore: value / named.totalCores, figure, configuration: named, model, assumed: false };
  }
  if (rated.length === 0) return { error: msg('solver.reason.source-no-figure', { source: model.name, figure }) };
  // Conservative: the fastest cores per core give the largest demand once converted.
  const best = rated.reduce((a, b) =>
    b.value / b.configuration.totalCores > a.value / a.configuration.totalCores ? b : a,
  );
  return {
    perCore: best.value / best.configuration.totalCores,
    figure,
    configuration: best.configuration,
    model,
    assumed: true,
  };
}

/** IBM's words when a model or this configuration does not run the OS, else null. */
function osExcluded(candidate: Candidate, os: OperatingSystem, where: string): Message | null {
  const { model, configuration } = candidate;
  const exclusion =
    configuration.unsupportedOS.find((each) => each.os === os) ?? model.osExclusions.find((each) => each.os === os);
  if (exclusion) {
    const quote = exclusion.provenance.kind === 'published' ? (exclusion.provenance.quote ?? '') : '';
    return msg('catalog.os-not-supported', {
      where,
      os: osLabel(os),
      quote,
      source: sourceLabel(model, exclusion.provenance),
    });
  }
  return model.unsupportedOS.includes(os)
    ? msg('solver.reason.os-not-supported', { model: model.name, cores: candidate.activeCores, os: osLabel(os) })
    : null;
}

/** The reason a figure the workload needs is missing on the target, naming where to enter it. */
function missingFigure(
  candidate: Candidate,
  figure: 'rPerf' | 'CPW',
  where: string,
  measuredOn?: ServerModel,
): Message {
  const params = { where, figure, model: candidate.model.name, configuration: candidate.configuration.id };
  if (!measuredOn) return msg('catalog.no-figure', params);
  return msg('catalog.no-figure-measured', {
    ...params,
    sourceModel: `${measuredOn.name} ${measuredOn.machineTypeModel ?? ''}`.trim(),
    sourceGeneration: measuredOn.generation,
    targetGeneration: candidate.generation,
  });
}

/** A workload needing LPM that was measured on an older server must move live: the target must offer its mode. */
function mobilityBlocker(
  instance: Instance,
  candidate: Candidate,
  source: ServerModel | null,
  where: string,
): Message | null {
  if (!source || !instance.features.includes('lpm')) return null;
  const check = liveMobility(source.generation, candidate.generation);
  if (check.possible) return null;
  const params = { where, sourceGeneration: source.generation, targetGeneration: candidate.generation };
  if (check.targetModes.length === 0) return msg('catalog.lpm-no-modes', params);
  return msg('catalog.lpm-not-possible', {
    ...params,
    modes: check.targetModes.join(', '),
    source: `${check.source?.title.split(',')[0] ?? ''} (${check.source?.confidence ?? ''})`,
  });
}

/** The LPAR of an instance on a candidate, or the reason it cannot run there. */
const placeNames = new WeakMap<Candidate, string>();
/** How reasons name a configuration, built once per candidate (lparOn runs per candidate and instance). */
function placeName(candidate: Candidate): string {
  let name = placeNames.get(candidate);
  if (name === undefined)
    placeNames.set(candidate, (name = `${candidate.model.name} ${candidate.configuration.totalCores}-core`));
  return name;
}

const memories = new WeakMap<Instance, { lmbMiB: number; growth: number; memoryGiB: number; pageTablesGiB: number }>();
/** An instance's partition memory and page tables: the same on every candidate, so computed once. */
function memoryOf(instance: Instance, lmbMiB: number, growth: number): { memoryGiB: number; pageTablesGiB: number } {
  const known = memories.get(instance);
  if (known && known.lmbMiB === lmbMiB && known.growth === growth) return known;
  const memoryGiB = roundToLmb(instance.workload.memoryGiB * growth, lmbMiB);
  const entry = {
    lmbMiB,
    growth,
    memoryGiB,
    pageTablesGiB: hptGiB(memoryGiB, instance.workload.os) + pptGiB(memoryGiB),
  };
  memories.set(instance, entry);
  return entry;
}

export function lparOn(
  instance: Instance,
  candidate: Candidate,
  plan: PlanFile,
  catalog: CatalogSnapshot,
  growth: number,
): Lpar | { reason: Message } {
  const { workload } = instance;
  const { constraints } = plan;
  const where = placeName(candidate);
  const excluded = osExcluded(candidate, workload.os, where);
  if (excluded) return { reason: excluded };
  let cores: number;
  const cpu = workload.cpu;
  let measuredOn: ServerModel | null = null;
  if (cpu.kind === 'rperf') {
    if (candidate.perCoreRperf === null) return { reason: missingFigure(candidate, 'rPerf', where) };
    cores = cpu.rperf / candidate.perCoreRperf;
  } else if (cpu.kind === 'cpw') {
    if (candidate.perCoreCpw === null) return { reason: missingFigure(candidate, 'CPW', where) };
    cores = cpu.cpw / candidate.perCoreCpw;
  } else if (cpu.kind === 'measured') {
    const source = sourcePerCore(catalog, cpu.model, cpu.configuration, workload.os);
    if ('error' in source) return { reason: source.error };
    measuredOn = source.model;
    const target = workload.os === 'ibmi' ? candidate.perCoreCpw : candidate.perCoreRperf;
    if (target === null) return { reason: missingFigure(candidate, source.figure, where, source.model) };
    cores = (cpu.cores * cpu.utilization * source.perCore) / target;
  } else {
    cores = cpu.cores;
  }
  const moving = mobilityBlocker(instance, candidate, measuredOn, where);
  if (moving) return { reason: moving };
  const demandCores = cores * growth;
  const atTarget = demandCores / constraints.targetCpuUtilization;
  const { memoryGiB, pageTablesGiB } = memoryOf(instance, constraints.lmbMiB, growth);
  const ibmiLimit = workload.os === 'ibmi' ? ibmiLimitBlocker(candidate, where, atTarget) : null;
  if (ibmiLimit) return { reason: ibmiLimit };
  if (workload.processorMode === 'dedicated') {
    // Dedicated cores are not shared with other partitions, whatever the hour.
    const dedicated = dedicatedCores(atTarget);
    return {
      instance,
      demandCores,
      mode: 'dedicated',
      cpuUnits: dedicated,
      virtualProcessors: dedicated,
      memoryGiB,
      pageTablesGiB,
      profile: null,
      demandFloor: demandCores,
      demandMean: demandCores,
    };
  }
  const ec = entitledCapacity(atTarget, candidate.generation);
  const vp = virtualProcessors(ec, candidate.generation, candidate.model.id, candidate.activeCores);
  const profile = constraints.peakSharing === 'time-of-day' ? demandProfile(workload, demandCores) : null;
  if (profile === null)
    return {
      instance,
      demandCores,
      mode: 'shared',
      cpuUnits: ec,
      virtualProcessors: vp.proposed,
      memoryGiB,
      pageTablesGiB,
      profile: null,
      demandFloor: demandCores,
      demandMean: demandCores,
    };
  // Uncapped and sharing by time of day: entitled to its mean demand of the day, with the virtual processors of its
  // peak so it can reach the peak from the shared pool; EC stays at least the minimum per virtual processor.
  const demandMean = meanOf(profile);
  // An IBM i partition limited to N cores counts its virtual processors: it may not reach past N from the pool.
  const vpCap =
    workload.os === 'ibmi' && candidate.ibmi.maxCoresPerPartition !== null
      ? candidate.ibmi.maxCoresPerPartition
      : Number.POSITIVE_INFINITY;
  const sharedVp = Math.max(
    vp.proposed,
    Math.min(Math.ceil(atTarget - 1e-9), maxVirtualProcessors(candidate.model.id), candidate.activeCores, vpCap),
  );
  const sharedEc = Math.min(
    ec,
    Math.max(
      entitledCapacity(demandMean / constraints.targetCpuUtilization, candidate.generation),
      roundUpToStep(sharedVp * minimumEntitlement(candidate.generation)),
    ),
  );
  return {
    instance,
    demandCores,
    mode: 'shared',
    cpuUnits: sharedEc,
    virtualProcessors: sharedVp,
    memoryGiB,
    pageTablesGiB,
    profile,
    demandFloor: Math.min(...profile),
    demandMean,
  };
}

/**
 * IBM i partitions on P10-tier scale-out configurations (S922 8/10/11-core, S1022, S1022s, S1122 other than two
 * 4-core) take at most four cores, real or virtual: a demand above that cannot be one partition there.
 */
function ibmiLimitBlocker(candidate: Candidate, where: string, coresAtTarget: number): Message | null {
  const limit = candidate.ibmi.maxCoresPerPartition;
  const needed = Math.ceil(coresAtTarget - 1e-9);
  if (limit === null || needed <= limit) return null;
  const figure = candidate.configuration.ibmi?.maxCoresPerPartition;
  const quote = figure?.provenance.kind === 'published' ? (figure.provenance.quote ?? '') : '';
  return msg('catalog.ibmi-core-limit', {
    where,
    limit,
    needed,
    quote,
    source: sourceLabel(candidate.model, figure?.provenance),
  });
}

/** An OS the catalog does not confirm for a model: allowed, and said in the warnings. */
export function osUnconfirmed(model: ServerModel, os: OperatingSystem): boolean {
  return !model.unsupportedOS.includes(os) && (model.supportedOS === null || !model.supportedOS.includes(os));
}

export function osLabel(os: OperatingSystem): string {
  return os === 'aix' ? 'AIX' : os === 'ibmi' ? 'IBM i' : 'Linux';
}
