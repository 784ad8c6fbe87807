// Stage 4, exact proof: an assignment model over every candidate configuration at once, solved by HiGHS from the
// heuristic's answer. Servers are slots per configuration (x: instance on slot, y: slot used, v/w: the VIOS tier);
// the rows are the packing's rules written linearly (installed memory in 32 GiB steps is the one rounding left
// out, which only relaxes them), so its optimum is a lower bound for every choice of configurations, and a
// placement of it that passes the packing's checks is optimal.
import {
  HYPERVISOR_MIB_PER_VIRTUAL_FC,
  memoryCapacityGiB,
  MICRO_PARTITIONS_PER_CORE,
  SMALL_VIOS_LIMITS,
  viosTierName,
} from '../powervm';
import { type MilpStatus, type SearchLimit, solveMilp } from './milp';
import type { Candidate, Lpar } from './normalise';
import { type ObjectiveName, candidateCost, primary } from './objective';
import type { ServerBin } from './pack';
import { type PackSettings, viosShape } from './pack';
import type { Prepared } from './prepare';
import { rebuild } from './mixed';

/** Instances up to which the exact model runs by default (docs/sizing-method.md §7). */
export const EXACT_LIMIT = 50;

export interface ExactResult {
  status: MilpStatus;
  /** A placement of the model's best answer that passes the real rules, when it scores better than the start. */
  bins: ServerBin[] | null;
  /** Lower bound on the primary objective over every candidate (null when none was proved). */
  bound: number | null;
}

interface Slot {
  candidate: Candidate;
  index: number;
  name: string;
  /** Instances allowed on this slot (symmetry: an instance goes only to slots up to its rank on the configuration). */
  members: Lpar[];
}

function primaryWeight(candidate: Candidate, objective: ObjectiveName): number {
  return objective === 'servers' ? 1 : objective === 'cost' ? (candidateCost(candidate) ?? 1e9) : candidate.activeCores;
}

/** Slots per configuration: no more than the start's objective allows, nor than the instances it can run. */
function slotsOf(
  prepared: Prepared,
  candidates: readonly Candidate[],
  instances: ReadonlySet<number>,
  limit: number,
): Slot[] {
  const slots: Slot[] = [];
  for (const candidate of candidates) {
    const lpars = prepared.lparsByCandidate.get(candidate.key)!.filter((lpar) => instances.has(lpar.instance.index));
    const count = Math.min(lpars.length, Math.floor(limit / primaryWeight(candidate, prepared.objective) + 1e-9));
    for (let index = 0; index < count; index += 1) {
      slots.push({ candidate, index, name: `${candidates.indexOf(candidate)}_${index}`, members: lpars.slice(index) });
    }
  }
  return slots;
}

/**
 * Per-slot rows. The VIOS tier is chosen by two binaries per slot (v: large or SSP, w: SSP) forced by the same
 * thresholds as the packing's (clients, network, IOPS, MB/s, an SSP client), so the VIOS entitlement and memory
 * are the real ones; memory counts page tables, the VIOS and the virtual FC adapters' hypervisor memory.
 */
