// Messages between the runner and the solver worker.
import type { CatalogSnapshot } from '../../catalog';
import type { AppErrorShape } from '../../common';
import type { PlanFile } from '../../plan';
import type { CompareOptions } from '../../solver';
import type { EditionComparison } from '../../solver';
import type { Solution } from '../../solver';
import type { Message } from '../../common';

export type SolveRequest =
  | { kind: 'solve'; plan: PlanFile; catalog: CatalogSnapshot }
  | { kind: 'editions'; plan: PlanFile; catalog: CatalogSnapshot; options: CompareOptions };

export type WorkerMessage =
  /** Progress, with the better answer found so far when there is one (streamed while the solver improves it). */
  | { type: 'progress'; fraction: number; message: Message; solution?: Solution }
  | { type: 'result'; solution: Solution }
  | { type: 'editions'; comparison: EditionComparison }
  | { type: 'error'; error: AppErrorShape };
