// Stage 6, explanation: the chosen servers as the Solution the interface, the command line and the reports
// show: partitions with their VIOS, memory with the hypervisor's share, utilisation, and why, as message codes.
import type { FeatureKey, OperatingSystem } from '../catalog';
import { editionsOf, hptGiB, minimalEdition, pptGiB, roundToLmb, sizeVios, viosLoadOf } from '../powervm';
import { type Message, msg } from './message';
import { osLabel, osUnconfirmed } from './normalise';
import { candidateCost } from './objective';
import { type PackSettings, type ServerBin, memoryNeed } from './pack';
import type { Prepared } from './prepare';
import type { Failover } from './redundancy';
import type { Partition, ServerPlan } from './schema';

export function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}

const percent = (value: number) => Math.round(value * 100);

/** The VIOS of one server, sized for its clients. */
function viosPartitions(
  bin: ServerBin,
  settings: PackSettings,
): { partitions: Partition[]; ec: number; memoryGiB: number; npiv: number } {
  const vioses = settings.viosCount;
  const load = viosLoadOf(bin.lpars.map((lpar) => lpar.instance.io));
  const sizing = sizeVios(load, vioses === 2 ? 'dual' : 'single', settings.viosMinimum);
  const memoryGiB = roundToLmb(
    Math.max(sizing.memoryGiB, settings.viosMinimum?.minMemoryGiB ?? 0),
    settings.plan.constraints.lmbMiB,
  );
  const names = bin.lpars.map((lpar) => lpar.instance.name);
  const why: Message[] = [
    msg(vioses === 2 ? 'solver.vios.load-dual' : 'solver.vios.load', {
      clients: load.clients,
      networkGbps: round(load.networkGbps, 1),
      iops: Math.round(load.storageIops),
      mbps: Math.round(load.storageMBps),
    }),
    msg(`solver.vios.tier-${sizing.tier}`, {}),
    ...(memoryGiB > sizing.memoryGiB
      ? [msg('solver.vios.memory-minimum', { version: settings.viosMinimum?.viosVersion ?? '', memoryGiB })]
      : []),
    msg('solver.vios.ports', { fcPorts: sizing.fcPorts, ethernetPorts: sizing.ethernetPorts }),
    msg(vioses === 2 ? 'solver.vios.dual' : 'solver.vios.single', {}),
  ];
  const partitions = Array.from({ length: vioses }, (_, index): Partition => ({
    name: `vios${index + 1}`,
    role: 'vios',
    os: 'vios',
    mode: 'shared',
    entitledCapacity: sizing.entitledCapacity,
    virtualProcessors: Math.min(sizing.virtualProcessors, bin.candidate.activeCores),
    memoryGiB,
    demandCores: sizing.entitledCapacity,
    serves: names,
    adapters: {
      fcPorts: sizing.fcPorts,
      ethernetPorts: sizing.ethernetPorts,
      virtualScsi: sizing.virtualScsi,
      virtualFc: sizing.virtualFc,
      virtualEthernet: sizing.virtualEthernet,
    },
    explanation: why,
  }));
  return { partitions, ec: sizing.entitledCapacity * vioses, memoryGiB, npiv: load.npivClients };
}

function clientPartitions(bin: ServerBin, prepared: Prepared): Partition[] {
  const target = percent(prepared.plan.constraints.targetCpuUtilization);
  return bin.lpars.map((lpar) => ({
    name: lpar.instance.name,
    workload: lpar.instance.name,
    workloadId: lpar.instance.workload.id,
    role: 'client',
    os: lpar.instance.workload.os,
    mode: lpar.mode,
    ...(lpar.mode === 'shared' ? { entitledCapacity: lpar.cpuUnits } : { dedicatedCores: lpar.cpuUnits }),
    virtualProcessors: lpar.virtualProcessors,
    memoryGiB: lpar.memoryGiB,
    demandCores: round(lpar.demandCores, 4),
    ...(lpar.profile
      ? {
          explanation: [
            msg('solver.partition.time-of-day', {
              mean: round(lpar.demandMean, 3),
              target,
              vp: lpar.virtualProcessors,
              peak: round(lpar.demandCores, 3),
            }),
          ],
        }
      : {}),
  }));
}

type LparOf = ServerBin['lpars'][number];
/** Per survivor, the partitions each single loss sends it (n+1): one pass over the failover map. */
const incomingCache = new WeakMap<Failover, Map<string, LparOf[][]>>();
function incomingPerSurvivor(failover: Failover, bins: readonly ServerBin[]): Map<string, LparOf[][]> {
  let found = incomingCache.get(failover);
  if (found) return found;
  const lparByName = lparsByName(bins);
  found = new Map<string, LparOf[][]>();
  for (const moves of Object.values(failover)) {
    const perLoss = new Map<string, LparOf[]>();
    for (const [name, survivor] of Object.entries(moves)) {
      const lpars = perLoss.get(survivor);
      if (lpars) lpars.push(lparByName.get(name)!);
      else perLoss.set(survivor, [lparByName.get(name)!]);
    }
    for (const [survivor, lpars] of perLoss) {
      const losses = found.get(survivor);
      if (losses) losses.push(lpars);
      else found.set(survivor, [lpars]);
    }
  }
  incomingCache.set(failover, found);
  return found;
}

