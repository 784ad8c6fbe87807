// worker_threads entry: one solve per worker, progress posted back; the runner terminates it to cancel.
import { parentPort, workerData } from 'node:worker_threads';
import { errorShapeOf } from '../worker-jobs';
import type { SolveRequest, WorkerMessage } from './protocol';
import { compareEditions } from '../../solver';
import { solvePlan } from '../../solver';
import type { Solution } from '../../solver';
import { type Message, msg } from '../../common';

const port = parentPort;
if (port) {
  const request = workerData as SolveRequest;
  const post = (message: WorkerMessage) => port.postMessage(message);
  let fraction = 0;
  const onProgress = (at: number, message: Message) => {
    fraction = at;
    post({ type: 'progress', fraction, message });
  };
  const onSolution = (solution: Solution) =>
    post({ type: 'progress', fraction, message: msg('solver.progress.interim', {}), solution });
  const work: Promise<WorkerMessage> =
    request.kind === 'solve'
      ? solvePlan(request.plan, request.catalog, { onProgress, onSolution }).then((solution) => ({
          type: 'result',
          solution,
        }))
      : compareEditions(request.plan, request.catalog, request.options).then((comparison) => ({
          type: 'editions',
          comparison,
        }));
  work.then(
    (message) => post(message),
    (error: unknown) => post({ type: 'error', error: errorShapeOf(error) }),
  );
}
