// Pure schemas of what the app remembers about plans (shared with the IPC contract): the recent list and the
// autosaved draft offered back after a crash.
import { z } from 'zod';
import { Message } from '../common';
import { CPU_KINDS, Constraints, MeasurementInfo, PLAN_LIMITS, WorkloadId } from './schema';

export const RecentPlan = z.object({ path: z.string(), name: z.string(), openedAt: z.string() });
export type RecentPlan = z.infer<typeof RecentPlan>;

/** One row of the workload grid as typed: text, valid or not, so nothing the user entered is lost. */
export const DraftRow = z.object({
  /** The workload's key; drafts written before plan format 2 have none and get one on the way in. */
  workloadId: WorkloadId,
  name: z.string(),
  os: z.string(),
  cpuKind: z.enum(CPU_KINDS),
  cpuValue: z.string(),
  sourceModel: z.string(),
  utilization: z.string(),
  memoryGiB: z.string(),
  processorMode: z.string(),
  count: z.string(),
  features: z.string(),
  haGroup: z.string(),
  notes: z.string().optional(),
  measurement: MeasurementInfo.optional(),
});
export type DraftRow = z.infer<typeof DraftRow>;

/**
 * The constraints of a draft keep each field the plan accepts and drop the others, which then take the plan's
 * default (a target typed out of range, a field a later version dropped). The targets form can hold such a value
 * for a moment; it must never stop the rows typed in the grid from being autosaved or recovered.
 */
function acceptedConstraints(raw: unknown): unknown {
  if (!isRecord(raw)) return {};
  const fields: Record<string, z.ZodType> = Constraints.shape;
  return Object.fromEntries(
    Object.entries(raw).filter(([key, value]) => fields[key]?.safeParse(value).success === true),
  );
}
const DraftConstraints = z.preprocess(acceptedConstraints, Constraints);

const PlanDraftV2 = z.object({
  name: z.string(),
  customer: z.string(),
  rows: z.array(DraftRow).max(PLAN_LIMITS.workloads, {
    error: `must hold at most ${PLAN_LIMITS.workloads} rows (the limit of a plan)`,
  }),
  constraints: DraftConstraints,
});

/**
 * A draft written before plan format 2 has rows without a workload key: each gets one as a version 1 plan's
 * workloads do (w1, w2, ... by position, skipping keys already taken). Anything else passes through for the schema.
 */
export function upgradeDraft(raw: unknown): unknown {
  if (!isRecord(raw) || !Array.isArray(raw.rows)) return raw;
  const rows: unknown[] = raw.rows;
  const taken = new Set(
    rows.flatMap((row) => (isRecord(row) && typeof row.workloadId === 'string' ? [row.workloadId] : [])),
  );
  return {
    ...raw,
    rows: rows.map((row, index) => {
      if (!isRecord(row) || row.workloadId !== undefined) return row;
      let id = `w${index + 1}`;
      for (let suffix = 2; taken.has(id); suffix += 1) id = `w${index + 1}-${suffix}`;
      taken.add(id);
      return { ...row, workloadId: id };
    }),
  };
}

/** The editor's state as the autosave keeps it: the plan's name, customer and constraints and the grid's rows. */
export const PlanDraft = z.preprocess(upgradeDraft, PlanDraftV2);
export type PlanDraft = z.infer<typeof PlanDraft>;

export const AutosavedDraft = z.object({
  savedAt: z.string(),
  /** The file the draft belongs to, or null for a plan never saved. */
  path: z.string().nullable(),
  draft: PlanDraft,
});
export type AutosavedDraft = z.infer<typeof AutosavedDraft>;

/** What the app finds at start: a draft to offer back, or a damaged one, set aside under another name and said. */
export const DraftRecovery = z.discriminatedUnion('kind', [
  AutosavedDraft.extend({ kind: z.literal('draft') }),
  z.object({
    kind: z.literal('damaged'),
    /** What is wrong with it, naming the field: a message code with its parameters. */
    problem: Message,
    /** Where the damaged file now is (kept, never deleted), or its old place when it could not be moved. */
    keptAs: z.string(),
  }),
]);
export type DraftRecovery = z.infer<typeof DraftRecovery>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
