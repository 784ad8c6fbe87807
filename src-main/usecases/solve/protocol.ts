// Messages between the runner and the solver worker.
import type { CatalogSnapshot } from '../../catalog';
import type { AppErrorShape } from '../../common';
import type { PlanFile } from '../../plan';
import type { CompareOptions } from '../../solver';
import type { EditionComparison } from '../../solver';
import type { Solution } from '../../solver';

export type SolveRequest =
  | { kind: 'solve'; plan: PlanFile; catalog: CatalogSnapshot }
  | { kind: 'editions'; plan: PlanFile; catalog: CatalogSnapshot; options: CompareOptions };

export type WorkerMessage =
  | { type: 'progress'; fraction: number; message: string }
  | { type: 'result'; solution: Solution }
  | { type: 'editions'; comparison: EditionComparison }
  | { type: 'error'; error: AppErrorShape };
