// The presentation model of a solution: every figure and text a customer sees, computed once from the plan, the
// solution and the catalog. The screen receives it through the contract ('report.presentation'); the HTML/PDF, XLSX
// and CSV render it. Pure: no I/O, no language (texts are message codes, rendered by whoever shows them).
import type { CatalogSnapshot } from '../catalog';
import { type Message, msg } from '../common';
import type { PlanFile } from '../plan';
import type { Partition, ServerPlan, Solution } from '../solver';
import type {
  GrowthSeries,
  Money,
  Optimality,
  Presentation,
  PresentedAlternative,
  PresentedDesignComparison,
  PresentedServer,
  Segment,
  Terms,
  Text,
  WarningGroup,
} from './presentation-schema';

/** Beyond this many client partitions a server's bars show the largest and the rest as one slice (tables list all). */
export const MAX_CHART_CLIENTS = 24;

interface ConfigurationFacts {
  modelName: string;
  cores: number;
  /** Nominal GHz where the catalog states a plain one, else null (never guessed). */
  ghz: string | null;
}

/** A configuration as a person names it: model, cores and, where known, GHz (`code` names the message family). */
export function configurationLabel(
  facts: ConfigurationFacts,
  code = 'report.configuration',
  extra: Record<string, number> = {},
): Message {
  return facts.ghz
    ? msg(`${code}-ghz`, { ...extra, model: facts.modelName, cores: facts.cores, ghz: facts.ghz })
    : msg(code, { ...extra, model: facts.modelName, cores: facts.cores });
}

/** "3.4" or "3.9 (or 3.8)" name a frequency; "3.x (pattern '3*')" does not. */
function plainGhz(text: string | null | undefined): string | null {
  if (!text) return null;
  const match = /^(\d+(?:\.\d+)?)(?:\s*-\s*(\d+(?:\.\d+)?))?(?:\s*\(or [\d.]+\))?$/.exec(text.trim());
  if (!match) return null;
  return match[2] ? `${match[1]}–${match[2]}` : match[1]!;
}

function configurationFacts(
  configurationId: string,
  modelName: string,
  cores: number,
  catalog?: CatalogSnapshot,
): ConfigurationFacts {
  for (const model of catalog?.models ?? []) {
    const configuration = model.configurations.find((each) => each.id === configurationId);
    if (configuration) {
      return {
        modelName: model.name,
        cores: configuration.totalCores,
        ghz: plainGhz(configuration.ghz) ?? plainGhz(configuration.frequencyKey),
      };
    }
  }
  // Configuration ids are `${model}/${frequencyKey}/${sockets}s/${cores}c` (catalog/schema.ts).
  const frequencyKey = configurationId.split('/')[1];
  return { modelName, cores, ghz: plainGhz(frequencyKey) };
}

/** The number in "server-3", or the position when an id has another form. */
function serverNumber(id: string, index: number): number {
  const match = /^server-(\d+)$/.exec(id);
  return match ? Number(match[1]) : index + 1;
}

function coresOf(partition: Partition): number {
  return partition.entitledCapacity ?? partition.dedicatedCores ?? 0;
}

function currencyFor(server: ServerPlan, catalog?: CatalogSnapshot): string | null {
  const price = catalog?.prices.find(
    (entry) => entry.generation === server.generation && entry.edition.toLowerCase() === server.edition.toLowerCase(),
  );
  return price?.currency ?? null;
}

function money(amount: number | null | undefined, currency: string | null): Money | null {
  return amount === null || amount === undefined ? null : { amount, currency };
}

/** VIOS as one slice, the clients by size (the smallest grouped beyond the chart's limit). */
function partitionSegments(server: ServerPlan, valueOf: (partition: Partition) => number): Segment[] {
  const vios = server.partitions.filter((partition) => partition.role === 'vios');
  const clients = server.partitions
    .filter((partition) => partition.role === 'client')
    .sort((a, b) => valueOf(b) - valueOf(a));
  const shown = clients.length > MAX_CHART_CLIENTS ? clients.slice(0, MAX_CHART_CLIENTS - 1) : clients;
  const rest = clients.slice(shown.length);
  const segments: Segment[] = [];
  if (vios.length > 0)
    segments.push({
      kind: 'vios',
      label: msg('report.segment-vios'),
      value: vios.reduce((sum, partition) => sum + valueOf(partition), 0),
    });
  for (const partition of shown) segments.push({ kind: 'client', label: partition.name, value: valueOf(partition) });
  if (rest.length > 0) {
    segments.push({
      kind: 'others',
      label: msg(rest.length === 1 ? 'report.segment-others-one' : 'report.segment-others-other', {
        count: rest.length,
      }),
      value: rest.reduce((sum, partition) => sum + valueOf(partition), 0),
    });
  }
  return segments;
}