/**
 * Installed memory of a server: what its own partitions need and, with n+1, what it needs after taking over the
 * partitions of any single lost server, with the VIOS tier of its load then (more clients may need a larger VIOS).
 */
function installedMemory(
  bin: ServerBin,
  id: string,
  failover: Failover | null,
  bins: readonly ServerBin[],
  settings: PackSettings,
  viosMemoryGiB: number,
  npiv: number,
): ReturnType<typeof memoryNeed> & { takenOverGiB: number } {
  const { plan } = settings;
  const orderable = {
    features: bin.candidate.memoryFeatures,
    maxGiB: bin.candidate.maxMemoryGiB,
    sockets: bin.candidate.configuration.sockets,
  };
  const need = (extra: readonly LparOf[], vios: { memoryGiB: number; npiv: number }) =>
    memoryNeed(
      bin.memoryGiB + extra.reduce((sum, lpar) => sum + lpar.memoryGiB, 0) + vios.memoryGiB * settings.viosCount,
      bin.pageTablesGiB +
        extra.reduce((sum, lpar) => sum + lpar.pageTablesGiB, 0) +
        settings.viosCount * (hptGiB(vios.memoryGiB, 'vios') + pptGiB(vios.memoryGiB)),
      vios.npiv * settings.viosCount,
      plan,
      orderable,
    );
  let best = { ...need([], { memoryGiB: viosMemoryGiB, npiv }), takenOverGiB: 0 };
  if (!failover) return best;
  for (const extra of incomingPerSurvivor(failover, bins).get(id) ?? []) {
    const after = need(extra, viosMemoryOf([...bin.lpars, ...extra], settings));
    const takenOverGiB = extra.reduce((sum, lpar) => sum + lpar.memoryGiB, 0);
    if (
      after.installedGiB > best.installedGiB ||
      (after.installedGiB === best.installedGiB && takenOverGiB > best.takenOverGiB)
    )
      best = { ...after, takenOverGiB };
  }
  return best;
}

/** One VIOS's memory for a set of clients, and how many use NPIV (as viosPartitions sizes it). */
function viosMemoryOf(lpars: readonly LparOf[], settings: PackSettings): { memoryGiB: number; npiv: number } {
  const load = viosLoadOf(lpars.map((lpar) => lpar.instance.io));
  const sizing = sizeVios(load, settings.viosCount === 2 ? 'dual' : 'single', settings.viosMinimum);
  const memoryGiB = roundToLmb(
    Math.max(sizing.memoryGiB, settings.viosMinimum?.minMemoryGiB ?? 0),
    settings.plan.constraints.lmbMiB,
  );
  return { memoryGiB, npiv: load.npivClients };
}

const byNameCache = new WeakMap<readonly ServerBin[], Map<string, ServerBin['lpars'][number]>>();
function lparsByName(bins: readonly ServerBin[]): Map<string, ServerBin['lpars'][number]> {
  let found = byNameCache.get(bins);
  if (!found)
    byNameCache.set(
      bins,
      (found = new Map(bins.flatMap((bin) => bin.lpars.map((lpar) => [lpar.instance.name, lpar] as const)))),
    );
  return found;
}

