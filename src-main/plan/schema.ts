// The plan file, format version 2: what users keep, mail and open again. Pure zod, shared with the renderer.
// Version 1 files still open: they are upgraded on read (upgradePlan) and saved as version 2.
import { z } from 'zod';
import { FeatureKey, Generation, OperatingSystem } from '../catalog';
import { Confidence, DAY_SLOTS } from '../common';

export const PLAN_FORMAT = 'powervm-sizer-plan';
export const PLAN_VERSION = 2;

/**
 * Sanity bounds of plan values, far above any real server (the largest in the catalog: 256 cores, 64 TiB,
 * about 8,000 rPerf) yet low enough that sums, percentages and the expanded instances stay finite and fast.
 * A value beyond one is refused with the field and the limit, never carried into Infinity, NaN or a long solve.
 */
export const PLAN_LIMITS = {
  memoryGiB: 1_048_576, // 1 PiB
  rperf: 100_000,
  cpw: 100_000_000,
  cores: 4_096,
  count: 10_000,
  /** Partitions after every workload's count is expanded (the solver's benchmarked size). */
  instances: 10_000,
  workloads: 10_000,
  networkGbps: 100_000,
  storageIops: 1_000_000_000,
  storageMBps: 100_000_000,
  maxServers: 10_000,
  /** Headroom factor over the measured basis (1 = +100 %). */
  headroom: 100,
  samples: 1_000_000_000,
} as const;

const limitText = (limit: number) => limit.toLocaleString('en-US');
const positive = (limit: number, unit = '', what = 'a positive number') =>
  z
    .number({ error: `must be ${what}` })
    .positive({ error: `must be ${what}` })
    .max(limit, { error: `must be at most ${limitText(limit)}${unit} (the limit of a plan)` });
const bounded = (limit: number, unit = '') =>
  z
    .number({ error: 'must be a number of 0 or more' })
    .nonnegative({ error: 'must be 0 or more' })
    .max(limit, { error: `must be at most ${limitText(limit)}${unit} (the limit of a plan)` });
const fraction = z
  .number({ error: 'must be a number between 0 and 1' })
  .gt(0, { error: 'must be greater than 0' })
  .max(1, { error: 'must be at most 1' });

/** Processor demand, one of four kinds told apart by `kind` (see docs/sizing-method.md). */
export const CpuRperf = z.strictObject({ kind: z.literal('rperf'), rperf: positive(PLAN_LIMITS.rperf, ' rPerf') });
export const CpuCpw = z.strictObject({ kind: z.literal('cpw'), cpw: positive(PLAN_LIMITS.cpw, ' CPW') });
export const CpuCores = z.strictObject({ kind: z.literal('cores'), cores: positive(PLAN_LIMITS.cores, ' cores') });
export const CpuMeasured = z.strictObject({
  kind: z.literal('measured'),
  cores: positive(PLAN_LIMITS.cores, ' cores'),
  /** Machine type-model of the server the use was measured on (POWER7 to POWER11). */
  model: z.string().min(1, { error: 'must name the source machine type-model' }),
  utilization: fraction,
  /** Configuration id of the source server; when absent the conservative one is taken and said in warnings. */
  configuration: z.string().min(1).optional(),
});
export const CPU_KINDS = ['rperf', 'cpw', 'cores', 'measured'] as const;
export type CpuKind = (typeof CPU_KINDS)[number];
export const CpuDemand = z.discriminatedUnion('kind', [CpuRperf, CpuCpw, CpuCores, CpuMeasured], {
  error: 'must have kind rperf, cpw, cores or measured, with its figures',
});
export type CpuDemand = z.infer<typeof CpuDemand>;

export const StorageProtocol = z.enum(['vscsi', 'npiv']);
export const NetworkProtocol = z.enum(['sea', 'vnic', 'sriov']);

/** Optional I/O a workload drives through the VIOS; defaults are documented in docs/sizing-method.md. */
export const WorkloadIo = z.strictObject({
  networkGbps: bounded(PLAN_LIMITS.networkGbps, ' Gbit/s').optional(),
  storageIops: bounded(PLAN_LIMITS.storageIops, ' IOPS').optional(),
  storageMBps: bounded(PLAN_LIMITS.storageMBps, ' MB/s').optional(),
  storage: StorageProtocol.optional(),
  network: NetworkProtocol.optional(),
});
export type WorkloadIo = z.infer<typeof WorkloadIo>;

