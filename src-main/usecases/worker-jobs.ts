// One worker thread per job, with the bookkeeping every worker-backed use case needs once: a job id already running
// is refused, the job settles exactly once, its worker is terminated however the job ends, and cancel reaches it
// by id. What a worker's messages mean stays with each use case (solve, spreadsheet read).
import { AppError, type AppErrorShape, formatMessage, msg } from '../common';

/** What a job needs of its worker thread (a stand-in with the same events will do in tests). */
export interface JobWorker {
  on(event: 'message' | 'error' | 'exit', listener: (value: unknown) => void): unknown;
  terminate(): unknown;
}

/** How a worker's message moves its job on: not at all (progress), to an answer, or to a failure. */
export type WorkerStep<T> = { kind: 'done'; value: T } | { kind: 'failed'; error: AppError } | undefined;

/** A worker that stopped without an answer: an uncaught error (out of memory, a crash) or an exit. */
export type WorkerCrash = { kind: 'error'; error: Error & { code?: string } } | { kind: 'exit'; exitCode: number };

export interface WorkerJob<M, T> {
  jobId: string;
  start: () => JobWorker;
  /** Reads one message of the worker; progress is reported from here. */
  onMessage: (message: M) => WorkerStep<T>;
  /** The error a crash is reported as, naming the work that stopped and why. */
  crashed: (crash: WorkerCrash) => AppError;
}

/** English text of a message, for an AppError (the transports send the message on). */
export const jobText = (code: string, params: Record<string, string | number> = {}): string =>
  formatMessage(msg(code, params), 'en');

/** The reason a crash gives, in a few words: the worker's own error message, or its exit code. */
export function crashReason(crash: WorkerCrash): string {
  return crash.kind === 'error' ? crash.error.message : `exit code ${crash.exitCode}`;
}

/** An error thrown inside a worker as it travels to the main thread: its code kept when it is an AppError. */
export function errorShapeOf(error: unknown): AppErrorShape {
  return error instanceof AppError
    ? error.toShape()
    : { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** The error a worker posted, back as an AppError with its code, field and details. */
export function errorFromShape(shape: AppErrorShape): AppError {
  return new AppError(shape.code, shape.message, shape.path, shape.details);
}

export class WorkerJobs {
  /** The running jobs by id: each entry fails its job (once) and stops its worker. */
  private readonly running = new Map<string, (error: AppError) => void>();

  get size(): number {
    return this.running.size;
  }

  run<M, T>(job: WorkerJob<M, T>): Promise<T> {
    if (this.running.has(job.jobId))
      return Promise.reject(new AppError('conflict', jobText('jobs.already-running', { jobId: job.jobId }), 'jobId'));
    return new Promise<T>((resolve, reject) => {
      const worker = job.start();
      let settled = false;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        this.running.delete(job.jobId);
        void worker.terminate();
        outcome();
      };
      const fail = (error: AppError) => settle(() => reject(error));
      this.running.set(job.jobId, fail);
      // The worker speaks the use case's protocol (M); structured clone carries it as posted.
      worker.on('message', (message) => {
        if (settled) return;
        const step = job.onMessage(message as M);
        if (step?.kind === 'done') settle(() => resolve(step.value));
        else if (step?.kind === 'failed') fail(step.error);
      });
      worker.on('error', (error) => fail(job.crashed({ kind: 'error', error: error as Error & { code?: string } })));
      worker.on('exit', (exitCode) => fail(job.crashed({ kind: 'exit', exitCode: Number(exitCode) })));
    });
  }

  /** Stops the job with `error` (its promise rejects with it); false when no job has that id. */
  cancel(jobId: string, error: AppError): boolean {
    const fail = this.running.get(jobId);
    fail?.(error);
    return fail !== undefined;
  }

  /** Stops every running job, each rejected with `error`. */
  cancelAll(error: AppError): void {
    for (const fail of [...this.running.values()]) fail(error);
  }
}
