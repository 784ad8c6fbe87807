// From workloads to LPAR definitions on each candidate server configuration: demand in cores of that
// configuration (through its published rPerf or CPW), entitled capacity or dedicated cores, memory in LMBs.
import type { CatalogSnapshot, Configuration, Edition, FeatureKey, Generation, OperatingSystem, ServerModel } from '../catalog';
import type { PlanFile, Workload } from '../plan';
import { DEFAULT_IO, type ClientIo, MAX_PARTITIONS_PER_SERVER, dedicatedCores, entitledCapacity, hptGiB, maxVirtualProcessors, minimalEdition, minimumEntitlement, pptGiB, roundToLmb, roundUpToStep, virtualProcessors } from '../powervm';
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
export function editionFor(plan: PlanFile, generation: Generation, catalog: CatalogSnapshot): { edition: Edition | null; name: string; note: string | null } {
  const required = [...new Set(plan.workloads.flatMap((workload) => workload.features))];
  const offered = catalog.editions.filter((edition) => edition.generation === generation);
  if (offered.length === 0) return { edition: null, name: 'unknown', note: `no PowerVM edition line-up is published for ${generation} in the catalog; features cannot be checked` };
  if (plan.constraints.edition !== 'auto') {
    const forced = offered.find((edition) => edition.name.toLowerCase() === plan.constraints.edition.toLowerCase()) ?? null;
    return forced
      ? { edition: forced, name: forced.name, note: null }
      : { edition: null, name: plan.constraints.edition, note: `${generation} has no ${plan.constraints.edition} edition (it offers ${offered.map((each) => each.name).join(', ')})` };
  }
  const minimal = minimalEdition(generation, required, catalog.editions);
  if (minimal.edition) return { edition: minimal.edition, name: minimal.edition.name, note: null };
  const fullest = offered[offered.length - 1] ?? null;
  return { edition: fullest, name: fullest?.name ?? 'unknown', note: `no ${generation} edition is published as offering all of: ${required.join(', ')}` };
}

export function buildCandidates(plan: PlanFile, catalog: CatalogSnapshot): { candidates: Candidate[]; notes: string[] } {
  const { constraints } = plan;
  const notes: string[] = [];
  const editions = new Map<Generation, ReturnType<typeof editionFor>>();
  const candidates: Candidate[] = [];
  for (const model of catalog.models) {
    if (model.role !== 'target') continue;
    const byModel = constraints.models.length > 0 && constraints.models.includes(model.machineTypeModel ?? model.id);
    const byGeneration = constraints.models.length === 0 && constraints.generations.includes(model.generation);
    if (!byModel && !byGeneration) continue;
    if (model.configurations.length === 0) {
      notes.push(`${model.name} (${model.id}) has no configuration with published figures in the catalog; enter one as a user model to size onto it`);
      continue;
    }
    if (!editions.has(model.generation)) editions.set(model.generation, editionFor(plan, model.generation, catalog));
    const edition = editions.get(model.generation)!;
    const price = catalog.prices.find((entry) => entry.generation === model.generation && entry.edition.toLowerCase() === edition.name.toLowerCase());
    for (const configuration of model.configurations) {
      candidates.push({
        key: configuration.id,
        model,
        configuration,
        generation: model.generation,
        activeCores: configuration.totalCores,
        perCoreRperf: configuration.rperf ? configuration.rperf.value / configuration.totalCores : null,
        perCoreCpw: configuration.cpw ? configuration.cpw.value / configuration.totalCores : null,
        maxMemoryGiB: model.maxMemoryGiB?.value ?? null,
        nonLinuxCoreShare: isLinuxFirstModel(model) ? L_MODEL_NON_LINUX_SHARE : 1,
        maxPartitions: Math.min(model.maxPartitions?.value ?? MAX_PARTITIONS_PER_SERVER, edition.edition?.maxPartitionsPerServer ?? MAX_PARTITIONS_PER_SERVER),
        edition: edition.edition,
        editionName: edition.name,
        pricePerCoreOverHorizon: price ? price.pricePerCore + price.maintenancePerCorePerYear * Math.max(1, constraints.horizonYears) : null,
        currency: price?.currency ?? null,
      });
    }
  }
  for (const edition of editions.values()) if (edition.note) notes.push(edition.note);
  if (candidates.length === 0) notes.push('no target configuration matches the chosen generations and models');
  return { candidates, notes };
}

/**
 * Power L1022/L1024 (Linux-first): at most 25 % of the cores may run AIX or IBM i (IT Jungle on the announcement
 * letters LG22-0033; see the models' notes in the catalog). Medium confidence.
 */
export const L_MODEL_NON_LINUX_SHARE = 0.25;
export function isLinuxFirstModel(model: ServerModel): boolean {
  return /^Power L\d/.test(model.name);
}

