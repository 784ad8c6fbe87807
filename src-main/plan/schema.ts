// The plan file, format version 1: what users keep, mail and open again. Pure zod, shared with the renderer.
import { z } from 'zod';
import { FeatureKey, Generation, OperatingSystem } from '../catalog/schema';

export const PLAN_FORMAT = 'powervm-sizer-plan';
export const PLAN_VERSION = 1;

const positive = (what = 'a positive number') => z.number({ error: `must be ${what}` }).positive({ error: `must be ${what}` });
const fraction = z
  .number({ error: 'must be a number between 0 and 1' })
  .gt(0, { error: 'must be greater than 0' })
  .max(1, { error: 'must be at most 1' });

/** Processor demand, one of four shapes (see docs/sizing-method.md). */
export const CpuRperf = z.strictObject({ rperf: positive() });
export const CpuCpw = z.strictObject({ cpw: positive() });
export const CpuCores = z.strictObject({ cores: positive() });
export const CpuMeasured = z.strictObject({
  cores: positive(),
  /** Machine type-model of the server the use was measured on (POWER7 to POWER11). */
  model: z.string().min(1, { error: 'must name the source machine type-model' }),
  utilization: fraction,
  /** Configuration id of the source server; when absent the conservative one is taken and said in warnings. */
  configuration: z.string().min(1).optional(),
});
export const CpuDemand = z.union([CpuMeasured, CpuRperf, CpuCpw, CpuCores], {
  error: 'must be one of {rperf}, {cpw}, {cores} or {cores, model, utilization}',
});
export type CpuDemand = z.infer<typeof CpuDemand>;

export const StorageProtocol = z.enum(['vscsi', 'npiv']);
export const NetworkProtocol = z.enum(['sea', 'vnic', 'sriov']);

/** Optional I/O a workload drives through the VIOS; defaults are documented in docs/sizing-method.md. */
export const WorkloadIo = z.strictObject({
  networkGbps: z.number().nonnegative().optional(),
  storageIops: z.number().nonnegative().optional(),
  storageMBps: z.number().nonnegative().optional(),
  storage: StorageProtocol.optional(),
  network: NetworkProtocol.optional(),
});
export type WorkloadIo = z.infer<typeof WorkloadIo>;

/** What measured use a workload is sized from: the peak, a percentile or the average of the cores used. */
export const SizingBasis = z.enum(['peak', 'p99', 'p95', 'p90', 'p50', 'average']);
/** Quarter-hours of a day: the slots of a measured time-of-day profile. */
export const DAY_SLOTS = 96;

/** Where a workload imported from measurements came from, and how far to trust it (shown in the grid and report). */
export const MeasurementInfo = z.object({
  source: z.enum(['nmon', 'nsum', 'hmc', 'generic']),
  file: z.string(),
  basis: SizingBasis,
  basisCores: z.number().nonnegative(),
  headroom: z.number().nonnegative(),
  samples: z.number().int().nonnegative(),
  confidence: z.enum(['high', 'medium', 'low']),
  confidenceReasons: z.array(z.string()),
  /** Every basis the file allowed (cores used on the source server, no headroom), so the basis can change per workload. */
  statistics: z.partialRecord(SizingBasis, z.number().nonnegative()).optional(),
  /** Peak cores used in each 15-minute slot of the day (96 values), for peaks that do not coincide. */
  profile: z.array(z.number().nonnegative()).length(DAY_SLOTS).optional(),
});
export type MeasurementInfo = z.infer<typeof MeasurementInfo>;

export const ProcessorMode = z.enum(['shared', 'dedicated']);
export type ProcessorMode = z.infer<typeof ProcessorMode>;

export const Workload = z.strictObject({
  name: z.string().trim().min(1, { error: 'must not be empty' }),
  os: OperatingSystem,
  cpu: CpuDemand,
  memoryGiB: positive(),
  processorMode: ProcessorMode.default('shared'),
  count: z.number().int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).default(1),
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
  maxServers: z.number().int().positive().nullable().default(null),
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
  hypervisorFirmwareGiB: z.number().nonnegative().nullable().default(null),
  /** Logical memory block size in MiB; 256 MB is what most servers run and allows LPM across POWER8-Power10 (S1). */
  lmbMiB: z.union([z.literal(128), z.literal(256), z.literal(1024), z.literal(2048), z.literal(4096)]).default(256),
  /** VIOS version whose minimums apply. */
  viosVersion: z.string().min(1).default('3.1'),
});
export type Constraints = z.infer<typeof Constraints>;

export const PlanFile = z.strictObject({
  format: z.literal(PLAN_FORMAT, { error: `must be "${PLAN_FORMAT}"` }),
  version: z.literal(PLAN_VERSION, { error: `must be ${PLAN_VERSION} (this version of PowerVM Sizer reads plan format 1)` }),
  name: z.string().trim().min(1, { error: 'must not be empty' }),
  customer: z.string().optional(),
  author: z.string().optional(),
  notes: z.string().optional(),
  workloads: z.array(Workload),
  constraints: Constraints.default(Constraints.parse({})),
});
export type PlanFile = z.infer<typeof PlanFile>;
export type PlanFileInput = z.input<typeof PlanFile>;
