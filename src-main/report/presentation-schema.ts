// What a customer sees of a solution, computed once: the screen, the HTML/PDF, the XLSX and the CSV all read these
// figures and texts, so no two of them can disagree. Pure zod, shared with the renderer through the IPC contract.
// Texts are message codes with parameters (rendered in the reader's language by formatMessage); while the solver
// still writes English sentences, a text may also be a plain string, shown as it is.
import { z } from 'zod';
import { Message } from '../common';

/** A customer-facing text: a message code with parameters, or (until every producer emits codes) a sentence. */
export const Text = z.union([Message, z.string()]);
export type Text = z.infer<typeof Text>;

/**
 * What the ids that message parameters carry are called ("9105-42A/3.4/2s/24c", "Power E1050 24-core", "server-2"),
 * as messages, so each reader's language names them as a person would ("Power S1024 · 24 核 · 3.4 GHz").
 */
export const Terms = z.record(z.string(), Message);
export type Terms = z.infer<typeof Terms>;

/** An amount of money; the currency is null only when prices in several currencies were added up (never shown bare). */
export const Money = z.object({ amount: z.number(), currency: z.string().nullable() });
export type Money = z.infer<typeof Money>;

/** One slice of a server's processor or memory bar. */
export const Segment = z.object({
  kind: z.enum(['vios', 'client', 'others', 'free', 'reserve', 'hypervisor']),
  /** A partition's name, or a message for the kinds that are not one partition. */
  label: Text,
  value: z.number(),
});
export type Segment = z.infer<typeof Segment>;

export const PresentedServer = z.object({
  id: z.string(),
  /** "Server 1": the name a person uses (the id stays the key in files and the deployment export). */
  name: Text,
  model: z.string(),
  modelName: z.string(),
  generation: z.string(),
  edition: z.string(),
  /** "Power S1024 · 24 cores · 3.4 GHz". */
  configurationLabel: Text,
  configurationId: z.string(),
  activeCores: z.number(),
  licensedCores: z.number(),
  memoryGiB: z.number(),
  hypervisorMemoryGiB: z.number(),
  cpuUtilisation: z.number(),
  memoryUtilisation: z.number(),
  /** Processor demand the server is sized for (its VIOS included) at the horizon, and today (VIOS kept flat). */
  demandCoresAtHorizon: z.number(),
  demandCoresNow: z.number(),
  /** Cores usable under the processor target. */
  capacityCoresAtTarget: z.number(),
  clientPartitions: z.number().int(),
  cost: Money.nullable(),
  processorSegments: z.array(Segment),
  memorySegments: z.array(Segment),
  explanation: z.array(Text),
  /** IBM i software tier of the configuration (null = not published). */
  ibmiTier: z.string().nullable(),
  /** Installed memory as orderable modules, e.g. "6 × 128 GB #EM4M"; null where no feature table is published. */
  memoryModules: z.string().nullable(),
});
export type PresentedServer = z.infer<typeof PresentedServer>;

/** Processor demand by year of the horizon (clients grow, the VIOS stay as sized) against capacity at the target. */
export const GrowthSeries = z.object({
  years: z.array(z.number().int()),
  demandCores: z.array(z.number()),
  capacityCores: z.number(),
});
export type GrowthSeries = z.infer<typeof GrowthSeries>;

/** How good the proposal is known to be, said so that it cannot be misread. */
export const Optimality = z.object({
  /** proven: the exact model proved the server count; bounded: only the distance to a lower bound is known. */
  kind: z.enum(['proven', 'bounded', 'empty']),
  /** Share of the proposal above the lower bound of the objective (licensed cores or servers). */
  gap: z.number(),
  serversLowerBound: z.number().int(),
  coresLowerBound: z.number(),
  /** Headline ("Proven fewest servers", "Within 24.9 % of the best possible") and its one-line explanation. */
  headline: Text,
  explanation: Text,
});
export type Optimality = z.infer<typeof Optimality>;

export const PresentedAlternative = z.object({
  label: Text,
  servers: z.number().int(),
  licensedCores: z.number(),
  cost: Money.nullable(),
  notes: z.array(Text),
});
export type PresentedAlternative = z.infer<typeof PresentedAlternative>;

/** Warnings that say the same thing for several workloads, said once with a count and the workloads. */
export const WarningGroup = z.object({
  text: Text,
  count: z.number().int().positive(),
  workloads: z.array(z.string()),
  /** The workloads are already named inside the text (a message whose workload parameter holds the list). */
  listed: z.boolean(),
});
export type WarningGroup = z.infer<typeof WarningGroup>;

/** The solver's comparison with the symmetric design an engineer would draw, when it provides one. */
export const PresentedDesignComparison = z.object({
  label: Text,
  servers: z.number().int(),
  licensedCores: z.number(),
  cost: Money.nullable(),
  /** Why the proposal was chosen over it (or that it is the proposal). */
  verdict: Text,
  chosen: z.boolean(),
});
export type PresentedDesignComparison = z.infer<typeof PresentedDesignComparison>;

export const Presentation = z.object({
  objective: z.enum(['cost', 'cores', 'servers']),
  objectiveLabel: Text,
  horizonYears: z.number().int(),
  growthPerYear: z.number(),
  growthFactor: z.number(),
  targetCpuUtilisation: z.number(),
  targetMemoryUtilisation: z.number(),
  totals: z.object({
    servers: z.number().int(),
    licensedCores: z.number(),
    activeCores: z.number(),
    /** Null when some server has no price: unknown, shown as "—". */
    cost: Money.nullable(),
    demandCoresNow: z.number(),
    demandCoresAtHorizon: z.number(),
    capacityCoresAtTarget: z.number(),
    peakCpuNow: z.number(),
    peakCpuAtHorizon: z.number(),
    peakMemory: z.number(),
    /** "2 × Power E1050 (9043-MRX)" per distinct model. */
    models: z.array(Text),
    editions: z.array(z.string()),
    workloads: z.number().int(),
    placedWorkloads: z.number().int(),
  }),
  optimality: Optimality,
  growth: GrowthSeries,
  servers: z.array(PresentedServer),
  unplaced: z.array(z.object({ name: z.string(), reason: Text, details: z.array(Text) })),
  alternatives: z.array(PresentedAlternative),
  symmetricDesign: PresentedDesignComparison.nullable(),
  warnings: z.array(WarningGroup),
  explanations: z.array(Text),
  terms: Terms,
});
export type Presentation = z.infer<typeof Presentation>;
