// Public surface of the solver. (The runner, heuristic, exact model and explanations are added behind it.)
import type { CatalogSnapshot } from '../catalog/schema';
import type { PlanFile } from '../plan/schema';
import type { Solution } from './schema';

export { Solution, ServerPlan, Partition } from './schema';

export interface SolveOptions {
  jobId: string;
  onProgress?: (fraction: number, message: string) => void;
}

/** Runs solves in a worker thread so the caller never blocks; a job can be cancelled by id. */
export interface SolverRunner {
  solve(plan: PlanFile, catalog: CatalogSnapshot, options: SolveOptions): Promise<Solution>;
  cancel(jobId: string): boolean;
  close(): Promise<void>;
}

export declare function createSolverRunner(): SolverRunner;