function slotRows(slot: Slot, settings: PackSettings): string[] {
  const { candidate, members, name } = slot;
  const { constraints } = settings.plan;
  const vioses = settings.viosCount;
  const [small, large, ssp] = (['small', 'large', 'ssp'] as const).map((tier) => viosShape(tier, settings));
  const x = (lpar: Lpar) => `x_${lpar.instance.index}_${name}`;
  const sum = (weight: (lpar: Lpar) => number, only: (lpar: Lpar) => boolean = () => true) =>
    members
      .filter(only)
      .map((lpar) => `${fmt(weight(lpar))} ${x(lpar)}`)
      .join(' + ') || `0 y_${name}`;
  const tier = (pick: (shape: NonNullable<typeof small>) => number) =>
    vioses === 0
      ? ''
      : ` + ${fmt((pick(large!) - pick(small!)) * vioses)} v_${name} + ${fmt((pick(ssp!) - pick(large!)) * vioses)} w_${name}`;
  const rows = [
    ` d_${name}: ${sum((lpar) => lpar.demandCores)}${tier((shape) => shape.ec)} - ${fmt(constraints.targetCpuUtilization * candidate.activeCores - small!.ec * vioses)} y_${name} <= 0`,
    ` u_${name}: ${sum((lpar) => lpar.cpuUnits)}${tier((shape) => shape.ec)} - ${fmt(candidate.activeCores - small!.ec * vioses)} y_${name} <= 0`,
    ` p_${name}: ${sum(() => 1)} - ${candidate.maxPartitions - vioses} y_${name} <= 0`,
  ];
  if (vioses > 0) rows.push(...viosTierRows(slot, x, sum));
  const shared = members.filter((lpar) => lpar.mode === 'shared');
  if (shared.length + vioses > MICRO_PARTITIONS_PER_CORE * candidate.activeCores) {
    rows.push(
      ` m_${name}: ${sum(
        () => 1,
        (lpar) => lpar.mode === 'shared',
      )} - ${MICRO_PARTITIONS_PER_CORE * candidate.activeCores - vioses} y_${name} <= 0`,
    );
  }
  if (candidate.maxMemoryGiB !== null) {
    // The hypervisor reserve rule (powervm/memory.ts): partitions with their tables up to target x max, and the
    // partitions alone up to (target - firmware share) x max.
    const capacity = memoryCapacityGiB(
      candidate.maxMemoryGiB,
      constraints.targetMemoryUtilization,
      constraints.hypervisorFirmwareGiB,
    );
    const virtualFc = (lpar: Lpar) =>
      lpar.instance.io.storage === 'npiv' ? (vioses * HYPERVISOR_MIB_PER_VIRTUAL_FC) / 1024 : 0;
    const withTables = (shape: typeof small) => (shape ? shape.memoryGiB + shape.pageTablesGiB : 0);
    const alone = (shape: typeof small) => (shape ? shape.memoryGiB : 0);
    rows.push(
      ` g_${name}: ${sum((lpar) => lpar.memoryGiB + lpar.pageTablesGiB + virtualFc(lpar))}${tier((shape) => withTables(shape))} - ${fmt(capacity.withTablesGiB - withTables(small) * vioses)} y_${name} <= 0`,
    );
    rows.push(
      ` h_${name}: ${sum((lpar) => lpar.memoryGiB)}${tier((shape) => alone(shape))} - ${fmt(capacity.partitionsGiB - alone(small) * vioses)} y_${name} <= 0`,
    );
  }
  const nonLinux = (lpar: Lpar) => lpar.instance.workload.os !== 'linux';
  if (candidate.nonLinuxCoreShare < 1 && members.some(nonLinux)) {
    rows.push(
      ` l_${name}: ${sum((lpar) => lpar.cpuUnits, nonLinux)} - ${fmt(candidate.nonLinuxCoreShare * candidate.activeCores)} y_${name} <= 0`,
    );
  }
  const groups = new Map<string, Lpar[]>();
  for (const lpar of members) {
    const group = lpar.instance.workload.haGroup;
    if (group !== undefined) groups.set(group, [...(groups.get(group) ?? []), lpar]);
  }
  let at = 0;
  for (const group of groups.values())
    if (group.length > 1) rows.push(` a${(at += 1)}_${name}: ${group.map(x).join(' + ')} <= 1`);
  return rows;
}

/** The VIOS is large (v) beyond a small one's limits and SSP (w) with any SSP client; SSP implies v. */
function viosTierRows(
  slot: Slot,
  x: (lpar: Lpar) => string,
  sum: (weight: (lpar: Lpar) => number) => string,
): string[] {
  const { name, members } = slot;
  const many = members.length + 1;
  const rows = [
    ` vw_${name}: w_${name} - v_${name} <= 0`,
    ` vc_${name}: ${sum(() => 1)} - ${many} v_${name} <= ${SMALL_VIOS_LIMITS.clients}`,
  ];
  const limits = [
    ['vn', (lpar: Lpar) => lpar.instance.io.networkGbps, SMALL_VIOS_LIMITS.networkGbps],
    ['vi', (lpar: Lpar) => lpar.instance.io.storageIops, SMALL_VIOS_LIMITS.storageIops],
    ['vm', (lpar: Lpar) => lpar.instance.io.storageMBps, SMALL_VIOS_LIMITS.storageMBps],
  ] as const;
  for (const [prefix, weight, limit] of limits) {
    const total = members.reduce((sum, lpar) => sum + weight(lpar), 0);
    if (total > limit) rows.push(` ${prefix}_${name}: ${sum(weight)} - ${fmt(total)} v_${name} <= ${limit}`);
  }
  for (const lpar of members)
    if (lpar.instance.io.needsSsp) rows.push(` vs_${lpar.instance.index}_${name}: ${x(lpar)} - w_${name} <= 0`);
  return rows;
}

function fmt(value: number): string {
  return Number(value.toFixed(6)).toString();
}

