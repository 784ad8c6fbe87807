// Stage 3b, recombination: every server any packing produced is a column (a configuration and the instances it
// holds, checked by the rules); HiGHS picks the cheapest set of columns that covers every instance. Servers of
// different configurations combine freely, so the configuration choice is made by the integer model, not ranked.
import { type SearchLimit, solveMilp } from './milp';
import type { Candidate, Lpar } from './normalise';
import { type ObjectiveName, milpWeight } from './objective';
import type { ServerBin } from './pack';
import { pack } from './pack';
import { hashOf } from './portfolio';
import type { Prepared } from './prepare';
import { rebuild, repick } from './mixed';
import { seededRandom } from './random';

export interface Column {
  candidate: Candidate;
  /** Instance indices, ascending. */
  members: number[];
}

/** A pool of distinct columns. */
export class ColumnPool {
  readonly columns: Column[] = [];
  private readonly keys = new Set<string>();
  add(bin: { candidate: Candidate; lpars: readonly Lpar[] }): void {
    if (bin.lpars.length === 0) return;
    const members = bin.lpars.map((lpar) => lpar.instance.index).sort((a, b) => a - b);
    const key = `${bin.candidate.key}|${members.join(',')}`;
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.columns.push({ candidate: bin.candidate, members });
  }
  /** Adds each server as it is and re-picked to the cheapest configuration that holds it. */
  addAll(bins: readonly ServerBin[], prepared: Prepared, candidates: readonly Candidate[]): void {
    for (const bin of bins) {
      this.add(bin);
      this.add(repick(bin, candidates, prepared.lparIndex, prepared.settings, prepared.objective));
    }
  }
}

/** Seeded random orders of one candidate's partitions, first fit: diverse servers for the pool. */
export function randomPackings(
  lpars: readonly Lpar[],
  candidate: Candidate,
  prepared: Prepared,
  orders: number,
): ServerBin[][] {
  const next = seededRandom(hashOf(candidate.key) ^ lpars.length);
  const result: ServerBin[][] = [];
  for (let round = 0; round < orders; round += 1) {
    const keyed = lpars.map((lpar) => ({
      lpar,
      key: lpar.demandCores * (0.3 + next()) + (lpar.instance.workload.haGroup ? 1e6 : 0),
    }));
    keyed.sort((a, b) => b.key - a.key);
    result.push(
      pack(
        keyed.map((each) => each.lpar),
        candidate,
        prepared.settings,
        next() < 0.5 ? 'first-fit' : 'best-fit',
        Number.POSITIVE_INFINITY,
        0,
        'given',
      ).bins,
    );
  }
  return result;
}

export interface Recombined {
  bins: ServerBin[];
  status: 'optimal' | 'work-limit' | 'time-limit' | 'stopped' | 'none';
}

/**
 * The cheapest cover of the instances by the pool's columns (at least the incumbent's, which the pool must hold),
 * each instance then kept on one of its servers, and every server re-picked.
 */