function processorSegments(server: ServerPlan, target: number): Segment[] {
  const segments = partitionSegments(server, coresOf);
  const used = segments.reduce((sum, segment) => sum + segment.value, 0);
  const targetCores = target * server.cores.active;
  segments.push({ kind: 'free', label: msg('report.segment-free'), value: Math.max(0, targetCores - used) });
  segments.push({
    kind: 'reserve',
    label: msg('report.segment-reserve'),
    value: Math.max(0, server.cores.active - Math.max(used, targetCores)),
  });
  return segments;
}

function memorySegments(server: ServerPlan): Segment[] {
  const segments = partitionSegments(server, (partition) => partition.memoryGiB);
  segments.push({ kind: 'hypervisor', label: msg('report.segment-hypervisor'), value: server.hypervisorMemoryGiB });
  const used = segments.reduce((sum, segment) => sum + segment.value, 0);
  segments.push({ kind: 'free', label: msg('report.segment-free'), value: Math.max(0, server.memoryGiB - used) });
  return segments;
}

function presentServer(
  server: ServerPlan,
  index: number,
  plan: PlanFile,
  growthFactor: number,
  catalog?: CatalogSnapshot,
): PresentedServer {
  const { targetCpuUtilization } = plan.constraints;
  // The sizing's own figure: the server's utilisation is its demand at the horizon (VIOS entitlement included).
  const demandCoresAtHorizon = server.utilization.cpu * server.cores.active;
  // The VIOS are sized for the clients at the horizon and do not shrink back: only the clients' part grows.
  const viosCores = server.partitions
    .filter((partition) => partition.role === 'vios')
    .reduce((sum, partition) => sum + coresOf(partition), 0);
  const clientsAtHorizon = Math.max(0, demandCoresAtHorizon - viosCores);
  const demandCoresNow = clientsAtHorizon / growthFactor + Math.min(viosCores, demandCoresAtHorizon);
  const facts = configurationFacts(server.configuration, server.modelName, server.cores.active, catalog);
  return {
    id: server.id,
    name: msg('report.server-name', { number: serverNumber(server.id, index) }),
    model: server.model,
    modelName: server.modelName,
    generation: server.generation,
    edition: server.edition,
    configurationLabel: configurationLabel(facts),
    configurationId: server.configuration,
    activeCores: server.cores.active,
    licensedCores: server.cores.licensed,
    memoryGiB: server.memoryGiB,
    hypervisorMemoryGiB: server.hypervisorMemoryGiB,
    cpuUtilisation: server.utilization.cpu,
    memoryUtilisation: server.utilization.memory,
    demandCoresAtHorizon,
    demandCoresNow,
    capacityCoresAtTarget: server.cores.active * targetCpuUtilization,
    clientPartitions: server.partitions.filter((partition) => partition.role === 'client').length,
    cost: money(server.cost, currencyFor(server, catalog)),
    processorSegments: processorSegments(server, targetCpuUtilization),
    memorySegments: memorySegments(server),
    explanation: server.explanation ?? [],
    ibmiTier: server.ibmiTier?.value ?? null,
    memoryModules:
      server.memoryModules?.map((each) => `${each.count} × ${each.sizeGiB} GB #${each.featureCode}`).join(' + ') ??
      null,
  };
}

/** Demand by year: the clients grow each year, the VIOS stay as sized (as the solver sizes them). */
function growthSeries(servers: PresentedServer[], plan: PlanFile): GrowthSeries {
  const { growthPerYear, horizonYears } = plan.constraints;
  const factor = (1 + growthPerYear) ** horizonYears;
  const horizon = servers.reduce((sum, server) => sum + server.demandCoresAtHorizon, 0);
  const now = servers.reduce((sum, server) => sum + server.demandCoresNow, 0);
  // now = clients / factor + vios, horizon = clients + vios.
  const clientsAtHorizon = factor === 1 ? 0 : (horizon - now) / (1 - 1 / factor);
  const vios = horizon - clientsAtHorizon;
  const years = Array.from({ length: horizonYears + 1 }, (_, year) => year);
  const demandCores = years.map((year) =>
    year === horizonYears ? horizon : vios + (clientsAtHorizon / factor) * (1 + growthPerYear) ** year,
  );
  return { years, demandCores, capacityCores: servers.reduce((sum, server) => sum + server.capacityCoresAtTarget, 0) };
}

