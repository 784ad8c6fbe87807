// Long work (solve, editions, report export, import) runs under a job id that the caller chose, so any transport
// can cancel it with that id and progress reaches the caller under it.
import { AppError, type Message } from '../common';

export interface JobControl {
  jobId: string;
  /** Progress as a message code, so every transport shows it in its reader's language. */
  onProgress?: (fraction: number, message: Message) => void;
  /** Aborted when the job is cancelled; stages check it between steps. */
  signal?: AbortSignal;
}

/** Throws the `cancelled` error once the job's signal is aborted. */
export function throwIfCancelled(job: JobControl): void {
  if (job.signal?.aborted) throw new AppError('cancelled', 'the job was cancelled');
}

/** The cancellable jobs of one process that are not solver runs (those the solver runner cancels itself). */
export class JobRegistry {
  private readonly controllers = new Map<string, AbortController>();

  /** Runs `work` under `jobId`; a second job with the same id is refused while the first runs. */
  async run<T>(jobId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.controllers.has(jobId))
      throw new AppError('conflict', `a job with id ${jobId} is already running`, 'jobId');
    const controller = new AbortController();
    this.controllers.set(jobId, controller);
    try {
      return await work(controller.signal);
    } finally {
      this.controllers.delete(jobId);
    }
  }

  cancel(jobId: string): boolean {
    const controller = this.controllers.get(jobId);
    controller?.abort();
    return controller !== undefined;
  }
}