export async function recombine(
  pool: ColumnPool,
  incumbent: readonly ServerBin[],
  prepared: Prepared,
  candidates: readonly Candidate[],
  limit: SearchLimit,
  shouldStop?: () => boolean,
): Promise<Recombined> {
  const { objective, plan } = prepared;
  const columns = undominated(
    pool.columns.filter((column) => weightOf(column.candidate, objective) !== null),
    objective,
  );
  const covering = new Map<number, number[]>();
  columns.forEach((column, at) =>
    column.members.forEach((index) => covering.set(index, [...(covering.get(index) ?? []), at])),
  );
  // Only instances the incumbent places must be covered, so the answer never places fewer.
  const must = new Set(incumbent.flatMap((bin) => bin.lpars.map((lpar) => lpar.instance.index)));
  const rows = [...covering]
    .filter(([index]) => must.has(index))
    .map(([index, ats]) => ` c${index}: ${ats.map((at) => `z${at}`).join(' + ')} >= 1`);
  if (rows.length === 0) return { bins: [...incumbent], status: 'none' };
  if (plan.constraints.maxServers !== null)
    rows.push(` servers: ${columns.map((_, at) => `z${at}`).join(' + ')} <= ${plan.constraints.maxServers}`);
  const objectiveRow = columns
    .map((column, at) => `${weightOf(column.candidate, objective)!.toFixed(6)} z${at}`)
    .join(' + ');
  const lp = [
    'Minimize',
    ` obj: ${objectiveRow}`,
    'Subject To',
    ...rows,
    'Binary',
    ` ${columns.map((_, at) => `z${at}`).join(' ')}`,
    'End',
  ].join('\n');
  const start = startOf(incumbent, columns);
  const result = await solveMilp(lp, {
    limit,
    ...(start ? { start } : {}),
    ...(shouldStop ? { shouldStop } : {}),
  });
  if (!result.values) return { bins: [...incumbent], status: 'none' };
  const chosen = columns.filter((_, at) => (result.values!.get(`z${at}`) ?? 0) > 0.5);
  return {
    bins: servers(chosen, prepared, candidates),
    status: result.status === 'infeasible' || result.status === 'error' ? 'none' : result.status,
  };
}

/**
 * Columns no other column covers more cheaply: one that costs no less and holds a subset of another's instances is
 * never needed in a cover (an instance may be left out of any server). Fewer columns, far faster proofs.
 */
function undominated(columns: readonly Column[], objective: ObjectiveName): Column[] {
  const words = Math.ceil((Math.max(0, ...columns.flatMap((column) => column.members)) + 1) / 32);
  const sets = columns.map((column) => {
    const bits = new Uint32Array(words);
    for (const index of column.members) bits[index >>> 5]! |= 1 << (index & 31);
    return bits;
  });
  const subset = (a: Uint32Array, b: Uint32Array) => a.every((word, at) => (word & ~b[at]!) === 0);
  const order = columns
    .map((_, at) => at)
    .sort(
      (a, b) =>
        weightOf(columns[a]!.candidate, objective)! - weightOf(columns[b]!.candidate, objective)! ||
        columns[b]!.members.length - columns[a]!.members.length,
    );
  const kept: number[] = [];
  for (const at of order) {
    // Every kept column costs no more (sorted by weight); one that contains this column's instances makes it redundant.
    if (!kept.some((other) => subset(sets[at]!, sets[other]!))) kept.push(at);
  }
  return kept.sort((a, b) => a - b).map((at) => columns[at]!);
}

function weightOf(candidate: Candidate, objective: ObjectiveName): number | null {
  return milpWeight(candidate, objective);
}

function startOf(incumbent: readonly ServerBin[], columns: readonly Column[]): Map<string, number> | null {
  const at = new Map(columns.map((column, index) => [`${column.candidate.key}|${column.members.join(',')}`, index]));
  const start = new Map(columns.map((_, index) => [`z${index}`, 0]));
  for (const bin of incumbent) {
    const key = `${bin.candidate.key}|${bin.lpars
      .map((lpar) => lpar.instance.index)
      .sort((a, b) => a - b)
      .join(',')}`;
    const index = at.get(key);
    if (index === undefined) return null;
    start.set(`z${index}`, 1);
  }
  return start;
}

/** Chosen columns as servers: an instance covered twice stays on the first (removing a partition keeps a server valid). */
function servers(chosen: readonly Column[], prepared: Prepared, candidates: readonly Candidate[]): ServerBin[] {
  const taken = new Set<number>();
  const bins: ServerBin[] = [];
  for (const column of [...chosen].sort((a, b) => b.members.length - a.members.length)) {
    const members = column.members.filter((index) => !taken.has(index));
    if (members.length === 0) continue;
    const bin = rebuild(members, column.candidate, prepared.lparIndex, prepared.settings);
    if (!bin) continue;
    members.forEach((index) => taken.add(index));
    bins.push(repick(bin, candidates, prepared.lparIndex, prepared.settings, prepared.objective));
  }
  return bins;
}