/**
 * How close the proposal is to the best possible. The bound covers only the workloads placed, so while some are not
 * placed the headline says so beside the verdict (never a bare "Best possible").
 */
function optimality(solution: Solution, servers: PresentedServer[], workloads: number): Optimality {
  const { bounds } = solution;
  const unplaced = solution.unplaced.length;
  const headline = (code: string, params: Record<string, number> = {}): Message =>
    unplaced > 0 ? msg(`${code}-partial`, { ...params, placed: workloads - unplaced, unplaced }) : msg(code, params);
  const base = {
    gap: bounds.gap,
    serversLowerBound: bounds.serversLowerBound,
    coresLowerBound: bounds.coresLowerBound,
  };
  const licensedCores = servers.reduce((sum, server) => sum + server.licensedCores, 0);
  if (servers.length === 0)
    return {
      ...base,
      kind: 'empty',
      headline: msg('report.optimality-empty'),
      explanation: msg('report.optimality-empty-why'),
    };
  if (bounds.gap <= 0.00005)
    return {
      ...base,
      kind: 'proven',
      headline: headline('report.optimality-exact'),
      explanation: msg('report.optimality-exact-why'),
    };
  const bounded = headline('report.optimality-bounded', { gap: Math.round(bounds.gap * 1000) / 10 });
  if (bounds.provenOptimal && 'exact' in bounds) {
    // The exact model over every candidate proved it: the bound is simply not reachable.
    return {
      ...base,
      kind: 'proven',
      headline: headline('report.optimality-proven-all'),
      explanation: msg('report.optimality-proven-all-why', { bound: bounds.coresLowerBound, cores: licensedCores }),
    };
  }
  if (bounds.provenOptimal) {
    // The exact model proves the server count of one configuration; the gap still measures the whole catalog.
    return {
      ...base,
      kind: 'proven',
      headline: headline('report.optimality-proven'),
      explanation: msg('report.optimality-proven-why', {
        model: servers[0]!.modelName,
        serverCores: servers[0]!.activeCores,
        cores: licensedCores,
        bound: bounds.coresLowerBound,
      }),
    };
  }
  const explanation =
    solution.objective === 'servers'
      ? msg('report.optimality-bounded-servers-why', { bound: bounds.serversLowerBound, servers: servers.length })
      : msg('report.optimality-bounded-why', { bound: bounds.coresLowerBound, cores: licensedCores });
  return { ...base, kind: 'bounded', headline: bounded, explanation };
}

function presentAlternatives(
  solution: Solution,
  catalog: CatalogSnapshot | undefined,
  currency: string | null,
): PresentedAlternative[] {
  const seen = new Set<string>();
  const out: PresentedAlternative[] = [];
  for (const alternative of solution.alternatives) {
    const modelName =
      catalog?.models.find((model) => (model.machineTypeModel ?? model.id) === alternative.model)?.name ??
      alternative.model;
    const cores = Math.round(alternative.licensedCores / Math.max(1, alternative.servers));
    const facts = configurationFacts(alternative.configuration, modelName, cores, catalog);
    const { missing, notRedundant } = alternativeNotes(alternative.description as Text);
    const notes: Text[] = [];
    if (missing > 0)
      notes.push(
        msg(missing === 1 ? 'report.alternative-unplaced-one' : 'report.alternative-unplaced-other', {
          count: missing,
        }),
      );
    if (notRedundant) notes.push(msg('report.alternative-n1-not-met'));
    const label = configurationLabel(facts, 'report.alternative', { servers: alternative.servers });
    const key = JSON.stringify([label, alternative.licensedCores, alternative.cost, notes]);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      label,
      servers: alternative.servers,
      licensedCores: alternative.licensedCores,
      cost: money(alternative.cost, currency),
      notes,
    });
  }
  return out;
}

/** What an alternative's description says beyond its configuration: a sentence (older solver) or a message code. */
function alternativeNotes(description: Text): { missing: number; notRedundant: boolean } {
  if (typeof description === 'string') {
    return {
      missing: Number(/(\d+) workloads? not placed/.exec(description)?.[1] ?? 0),
      notRedundant: /n\+1 not met/.test(description),
    };
  }
  const unplaced = description.params.unplaced;
  return {
    missing: typeof unplaced === 'number' ? unplaced : Number(unplaced ?? 0) || 0,
    notRedundant: description.code.endsWith('not-redundant'),
  };
}

