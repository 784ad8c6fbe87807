// Determinism benchmark: each plan solved on a quiet machine, then again while busy threads take every core (as on a
// presales laptop sharing its screen), and the two designs compared. Figures only: a design that differs is printed,
// with whether the wall-clock backstop stopped a stage (the answer then warns of it itself).
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PlanFile } from '../../src-main/plan/schema';
import type { Solution } from '../../src-main/solver/schema';
import { solvePlan } from '../../src-main/solver/solve';
import { fixturePlan, shippedSnapshot } from '../support/plans';
import { type Family, generatePlan } from './families';

export interface DeterminismRow {
  plan: string;
  workloads: number;
  licensedCores: number;
  quietMs: number;
  busyMs: number;
  sameDesign: boolean;
  clockStopped: boolean;
}

const FIXTURES = ['regional-bank', 'wizard-imported', 'migration-power8', 'power9-editions', 'ibmi', 'mixed-v2'];
const FAMILIES: readonly Family[] = ['ibmi-mix', 'anti-affinity', 'mix-all', 'dedicated'];

/** A design as the customer sees it: each server's configuration and the partitions on it. */
function designOf(solution: Solution): string {
  const servers = solution.servers.map(
    (server) => `${server.configuration}:${server.partitions.map((partition) => partition.name).sort()}`,
  );
  return createHash('sha256').update(JSON.stringify(servers.sort())).digest('hex');
}

async function timed(plan: PlanFile, catalog: Awaited<ReturnType<typeof shippedSnapshot>>) {
  const started = performance.now();
  const solution = await solvePlan(plan, catalog);
  return { solution, ms: Math.round(performance.now() - started) };
}

async function whileBusy<T>(threads: number, work: () => Promise<T>): Promise<T> {
  const spin = 'for (;;) { Math.sqrt(Math.random()); }';
  const workers = Array.from({ length: threads }, () => new Worker(spin, { eval: true }));
  try {
    return await work();
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

export interface DeterminismOptions {
  /** Threads spinning beside the second solve (default: one more than the cores). */
  busyThreads?: number;
  /** Workloads of the generated plans (default 20 and 50). */
  sizes?: number[];
  onRow?: (row: DeterminismRow) => void;
}

export async function runDeterminismBench(options: DeterminismOptions = {}): Promise<DeterminismRow[]> {
  const { busyThreads = availableParallelism() + 1, sizes = [20, 50], onRow } = options;
  const catalog = await shippedSnapshot();
  const plans: [string, PlanFile][] = [
    ...FIXTURES.map((name) => [name, fixturePlan(name)] as [string, PlanFile]),
    ...FAMILIES.flatMap((family) =>
      sizes.map((size) => [`${family} ${size}`, generatePlan(family, size)] as [string, PlanFile]),
    ),
  ];
  const rows: DeterminismRow[] = [];
  for (const [name, plan] of plans) {
    const quiet = await timed(plan, catalog);
    const busy = await whileBusy(busyThreads, () => timed(plan, catalog));
    const stopped = (solution: Solution) => solution.warnings.some((each) => each.code === 'solver.clock-stopped');
    const row: DeterminismRow = {
      plan: name,
      workloads: plan.workloads.reduce((sum, workload) => sum + workload.count, 0),
      licensedCores: quiet.solution.servers.reduce((sum, server) => sum + server.cores.licensed, 0),
      quietMs: quiet.ms,
      busyMs: busy.ms,
      sameDesign: designOf(quiet.solution) === designOf(busy.solution),
      clockStopped: stopped(quiet.solution) || stopped(busy.solution),
    };
    rows.push(row);
    onRow?.(row);
  }
  return rows;
}
