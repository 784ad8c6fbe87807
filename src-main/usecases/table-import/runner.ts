// Runs each spreadsheet read in its own worker thread with a memory ceiling, so a large or hostile workbook never
// blocks the main process (calls keep being answered) and can be stopped at any moment.
import { Worker } from 'node:worker_threads';
import { AppError } from '../../common';
import { type WorkerCrash, WorkerJobs, crashReason, errorFromShape, jobText } from '../worker-jobs';
import type { ImportedTable } from '../../plan';
import type { TableRequest, TableWorkerMessage } from './worker';

/** Heap of one reading worker: far above a 100,000-row sheet, far below what would hurt the app. */
const WORKER_HEAP_MB = 1024;

export interface TableReadOptions {
  jobId: string;
  onProgress?: (fraction: number, rows: number) => void;
}

export interface TableRunner {
  read(request: TableRequest, options: TableReadOptions): Promise<ImportedTable>;
  cancel(jobId: string): boolean;
  close(): Promise<void>;
}

function startWorker(request: TableRequest): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = fromSource
    ? new URL('./worker-from-source.mjs', import.meta.url)
    : new URL('./table-worker.js', import.meta.url);
  return new Worker(url, { workerData: request, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
}

/** The error of a read that stopped without an answer: out of memory, or any other failure. */
function crashError(crash: WorkerCrash): AppError {
  if (crash.kind === 'error' && crash.error.code === 'ERR_WORKER_OUT_OF_MEMORY')
    return new AppError('invalid-file', jobText('harden.table-worker-memory', { megabytes: WORKER_HEAP_MB }));
  return new AppError('invalid-file', jobText('harden.table-worker-failed', { reason: crashReason(crash) }));
}

export function createTableRunner(): TableRunner {
  const jobs = new WorkerJobs();
  const stopped = () => new AppError('cancelled', jobText('harden.table-stopped'));
  return {
    read(request, options) {
      return jobs.run<TableWorkerMessage, ImportedTable>({
        jobId: options.jobId,
        start: () => startWorker(request),
        onMessage: (message) => {
          if (message.type === 'progress') options.onProgress?.(message.fraction, message.rows);
          else if (message.type === 'error') return { kind: 'failed', error: errorFromShape(message.error) };
          else return { kind: 'done', value: message.table };
          return undefined;
        },
        crashed: crashError,
      });
    },
    cancel: (jobId) => jobs.cancel(jobId, stopped()),
    async close() {
      jobs.cancelAll(stopped());
    },
  };
}