/** What measured use a workload is sized from: the peak, a percentile or the average of the cores used. */
export const SizingBasis = z.enum(['peak', 'p99', 'p95', 'p90', 'p50', 'average']);

/** Memory of a measured workload: as configured on the source LPAR, or its measured peak in use plus headroom. */
export const MemoryBasis = z.enum(['configured', 'measured']);
export type MemoryBasis = z.infer<typeof MemoryBasis>;

/** Where a workload imported from measurements came from, and how far to trust it (shown in the grid and report). */
export const MeasurementInfo = z.object({
  source: z.enum(['nmon', 'nsum', 'hmc', 'generic']),
  file: z.string(),
  basis: SizingBasis,
  basisCores: bounded(PLAN_LIMITS.cores, ' cores'),
  headroom: bounded(PLAN_LIMITS.headroom),
  samples: z.number().int().nonnegative().max(PLAN_LIMITS.samples),
  confidence: Confidence,
  confidenceReasons: z.array(z.string()),
  /** Every basis the file allowed (cores used on the source server, no headroom), so the basis can change per workload. */
  statistics: z.partialRecord(SizingBasis, bounded(PLAN_LIMITS.cores, ' cores')).optional(),
  /** Peak cores used in each 15-minute slot of the day (96 values), for peaks that do not coincide. */
  profile: z.array(bounded(PLAN_LIMITS.cores, ' cores')).length(DAY_SLOTS).optional(),
  /** What memoryGiB was sized from: the configured size (default) or the measured peak in use plus headroom. */
  memoryBasis: MemoryBasis.optional(),
  memoryConfiguredGiB: z.number().nonnegative().optional(),
  memoryUsedPeakGiB: z.number().nonnegative().optional(),
  /** Files merged into this measurement, the period they cover and the days of samples in it. */
  files: z.number().int().nonnegative().optional(),
  periodStart: z.string().optional(),
  periodEnd: z.string().optional(),
  daysCovered: z.number().nonnegative().optional(),
});
export type MeasurementInfo = z.infer<typeof MeasurementInfo>;

export const ProcessorMode = z.enum(['shared', 'dedicated']);
export type ProcessorMode = z.infer<typeof ProcessorMode>;

/** A workload's key: partitions carry it, so the results find their workload whatever its name. */
export const WorkloadId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { error: 'must be 1-64 letters, digits, dots, dashes or underscores' });

