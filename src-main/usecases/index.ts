// Use cases: each long piece of work once, with progress and cancellation, called by every transport
// (Electron IPC, the loopback bridge, the command line).
export { JobRegistry, throwIfCancelled } from './jobs';
export type { JobControl } from './jobs';
export { createSolverRunner } from './solve/runner';
export type { SolverRunner, SolveOptions } from './solve/runner';
export { exportReport } from './report';
export { WorkerJobs, crashReason, errorFromShape, errorShapeOf } from './worker-jobs';
export type { JobWorker, WorkerCrash, WorkerJob, WorkerStep } from './worker-jobs';
export type { ReportDependencies, ReportRequest, RenderedReport } from './report';
export { createTableRunner } from './table-import/runner';
export type { TableRunner, TableReadOptions } from './table-import/runner';
