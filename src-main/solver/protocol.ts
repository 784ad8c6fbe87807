// Messages between the runner and the solver worker.
import type { CatalogSnapshot } from '../catalog/schema';
import type { AppErrorShape } from '../common';
import type { PlanFile } from '../plan/schema';
import type { CompareOptions } from './editions';
import type { EditionComparison } from './editions-schema';
import type { Message } from './message';
import type { Solution } from './schema';

export type SolveRequest =
  | { kind: 'solve'; plan: PlanFile; catalog: CatalogSnapshot }
  | { kind: 'editions'; plan: PlanFile; catalog: CatalogSnapshot; options: CompareOptions };

export type WorkerMessage =
  /** Progress, with the better answer found so far when there is one (streamed while the solver improves it). */
  | { type: 'progress'; fraction: number; message: Message; solution?: Solution }
  | { type: 'result'; solution: Solution }
  | { type: 'editions'; comparison: EditionComparison }
  | { type: 'error'; error: AppErrorShape };