export function buildExactModel(prepared: Prepared, slots: readonly Slot[], instances: ReadonlySet<number>): string {
  const rows: string[] = [];
  const bySlot = new Map<number, string[]>();
  for (const slot of slots)
    for (const lpar of slot.members)
      bySlot.set(lpar.instance.index, [
        ...(bySlot.get(lpar.instance.index) ?? []),
        `x_${lpar.instance.index}_${slot.name}`,
      ]);
  for (const index of instances)
    rows.push(` assign_${index}: ${(bySlot.get(index) ?? []).join(' + ') || '0 y_none'} = 1`);
  slots.forEach((slot, at) => {
    rows.push(...slotRows(slot, prepared.settings));
    const next = slots[at + 1];
    if (next && next.candidate === slot.candidate) rows.push(` o_${slot.name}: y_${slot.name} - y_${next.name} >= 0`);
  });
  const tiers = prepared.settings.viosCount > 0 ? slots.flatMap((slot) => [`v_${slot.name}`, `w_${slot.name}`]) : [];
  const binaries = [...slots.map((slot) => `y_${slot.name}`), ...tiers, ...[...bySlot.values()].flat()];
  const objective = slots
    .map((slot) => `${fmt(primaryWeight(slot.candidate, prepared.objective))} y_${slot.name}`)
    .join(' + ');
  return ['Minimize', ` obj: ${objective}`, 'Subject To', ...rows, 'Binary', ` ${binaries.join(' ')}`, 'End'].join(
    '\n',
  );
}

/** The start's servers as slot values (each configuration's servers in the order of their first instance). */
function startOf(incumbent: readonly ServerBin[], slots: readonly Slot[]): Map<string, number> {
  const start = new Map<string, number>();
  for (const slot of slots) {
    start.set(`y_${slot.name}`, 0);
    start.set(`v_${slot.name}`, 0);
    start.set(`w_${slot.name}`, 0);
    for (const lpar of slot.members) start.set(`x_${lpar.instance.index}_${slot.name}`, 0);
  }
  const byCandidate = new Map<Candidate, ServerBin[]>();
  for (const bin of incumbent) byCandidate.set(bin.candidate, [...(byCandidate.get(bin.candidate) ?? []), bin]);
  for (const [candidate, bins] of byCandidate) {
    const own = slots.filter((slot) => slot.candidate === candidate);
    const rank = new Map(own[0]?.members.map((lpar, at) => [lpar.instance.index, at]) ?? []);
    const first = (bin: ServerBin) =>
      Math.min(...bin.lpars.map((lpar) => rank.get(lpar.instance.index) ?? Number.POSITIVE_INFINITY));
    [...bins]
      .sort((a, b) => first(a) - first(b))
      .forEach((bin, at) => {
        const slot = own[at];
        if (!slot) return;
        start.set(`y_${slot.name}`, 1);
        const tier = viosTierName(bin.load);
        start.set(`v_${slot.name}`, tier === 'small' ? 0 : 1);
        start.set(`w_${slot.name}`, tier === 'ssp' ? 1 : 0);
        for (const lpar of bin.lpars) start.set(`x_${lpar.instance.index}_${slot.name}`, 1);
      });
  }
  return start;
}

/** Solves the model from `incumbent` (which must place every instance in `instances`). */
export async function exactSolve(
  prepared: Prepared,
  candidates: readonly Candidate[],
  incumbent: readonly ServerBin[],
  search: SearchLimit,
  shouldStop?: () => boolean,
): Promise<ExactResult> {
  const instances = new Set(incumbent.flatMap((bin) => bin.lpars.map((lpar) => lpar.instance.index)));
  const limit = primary(incumbent, prepared.objective);
  const slots = slotsOf(prepared, candidates, instances, limit);
  const lp = buildExactModel(prepared, slots, instances);
  const result = await solveMilp(lp, {
    limit: search,
    start: startOf(incumbent, slots),
    ...(shouldStop ? { shouldStop } : {}),
  });
  if (result.status === 'infeasible' || result.status === 'error')
    return { status: result.status, bins: null, bound: null };
  let bins: ServerBin[] | null = null;
  if (result.values && result.objective !== null && result.objective < limit - 1e-6) {
    bins = [];
    for (const slot of slots) {
      if ((result.values.get(`y_${slot.name}`) ?? 0) < 0.5) continue;
      const members = slot.members.filter(
        (lpar) => (result.values!.get(`x_${lpar.instance.index}_${slot.name}`) ?? 0) > 0.5,
      );
      const bin =
        members.length > 0
          ? rebuild(
              members.map((lpar) => lpar.instance.index),
              slot.candidate,
              prepared.lparIndex,
              prepared.settings,
            )
          : null;
      if (members.length > 0 && !bin) {
        bins = null;
        break;
      }
      if (bin) bins.push(bin);
    }
  }
  const bound = result.bound === null ? null : Math.ceil(result.bound - 1e-6 * Math.max(1, Math.abs(result.bound)));
  return { status: result.status, bins, bound: prepared.objective === 'cost' ? result.bound : bound };
}
