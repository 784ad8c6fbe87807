// The bench's independent reference: first-fit-decreasing over every candidate configuration, and an exact HiGHS
// model over all configurations at once (integer servers per configuration as slots, assignment variables, the
// VIOS tier and the hypervisor's memory terms). It uses nothing of the product's solver: the demands, the VIOS and
// the rules come from test/support/powervm-check.ts, which also checks every layout it returns.
import highsLoader from 'highs';
import type { CatalogSnapshot } from '../../src-main/catalog/schema';
import type { PlanFile, Workload } from '../../src-main/plan/schema';
import {
  HYPERVISOR_MIB_PER_VIRTUAL_FC,
  FIRMWARE_SHARE_OF_INSTALLED,
  MICRO_PARTITIONS_PER_CORE,
  SMALL_VIOS_LIMITS,
  hptGiB,
  minimumInstalledGiB,
  pptGiB,
} from '../../src-main/powervm';
import type { Solution } from '../../src-main/solver/schema';
import {
  type CheckInstance,
  type Need,
  type Target,
  instancesOf,
  needOn,
  nonLinuxShare,
  serverProblems,
  targetsOf,
  viosCount,
  viosNeed,
} from '../support/powervm-check';

/** One configuration with what each instance needs there (null: cannot run there, or not even alone). */
interface Column {
  target: Target;
  cores: number;
  needs: Array<Need | null>;
}

export interface RefServer {
  column: Column;
  members: number[];
}

export interface ReferenceResult {
  /** Licensed cores of the best layout found (null when none), its servers, and how many instances it places. */
  cores: number | null;
  servers: RefServer[];
  placed: number;
  /** Proved lower bound on the cores for placing those instances (the optimum when `status` is optimal). */
  bound: number | null;
  status: 'optimal' | 'time-limit' | 'baseline-only' | 'error';
  /** Wall-clock seconds, and this process's processor seconds (HiGHS's time limit is wall clock: on a busy machine it gets less). */
  seconds: number;
  cpuSeconds?: number;
}

export interface ReferenceProblem {
  plan: PlanFile;
  catalog: CatalogSnapshot;
  instances: CheckInstance[];
  columns: Column[];
  /** Instances some configuration can run alone. */
  placeable: number[];
}

export function referenceProblem(plan: PlanFile, catalog: CatalogSnapshot): ReferenceProblem {
  const instances = instancesOf(plan);
  const columns: Column[] = targetsOf(plan, catalog).map((target) => ({
    target,
    cores: target.configuration.totalCores,
    needs: instances.map((instance) => {
      const need = needOn(instance.workload, target, plan, catalog);
      return need && fits([{ workload: instance.workload, need }], target, plan, catalog) ? need : null;
    }),
  }));
  const useful = columns.filter((column) => column.needs.some((need) => need !== null));
  const kept = useful.filter(
    (column) =>
      !useful.some(
        (other) =>
          other !== column &&
          dominates(other, column) &&
          (!dominates(column, other) || other.target.configuration.id < column.target.configuration.id),
      ),
  );
  const placeable = instances
    .map((_, index) => index)
    .filter((index) => kept.some((column) => column.needs[index] !== null));
  return { plan, catalog, instances, columns: kept, placeable };
}

function fits(
  clients: ReadonlyArray<{ workload: Workload; need: Need }>,
  target: Target,
  plan: PlanFile,
  catalog: CatalogSnapshot,
): boolean {
  return serverProblems(clients, target, plan, catalog, null).length === 0;
}

