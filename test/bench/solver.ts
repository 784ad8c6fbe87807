// Solver benchmark: figures, never pass/fail. Small and medium plans (up to 200 workloads) against an independent
// reference (first fit decreasing over every configuration, and an exact HiGHS model over all configurations,
// test/bench/reference.ts); n+1 plans against an independently checked n+1 layout; every layout, the product's and
// the reference's, checked by test/support/powervm-check.ts. Large plans: the gap to the product's lower bound.
import { snapshotOf } from '../../src-main/catalog';
import { readShippedCatalog } from '../../src-main/platform';
import type { CatalogSnapshot } from '../../src-main/catalog/schema';
import type { PlanFile } from '../../src-main/plan/schema';
import { solvePlan } from '../../src-main/solver/solve';
import { checkSolution, failoverProblems } from '../support/powervm-check';
import { FAMILIES, type Family, REDUNDANT_FAMILIES, generatePlan } from './families';
import {
  type ReferenceProblem,
  type ReferenceResult,
  asSolution,
  coresOf,
  ffdBaseline,
  nPlusOneBaseline,
  placedBy,
  referenceProblem,
  referenceSolve,
} from './reference';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface SolverBenchRow {
  family: string;
  workloads: number;
  servers: number;
  licensedCores: number;
  unplaced: number;
  coresLowerBound: number;
  gap: number;
  provenOptimal: boolean;
  exact: string;
  /** Milliseconds to the first answer (wall clock, and the solver's processor time), and to the final one. */
  firstMs: number | null;
  firstCpuMs: number | null;
  totalMs: number;
  /** The solver's processor time to the final answer (the wall clock counts the other engineers' load too). */
  totalCpuMs: number;
  /** The independent reference: FFD over every configuration, the exact model's best and its bound. */
  ffdCores: number | null;
  referenceCores: number | null;
  referenceBound: number | null;
  referenceStatus: string;
  referenceUnplaced: number | null;
  /** Seconds the reference was given on its last run (the retry's when it ran again). */
  referenceSeconds: number | null;
  /** Processor seconds the reference actually had on its last run (less than its wall-clock limit on a busy machine). */
  referenceCpuSeconds: number | null;
  /** Product cores over the reference's best (n+1: over the checked n+1 layout). */
  ratio: number | null;
  /** Rules the independent checker found broken, in the product's answer and in the reference's. */
  productProblems: number;
  referenceProblems: number;
  peakRssMiB: number;
}

export interface SolverBenchOptions {
  sizes?: number[];
  families?: Family[];
  /** Seconds the exact reference first gets per plan. */
  referenceSeconds?: number;
  /**
   * Seconds it gets again where it did not prove the optimum in the first run (0: no second run). A proven optimum
   * cannot improve with more time, so this is the same as giving every plan this long, at a fraction of the cost.
   */
  retrySeconds?: number;
  /** The reference runs up to this many workloads. */
  referenceUpTo?: number;
  /** A JSON file keeping reference results between runs, keyed by the model's inputs and the time it had. */
  cacheFile?: string;
  /** Called after each plan (the bench prints a line, so a long run shows where it is). */
  onRow?: (row: SolverBenchRow) => void;
}

const round1 = (value: number) => Math.round(value * 10) / 10;
/** Processor time of this process (the solver runs on this thread), robust to a busy machine unlike the wall clock. */
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** Reference results kept between runs: the reference is independent of the product, so it need not run again. */
class ReferenceCache {
  private readonly entries: Record<string, CachedReference>;
  constructor(private readonly file: string | undefined) {
    this.entries =
      file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, CachedReference>) : {};
  }
  get(key: string, problem: ReferenceProblem): ReferenceResult | null {
    const entry = this.entries[key];
    if (!entry) return null;
    const servers = entry.servers.map((server) => ({
      column: problem.columns[server.column]!,
      members: server.members,
    }));
    return { ...entry, servers };
  }
  set(key: string, problem: ReferenceProblem, result: ReferenceResult): void {
    if (!this.file) return;
    const servers = result.servers.map((server) => ({
      column: problem.columns.indexOf(server.column),
      members: server.members,
    }));
    this.entries[key] = { ...result, servers };
    writeFileSync(`${this.file}.tmp`, JSON.stringify(this.entries));
    renameSync(`${this.file}.tmp`, this.file);
  }
}
type CachedReference = Omit<ReferenceResult, 'servers'> & { servers: Array<{ column: number; members: number[] }> };

/** What the reference model is built from: the plan's rules and every column's needs. */
function problemKey(problem: ReferenceProblem, seconds: number): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(problem.plan));
  for (const column of problem.columns)
    hash.update(JSON.stringify([column.target.configuration.id, column.cores, column.needs]));
  return `${hash.digest('hex').slice(0, 24)}@${seconds}`;
}

