// worker_threads entry: reads one spreadsheet off the main thread and posts progress; the runner terminates it to stop.
import { parentPort, workerData } from 'node:worker_threads';
import type { AppErrorShape } from '../../common';
import { errorShapeOf } from '../worker-jobs';
import { type ImportedTable, parseTable } from '../../plan';

export interface TableRequest {
  fileName: string;
  content: Uint8Array;
  sheet?: number;
  headerRow?: number;
}

export type TableWorkerMessage =
  | { type: 'progress'; fraction: number; rows: number }
  | { type: 'result'; table: ImportedTable }
  | { type: 'error'; error: AppErrorShape };

const port = parentPort;
if (port) {
  const request = workerData as TableRequest;
  const post = (message: TableWorkerMessage) => port.postMessage(message);
  parseTable(request.fileName, request.content, {
    onProgress: (fraction, rows) => post({ type: 'progress', fraction, rows }),
    ...(request.sheet !== undefined ? { sheet: request.sheet } : {}),
    ...(request.headerRow !== undefined ? { headerRow: request.headerRow } : {}),
  }).then(
    (table) => post({ type: 'result', table }),
    (error: unknown) => post({ type: 'error', error: errorShapeOf(error) }),
  );
}