/** Same cores, limits at least as high, and every instance needing no more: the other column is never needed. */
function dominates(a: Column, b: Column): boolean {
  if (a.cores !== b.cores || nonLinuxShare(a.target.model) < nonLinuxShare(b.target.model)) return false;
  const memory = (column: Column) => column.target.model.maxMemoryGiB?.value ?? Number.POSITIVE_INFINITY;
  const partitions = (column: Column) => column.target.model.maxPartitions?.value ?? 1000;
  if (memory(a) < memory(b) || partitions(a) < partitions(b) || a.target.model.generation !== b.target.model.generation)
    return false;
  return b.needs.every((need, index) => {
    const mine = a.needs[index];
    if (!need) return true;
    return (
      mine !== null &&
      mine !== undefined &&
      mine.mode === need.mode &&
      mine.demandCores <= need.demandCores &&
      mine.units <= need.units &&
      mine.memoryGiB <= need.memoryGiB
    );
  });
}

function clientsOf(problem: ReferenceProblem, column: Column, members: readonly number[]) {
  return members.map((index) => ({ workload: problem.instances[index]!.workload, need: column.needs[index]! }));
}

/** The cheapest column whose one server holds `members` (the server's own when none is cheaper). */
function repick(problem: ReferenceProblem, server: RefServer): RefServer {
  let best = server;
  for (const column of problem.columns) {
    if (column.cores >= best.column.cores || server.members.some((index) => column.needs[index] === null)) continue;
    if (fits(clientsOf(problem, column, server.members), column.target, problem.plan, problem.catalog))
      best = { column, members: server.members };
  }
  return best;
}

/** First fit decreasing: onto servers of `first` while it runs the instance, else a new server of the smallest column that takes it. */
function ffd(problem: ReferenceProblem, first: Column | null): RefServer[] {
  const size = (index: number) =>
    Math.max(
      ...problem.columns.map((column) => (column.needs[index] ? column.needs[index]!.demandCores / column.cores : 0)),
    );
  const order = [...problem.placeable].sort((a, b) => size(b) - size(a) || a - b);
  const servers: RefServer[] = [];
  for (const index of order) {
    const host = servers.find(
      (server) =>
        server.column.needs[index] &&
        fits(
          clientsOf(problem, server.column, [...server.members, index]),
          server.column.target,
          problem.plan,
          problem.catalog,
        ),
    );
    if (host) {
      host.members.push(index);
      continue;
    }
    const column = first?.needs[index]
      ? first
      : [...problem.columns].filter((each) => each.needs[index]).sort((a, b) => a.cores - b.cores)[0];
    if (column) servers.push({ column, members: [index] });
  }
  return servers.map((server) => repick(problem, server));
}

export const coresOf = (servers: readonly RefServer[]) => servers.reduce((sum, server) => sum + server.column.cores, 0);
export const placedBy = (servers: readonly RefServer[]) =>
  servers.reduce((sum, server) => sum + server.members.length, 0);

/** The baseline: first fit decreasing on each configuration (leftovers onto the smallest that takes them), and mixed from the start. */
export function ffdBaseline(problem: ReferenceProblem): RefServer[] {
  const layouts = [ffd(problem, null), ...problem.columns.map((column) => ffd(problem, column))];
  return layouts.reduce((best, layout) =>
    placedBy(layout) > placedBy(best) || (placedBy(layout) === placedBy(best) && coresOf(layout) < coresOf(best))
      ? layout
      : best,
  );
}

/**
 * N+1 the way an engineer lays it out: first fit decreasing on one configuration plus one spare server of it (any
 * lost server's partitions fit the empty spare), the best configuration; the checker verifies it.
 */
export function nPlusOneBaseline(problem: ReferenceProblem): RefServer[] {
  const layouts = problem.columns
    .filter((column) => problem.placeable.every((index) => column.needs[index] !== null))
    .map((column) => {
      const servers = ffd({ ...problem, columns: [column] }, column);
      return [...servers, { column, members: [] }];
    });
  return layouts.sort((a, b) => coresOf(a) - coresOf(b))[0] ?? [];
}

let loaded: ReturnType<typeof highsLoader> | null = null;
/** One HiGHS runtime for every reference solve (loading the WebAssembly module costs more than a small solve). */
function loadHighs(): ReturnType<typeof highsLoader> {
  loaded ??= highsLoader();
  return loaded;
}