async function cachedSolve(
  problem: ReferenceProblem,
  seconds: number,
  cache: ReferenceCache,
): Promise<ReferenceResult> {
  const key = problemKey(problem, seconds);
  const known = cache.get(key, problem);
  if (known) return known;
  const result = await referenceSolve(problem, seconds);
  if (result.status !== 'error') cache.set(key, problem, result);
  return result;
}

async function compare(
  plan: PlanFile,
  catalog: CatalogSnapshot,
  times: { seconds: number; retrySeconds: number; cache: ReferenceCache },
  redundant: boolean,
) {
  const problem = referenceProblem(plan, catalog);
  if (redundant) {
    const layout = nPlusOneBaseline(problem);
    const asked = asSolution(problem, layout, true);
    const problems = [...checkSolution(plan, catalog, asked), ...failoverProblems(plan, catalog, asked)];
    return {
      ffdCores: coresOf(layout),
      referenceCores: coresOf(layout),
      referenceBound: null,
      referenceStatus: 'n+1 layout',
      referenceUnplaced: plan.workloads.length - placedBy(layout),
      referenceProblems: problems.length,
      referenceSeconds: null,
      referenceCpuSeconds: null,
    };
  }
  const ffd = ffdBaseline(problem);
  let reference = await cachedSolve(problem, times.seconds, times.cache);
  let seconds = times.seconds;
  if (reference.status !== 'optimal' && reference.status !== 'baseline-only' && times.retrySeconds > times.seconds) {
    reference = await cachedSolve(problem, times.retrySeconds, times.cache);
    seconds = times.retrySeconds;
  }
  const problems = checkSolution(plan, catalog, asSolution(problem, reference.servers));
  return {
    ffdCores: coresOf(ffd),
    referenceCores: reference.cores,
    referenceBound: reference.bound,
    referenceStatus: reference.status,
    referenceUnplaced: problem.instances.length - reference.placed,
    referenceProblems: problems.length,
    referenceSeconds: seconds,
    referenceCpuSeconds: reference.cpuSeconds ?? null,
  };
}

export async function runSolverBench(options: SolverBenchOptions = {}): Promise<SolverBenchRow[]> {
  const catalog = snapshotOf(await readShippedCatalog(resolve(import.meta.dirname, '..', '..', 'resources')));
  const sizes = options.sizes ?? [10, 20, 50, 100, 200, 1000, 10000];
  const referenceUpTo = options.referenceUpTo ?? 200;
  const times = {
    seconds: options.referenceSeconds ?? 5,
    retrySeconds: options.retrySeconds ?? 60,
    cache: new ReferenceCache(options.cacheFile),
  };
  const rows: SolverBenchRow[] = [];
  // One untimed solve first, as a running app has done: the first call otherwise also times V8 compiling the solver.
  await solvePlan(generatePlan('many-small', 60, 2), catalog);
  for (const family of options.families ?? FAMILIES) {
    for (const size of sizes) {
      const plan = generatePlan(family, size);
      const started = performance.now();
      let firstMs: number | null = null;
      let firstCpuMs: number | null = null;
      const cpuStart = cpuMs();
      const solution = await solvePlan(plan, catalog, {
        onSolution: () => {
          firstMs ??= performance.now() - started;
          firstCpuMs ??= cpuMs() - cpuStart;
        },
      });
      const totalMs = performance.now() - started;
      const totalCpuMs = cpuMs() - cpuStart;
      const redundant = REDUNDANT_FAMILIES.has(family);
      const productProblems =
        size <= referenceUpTo
          ? [...checkSolution(plan, catalog, solution), ...(redundant ? failoverProblems(plan, catalog, solution) : [])]
              .length
          : 0;
      const reference = size <= referenceUpTo ? await compare(plan, catalog, times, redundant) : null;
      const licensedCores = solution.totals?.licensedCores ?? 0;
      rows.push({
        family,
        workloads: size,
        servers: solution.servers.length,
        licensedCores,
        unplaced: solution.unplaced.length,
        coresLowerBound: solution.bounds.coresLowerBound,
        gap: solution.bounds.gap,
        provenOptimal: solution.bounds.provenOptimal,
        exact: solution.bounds.exact,
        firstMs: firstMs === null ? null : round1(firstMs),
        firstCpuMs: firstCpuMs === null ? null : round1(firstCpuMs),
        totalMs: round1(totalMs),
        totalCpuMs: round1(totalCpuMs),
        ffdCores: reference?.ffdCores ?? null,
        referenceCores: reference?.referenceCores ?? null,
        referenceBound: reference?.referenceBound ?? null,
        referenceStatus: reference?.referenceStatus ?? 'not run',
        referenceUnplaced: reference?.referenceUnplaced ?? null,
        referenceSeconds: reference?.referenceSeconds ?? null,
        referenceCpuSeconds: reference?.referenceCpuSeconds ?? null,
        ratio: reference?.referenceCores ? Math.round((licensedCores / reference.referenceCores) * 1000) / 1000 : null,
        productProblems,
        referenceProblems: reference?.referenceProblems ?? 0,
        peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      });
      options.onRow?.(rows.at(-1)!);
    }
  }
  return rows;
}

