// worker_threads entry: one solve per worker, progress posted back; the runner terminates it to cancel.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../ipc/envelope';
import type { SolveRequest, WorkerMessage } from './protocol';
import { solvePlan } from './solve';

const port = parentPort;
if (port) {
  const request = workerData as SolveRequest;
  const post = (message: WorkerMessage) => port.postMessage(message);
  solvePlan(request.plan, request.catalog, { onProgress: (fraction, message) => post({ type: 'progress', fraction, message }) }).then(
    (solution) => post({ type: 'result', solution }),
    (error: unknown) =>
      post({
        type: 'error',
        error: error instanceof AppError ? error.toShape() : { code: 'internal', message: error instanceof Error ? error.message : String(error) },
      }),
  );
}