export const Workload = z.strictObject({
  /** Assigned when the plan is read if absent (w1, w2, ...); kept unchanged afterwards. */
  id: WorkloadId.optional(),
  name: z.string().trim().min(1, { error: 'must not be empty' }),
  os: OperatingSystem,
  cpu: CpuDemand,
  memoryGiB: positive(PLAN_LIMITS.memoryGiB, ' GiB'),
  processorMode: ProcessorMode.default('shared'),
  count: z
    .number({ error: 'must be a whole number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(PLAN_LIMITS.count, { error: `must be at most ${limitText(PLAN_LIMITS.count)} (the limit of a plan)` })
    .default(1),
  features: z.array(FeatureKey).default([]),
  haGroup: z.string().min(1).optional(),
  io: WorkloadIo.optional(),
  notes: z.string().optional(),
  measurement: MeasurementInfo.optional(),
});
export type Workload = z.infer<typeof Workload>;
export type WorkloadInput = z.input<typeof Workload>;

export const Objective = z.enum(['auto', 'cost', 'cores', 'servers']);
export type Objective = z.infer<typeof Objective>;

export const Constraints = z.strictObject({
  generations: z.array(Generation).default(['POWER10']),
  /** Machine type-models allowed; empty = every target model of the chosen generations. */
  models: z.array(z.string().min(1)).default([]),
  maxServers: z.number().int().positive().max(PLAN_LIMITS.maxServers).nullable().default(null),
  targetCpuUtilization: fraction.default(0.7),
  targetMemoryUtilization: fraction.default(0.9),
  growthPerYear: z.number().min(0, { error: 'must be 0 or more' }).max(10).default(0),
  horizonYears: z.number().int().min(0).max(20).default(0),
  vios: z.enum(['dual', 'single', 'none']).default('dual'),
  redundancy: z.enum(['none', 'n+1']).default('none'),
  edition: z.string().min(1).default('auto'),
  objective: Objective.default('auto'),
  /**
   * 'time-of-day': shared partitions imported with a full-day profile are entitled to their mean demand and the server's
   * processor check uses the peak of their combined profile instead of the sum of their peaks (docs/sizing-method.md §8).
   */
  peakSharing: z.enum(['none', 'time-of-day']).default('none'),
  /**
   * Servers of one configuration only (the design an engineer draws: HA members on like servers), even where a mix
   * of configurations would license fewer cores; the results say what the mix would save.
   */
  preferIdenticalServers: z.boolean().default(false),
  /**
   * Firmware part of the hypervisor's memory per server, in GiB. IBM publishes no formula (use the System
   * Planning Tool); when null, the sizing assumes IBM's one published example proportion (docs/sizing-method.md).
   */
  hypervisorFirmwareGiB: bounded(PLAN_LIMITS.memoryGiB, ' GiB').nullable().default(null),
  /** Logical memory block size in MiB; 256 MB is what most servers run and allows LPM across POWER8-Power10 (S1). */
  lmbMiB: z.union([z.literal(128), z.literal(256), z.literal(1024), z.literal(2048), z.literal(4096)]).default(256),
  /** VIOS version whose minimums apply. */
  viosVersion: z.string().min(1).default('3.1'),
});
export type Constraints = z.infer<typeof Constraints>;

const PlanFileV2 = z
  .strictObject({
    format: z.literal(PLAN_FORMAT, { error: `must be "${PLAN_FORMAT}"` }),
    version: z.literal(PLAN_VERSION, {
      error: `must be ${PLAN_VERSION} (this version of PowerVM Sizer reads plan formats 1 and 2)`,
    }),
    name: z.string().trim().min(1, { error: 'must not be empty' }),
    customer: z.string().optional(),
    author: z.string().optional(),
    notes: z.string().optional(),
    workloads: z.array(Workload).max(PLAN_LIMITS.workloads, {
      error: `must hold at most ${limitText(PLAN_LIMITS.workloads)} workloads (the limit of a plan)`,
    }),
    constraints: Constraints.default(Constraints.parse({})),
  })
  .superRefine((plan, context) => {
    const seen = new Map<string, number>();
    plan.workloads.forEach((workload, index) => {
      if (workload.id === undefined) return;
      const first = seen.get(workload.id);
      if (first === undefined) seen.set(workload.id, index);
      else
        context.addIssue({
          code: 'custom',
          path: ['workloads', index, 'id'],
          message: `"${workload.id}" is already the id of workloads[${first}]`,
        });
    });
  })
  .transform((plan) => ({ ...plan, workloads: withIds(plan.workloads) }));

/** Every workload gets an id: its own, else w1, w2, ... by position, skipping ids already taken. */
function withIds<T extends { id?: string | undefined }>(workloads: T[]): (T & { id: string })[] {
  const taken = new Set(workloads.flatMap((workload) => (workload.id === undefined ? [] : [workload.id])));
  return workloads.map((workload, index) => {
    if (workload.id !== undefined) return workload as T & { id: string };
    let id = `w${index + 1}`;
    for (let suffix = 2; taken.has(id); suffix += 1) id = `w${index + 1}-${suffix}`;
    taken.add(id);
    return { id, ...workload };
  });
}

/**
 * Version 1 told the processor demand apart by which keys it had; version 2 names its kind. This is the one place
 * that still reads the old shapes. Anything else passes through unchanged for the schema to judge.
 */
export function upgradePlan(raw: unknown): unknown {
  if (!isRecord(raw) || raw.format !== PLAN_FORMAT || raw.version !== 1) return raw;
  const workloads = Array.isArray(raw.workloads) ? raw.workloads.map(upgradeWorkload) : raw.workloads;
  return { ...raw, version: PLAN_VERSION, workloads };
}

function upgradeWorkload(workload: unknown): unknown {
  if (!isRecord(workload) || !isRecord(workload.cpu) || 'kind' in workload.cpu) return workload;
  const cpu = workload.cpu;
  const kind =
    'rperf' in cpu ? 'rperf' : 'cpw' in cpu ? 'cpw' : 'model' in cpu || 'utilization' in cpu ? 'measured' : 'cores';
  return { ...workload, cpu: { kind, ...cpu } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plan of format 2, or of format 1 upgraded on the way in. */
export const PlanFile = z.preprocess(upgradePlan, PlanFileV2);
export type PlanFile = z.infer<typeof PlanFile>;
export type PlanFileInput = z.input<typeof PlanFileV2>;