const fmt = (value: number) => Number(value.toFixed(6)).toString();

/** The model in CPLEX LP format: slots per column, at most as many as the baseline's cores allow. */
function modelText(
  problem: ReferenceProblem,
  upper: number,
): { lp: string; slots: Array<{ column: Column; at: number; name: string; members: number[] }> } {
  const { plan } = problem;
  const { constraints } = plan;
  const vioses = viosCount(plan);
  const slots: Array<{ column: Column; at: number; name: string; members: number[] }> = [];
  problem.columns.forEach((column, c) => {
    const runs = problem.placeable.filter((index) => column.needs[index] !== null);
    const count = Math.min(runs.length, Math.floor(upper / column.cores));
    // Symmetry: the k-th server of a column holds only instances from the k-th it can run onwards.
    for (let at = 0; at < count; at += 1) slots.push({ column, at, name: `${c}_${at}`, members: runs.slice(at) });
  });
  const rows: string[] = [];
  const x = (index: number, name: string) => `x${index}_${name}`;
  const byInstance = new Map<number, string[]>();
  const small = viosNeed([], plan, problem.catalog);
  const large = { ec: Math.max(2, small.ec), memoryGiB: Math.max(6, small.memoryGiB) };
  const ssp = { ec: Math.max(2, small.ec), memoryGiB: Math.max(8, small.memoryGiB) };
  const viosMemory = (tier: { memoryGiB: number }) =>
    tier.memoryGiB + hptGiB(tier.memoryGiB, 'vios') + pptGiB(tier.memoryGiB);
  for (const slot of slots) {
    const { column, name, members } = slot;
    const need = (index: number) => column.needs[index]!;
    const sum = (weight: (index: number) => number, only: (index: number) => boolean = () => true) =>
      members
        .filter(only)
        .map((index) => `${fmt(weight(index))} ${x(index, name)}`)
        .join(' + ') || `0 y${name}`;
    for (const index of members) byInstance.set(index, [...(byInstance.get(index) ?? []), x(index, name)]);
    const tier = (pick: (t: { ec: number; memoryGiB: number }) => number) =>
      vioses === 0
        ? ''
        : ` + ${fmt((pick(large) - pick(small)) * vioses)} l${name} + ${fmt((pick(ssp) - pick(large)) * vioses)} s${name}`;
    const cores = column.cores;
    rows.push(
      ` cpu${name}: ${sum((index) => need(index).demandCores)}${tier((t) => t.ec)} - ${fmt(constraints.targetCpuUtilization * cores - small.ec * vioses)} y${name} <= 0`,
    );
    rows.push(
      ` ent${name}: ${sum((index) => need(index).units)}${tier((t) => t.ec)} - ${fmt(cores - small.ec * vioses)} y${name} <= 0`,
    );
    rows.push(
      ` par${name}: ${sum(() => 1)} - ${Math.min(column.target.model.maxPartitions?.value ?? 1000, 1000) - vioses} y${name} <= 0`,
    );
    rows.push(
      ` mic${name}: ${sum(
        () => 1,
        (index) => need(index).mode === 'shared',
      )} - ${MICRO_PARTITIONS_PER_CORE * cores - vioses} y${name} <= 0`,
    );
    if (nonLinuxShare(column.target.model) < 1)
      rows.push(
        ` nl${name}: ${sum(
          (index) => need(index).units,
          (index) => problem.instances[index]!.workload.os !== 'linux',
        )} - ${fmt(nonLinuxShare(column.target.model) * cores)} y${name} <= 0`,
      );
    const caps = [column.target.model.maxMemoryGiB?.value, column.target.configuration.maxMemoryGiB?.value].filter(
      (cap): cap is number => cap !== undefined,
    );
    if (caps.length > 0) {
      // Installed memory at most the maximum; the hypervisor reserves the larger of its share and the page tables.
      const installed = Math.min(...caps);
      const firmware = constraints.hypervisorFirmwareGiB;
      const share = firmware === null ? installed * FIRMWARE_SHARE_OF_INSTALLED : 0;
      const fixedFirmware = firmware ?? 0;
      const npiv = (index: number) =>
        problem.instances[index]!.workload.io?.storage === 'npiv' ? (vioses * HYPERVISOR_MIB_PER_VIRTUAL_FC) / 1024 : 0;
      const room = installed * constraints.targetMemoryUtilization - fixedFirmware;
      rows.push(
        ` mem${name}: ${sum((index) => need(index).memoryGiB + need(index).pageTablesGiB + npiv(index))}${tier(viosMemory)} - ${fmt(room - viosMemory(small) * vioses)} y${name} <= 0`,
      );
      rows.push(
        ` mep${name}: ${sum((index) => need(index).memoryGiB)}${tier((t) => t.memoryGiB)} - ${fmt(room - share - small.memoryGiB * vioses)} y${name} <= 0`,
      );
    }
    if (vioses > 0) rows.push(...tierRows(problem, slot, x));
    const groups = new Map<string, number[]>();
    for (const index of members) {
      const group = problem.instances[index]!.workload.haGroup;
      if (group !== undefined) groups.set(group, [...(groups.get(group) ?? []), index]);
    }
    [...groups.values()]
      .filter((group) => group.length > 1)
      .forEach((group, g) => rows.push(` ha${g}_${name}: ${group.map((index) => x(index, name)).join(' + ')} <= 1`));
    const next = slots[slots.indexOf(slot) + 1];
    if (next?.column === column) rows.push(` ord${name}: y${name} - y${next.name} >= 0`);
  }
  for (const index of problem.placeable)
    rows.push(` one${index}: ${(byInstance.get(index) ?? []).join(' + ') || '0 ynone'} = 1`);
  const binaries = slots.flatMap((slot) => [
    `y${slot.name}`,
    ...(vioses > 0 ? [`l${slot.name}`, `s${slot.name}`] : []),
    ...slot.members.map((index) => x(index, slot.name)),
  ]);
  const objective = slots.map((slot) => `${slot.column.cores} y${slot.name}`).join(' + ');
  return {
    lp: ['Minimize', ` cores: ${objective}`, 'Subject To', ...rows, 'Binary', ` ${binaries.join(' ')}`, 'End'].join(
      '\n',
    ),
    slots,
  };
}

