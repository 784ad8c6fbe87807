// Runs each solve in its own worker thread, so the main process never blocks; cancel terminates the worker.
import { Worker } from 'node:worker_threads';
import type { CatalogSnapshot } from '../../catalog';
import { AppError } from '../../common';
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
  const jobs = new Map<string, { worker: Worker; reject: (error: unknown) => void }>();
  function run<T>(
    request: SolveRequest,
    options: SolveOptions,
    pick: (message: WorkerMessage) => T | undefined,
  ): Promise<T> {
    if (jobs.has(options.jobId))
      return Promise.reject(new AppError('conflict', `a solve with id ${options.jobId} is already running`, 'jobId'));
    return new Promise<T>((resolve, reject) => {
      const worker = startWorker(request);
      let settled = false;
      const finish = () => {
        settled = true;
        jobs.delete(options.jobId);
        void worker.terminate();
      };
      jobs.set(options.jobId, {
        worker,
        reject: (error) => {
          if (settled) return;
          finish();
          reject(error);
        },
      });
      worker.on('message', (message: WorkerMessage) => {
        if (settled) return;
        if (message.type === 'progress') options.onProgress?.(message.fraction, message.message, message.solution);
        else if (message.type === 'error') {
          finish();
          reject(new AppError(message.error.code, message.error.message, message.error.path, message.error.details));
        } else {
          const value = pick(message);
          if (value === undefined) return;
          finish();
          resolve(value);
        }
      });
      worker.on('error', (error) => {
        if (settled) return;
        finish();
        reject(new AppError('internal', `the solver stopped: ${error.message}`));
      });
      worker.on('exit', (code) => {
        if (settled) return;
        finish();
        reject(new AppError('internal', `the solver stopped with exit code ${code}`));
      });
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
    cancel(jobId) {
      const job = jobs.get(jobId);
      if (!job) return false;
      job.reject(new AppError('cancelled', 'the solve was cancelled'));
      return true;
    },
    async close() {
      for (const job of [...jobs.values()]) job.reject(new AppError('cancelled', 'the application is closing'));
    },
  };
}
