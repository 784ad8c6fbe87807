// Stage 1, candidates: the plan's instances, the candidate configurations, each instance's LPAR on each of them
// (or why not), the objective, and the warnings that follow from the plan alone.
import type { CatalogSnapshot } from '../catalog';
import type { PlanFile } from '../plan';
import { editionFit } from '../powervm';
import { type Message, msg } from './message';
import {
  type Candidate,
  type Instance,
  type Lpar,
  buildCandidates,
  expandInstances,
  growthFactor,
  lparOn,
  sourcePerCore,
} from './normalise';
import type { ObjectiveName } from './objective';
import { type PackSettings, viosCountOf } from './pack';
import { profileProblem } from './time-of-day';

export interface Prepared {
  plan: PlanFile;
  catalog: CatalogSnapshot;
  instances: Instance[];
  /** Every candidate configuration the plan allows. */
  candidates: Candidate[];
  settings: PackSettings;
  lparsByCandidate: Map<string, Lpar[]>;
  /** Per candidate, the LPAR of each instance by instance index (undefined where it cannot run). */
  lparIndex: Map<string, Array<Lpar | undefined>>;
  /** Per instance index, why it cannot run on some candidates. */
  reasons: Map<number, Message[]>;
  objective: ObjectiveName;
  sharing: boolean;
  warnings: Message[];
  explanations: Message[];
}

export function prepare(plan: PlanFile, catalog: CatalogSnapshot): Prepared {
  const instances = expandInstances(plan);
  const { candidates, notes } = buildCandidates(plan, catalog);
  const settings = settingsOf(plan, catalog);
  const warnings: Message[] = [...notes];
  warnings.push(...planWarnings(plan, settings));
  const { lparsByCandidate, lparIndex, reasons } = lparTable(instances, candidates, plan, catalog);
  warnings.push(...sourceWarnings(instances, catalog));
  const { objective, notes: objectiveNotes } = objectiveOf(plan, candidates);
  const explanations = objectiveNotes.filter((note) => note.code.startsWith('solver.objective.'));
  warnings.push(...objectiveNotes.filter((note) => !note.code.startsWith('solver.objective.')));
  const sharing = plan.constraints.peakSharing === 'time-of-day';
  return {
    plan,
    catalog,
    instances,
    candidates,
    settings,
    lparsByCandidate,
    lparIndex,
    reasons,
    objective,
    sharing,
    warnings,
    explanations,
  };
}

export function settingsOf(plan: PlanFile, catalog: CatalogSnapshot): PackSettings {
  const published = catalog.viosMinimums.filter((minimum) => minimum.minMemoryGiB !== null);
  return {
    plan,
    viosCount: viosCountOf(plan),
    viosMinimum: published.find((minimum) => minimum.viosVersion === plan.constraints.viosVersion) ?? published[0],
  };
}

function planWarnings(plan: PlanFile, settings: PackSettings): Message[] {
  const warnings: Message[] = [];
  const used = settings.viosMinimum?.viosVersion;
  if (used !== undefined && used !== plan.constraints.viosVersion) {
    warnings.push(msg('solver.vios-minimums-substituted', { asked: plan.constraints.viosVersion, used }));
  }
  if (plan.constraints.hypervisorFirmwareGiB === null) warnings.push(msg('solver.firmware-memory-assumed', {}));
  if (plan.constraints.peakSharing !== 'time-of-day') return warnings;
  const measured = plan.workloads.filter((workload) => workload.processorMode === 'shared' && workload.measurement);
  const flat = measured
    .map((workload) => ({ workload, problem: profileProblem(workload) }))
    .filter((each) => each.problem);
  warnings.push(msg('solver.time-of-day-sharing', { count: measured.length - flat.length }));
  if (flat.length > 0) {
    const names = flat.map((each) => each.workload.name);
    warnings.push(msg('solver.sized-at-peak', { count: flat.length, workloads: names.join(', ') }));
  }
  return warnings;
}

function sourceWarnings(instances: readonly Instance[], catalog: CatalogSnapshot): Message[] {
  // One grouped warning per source model, not one per workload.
  const bySource = new Map<string, { workloads: string[]; cores: number; perCore: string; figure: string }>();
  for (const workload of new Set(instances.map((instance) => instance.workload))) {
    const cpu = workload.cpu;
    if (cpu.kind !== 'measured' || cpu.configuration !== undefined) continue;
    const source = sourcePerCore(catalog, cpu.model, undefined, workload.os);
    if ('error' in source) continue;
    const key = `${source.model.name}|${source.figure}`;
    const entry = bySource.get(key) ?? {
      workloads: [],
      cores: source.configuration.totalCores,
      perCore: source.perCore.toFixed(2),
      figure: source.figure,
    };
    entry.workloads.push(workload.name);
    bySource.set(key, entry);
  }
  return [...bySource].map(([key, entry]) =>
    msg('solver.source-configuration-assumed', {
      model: key.split('|')[0]!,
      cores: entry.cores,
      perCore: entry.perCore,
      figure: entry.figure,
      count: entry.workloads.length,
      workloads: entry.workloads.join(', '),
    }),
  );
}

function lparTable(
  instances: readonly Instance[],
  candidates: readonly Candidate[],
  plan: PlanFile,
  catalog: CatalogSnapshot,
) {
  const growth = growthFactor(plan);
  const lparsByCandidate = new Map<string, Lpar[]>();
  const lparIndex = new Map<string, Array<Lpar | undefined>>();
  const reasons = new Map<number, Message[]>();
  // Appended in place: an IBM i workload has a reason on every configuration without a published CPW.
  const addReason = (instance: Instance, reason: Message) => {
    const known = reasons.get(instance.index);
    if (known) known.push(reason);
    else reasons.set(instance.index, [reason]);
  };
  for (const candidate of candidates) {
    const lpars: Lpar[] = [];
    const byIndex: Array<Lpar | undefined> = new Array(instances.length);
    for (const instance of instances) {
      const blocked = candidate.edition ? editionFit(candidate.edition, instance.features).missing[0] : undefined;
      if (blocked) {
        addReason(
          instance,
          msg('solver.reason.edition-missing', {
            model: candidate.model.name,
            cores: candidate.activeCores,
            generation: candidate.generation,
            edition: candidate.editionName,
            feature: blocked,
          }),
        );
        continue;
      }
      const lpar = lparOn(instance, candidate, plan, catalog, growth);
      if ('reason' in lpar) addReason(instance, lpar.reason);
      else {
        lpars.push(lpar);
        byIndex[instance.index] = lpar;
      }
    }
    lparsByCandidate.set(candidate.key, lpars);
    lparIndex.set(candidate.key, byIndex);
  }
  return { lparsByCandidate, lparIndex, reasons };
}

function objectiveOf(plan: PlanFile, candidates: readonly Candidate[]): { objective: ObjectiveName; notes: Message[] } {
  const priced = candidates.length > 0 && candidates.every((candidate) => candidate.pricePerCoreOverHorizon !== null);
  const asked = plan.constraints.objective;
  const objective: ObjectiveName = asked !== 'auto' ? asked : priced ? 'cost' : 'cores';
  const notes: Message[] = [];
  if (asked === 'auto')
    notes.push(msg(objective === 'cost' ? 'solver.objective.cost-auto' : 'solver.objective.cores-auto', {}));
  if (objective === 'cost' && !priced) notes.push(msg('solver.cost-without-prices', {}));
  return { objective, notes };
}