const WORKLOAD_PARAMS = ['workload', 'lpar', 'partition', 'name'] as const;

/** Warnings that differ only in the workload they name become one entry with a count and the workloads. */
function groupWarnings(warnings: readonly Message[], names: ReadonlySet<string>): WarningGroup[] {
  const groups = new Map<string, { text: Message; workloads: string[]; param: string | null; count: number }>();
  for (const warning of warnings) {
    const param =
      WORKLOAD_PARAMS.find(
        (each) => typeof warning.params[each] === 'string' && names.has(warning.params[each] as string),
      ) ?? null;
    const workload = param ? (warning.params[param] as string) : null;
    const others = Object.entries(warning.params)
      .filter(([key]) => key !== param)
      .sort(([a], [b]) => a.localeCompare(b));
    const key = `${warning.code}:${JSON.stringify(others)}`;
    const group = groups.get(key) ?? { text: warning, workloads: [], param, count: 0 };
    group.count += 1;
    if (workload !== null && !group.workloads.includes(workload)) group.workloads.push(workload);
    groups.set(key, group);
  }
  return [...groups.values()].map((group) => {
    if (group.param !== null && group.workloads.length > 1) {
      const text: Message = {
        code: group.text.code,
        params: { ...group.text.params, [group.param]: group.workloads.join(', ') },
      };
      return { text, count: group.count, workloads: group.workloads, listed: true };
    }
    return {
      text: group.text,
      count: group.count,
      workloads: group.workloads,
      listed: group.param !== null,
    };
  });
}

/** The solver's comparison with the design an engineer would draw (servers of one configuration, HA members on like servers). */
function symmetricDesign(
  solution: Solution,
  catalog: CatalogSnapshot | undefined,
  currency: string | null,
): PresentedDesignComparison | null {
  const comparison = solution.comparison;
  const identical = comparison?.identical;
  if (!comparison || !identical || identical.configuration === null) return null;
  const facts = configurationFacts(
    identical.configuration,
    identical.modelName ?? '',
    identical.cores ?? Math.round(identical.licensedCores / Math.max(1, identical.servers)),
    catalog,
  );
  const chosen =
    identical.configuration === comparison.found.configuration && identical.servers === comparison.found.servers;
  return {
    label: configurationLabel(facts, 'report.symmetric-label', { servers: identical.servers }),
    servers: identical.servers,
    licensedCores: identical.licensedCores,
    cost: money(identical.cost, currency),
    verdict: chosen ? msg('report.symmetric-chosen') : withCurrency(comparison.reason, currency),
    chosen,
  };
}

function instanceNames(plan: PlanFile, solution: Solution): Set<string> {
  const names = new Set<string>();
  for (const workload of plan.workloads) {
    names.add(workload.name);
    for (let index = 1; index <= workload.count; index += 1) names.add(`${workload.name}-${index}`);
  }
  for (const server of solution.servers)
    for (const partition of server.partitions) if (partition.workload) names.add(partition.workload);
  for (const entry of solution.unplaced) names.add(entry.name);
  return names;
}

/** "Power E1050 24-core": how the solver's reasons name a candidate (model and cores) before its frequency. */
function candidateName(modelName: string, cores: number): string {
  return `${modelName} ${cores}-core`;
}

/** Every configuration id the solution and the catalog know, with what it is called (longest id first). */
function configurationNames(solution: Solution, catalog?: CatalogSnapshot): Map<string, ConfigurationFacts> {
  const ids = new Set([
    ...solution.servers.map((server) => server.configuration),
    ...solution.alternatives.map((alternative) => alternative.configuration),
    ...(catalog?.models ?? []).flatMap((model) => model.configurations.map((each) => each.id)),
  ]);
  const modelNameOf = (id: string) =>
    solution.servers.find((server) => server.configuration === id)?.modelName ??
    catalog?.models.find((model) => model.configurations.some((each) => each.id === id))?.name ??
    id.split('/')[0]!;
  const names = new Map<string, ConfigurationFacts>();
  for (const id of [...ids].sort((a, b) => b.length - a.length)) {
    const cores = Number(/\/(\d+)c$/.exec(id)?.[1] ?? 0);
    names.set(id, configurationFacts(id, modelNameOf(id), cores, catalog));
  }
  return names;
}

