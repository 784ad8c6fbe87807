// Runs each solve in its own worker thread, so the main process never blocks; cancel terminates the worker.
import { Worker } from 'node:worker_threads';
import type { CatalogSnapshot } from '../../catalog';
import { AppError } from '../../common';
import { WorkerJobs, crashReason, errorFromShape, jobText } from '../worker-jobs';
import type { PlanFile } from '../../plan';
import type { SolveRequest, WorkerMessage } from './protocol';
import type { CompareOptions } from '../../solver';
import type { EditionComparison } from '../../solver';
import type { Solution } from '../../solver';
import type { Message } from '../../common';

export interface SolveOptions {
  jobId: string;
  /** Progress as a message code; `interim` is a better answer streamed while the solver still improves or proves. */
  onProgress?: (fraction: number, message: Message, interim?: Solution) => void;
}

export interface SolverRunner {
  solve(plan: PlanFile, catalog: CatalogSnapshot, options: SolveOptions): Promise<Solution>;
  /** The editions comparison, in a worker too: it solves the plan once per edition. */
  compareEditions(
    plan: PlanFile,
    catalog: CatalogSnapshot,
    compare: CompareOptions,
    options: SolveOptions,
  ): Promise<EditionComparison>;
  cancel(jobId: string): boolean;
  close(): Promise<void>;
}

/** From TypeScript source (tsx, vitest) the worker is the .ts file run through tsx; bundled, the built file beside us. */
function startWorker(request: SolveRequest): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = fromSource
    ? new URL('./worker-from-source.mjs', import.meta.url)
    : new URL('./solver-worker.js', import.meta.url);
  return new Worker(url, { workerData: request });
}

export function createSolverRunner(): SolverRunner {
  const jobs = new WorkerJobs();
  /** Runs one request in a worker; `pick` reads the answer out of the worker's final message. */
  function run<T>(
    request: SolveRequest,
    options: SolveOptions,
    pick: (message: WorkerMessage) => T | undefined,
  ): Promise<T> {
    return jobs.run<WorkerMessage, T>({
      jobId: options.jobId,
      start: () => startWorker(request),
      onMessage: (message) => {
        if (message.type === 'progress') options.onProgress?.(message.fraction, message.message, message.solution);
        else if (message.type === 'error') return { kind: 'failed', error: errorFromShape(message.error) };
        else {
          const value = pick(message);
          if (value !== undefined) return { kind: 'done', value };
        }
        return undefined;
      },
      crashed: (crash) => new AppError('internal', jobText('jobs.solver-stopped', { reason: crashReason(crash) })),
    });
  }

  return {
    solve(plan, catalog, options) {
      return run<Solution>({ kind: 'solve', plan, catalog }, options, (message) =>
        message.type === 'result' ? message.solution : undefined,
      );
    },
    compareEditions(plan, catalog, compare, options) {
      return run<EditionComparison>({ kind: 'editions', plan, catalog, options: compare }, options, (message) =>
        message.type === 'editions' ? message.comparison : undefined,
      );
    },
    cancel: (jobId) => jobs.cancel(jobId, new AppError('cancelled', jobText('jobs.solve-cancelled'))),
    async close() {
      jobs.cancelAll(new AppError('cancelled', jobText('jobs.app-closing')));
    },
  };
}
