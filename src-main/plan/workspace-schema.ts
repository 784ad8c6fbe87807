// Pure schemas of what the app remembers about plans (shared with the IPC contract).
import { z } from 'zod';

export const RecentPlan = z.object({ path: z.string(), name: z.string(), openedAt: z.string() });
export type RecentPlan = z.infer<typeof RecentPlan>;

export const AutosavedDraft = z.object({
  savedAt: z.string(),
  /** The file the draft belongs to, or null for a plan never saved. */
  path: z.string().nullable(),
  /** The draft exactly as the editor had it, valid or not, so nothing typed is lost. */
  draft: z.unknown(),
});
export type AutosavedDraft = z.infer<typeof AutosavedDraft>;