/** The names of the ids message parameters carry: configurations, candidates ("Power E1050 24-core") and servers. */
export function termsFor(solution: Solution, catalog?: CatalogSnapshot): Terms {
  const terms: Terms = {};
  for (const [id, facts] of configurationNames(solution, catalog)) {
    terms[id] = configurationLabel(facts);
    const candidate = candidateName(facts.modelName, facts.cores);
    terms[candidate] ??= configurationLabel({ ...facts, ghz: null });
  }
  solution.servers.forEach((server, index) => {
    terms[server.id] = msg('report.server-name', { number: serverNumber(server.id, index) });
  });
  return terms;
}

/** Money in a message parameter carries its currency too ("costs 9,600 EUR less"). */
function withCurrency(text: Text, currency: string | null): Text {
  if (typeof text === 'string' || text.code !== 'solver.comparison.lower-cost' || !currency) return text;
  const amount = (value: unknown) =>
    typeof value === 'number'
      ? `${new Intl.NumberFormat('en', { maximumFractionDigits: 0 }).format(value)} ${currency}`
      : value;
  const params = Object.fromEntries(
    Object.entries(text.params).map(([key, value]) => [key, amount(value) as string | number]),
  );
  return { ...text, params };
}

export function buildPresentation(plan: PlanFile, solution: Solution, catalog?: CatalogSnapshot): Presentation {
  const { constraints } = plan;
  const growthFactor = (1 + constraints.growthPerYear) ** constraints.horizonYears;
  const servers = solution.servers.map((server, index) => presentServer(server, index, plan, growthFactor, catalog));
  const currencies = new Set(servers.flatMap((server) => (server.cost ? [server.cost.currency] : [])));
  const currency = currencies.size === 1 ? [...currencies][0]! : null;
  const growth = growthSeries(servers, plan);
  const byModel = new Map<string, { count: number; name: string; mtm: string }>();
  for (const server of servers) {
    const entry = byModel.get(server.model) ?? { count: 0, name: server.modelName, mtm: server.model };
    entry.count += 1;
    byModel.set(server.model, entry);
  }
  const workloads = plan.workloads.reduce((sum, workload) => sum + workload.count, 0);
  const unplaced = solution.unplaced.map((entry) => ({
    name: entry.name,
    reason: entry.reason,
    // The rules that block it on the candidates, one per rule (the solver groups the candidates each blocks).
    details: entry.details,
  }));
  return {
    objective: solution.objective,
    objectiveLabel: msg(`report.objective-${solution.objective}`),
    horizonYears: constraints.horizonYears,
    growthPerYear: constraints.growthPerYear,
    growthFactor,
    targetCpuUtilisation: constraints.targetCpuUtilization,
    targetMemoryUtilisation: constraints.targetMemoryUtilization,
    totals: {
      servers: servers.length,
      licensedCores: servers.reduce((sum, server) => sum + server.licensedCores, 0),
      activeCores: servers.reduce((sum, server) => sum + server.activeCores, 0),
      cost:
        servers.length > 0 && servers.every((server) => server.cost !== null)
          ? money(solution.totals?.cost ?? servers.reduce((sum, server) => sum + server.cost!.amount, 0), currency)
          : null,
      demandCoresNow: growth.demandCores[0] ?? 0,
      demandCoresAtHorizon: growth.demandCores.at(-1) ?? 0,
      capacityCoresAtTarget: growth.capacityCores,
      peakCpuNow: Math.max(0, ...servers.map((server) => server.demandCoresNow / server.activeCores)),
      peakCpuAtHorizon: Math.max(0, ...servers.map((server) => server.cpuUtilisation)),
      peakMemory: Math.max(0, ...servers.map((server) => server.memoryUtilisation)),
      models: [...byModel.values()].map((entry) =>
        msg('report.model-count', { count: entry.count, model: entry.name, mtm: entry.mtm }),
      ),
      editions: [...new Set(servers.map((server) => `${server.generation} ${server.edition}`))],
      workloads,
      placedWorkloads: Math.max(0, workloads - solution.unplaced.length),
    },
    optimality: optimality(solution, servers, workloads),
    growth,
    servers,
    unplaced,
    alternatives: presentAlternatives(solution, catalog, currency),
    symmetricDesign: symmetricDesign(solution, catalog, currency),
    warnings: groupWarnings(solution.warnings, instanceNames(plan, solution)),
    explanations: solution.explanations ?? [],
    terms: termsFor(solution, catalog),
  };
}
