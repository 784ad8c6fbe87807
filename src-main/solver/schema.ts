// The solver's answer. Pure zod, shared with the renderer, the CLI (`size --json`) and the reports.
import { z } from 'zod';
import { Generation, OperatingSystem } from '../catalog';
import { DAY_SLOTS, Message } from '../common';

export { Message } from '../common';

export const PartitionRole = z.enum(['vios', 'client']);

export const Partition = z.object({
  name: z.string(),
  /** Instance name of the workload (absent for VIOS). */
  workload: z.string().optional(),
  /** Id of the plan's workload this partition is an instance of (absent for VIOS). */
  workloadId: z.string().optional(),
  role: PartitionRole,
  os: z.union([OperatingSystem, z.literal('vios')]),
  mode: z.enum(['shared', 'dedicated']),
  entitledCapacity: z.number().optional(),
  dedicatedCores: z.number().int().optional(),
  virtualProcessors: z.number().int().optional(),
  memoryGiB: z.number(),
  /** Cores this partition needs on this server's configuration at the target utilisation's basis (no headroom). */
  demandCores: z.number(),
  /** Why it is sized so (VIOS: clients, adapters, rules applied). */
  explanation: z.array(Message).optional(),
  /** VIOS only: the client partitions it serves and the adapters it needs. */
  serves: z.array(z.string()).optional(),
  adapters: z
    .object({
      fcPorts: z.number().int(),
      ethernetPorts: z.number().int(),
      virtualScsi: z.number().int(),
      virtualFc: z.number().int(),
      virtualEthernet: z.number().int(),
    })
    .optional(),
});
export type Partition = z.infer<typeof Partition>;

export const ServerPlan = z.object({
  id: z.string(),
  model: z.string(),
  modelName: z.string(),
  generation: Generation,
  configuration: z.string(),
  cores: z.object({ active: z.number().int(), licensed: z.number().int() }),
  memoryGiB: z.number(),
  edition: z.string(),
  partitions: z.array(Partition),
  utilization: z.object({ cpu: z.number(), memory: z.number() }),
  hypervisorMemoryGiB: z.number(),
  /** Sharing by time of day: demand per 15-minute slot (VIOS included), its peak, and the sum of the partitions' peaks. */
  timeOfDay: z
    .object({
      demandCores: z.array(z.number()).length(DAY_SLOTS),
      combinedPeakCores: z.number(),
      sumOfPeaksCores: z.number(),
    })
    .optional(),
  /** Why this model and configuration. */
  explanation: z.array(Message).optional(),
  cost: z.number().nullable().optional(),
  /** IBM i software tier of this configuration (decides the IBM i licence); null value = not published. */
  ibmiTier: z.object({ value: z.string().nullable(), sourceId: z.string().nullable() }).optional(),
  /** Installed memory as orderable modules, when the model publishes its memory features. */
  memoryModules: z
    .array(z.object({ featureCode: z.string(), sizeGiB: z.number(), count: z.number().int() }))
    .nullable()
    .optional(),
});
export type ServerPlan = z.infer<typeof ServerPlan>;

/** A workload no server can take: the reason, and the rule that blocks it on the largest candidate. */
export const Unplaced = z.object({ name: z.string(), reason: Message, details: z.array(Message).default([]) });

/**
 * How far the answer is from the best possible. `provenOptimal`: no choice of configurations among all candidates
 * does better under the objective. `exact`: how the exact model over all candidates ended (not run when the plan is
 * beyond its size, shares by time of day or needs n+1).
 */
export const Bounds = z.object({
  serversLowerBound: z.number().int(),
  coresLowerBound: z.number(),
  gap: z.number(),
  provenOptimal: z.boolean(),
  /** 'work-limit': the exact model did its fixed amount of work; 'time-limit': this machine's backstop stopped it. */
  exact: z.enum(['optimal', 'work-limit', 'time-limit', 'not-run']).default('not-run'),
});

/** A layout with its totals: the one found, or one an engineer might draw instead. */
export const Layout = z.object({
  configuration: z.string().nullable(),
  modelName: z.string().nullable(),
  cores: z.number().int().nullable(),
  servers: z.number().int(),
  licensedCores: z.number().int(),
  cost: z.number().nullable(),
  unplaced: z.number().int(),
});

/**
 * The design an engineer would draw (servers of one configuration, so HA members sit on like servers) beside the
 * one found, and why the chosen one wins (or that they are the same, or that the plan asked for identical servers).
 */
export const DesignComparison = z.object({
  identical: Layout.nullable(),
  found: Layout,
  reason: Message,
});

export const Alternative = z.object({
  description: Message,
  model: z.string(),
  configuration: z.string(),
  servers: z.number().int(),
  licensedCores: z.number().int(),
  cost: z.number().nullable(),
});

/** A partition measured on an older server: how it gets to its new server and in which compatibility mode it runs. */
export const Migration = z.object({
  partition: z.string(),
  server: z.string(),
  sourceModel: z.string(),
  sourceGeneration: Generation,
  targetGeneration: Generation,
  /** Processor compatibility mode on the new server; null when no live move is needed and none is published. */
  mode: z.string().nullable(),
  live: z.boolean(),
  /** Minimum VIOS level for that mode, where published (Power11 scale-out). */
  viosMinimum: z.string().nullable(),
  message: Message,
});
export type Migration = z.infer<typeof Migration>;

export const Solution = z.object({
  objective: z.enum(['cost', 'cores', 'servers']),
  servers: z.array(ServerPlan),
  /** n+1 only: for each server, where each of its partitions would run if that server were lost. */
  failover: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  unplaced: z.array(Unplaced),
  bounds: Bounds,
  alternatives: z.array(Alternative),
  warnings: z.array(Message),
  /** Why workloads landed where they did, the minimal edition and what forces it. */
  explanations: z.array(Message).optional(),
  comparison: DesignComparison.optional(),
  /** True on the answers streamed while the solver still improves or proves (the last one is final). */
  interim: z.boolean().optional(),
  /** Published catalog rules behind the proposal (editions per model, IBM i tiers, memory features, assumptions). */
  catalogNotes: z.array(Message).optional(),
  migrations: z.array(Migration).optional(),
  totals: z
    .object({ servers: z.number().int(), licensedCores: z.number().int(), cost: z.number().nullable() })
    .optional(),
  stats: z
    .object({
      method: z.string(),
      heuristicMs: z.number(),
      exactMs: z.number().nullable(),
      firstFeasibleMs: z.number().optional(),
    })
    .optional(),
});
export type Solution = z.infer<typeof Solution>;
