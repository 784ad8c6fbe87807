// One report model from a plan and its solution: every format (HTML, PDF, XLSX, CSV) renders this and nothing
// else, so their numbers cannot drift apart.
import type { Message, ReportSection } from '../common';
import type { PlanFile } from '../plan';
import type { EditionComparison } from '../solver';
import type { Partition, Solution } from '../solver';
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
}


export interface PartitionRow {
  server: string;
  model: string;
  configuration: string;
  partition: string;
  role: 'vios' | 'client';
  os: string;
  mode: 'shared' | 'dedicated';
  entitledCapacity: number | null;
  dedicatedCores: number | null;
  virtualProcessors: number | null;
  memoryGiB: number;
  demandCores: number;
}

export interface ServerSection {
  id: string;
  model: string;
  modelName: string;
  generation: string;
  configuration: string;
  activeCores: number;
  licensedCores: number;
  memoryGiB: number;
  hypervisorMemoryGiB: number;
  edition: string;
  cpuUtilisation: number;
  memoryUtilisation: number;
  /** Processor demand at the horizon (the solution is sized for it) and today, in cores. */
  demandCoresAtHorizon: number;
  demandCoresNow: number;
  partitions: Partition[];
  explanation: Message[];
  cost: number | null;
  /** IBM i software tier of the configuration (null = not published). */
  ibmiTier: string | null;
  /** Installed memory as orderable modules, e.g. "6 × 128 GB #EM4M"; null where no feature table is published. */
  memoryModules: string | null;
}

export interface ReportModel {
  options: ReportOptions;
  planName: string;
  plan: PlanFile;
  solution: Solution;
  growthFactor: number;
  servers: ServerSection[];
  partitionRows: PartitionRow[];
  totals: {
    servers: number;
    licensedCores: number;
    models: string[];
    editions: string[];
    cost: number | null;
    peakCpuAtHorizon: number;
    peakCpuNow: number;
    peakMemory: number;
  };
}

export function buildReportModel(plan: PlanFile, solution: Solution, options: ReportOptions): ReportModel {
  const growthFactor = (1 + plan.constraints.growthPerYear) ** plan.constraints.horizonYears;
  const servers: ServerSection[] = solution.servers.map((server) => {
    const clientsDemand = server.partitions.filter((p) => p.role === 'client').reduce((sum, p) => sum + p.demandCores, 0);
    const viosDemand = server.partitions.filter((p) => p.role === 'vios').reduce((sum, p) => sum + p.demandCores, 0);
    return {
      id: server.id,
      model: server.model,
      modelName: server.modelName,
      generation: server.generation,
      configuration: server.configuration,
      activeCores: server.cores.active,
      licensedCores: server.cores.licensed,
      memoryGiB: server.memoryGiB,
      hypervisorMemoryGiB: server.hypervisorMemoryGiB,
      edition: server.edition,
      cpuUtilisation: server.utilization.cpu,
      memoryUtilisation: server.utilization.memory,
      demandCoresAtHorizon: clientsDemand + viosDemand,
      demandCoresNow: clientsDemand / growthFactor + viosDemand,
      partitions: server.partitions,
      explanation: server.explanation ?? [],
      cost: server.cost ?? null,
      ibmiTier: server.ibmiTier?.value ?? null,
      memoryModules: server.memoryModules ? server.memoryModules.map((each) => `${each.count} × ${each.sizeGiB} GB #${each.featureCode}`).join(' + ') : null,
    };
  });
  const partitionRows: PartitionRow[] = solution.servers.flatMap((server) =>
    server.partitions.map((partition) => ({
      server: server.id,
      model: server.model,
      configuration: server.configuration,
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
  return {
    options,
    planName: plan.name,
    plan,
    solution,
    growthFactor,
    servers,
    partitionRows,
    totals: {
      servers: solution.servers.length,
      licensedCores: solution.servers.reduce((sum, server) => sum + server.cores.licensed, 0),
      models: [...new Set(solution.servers.map((server) => `${server.modelName} (${server.model})`))],
      editions: [...new Set(solution.servers.map((server) => `${server.generation} ${server.edition}`))],
      cost: solution.totals?.cost ?? null,
      peakCpuAtHorizon: Math.max(0, ...servers.map((server) => server.cpuUtilisation)),
      peakCpuNow: Math.max(0, ...servers.map((server) => server.demandCoresNow / server.activeCores)),
      peakMemory: Math.max(0, ...servers.map((server) => server.memoryUtilisation)),
    },
  };
}
