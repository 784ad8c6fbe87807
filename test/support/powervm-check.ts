// An independent checker of a sizing against the PowerVM rules, for the tests and the bench. It shares nothing
// with the product's solver (src-main/solver): it reads the plan, the catalog and the rules in src-main/powervm
// (the written rules are the specification) and recomputes every partition's demand itself.
import type { CatalogSnapshot, Configuration, ServerModel } from '../../src-main/catalog/schema';
import type { PlanFile, Workload } from '../../src-main/plan/schema';
import {
  HYPERVISOR_MIB_PER_VIRTUAL_FC,
  MICRO_PARTITIONS_PER_CORE,
  SMALL_VIOS_LIMITS,
  dedicatedCores,
  entitledCapacity,
  hptGiB,
  minimumInstalledGiB,
  pptGiB,
  roundToLmb,
} from '../../src-main/powervm';
import type { Solution } from '../../src-main/solver/schema';

const EPSILON = 1e-6;

/** One workload instance as the checker sees it. */
export interface CheckInstance {
  name: string;
  workload: Workload;
}

export function instancesOf(plan: PlanFile): CheckInstance[] {
  return plan.workloads.flatMap((workload) =>
    Array.from({ length: workload.count }, (_, copy) => ({
      name: workload.count > 1 ? `${workload.name}-${copy + 1}` : workload.name,
      workload,
    })),
  );
}

/** A target configuration with its model. */
export interface Target {
  model: ServerModel;
  configuration: Configuration;
}

/** Every target configuration the plan allows (by model, else by generation). */
export function targetsOf(plan: PlanFile, catalog: CatalogSnapshot): Target[] {
  const { models, generations } = plan.constraints;
  return catalog.models
    .filter(
      (model) =>
        model.role === 'target' &&
        (models.length > 0
          ? models.includes(model.machineTypeModel ?? model.id)
          : generations.includes(model.generation)),
    )
    .flatMap((model) => model.configurations.map((configuration) => ({ model, configuration })));
}

/** What one instance needs on one configuration: processor demand in its cores, entitlement, memory, page tables. */
export interface Need {
  demandCores: number;
  units: number;
  mode: 'shared' | 'dedicated';
  memoryGiB: number;
  pageTablesGiB: number;
}

function perCore(configuration: Configuration, figure: 'rperf' | 'cpw'): number | null {
  const value = configuration[figure]?.value;
  return value === undefined ? null : value / configuration.totalCores;
}

/** The source server's per-core figure: the named configuration, else the fastest per core (conservative). */
function sourcePerCoreOf(
  catalog: CatalogSnapshot,
  modelId: string,
  configurationId: string | undefined,
  figure: 'rperf' | 'cpw',
): number | null {
  const model = catalog.models.find((each) => each.id === modelId || each.machineTypeModel === modelId);
  if (!model) return null;
  const rated = model.configurations.filter(
    (each) => (configurationId === undefined || each.id === configurationId) && perCore(each, figure) !== null,
  );
  return rated.length === 0 ? null : Math.max(...rated.map((each) => perCore(each, figure)!));
}

export function needOn(workload: Workload, target: Target, plan: PlanFile, catalog: CatalogSnapshot): Need | null {
  if (target.model.unsupportedOS.includes(workload.os)) return null;
  const { constraints } = plan;
  const growth = (1 + constraints.growthPerYear) ** constraints.horizonYears;
  const figure = workload.os === 'ibmi' ? 'cpw' : 'rperf';
  const cpu = workload.cpu;
  let cores: number | null;
  if (cpu.kind === 'rperf')
    cores =
      perCore(target.configuration, 'rperf') === null ? null : cpu.rperf / perCore(target.configuration, 'rperf')!;
  else if (cpu.kind === 'cpw')
    cores = perCore(target.configuration, 'cpw') === null ? null : cpu.cpw / perCore(target.configuration, 'cpw')!;
  else if (cpu.kind === 'measured') {
    const source = sourcePerCoreOf(catalog, cpu.model, cpu.configuration, figure);
    const here = perCore(target.configuration, figure);
    cores = source === null || here === null ? null : (cpu.cores * cpu.utilization * source) / here;
  } else cores = cpu.cores;
  if (cores === null) return null;
  const demandCores = cores * growth;
  const memoryGiB = roundToLmb(workload.memoryGiB * growth, constraints.lmbMiB);
  const pageTablesGiB = hptGiB(memoryGiB, workload.os) + pptGiB(memoryGiB);
  const atTarget = demandCores / constraints.targetCpuUtilization;
  const dedicated = workload.processorMode === 'dedicated';
  return {
    demandCores,
    units: dedicated ? dedicatedCores(atTarget) : entitledCapacity(atTarget, target.model.generation),
    mode: dedicated ? 'dedicated' : 'shared',
    memoryGiB,
    pageTablesGiB,
  };
}