export function serverPlan(
  bin: ServerBin,
  id: string,
  prepared: Prepared,
  failover: Failover | null,
  bins: readonly ServerBin[],
  warnings: Message[],
): ServerPlan {
  const { plan, settings } = prepared;
  const { candidate } = bin;
  const vios = viosPartitions(bin, settings);
  const partitions = [...vios.partitions, ...clientPartitions(bin, prepared)];
  const memory = installedMemory(bin, id, failover, bins, settings, vios.memoryGiB, vios.npiv);
  const memoryUsed = partitions.reduce((sum, partition) => sum + partition.memoryGiB, 0) + memory.hypervisorGiB;
  const demand = bin.peakDemand() + vios.ec;
  const combined = bin.slotLoad === null ? null : Array.from(bin.slotLoad, (value) => round(value + vios.ec, 3));
  const name = { model: candidate.model.name, cores: candidate.activeCores };
  const why: Message[] = [
    msg(combined ? 'solver.server.processor-time-of-day' : 'solver.server.processor', {
      ...name,
      clients: bin.lpars.length,
      demand: round(demand),
      sumOfPeaks: round(bin.demandCores + vios.ec),
      percent: percent(demand / candidate.activeCores),
      target: percent(plan.constraints.targetCpuUtilization),
    }),
    msg('solver.server.memory', {
      installed: memory.installedGiB,
      used: round(memoryUsed),
      percent: percent(memoryUsed / memory.installedGiB),
      target: percent(plan.constraints.targetMemoryUtilization),
    }),
  ];
  if (memory.takenOverGiB > 0)
    why.push(msg('solver.server.failover-memory', { memoryGiB: round(memory.takenOverGiB) }));
  if (candidate.maxMemoryGiB === null)
    why.push(msg('solver.server.maximum-memory-unknown', { model: candidate.model.name }));
  const slots = candidate.model.pcieSlots?.value;
  if (slots !== undefined) {
    const cards = vios.partitions.reduce(
      (sum, vio) =>
        sum + Math.ceil((vio.adapters?.fcPorts ?? 0) / 2) + Math.ceil((vio.adapters?.ethernetPorts ?? 0) / 2),
      0,
    );
    why.push(msg('solver.server.adapter-cards', { cards, slots }));
    if (cards > slots)
      warnings.push(msg('solver.too-many-adapter-cards', { server: id, cards, slots, model: candidate.model.name }));
  }
  return {
    id,
    model: candidate.model.machineTypeModel ?? candidate.model.id,
    modelName: candidate.model.name,
    generation: candidate.generation,
    configuration: candidate.configuration.id,
    cores: { active: candidate.activeCores, licensed: candidate.activeCores },
    memoryGiB: memory.installedGiB,
    edition: candidate.editionName,
    partitions,
    utilization: { cpu: round(demand / candidate.activeCores, 4), memory: round(memoryUsed / memory.installedGiB, 4) },
    hypervisorMemoryGiB: round(memory.hypervisorGiB, 3),
    ...(combined
      ? {
          timeOfDay: {
            demandCores: combined,
            combinedPeakCores: round(demand, 3),
            sumOfPeaksCores: round(bin.demandCores + vios.ec, 3),
          },
        }
      : {}),
    explanation: why,
    cost: candidateCost(candidate),
  };
}

/** OS support the catalog neither confirms nor rules out, one warning per OS and model. */
export function osWarnings(bins: readonly ServerBin[]): Message[] {
  const seen = new Map<string, Message>();
  for (const bin of bins) {
    for (const lpar of bin.lpars) {
      const os: OperatingSystem = lpar.instance.workload.os;
      if (!osUnconfirmed(bin.candidate.model, os)) continue;
      seen.set(
        `${os}|${bin.candidate.model.name}`,
        msg('solver.os-unconfirmed', { os: osLabel(os), model: bin.candidate.model.name }),
      );
    }
  }
  return [...seen.values()];
}

/** The minimal edition per generation used and what forces it; unknown offers as warnings. */
export function editionMessages(
  servers: readonly ServerPlan[],
  prepared: Prepared,
): { explanations: Message[]; warnings: Message[] } {
  const { plan, catalog } = prepared;
  const explanations: Message[] = [];
  const warnings: Message[] = [];
  const required = [...new Set(plan.workloads.flatMap((workload) => workload.features))] as FeatureKey[];
  for (const generation of new Set(servers.map((server) => server.generation))) {
    const minimal = minimalEdition(generation, required, catalog.editions);
    const offered = editionsOf(generation, catalog.editions);
    if (offered.length === 0)
      explanations.push(msg('solver.edition.none-published', { generation, features: required.join(', ') }));
    else if (offered.length === 1)
      explanations.push(
        msg(offered[0]!.included ? 'solver.edition.only-included' : 'solver.edition.only', {
          generation,
          edition: offered[0]!.name,
        }),
      );
    else if (minimal.edition)
      explanations.push(
        msg(minimal.forcedBy.length ? 'solver.edition.minimal-forced' : 'solver.edition.minimal', {
          generation,
          edition: minimal.edition.name,
          features: minimal.forcedBy.join(', '),
        }),
      );
    const chosen = servers.find((server) => server.generation === generation)?.edition;
    const unknown = minimal.fits.find((fit) => fit.edition.name === chosen)?.unknown ?? [];
    if (unknown.length > 0)
      warnings.push(msg('solver.edition.offer-unknown', { generation, features: unknown.join(', ') }));
  }
  return { explanations, warnings };
}

/** One line per client partition: where it runs and how it is sized. */
export function placementMessages(servers: readonly ServerPlan[]): Message[] {
  return servers.flatMap((server) =>
    server.partitions
      .filter((partition) => partition.role === 'client')
      .map((partition) =>
        partition.mode === 'shared'
          ? msg('solver.placement.shared', {
              partition: partition.name,
              server: server.id,
              model: server.modelName,
              ec: partition.entitledCapacity ?? 0,
              vp: partition.virtualProcessors ?? 0,
              memoryGiB: partition.memoryGiB,
              demand: partition.demandCores,
            })
          : msg('solver.placement.dedicated', {
              partition: partition.name,
              server: server.id,
              model: server.modelName,
              cores: partition.dedicatedCores ?? 0,
              memoryGiB: partition.memoryGiB,
              demand: partition.demandCores,
            }),
      ),
  );
}