/** The VIOS tier: large (l) beyond a small VIOS's limits, SSP (s) with any SSP client. */
function tierRows(
  problem: ReferenceProblem,
  slot: { name: string; members: number[] },
  x: (index: number, name: string) => string,
): string[] {
  const { name, members } = slot;
  const io = (index: number) => problem.instances[index]!.workload.io;
  const limits: Array<[string, (index: number) => number, number]> = [
    ['cl', () => 1, SMALL_VIOS_LIMITS.clients],
    ['nw', (index) => io(index)?.networkGbps ?? 0.5, SMALL_VIOS_LIMITS.networkGbps],
    ['io', (index) => io(index)?.storageIops ?? 2000, SMALL_VIOS_LIMITS.storageIops],
    ['mb', (index) => io(index)?.storageMBps ?? 50, SMALL_VIOS_LIMITS.storageMBps],
  ];
  const rows = [` sl${name}: s${name} - l${name} <= 0`];
  for (const [prefix, weight, limit] of limits) {
    const total = members.reduce((sum, index) => sum + weight(index), 0);
    if (total > limit)
      rows.push(
        ` ${prefix}${name}: ${members.map((index) => `${fmt(weight(index))} ${x(index, name)}`).join(' + ')} - ${fmt(total)} l${name} <= ${limit}`,
      );
  }
  for (const index of members)
    if (problem.instances[index]!.workload.features.includes('ssp'))
      rows.push(` ss${index}_${name}: ${x(index, name)} - s${name} <= 0`);
  return rows;
}

