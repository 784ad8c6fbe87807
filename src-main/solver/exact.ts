// The exact assignment model for small plans, solved by HiGHS (WebAssembly). With the smallest VIOS per server it
// is a relaxation of the real rules, so its optimum is a lower bound: equal to the heuristic's count, it proves it.
import highsLoader from 'highs';
import { viosTier, emptyViosLoad } from '../powervm';
import type { Candidate, Lpar } from './normalise';
import { memoryCapacityGiB } from '../powervm';
import { type PackSettings, ServerBin } from './pack';

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let loaded: Promise<Highs> | null = null;
function highs(): Promise<Highs> {
  loaded ??= highsLoader();
  return loaded;
}

export interface ExactResult {
  status: 'optimal' | 'infeasible' | 'time-limit' | 'error';
  servers: number | null;
  /** Slot of each lpar in the model's answer (index into the lpars given). */
  assignment: number[] | null;
}

/** Builds the model in CPLEX LP format: x_i_s (lpar i on slot s), y_s (slot s used), y_s >= y_{s+1}. */
export function buildModel(lpars: readonly Lpar[], candidate: Candidate, settings: PackSettings, slots: number): string {
  const { constraints } = settings.plan;
  const vios = viosTier(emptyViosLoad());
  const reserveEc = vios.entitledCapacity * settings.viosCount;
  const cpuDemandCap = constraints.targetCpuUtilization * candidate.activeCores - reserveEc;
  const cpuUnitCap = candidate.activeCores - reserveEc;
  const partitionCap = candidate.maxPartitions - settings.viosCount;
  // The hypervisor reserve rule gives two limits: partitions with their tables, and partitions alone (powervm/memory.ts).
  const capacity = candidate.maxMemoryGiB === null ? null : memoryCapacityGiB(candidate.maxMemoryGiB, constraints.targetMemoryUtilization, constraints.hypervisorFirmwareGiB);
  const memoryCap = capacity === null ? null : capacity.withTablesGiB - vios.memoryGiB * settings.viosCount;
  const partitionsCap = capacity === null ? null : capacity.partitionsGiB - vios.memoryGiB * settings.viosCount;
  const x = (i: number, s: number) => `x_${i}_${s}`;
  const y = (s: number) => `y_${s}`;
  const rows: string[] = [];
  const fmt = (value: number) => Number(value.toFixed(6)).toString();
  lpars.forEach((_, i) => rows.push(` assign_${i}: ${Array.from({ length: slots }, (_, s) => x(i, s)).join(' + ')} = 1`));
  for (let s = 0; s < slots; s += 1) {
    rows.push(` demand_${s}: ${lpars.map((lpar, i) => `${fmt(lpar.demandCores)} ${x(i, s)}`).join(' + ')} - ${fmt(cpuDemandCap)} ${y(s)} <= 0`);
    rows.push(` units_${s}: ${lpars.map((lpar, i) => `${fmt(lpar.cpuUnits)} ${x(i, s)}`).join(' + ')} - ${fmt(cpuUnitCap)} ${y(s)} <= 0`);
    rows.push(` parts_${s}: ${lpars.map((_, i) => x(i, s)).join(' + ')} - ${partitionCap} ${y(s)} <= 0`);
    if (memoryCap !== null) rows.push(` memory_${s}: ${lpars.map((lpar, i) => `${fmt(lpar.memoryGiB + lpar.pageTablesGiB)} ${x(i, s)}`).join(' + ')} - ${fmt(memoryCap)} ${y(s)} <= 0`);
    if (partitionsCap !== null) rows.push(` partmem_${s}: ${lpars.map((lpar, i) => `${fmt(lpar.memoryGiB)} ${x(i, s)}`).join(' + ')} - ${fmt(partitionsCap)} ${y(s)} <= 0`);
    if (s + 1 < slots) rows.push(` order_${s}: ${y(s)} - ${y(s + 1)} >= 0`);
  }
  const groups = new Map<string, number[]>();
  lpars.forEach((lpar, i) => {
    const group = lpar.instance.workload.haGroup;
    if (group !== undefined) groups.set(group, [...(groups.get(group) ?? []), i]);
  });
  let groupIndex = 0;
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    for (let s = 0; s < slots; s += 1) rows.push(` group_${groupIndex}_${s}: ${members.map((i) => x(i, s)).join(' + ')} <= 1`);
    groupIndex += 1;
  }
  const binaries = [...lpars.flatMap((_, i) => Array.from({ length: slots }, (_, s) => x(i, s))), ...Array.from({ length: slots }, (_, s) => y(s))];
  return ['Minimize', ` servers: ${Array.from({ length: slots }, (_, s) => y(s)).join(' + ')}`, 'Subject To', ...rows, 'Binary', ` ${binaries.join(' ')}`, 'End'].join('\n');
}

export async function exactServerCount(lpars: readonly Lpar[], candidate: Candidate, settings: PackSettings, slots: number, timeLimitSeconds: number): Promise<ExactResult> {
  if (lpars.length === 0 || slots === 0) return { status: 'optimal', servers: 0, assignment: [] };
  const solver = await highs();
  try {
    const result = solver.solve(buildModel(lpars, candidate, settings, slots), { time_limit: timeLimitSeconds, output_flag: false, mip_rel_gap: 0 });
    if (result.Status === 'Infeasible') return { status: 'infeasible', servers: null, assignment: null };
    if (result.Status !== 'Optimal') return { status: result.Status === 'Time limit reached' ? 'time-limit' : 'error', servers: null, assignment: null };
    const columns = result.Columns as Record<string, { Primal: number }>;
    const assignment = lpars.map((_, i) => {
      for (let s = 0; s < slots; s += 1) if ((columns[`x_${i}_${s}`]?.Primal ?? 0) > 0.5) return s;
      return -1;
    });
    return { status: 'optimal', servers: Math.round(result.ObjectiveValue), assignment };
  } catch {
    return { status: 'error', servers: null, assignment: null };
  }
}

/**
 * The exact model's placement checked against the real rules (VIOS sized for their clients, hypervisor memory):
 * the servers it describes, or null when some partition does not fit there after all. A placement that passes is
 * optimal for the configuration, since the model relaxes the rules.
 */
export function serversFromAssignment(lpars: readonly Lpar[], assignment: readonly number[], candidate: Candidate, settings: PackSettings): ServerBin[] | null {
  const bins = new Map<number, ServerBin>();
  for (const [index, lpar] of lpars.entries()) {
    const slot = assignment[index] ?? -1;
    if (slot < 0) return null;
    if (!bins.has(slot)) bins.set(slot, new ServerBin(candidate, settings));
    const bin = bins.get(slot)!;
    if (!bin.fits(lpar)) return null;
    bin.add(lpar);
  }
  return [...bins.entries()].sort(([a], [b]) => a - b).map(([, bin]) => bin);
}
