// Messages between the runner and the solver worker.
import type { CatalogSnapshot } from '../catalog/schema';
import type { AppErrorShape } from '../ipc/envelope';
import type { PlanFile } from '../plan/schema';
import type { Solution } from './schema';

export interface SolveRequest {
  plan: PlanFile;
  catalog: CatalogSnapshot;
}

export type WorkerMessage =
  | { type: 'progress'; fraction: number; message: string }
  | { type: 'result'; solution: Solution }
  | { type: 'error'; error: AppErrorShape };
