// Export a capacity report: one function for the app, the browser mode and the command line, so the same plan
// gives the same report whichever asks.
import type { CatalogService } from '../catalog';
import { designChecklist } from '../deploy';
import {
  AppError,
  REPORT_SECTIONS,
  msg,
  type Language,
  type ReportFormat,
  type ReportSection,
  safeFileName,
} from '../common';
import type { PlanFile } from '../plan';
import { type PdfPrinter, buildReportModel, renderReport } from '../report';
import type { EditionComparison, Solution } from '../solver';
import { type JobControl, throwIfCancelled } from './jobs';
import type { SolverRunner } from './solve/runner';

export interface ReportDependencies {
  catalog: CatalogService;
  solver: SolverRunner;
  printer: PdfPrinter;
}

export interface ReportRequest {
  plan: PlanFile;
  solution: Solution;
  format: ReportFormat;
  language: Language;
  customer?: string;
  author?: string;
  logoDataUrl?: string;
  /** Sections to include; all by default. The editions section compares the editions for the plan. */
  sections?: ReportSection[];
  /** The report's date (ISO); now by default. */
  date?: string;
}

export interface RenderedReport {
  fileName: string;
  format: ReportFormat;
  content: Uint8Array | string;
}

export async function exportReport(
  deps: ReportDependencies,
  request: ReportRequest,
  job: JobControl,
): Promise<RenderedReport> {
  const sections = request.sections ?? [...REPORT_SECTIONS];
  if (sections.length === 0) throw new AppError('invalid-input', 'choose at least one section', 'sections');
  const snapshot = await deps.catalog.snapshot();
  let editions: EditionComparison | undefined;
  if (sections.includes('editions')) {
    const editionsJob = `${job.jobId}:editions`;
    const stop = () => deps.solver.cancel(editionsJob);
    job.signal?.addEventListener('abort', stop);
    try {
      editions = await deps.solver.compareEditions(
        request.plan,
        snapshot,
        {},
        {
          jobId: editionsJob,
          onProgress: (fraction, message) => job.onProgress?.(fraction * 0.5, message),
        },
      );
    } finally {
      job.signal?.removeEventListener('abort', stop);
    }
  }
  throwIfCancelled(job);
  const model = buildReportModel(request.plan, request.solution, {
    language: request.language,
    date: request.date ?? new Date().toISOString(),
    catalogVersion: snapshot.catalogVersion,
    catalog: snapshot,
    sections,
    ...(request.customer ? { customer: request.customer } : {}),
    ...(request.author ? { author: request.author } : {}),
    ...(request.logoDataUrl ? { logoDataUrl: request.logoDataUrl } : {}),
    ...(editions ? { editions } : {}),
    ...(sections.includes('appendix') ? { checklist: designChecklist(request.solution, request.plan) } : {}),
  });
  job.onProgress?.(0.6, msg('solver.progress.rendering-report', { format: request.format.toUpperCase() }));
  const content = await renderReport(model, request.format, deps.printer);
  throwIfCancelled(job);
  job.onProgress?.(1, msg('solver.progress.done', {}));
  return {
    fileName: `${safeFileName(request.plan.name, 'report')}.${request.format}`,
    format: request.format,
    content,
  };
}
