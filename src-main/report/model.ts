// One report model from a plan and its solution: every format (HTML, PDF, XLSX, CSV) renders this and nothing
// else, so their numbers cannot drift apart.
import type { CatalogSnapshot } from '../catalog';
import type { Message, ReportSection } from '../common';
import type { PlanFile } from '../plan';
import type { EditionComparison, Partition, Solution } from '../solver';
import { buildPresentation } from './presentation';
import type { Presentation, Terms, Text } from './presentation-schema';
import { sayText } from '../common';
import type { ReportLanguage } from './i18n';

export interface ReportOptions {
  language: ReportLanguage;
  customer?: string;
  author?: string;
  /** ISO date of the report. */
  date: string;
  catalogVersion: string;
  /** PNG or SVG data URL shown on the cover. */
  logoDataUrl?: string;
  editions?: EditionComparison;
  /** Sections to include (all when absent). */
  sections?: ReportSection[];
  /** Page of each section in the PDF, read from the draft print. */
  tocPages?: Record<string, number>;
  /** The catalog the solution was sized from: names configurations (GHz) and gives prices their currency. */
  catalog?: CatalogSnapshot;
  /** What the deployment export cannot do and an implementer must do by hand (the appendix lists it). */
  checklist?: Message[];
}

export interface PartitionRow {
  server: string;
  model: string;
  configuration: string;
  partition: string;
  role: 'vios' | 'client';
  os: Partition['os'];
  mode: 'shared' | 'dedicated';
  entitledCapacity: number | null;
  dedicatedCores: number | null;
  virtualProcessors: number | null;
  memoryGiB: number;
  demandCores: number;
}

export interface ReportModel {
  options: ReportOptions;
  planName: string;
  plan: PlanFile;
  solution: Solution;
  /** Every figure and text the report shows about the solution; the screen shows the same model. */
  presentation: Presentation;
  partitionRows: PartitionRow[];
}

/**
 * A text of the presentation model in the report's language, the ids its parameters carry ("server-2", configuration
 * ids) named as a person says them through the presentation's terms; the renderer's useSay does the same.
 */
export function say(text: Text, language: ReportLanguage, terms: Terms = {}): string {
  return sayText(text, language, terms);
}

export function buildReportModel(plan: PlanFile, solution: Solution, options: ReportOptions): ReportModel {
  const presentation = buildPresentation(plan, solution, options.catalog);
  const partitionRows: PartitionRow[] = solution.servers.flatMap((server, index) =>
    server.partitions.map((partition) => ({
      server: server.id,
      model: server.model,
      configuration: say(presentation.servers[index]!.configurationLabel, options.language, presentation.terms),
      partition: partition.name,
      role: partition.role,
      os: partition.os,
      mode: partition.mode,
      entitledCapacity: partition.entitledCapacity ?? null,
      dedicatedCores: partition.dedicatedCores ?? null,
      virtualProcessors: partition.virtualProcessors ?? null,
      memoryGiB: partition.memoryGiB,
      demandCores: partition.demandCores,
    })),
  );
  return { options, planName: plan.name, plan, solution, presentation, partitionRows };
}