/** The summary lines the bench prints under its table. */
export function summarise(rows: readonly SolverBenchRow[]): string[] {
  const lines: string[] = [];
  const compared = rows.filter((row) => row.ratio !== null);
  if (compared.length > 0) {
    const worst = compared.reduce((a, b) => (b.ratio! > a.ratio! ? b : a));
    const above = compared.filter((row) => row.ratio! > 1.02);
    const average = compared.reduce((sum, row) => sum + row.ratio!, 0) / compared.length;
    lines.push(
      `against the reference on ${compared.length} plans of up to 200 workloads: average ratio ${average.toFixed(3)}, worst ${worst.ratio!.toFixed(3)} (${worst.family} ${worst.workloads}); more than 2 % above it on ${above.length}`,
    );
    const exact = compared.filter((row) => row.referenceStatus !== 'n+1 layout');
    const optimal = exact.filter((row) => row.referenceStatus === 'optimal');
    const longest = Math.max(0, ...exact.map((row) => row.referenceSeconds ?? 0));
    lines.push(
      `the exact reference proved its optimum on ${optimal.length} of ${exact.length} plans; ${exact.filter((row) => (row.referenceSeconds ?? 0) === longest).length} ran ${longest} s (wall clock)`,
    );
    const redundant = compared.filter((row) => row.referenceStatus === 'n+1 layout');
    if (redundant.length > 0)
      lines.push(
        `n+1 plans against the independently checked n+1 layout: product fewer cores on ${redundant.filter((row) => row.ratio! < 1).length}, equal on ${redundant.filter((row) => row.ratio === 1).length}, more on ${redundant.filter((row) => row.ratio! > 1).length} of ${redundant.length}`,
      );
    const overclaimed = compared.filter(
      (row) => row.provenOptimal && row.referenceCores !== null && row.referenceCores < row.licensedCores,
    );
    lines.push(
      `plans claimed optimal over all candidates: ${rows.filter((row) => row.provenOptimal).length}; of them beaten by the reference: ${overclaimed.length}`,
    );
    const fewerPlaced = compared.filter(
      (row) => row.referenceUnplaced !== null && row.unplaced > row.referenceUnplaced,
    );
    lines.push(`plans where the product leaves unplaced a workload the reference places: ${fewerPlaced.length}`);
    const ffdWorse = compared.filter(
      (row) => row.ffdCores !== null && row.licensedCores > row.ffdCores && row.unplaced === 0,
    );
    lines.push(`plans where first fit decreasing over every configuration beats the product: ${ffdWorse.length}`);
    const broken = rows.filter((row) => row.productProblems > 0 || row.referenceProblems > 0);
    lines.push(
      `plans where the independent checker finds a broken rule: ${broken.length} (${broken.map((row) => `${row.family} ${row.workloads}`).join(', ') || 'none'})`,
    );
  }
  const interactive = rows.filter((row) => row.workloads <= 100 && row.firstCpuMs !== null);
  if (interactive.length > 0) {
    const most = (pick: (row: SolverBenchRow) => number) => Math.max(...interactive.map(pick)).toFixed(0);
    lines.push(
      `first answer on plans of up to 100 workloads: at most ${most((row) => row.firstCpuMs!)} ms of solver time (target 300 ms), ${most((row) => row.firstMs!)} ms wall clock`,
    );
  }
  const large = rows.filter((row) => row.workloads >= 1000);
  if (large.length > 0)
    lines.push(
      `average gap to the lower bound on the ${large.length} plans of 1,000 workloads or more: ${((large.reduce((sum, row) => sum + row.gap, 0) / large.length) * 100).toFixed(2)} % (target 2 %)`,
    );
  const slowest = (size: number, pick: (row: SolverBenchRow) => number) =>
    Math.max(...rows.filter((row) => row.workloads === size).map(pick));
  for (const [size, target] of [
    [1000, 250],
    [10000, 2000],
  ] as const)
    if (rows.some((row) => row.workloads === size))
      lines.push(
        `slowest at ${size.toLocaleString('en-US')} workloads: ${slowest(size, (row) => row.totalCpuMs).toFixed(0)} ms of solver time, ${slowest(size, (row) => row.totalMs).toFixed(0)} ms wall clock (target ${target} ms)`,
      );
  return lines;
}
