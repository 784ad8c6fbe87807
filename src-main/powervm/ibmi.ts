// IBM i rules that depend on the server's processor configuration (review 2026-12): a core limit per IBM i partition
// on the P10-tier scale-out configurations, a memory cap on some small configurations, and the software tier that
// decides the customer's IBM i licence. Data comes from the catalog (each figure with its source); this file decides.
import type { Configuration, ServerModel } from '../catalog';

export interface IbmiRules {
  /** P05/P10/P20/P30 of this configuration, else the model's statement, else null (not published). */
  tier: string | null;
  tierSourceId: string | null;
  /** Largest IBM i partition in cores, real or virtual ("Up to four cores (real or virtual) per IBM i partition"). */
  maxCoresPerPartition: number | null;
  /** Server memory cap once IBM i runs there (S1014 4-core: 64 GB). */
  maxServerMemoryGiB: number | null;
  viosRequired: boolean;
}

export function ibmiRulesOf(model: ServerModel, configuration: Configuration): IbmiRules {
  const rules = configuration.ibmi;
  const tier = rules?.tier ?? model.ibmiTier ?? null;
  const tierSource = tier?.provenance.kind === 'published' ? tier.provenance.sourceId : null;
  return {
    tier: tier?.value ?? model.ibmiSoftwareTier ?? null,
    tierSourceId: tierSource,
    maxCoresPerPartition: rules?.maxCoresPerPartition?.value ?? null,
    maxServerMemoryGiB: rules?.maxServerMemoryGiB?.value ?? null,
    viosRequired: rules?.viosRequired !== null && rules?.viosRequired !== undefined,
  };
}