/** Solves the exact model from the baseline within `seconds`; the baseline answers when the model finds nothing better. */
export async function referenceSolve(problem: ReferenceProblem, seconds: number): Promise<ReferenceResult> {
  const cpuStart = process.cpuUsage();
  const result = await solveWithin(problem, seconds);
  const cpu = process.cpuUsage(cpuStart);
  return { ...result, cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100 };
}

async function solveWithin(problem: ReferenceProblem, seconds: number): Promise<ReferenceResult> {
  const started = performance.now();
  const baseline = ffdBaseline(problem);
  const fallback = (status: ReferenceResult['status']): ReferenceResult => ({
    cores: coresOf(baseline),
    servers: baseline,
    placed: placedBy(baseline),
    bound: null,
    status,
    seconds: (performance.now() - started) / 1000,
  });
  if (placedBy(baseline) < problem.placeable.length || seconds <= 0) return fallback('baseline-only');
  const { lp, slots } = modelText(problem, coresOf(baseline));
  const highs = await loadHighs();
  const model = highs.createModel({ format: 'lp', data: lp });
  try {
    model.options.set({ time_limit: seconds, output_flag: false, mip_rel_gap: 0 });
    const names = Array.from({ length: model.getDimensions().numCols }, (_, index) => model.getColName(index));
    const at = new Map(names.map((name, index) => [name, index]));
    const start = startOf(baseline, slots);
    const known = [...start].filter(([name]) => at.has(name));
    model.setSolution({ indices: known.map(([name]) => at.get(name)!), values: known.map(([, value]) => value) });
    const run = model.run();
    const codes = highs.constants.modelStatus;
    const bound = Number(model.info.get('mip_dual_bound'));
    const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
    const status = run.modelStatus === codes.optimal ? 'optimal' : 'time-limit';
    if (!hasSolution)
      return { ...fallback('time-limit'), bound: Number.isFinite(bound) && bound > 0 ? Math.ceil(bound - 1e-6) : null };
    const values = model.getSolution().colValue;
    const value = (name: string) => values[at.get(name) ?? -1] ?? 0;
    const servers = slots
      .filter((slot) => value(`y${slot.name}`) > 0.5)
      .map((slot) => ({
        column: slot.column,
        members: slot.members.filter((index) => value(`x${index}_${slot.name}`) > 0.5),
      }))
      .filter((server) => server.members.length > 0);
    const best = coresOf(servers) <= coresOf(baseline) ? servers : baseline;
    const proved =
      status === 'optimal' ? coresOf(best) : Number.isFinite(bound) && bound > 0 ? Math.ceil(bound - 1e-6) : null;
    return {
      cores: coresOf(best),
      servers: best,
      placed: placedBy(best),
      bound: proved,
      status,
      seconds: (performance.now() - started) / 1000,
    };
  } catch {
    return fallback('error');
  } finally {
    model.dispose();
  }
}

function startOf(
  baseline: readonly RefServer[],
  slots: ReadonlyArray<{ column: Column; name: string; members: number[] }>,
): Map<string, number> {
  const start = new Map<string, number>();
  for (const slot of slots) {
    for (const name of [
      `y${slot.name}`,
      `l${slot.name}`,
      `s${slot.name}`,
      ...slot.members.map((index) => `x${index}_${slot.name}`),
    ])
      start.set(name, 0);
  }
  for (const column of new Set(baseline.map((server) => server.column))) {
    const own = slots.filter((slot) => slot.column === column);
    const rank = new Map(own[0]?.members.map((index, position) => [index, position]) ?? []);
    const first = (server: RefServer) =>
      Math.min(...server.members.map((index) => rank.get(index) ?? Number.POSITIVE_INFINITY));
    baseline
      .filter((server) => server.column === column)
      .sort((a, b) => first(a) - first(b))
      .forEach((server, position) => {
        const slot = own[position];
        if (!slot) return;
        start.set(`y${slot.name}`, 1);
        for (const index of server.members) start.set(`x${index}_${slot.name}`, 1);
      });
  }
  return start;
}