/** The VIOS a server must run for its clients: entitlement and memory per VIOS (IBM's starting points, raised to the minimums). */
export function viosNeed(
  clients: readonly Workload[],
  plan: PlanFile,
  catalog: CatalogSnapshot,
): { ec: number; memoryGiB: number } {
  const io = (workload: Workload) => ({
    network: workload.io?.networkGbps ?? 0.5,
    iops: workload.io?.storageIops ?? 2000,
    mbps: workload.io?.storageMBps ?? 50,
  });
  const total = clients
    .map(io)
    .reduce(
      (sum, each) => ({ network: sum.network + each.network, iops: sum.iops + each.iops, mbps: sum.mbps + each.mbps }),
      { network: 0, iops: 0, mbps: 0 },
    );
  const ssp = clients.some((workload) => workload.features.includes('ssp'));
  const large =
    clients.length > SMALL_VIOS_LIMITS.clients ||
    total.network > SMALL_VIOS_LIMITS.networkGbps ||
    total.iops > SMALL_VIOS_LIMITS.storageIops ||
    total.mbps > SMALL_VIOS_LIMITS.storageMBps;
  // IBM Redbook starting points (S1 Table 3-3), top of each range.
  const tier = ssp ? { ec: 2, memoryGiB: 8 } : large ? { ec: 2, memoryGiB: 6 } : { ec: 0.5, memoryGiB: 4 };
  const published = catalog.viosMinimums.filter((minimum) => minimum.minMemoryGiB !== null);
  const minimum = published.find((each) => each.viosVersion === plan.constraints.viosVersion) ?? published[0];
  return {
    ec: Math.max(tier.ec, minimum?.minEntitledCapacity ?? 0),
    memoryGiB: roundToLmb(Math.max(tier.memoryGiB, minimum?.minMemoryGiB ?? 0), plan.constraints.lmbMiB),
  };
}

export function viosCount(plan: PlanFile): number {
  return plan.constraints.vios === 'dual' ? 2 : plan.constraints.vios === 'single' ? 1 : 0;
}

/** Linux-first L models let AIX and IBM i use at most a quarter of the cores. */
export function nonLinuxShare(model: ServerModel): number {
  return /^Power L\d/.test(model.name) ? 0.25 : 1;
}

/** Whether clients fit one server of `target` with `installedGiB` installed (null: the smallest that works). */
export function serverProblems(
  clients: ReadonlyArray<{ workload: Workload; need: Need }>,
  target: Target,
  plan: PlanFile,
  catalog: CatalogSnapshot,
  installedGiB: number | null,
): string[] {
  const { constraints } = plan;
  const cores = target.configuration.totalCores;
  const vioses = viosCount(plan);
  const vios =
    vioses > 0
      ? viosNeed(
          clients.map((client) => client.workload),
          plan,
          catalog,
        )
      : { ec: 0, memoryGiB: 0 };
  const problems: string[] = [];
  const units = clients.reduce((sum, client) => sum + client.need.units, 0) + vios.ec * vioses;
  if (units > cores + EPSILON) problems.push(`entitlement ${units.toFixed(2)} > ${cores} cores`);
  const demand = clients.reduce((sum, client) => sum + client.need.demandCores, 0) + vios.ec * vioses;
  if (demand > constraints.targetCpuUtilization * cores + EPSILON)
    problems.push(`demand ${demand.toFixed(2)} > ${constraints.targetCpuUtilization} x ${cores}`);
  const maxPartitions = Math.min(target.model.maxPartitions?.value ?? 1000, 1000);
  if (clients.length + vioses > maxPartitions)
    problems.push(`${clients.length + vioses} partitions > ${maxPartitions}`);
  const shared = clients.filter((client) => client.need.mode === 'shared').length + vioses;
  if (shared > MICRO_PARTITIONS_PER_CORE * cores)
    problems.push(`${shared} shared partitions > ${MICRO_PARTITIONS_PER_CORE} per core`);
  const nonLinux = clients
    .filter((client) => client.workload.os !== 'linux')
    .reduce((sum, client) => sum + client.need.units, 0);
  if (nonLinux > nonLinuxShare(target.model) * cores + EPSILON)
    problems.push(`AIX/IBM i entitlement ${nonLinux} above the L model's share`);
  const groups = clients.map((client) => client.workload.haGroup).filter((group) => group !== undefined);
  if (new Set(groups).size < groups.length) problems.push('two members of one HA group');
  const npiv = clients.filter((client) => client.workload.io?.storage === 'npiv').length;
  // The hypervisor reserves the larger of its firmware share and the page tables (S1 3.3.1; powervm/memory.ts).
  const partitions = clients.reduce((sum, client) => sum + client.need.memoryGiB, 0) + vioses * vios.memoryGiB;
  const tables =
    clients.reduce((sum, client) => sum + client.need.pageTablesGiB, 0) +
    vioses * (hptGiB(vios.memoryGiB, 'vios') + pptGiB(vios.memoryGiB)) +
    (npiv * vioses * HYPERVISOR_MIB_PER_VIRTUAL_FC) / 1024;
  const needed = minimumInstalledGiB(
    partitions,
    tables,
    constraints.targetMemoryUtilization,
    constraints.hypervisorFirmwareGiB,
  );
  const installed = installedGiB ?? Math.ceil(needed / 32 - 1e-9) * 32;
  if (needed > installed + EPSILON)
    problems.push(`memory needs ${needed.toFixed(1)} GiB installed, ${installed} installed`);
  const caps = [target.model.maxMemoryGiB?.value, target.configuration.maxMemoryGiB?.value].filter(
    (cap): cap is number => cap !== undefined,
  );
  const maxMemory = caps.length > 0 ? Math.min(...caps) : undefined;
  if (maxMemory !== undefined && installed > maxMemory + EPSILON)
    problems.push(`installed ${installed} GiB > maximum ${maxMemory}`);
  return problems;
}

