// Runs each spreadsheet read in its own worker thread with a memory ceiling, so a large or hostile workbook never
// blocks the main process (calls keep being answered) and can be stopped at any moment.
import { Worker } from 'node:worker_threads';
import { AppError, formatMessage, msg } from '../../common';
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

const failure = (code: string, params: Record<string, string | number> = {}) => formatMessage(msg(code, params), 'en');

export function createTableRunner(): TableRunner {
  const jobs = new Map<string, (error: AppError) => void>();
  return {
    read(request, options) {
      if (jobs.has(options.jobId))
        return Promise.reject(
          new AppError('conflict', `a spreadsheet read with id ${options.jobId} is already running`, 'jobId'),
        );
      return new Promise<ImportedTable>((resolve, reject) => {
        const worker = startWorker(request);
        let settled = false;
        const finish = () => {
          settled = true;
          jobs.delete(options.jobId);
          void worker.terminate();
        };
        const fail = (error: AppError) => {
          if (settled) return;
          finish();
          reject(error);
        };
        jobs.set(options.jobId, fail);
        worker.on('message', (message: TableWorkerMessage) => {
          if (settled) return;
          if (message.type === 'progress') options.onProgress?.(message.fraction, message.rows);
          else if (message.type === 'error')
            fail(new AppError(message.error.code, message.error.message, message.error.path));
          else {
            finish();
            resolve(message.table);
          }
        });
        worker.on('error', (error: Error & { code?: string }) => {
          if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
            fail(new AppError('invalid-file', failure('harden.table-worker-memory', { megabytes: WORKER_HEAP_MB })));
          else fail(new AppError('invalid-file', failure('harden.table-worker-failed', { reason: error.message })));
        });
        worker.on('exit', (code) =>
          fail(new AppError('invalid-file', failure('harden.table-worker-failed', { reason: `exit code ${code}` }))),
        );
      });
    },
    cancel(jobId) {
      const fail = jobs.get(jobId);
      if (!fail) return false;
      fail(new AppError('cancelled', failure('harden.table-stopped')));
      return true;
    },
    async close() {
      for (const fail of [...jobs.values()]) fail(new AppError('cancelled', failure('harden.table-stopped')));
    },
  };
}