/** A reference layout as a Solution, so the independent checker verifies it like the product's answers. */
export function asSolution(problem: ReferenceProblem, servers: readonly RefServer[], failover = false): Solution {
  const { plan, catalog } = problem;
  const vioses = viosCount(plan);
  const placed = new Set(servers.flatMap((server) => server.members));
  // With n+1 every server (the spare above all) installs as much memory as the fullest one needs, to take it over.
  const largest = Math.max(
    0,
    ...servers.map((server) =>
      memoryFor(
        problem,
        server,
        viosNeed(
          server.members.map((index) => problem.instances[index]!.workload),
          plan,
          catalog,
        ).memoryGiB,
      ),
    ),
  );
  return {
    objective: 'cores',
    servers: servers.map((server, position) => {
      const clients = server.members.map((index) => ({
        instance: problem.instances[index]!,
        need: server.column.needs[index]!,
      }));
      const vios = viosNeed(
        clients.map((client) => client.instance.workload),
        plan,
        catalog,
      );
      const memory = failover ? largest : memoryFor(problem, server, vios.memoryGiB);
      return {
        id: `ref-${position + 1}`,
        model: server.column.target.model.machineTypeModel ?? server.column.target.model.id,
        modelName: server.column.target.model.name,
        generation: server.column.target.model.generation,
        configuration: server.column.target.configuration.id,
        cores: { active: server.column.cores, licensed: server.column.cores },
        memoryGiB: memory,
        edition: '',
        partitions: [
          ...Array.from({ length: vioses }, (_, at) => ({
            name: `vios${at + 1}`,
            role: 'vios' as const,
            os: 'vios' as const,
            mode: 'shared' as const,
            entitledCapacity: vios.ec,
            memoryGiB: vios.memoryGiB,
            demandCores: vios.ec,
          })),
          ...clients.map(({ instance, need }) => ({
            name: instance.name,
            workload: instance.name,
            role: 'client' as const,
            os: instance.workload.os,
            mode: need.mode,
            ...(need.mode === 'shared' ? { entitledCapacity: need.units } : { dedicatedCores: need.units }),
            memoryGiB: need.memoryGiB,
            demandCores: need.demandCores,
          })),
        ],
        utilization: { cpu: 0, memory: 0 },
        hypervisorMemoryGiB: 0,
      };
    }),
    unplaced: problem.instances
      .filter((_, index) => !placed.has(index))
      .map((instance) => ({
        name: instance.name,
        reason: { code: 'solver.unplaced.no-room', params: {} },
        details: [],
      })),
    bounds: { serversLowerBound: 0, coresLowerBound: 0, gap: 0, provenOptimal: false, exact: 'not-run' },
    alternatives: [],
    warnings: [],
  };
}

/** Installed memory for a reference server: the smallest 32 GiB step that keeps everything under the target. */
function memoryFor(problem: ReferenceProblem, server: RefServer, viosMemoryGiB: number): number {
  const { constraints } = problem.plan;
  const vioses = viosCount(problem.plan);
  const npiv = server.members.filter((index) => problem.instances[index]!.workload.io?.storage === 'npiv').length;
  const partitions =
    server.members.reduce((sum, index) => sum + server.column.needs[index]!.memoryGiB, 0) + vioses * viosMemoryGiB;
  const tables =
    server.members.reduce((sum, index) => sum + server.column.needs[index]!.pageTablesGiB, 0) +
    vioses * (hptGiB(viosMemoryGiB, 'vios') + pptGiB(viosMemoryGiB)) +
    (npiv * vioses * HYPERVISOR_MIB_PER_VIRTUAL_FC) / 1024;
  const needed = minimumInstalledGiB(
    partitions,
    tables,
    constraints.targetMemoryUtilization,
    constraints.hypervisorFirmwareGiB,
  );
  return Math.max(32, Math.ceil(needed / 32 - 1e-9) * 32);
}