function targetOf(server: Solution['servers'][number], catalog: CatalogSnapshot): Target | null {
  const model = catalog.models.find((each) => (each.machineTypeModel ?? each.id) === server.model);
  const configuration = model?.configurations.find((each) => each.id === server.configuration);
  return model && configuration ? { model, configuration } : null;
}

/** Every rule the solution breaks, as text (empty when it passes). N+1 is checked by `failoverProblems`. */
export function checkSolution(plan: PlanFile, catalog: CatalogSnapshot, solution: Solution): string[] {
  const problems: string[] = [];
  const instances = new Map(instancesOf(plan).map((instance) => [instance.name, instance]));
  const allowed = new Set(targetsOf(plan, catalog).map((target) => target.configuration.id));
  const seen = new Set<string>();
  for (const server of solution.servers) {
    const target = targetOf(server, catalog);
    if (!target || !allowed.has(server.configuration)) {
      problems.push(`${server.id}: configuration ${server.configuration} is not a target the plan allows`);
      continue;
    }
    if (server.cores.active !== target.configuration.totalCores)
      problems.push(
        `${server.id}: ${server.cores.active} cores, the configuration has ${target.configuration.totalCores}`,
      );
    const clients: Array<{ workload: Workload; need: Need }> = [];
    for (const partition of server.partitions.filter((each) => each.role === 'client')) {
      const instance = instances.get(partition.workload ?? '');
      if (!instance || seen.has(instance.name)) {
        problems.push(`${server.id}: partition ${partition.name} is no instance of the plan, or placed twice`);
        continue;
      }
      seen.add(instance.name);
      const need = needOn(instance.workload, target, plan, catalog);
      if (!need) {
        problems.push(`${server.id}: ${instance.name} cannot run on ${target.model.name}`);
        continue;
      }
      const units = partition.mode === 'shared' ? (partition.entitledCapacity ?? 0) : (partition.dedicatedCores ?? 0);
      if (units + EPSILON < need.units || partition.mode !== need.mode)
        problems.push(`${server.id}: ${instance.name} is entitled to ${units}, needs ${need.units} ${need.mode}`);
      if (partition.memoryGiB + EPSILON < need.memoryGiB)
        problems.push(`${server.id}: ${instance.name} has ${partition.memoryGiB} GiB, needs ${need.memoryGiB}`);
      clients.push({
        workload: instance.workload,
        need: { ...need, units: Math.max(units, need.units), memoryGiB: Math.max(partition.memoryGiB, need.memoryGiB) },
      });
    }
    const vioses = server.partitions.filter((each) => each.role === 'vios');
    if (vioses.length !== viosCount(plan))
      problems.push(`${server.id}: ${vioses.length} VIOS, the plan asks ${viosCount(plan)}`);
    const vios = viosNeed(
      clients.map((client) => client.workload),
      plan,
      catalog,
    );
    for (const each of vioses)
      if ((each.entitledCapacity ?? 0) + EPSILON < vios.ec || each.memoryGiB + EPSILON < vios.memoryGiB)
        problems.push(`${server.id}: ${each.name} is smaller than its clients need`);
    problems.push(
      ...serverProblems(clients, target, plan, catalog, server.memoryGiB).map((problem) => `${server.id}: ${problem}`),
    );
  }
  const unplaced = new Set(solution.unplaced.map((entry) => entry.name));
  for (const name of instances.keys())
    if (!seen.has(name) && !unplaced.has(name)) problems.push(`${name} is neither placed nor listed as unplaced`);
  return problems;
}