/** Per-core figure of a measured source server: the named configuration, else the conservative (fastest per core). */
export function sourcePerCore(
  catalog: CatalogSnapshot,
  modelId: string,
  configurationId: string | undefined,
  os: OperatingSystem,
): { perCore: number; figure: 'rPerf' | 'CPW'; configuration: Configuration; model: ServerModel; assumed: boolean } | { error: string } {
  const figure = os === 'ibmi' ? 'CPW' : 'rPerf';
  const model = catalog.models.find((each) => each.id === modelId || each.machineTypeModel === modelId);
  if (!model) return { error: `source model ${modelId} is not in the catalog` };
  const rated = model.configurations
    .map((configuration) => ({ configuration, value: os === 'ibmi' ? configuration.cpw?.value : configuration.rperf?.value }))
    .filter((each): each is { configuration: Configuration; value: number } => each.value !== undefined);
  if (configurationId !== undefined) {
    const named = model.configurations.find((each) => each.id === configurationId);
    if (!named) return { error: `source model ${model.name} has no configuration "${configurationId}"` };
    const value = os === 'ibmi' ? named.cpw?.value : named.rperf?.value;
    if (value === undefined) return { error: `source configuration ${named.id} of ${model.name} has no published ${figure}; enter it in the catalog as a user-entered figure` };
    return { perCore: value / named.totalCores, figure, configuration: named, model, assumed: false };
  }
  if (rated.length === 0) return { error: `source model ${model.name} has no published ${figure}; enter it in the catalog as a user-entered figure` };
  // Conservative: the fastest cores per core give the largest demand once converted.
  const best = rated.reduce((a, b) => (b.value / b.configuration.totalCores > a.value / a.configuration.totalCores ? b : a));
  return { perCore: best.value / best.configuration.totalCores, figure, configuration: best.configuration, model, assumed: true };
}

/** The LPAR of an instance on a candidate, or the reason it cannot run there. */
export function lparOn(instance: Instance, candidate: Candidate, plan: PlanFile, catalog: CatalogSnapshot, growth: number): Lpar | { reason: string } {
  const { workload } = instance;
  const { constraints } = plan;
  const where = `${candidate.model.name} ${candidate.configuration.totalCores}-core`;
  if (candidate.model.unsupportedOS.includes(workload.os)) {
    return { reason: `${where} does not run ${osLabel(workload.os)}` };
  }
  let cores: number;
  const cpu = workload.cpu;
  if (cpu.kind === 'rperf') {
    if (candidate.perCoreRperf === null) return { reason: `${where} has no published rPerf; enter it in the catalog as a user-entered figure` };
    cores = cpu.rperf / candidate.perCoreRperf;
  } else if (cpu.kind === 'cpw') {
    if (candidate.perCoreCpw === null) return { reason: `${where} has no published CPW; enter it in the catalog (Catalog → model → configuration) as a user-entered figure` };
    cores = cpu.cpw / candidate.perCoreCpw;
  } else if (cpu.kind === 'measured') {
    const source = sourcePerCore(catalog, cpu.model, cpu.configuration, workload.os);
    if ('error' in source) return { reason: source.error };
    const target = workload.os === 'ibmi' ? candidate.perCoreCpw : candidate.perCoreRperf;
    if (target === null) return { reason: `${where} has no published ${source.figure}; enter it in the catalog as a user-entered figure` };
    cores = (cpu.cores * cpu.utilization * source.perCore) / target;
  } else {
    cores = cpu.cores;
  }
  const demandCores = cores * growth;
  const atTarget = demandCores / constraints.targetCpuUtilization;
  const memoryGiB = roundToLmb(workload.memoryGiB * growth, constraints.lmbMiB);
  const pageTablesGiB = hptGiB(memoryGiB, workload.os) + pptGiB(memoryGiB);
  if (workload.processorMode === 'dedicated') {
    // Dedicated cores are not shared with other partitions, whatever the hour.
    const dedicated = dedicatedCores(atTarget);
    return { instance, demandCores, mode: 'dedicated', cpuUnits: dedicated, virtualProcessors: dedicated, memoryGiB, pageTablesGiB, profile: null, demandFloor: demandCores, demandMean: demandCores };
  }
  const ec = entitledCapacity(atTarget, candidate.generation);
  const vp = virtualProcessors(ec, candidate.generation, candidate.model.id, candidate.activeCores);
  const profile = constraints.peakSharing === 'time-of-day' ? demandProfile(workload, demandCores) : null;
  if (profile === null) return { instance, demandCores, mode: 'shared', cpuUnits: ec, virtualProcessors: vp.proposed, memoryGiB, pageTablesGiB, profile: null, demandFloor: demandCores, demandMean: demandCores };
  // Uncapped and sharing by time of day: entitled to its mean demand of the day, with the virtual processors of its
  // peak so it can reach the peak from the shared pool; EC stays at least the minimum per virtual processor.
  const demandMean = meanOf(profile);
  const sharedVp = Math.max(vp.proposed, Math.min(Math.ceil(atTarget - 1e-9), maxVirtualProcessors(candidate.model.id), candidate.activeCores));
  const sharedEc = Math.min(ec, Math.max(entitledCapacity(demandMean / constraints.targetCpuUtilization, candidate.generation), roundUpToStep(sharedVp * minimumEntitlement(candidate.generation))));
  return { instance, demandCores, mode: 'shared', cpuUnits: sharedEc, virtualProcessors: sharedVp, memoryGiB, pageTablesGiB, profile, demandFloor: Math.min(...profile), demandMean };
}

/** An OS the catalog does not confirm for a model: allowed, and said in the warnings. */
export function osUnconfirmed(model: ServerModel, os: OperatingSystem): boolean {
  return !model.unsupportedOS.includes(os) && (model.supportedOS === null || !model.supportedOS.includes(os));
}

export function osLabel(os: OperatingSystem): string {
  return os === 'aix' ? 'AIX' : os === 'ibmi' ? 'IBM i' : 'Linux';
}