/**
 * N+1: for each server lost, its partitions (as defined: the same entitlement and memory) must fit on the others
 * with the rules above. The checker's own first fit decides; the solution's failover map is tried when it fails.
 */
export function failoverProblems(plan: PlanFile, catalog: CatalogSnapshot, solution: Solution): string[] {
  const instances = new Map(instancesOf(plan).map((instance) => [instance.name, instance]));
  const servers = solution.servers.map((server) => {
    const target = targetOf(server, catalog)!;
    const clients = server.partitions
      .filter((each) => each.role === 'client')
      .map((partition) => clientOf(partition, target, instances, plan, catalog));
    return { server, target, clients };
  });
  const problems: string[] = [];
  for (const lost of servers) {
    const survivors = servers.filter((each) => each !== lost).map((each) => ({ ...each, clients: [...each.clients] }));
    const moving = [...lost.clients].sort((a, b) => b.need.units - a.need.units);
    const fits = (survivor: (typeof survivors)[number], client: (typeof moving)[number]) => {
      const moved = {
        workload: client.workload,
        name: client.name,
        need: {
          ...(needOn(client.workload, survivor.target, plan, catalog) ?? client.need),
          units: client.need.units,
          memoryGiB: client.need.memoryGiB,
        },
      };
      return serverProblems([...survivor.clients, moved], survivor.target, plan, catalog, survivor.server.memoryGiB)
        .length === 0
        ? moved
        : null;
    };
    let placedAll = true;
    for (const client of moving) {
      const host = survivors
        .map((survivor) => ({ survivor, moved: fits(survivor, client) }))
        .find((each) => each.moved !== null);
      if (!host) {
        placedAll = false;
        break;
      }
      host.survivor.clients.push(host.moved!);
    }
    if (!placedAll && !mapHolds(lost, servers, solution, plan, catalog))
      problems.push(`losing ${lost.server.id} leaves a partition nowhere to go`);
  }
  return problems;
}

function clientOf(
  partition: Solution['servers'][number]['partitions'][number],
  target: Target,
  instances: Map<string, CheckInstance>,
  plan: PlanFile,
  catalog: CatalogSnapshot,
) {
  const workload = instances.get(partition.workload ?? '')!.workload;
  const need = needOn(workload, target, plan, catalog)!;
  const units = partition.mode === 'shared' ? (partition.entitledCapacity ?? 0) : (partition.dedicatedCores ?? 0);
  return { workload, name: partition.workload ?? '', need: { ...need, units, memoryGiB: partition.memoryGiB } };
}

function mapHolds(
  lost: { server: Solution['servers'][number]; clients: Array<{ workload: Workload; name: string; need: Need }> },
  servers: ReadonlyArray<{
    server: Solution['servers'][number];
    target: Target;
    clients: Array<{ workload: Workload; need: Need }>;
  }>,
  solution: Solution,
  plan: PlanFile,
  catalog: CatalogSnapshot,
): boolean {
  const moves = solution.failover?.[lost.server.id];
  if (!moves) return false;
  return (
    servers
      .filter((each) => each.server !== lost.server)
      .every((survivor) => {
        const incoming = lost.clients
          .filter((client) => moves[client.name] === survivor.server.id)
          .map((client) => ({
            workload: client.workload,
            need: {
              ...(needOn(client.workload, survivor.target, plan, catalog) ?? client.need),
              units: client.need.units,
              memoryGiB: client.need.memoryGiB,
            },
          }));
        return (
          serverProblems([...survivor.clients, ...incoming], survivor.target, plan, catalog, survivor.server.memoryGiB)
            .length === 0
        );
      }) && lost.clients.every((client) => moves[client.name] !== undefined && moves[client.name] !== lost.server.id)
  );
}
