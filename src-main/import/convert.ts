// Measured LPARs to plan workloads: the basis (peak, a percentile or the average) of the cores used, plus headroom,
// as measured use on the source server, so the solver converts it through that server's published rPerf or CPW.
// Memory is the configured size by default, or the measured peak in use plus headroom when chosen.
import type { CatalogSnapshot, Generation } from '../catalog';
import { BASES, type MemoryBasis, type WorkloadInput, basisPhrase, measuredCores, measuredMemoryGiB } from '../plan';
import {
  type Basis,
  type Confidence,
  type FileContribution,
  type LparMeasurement,
  basisCores,
  confidenceOf,
  statisticsOf,
} from './measurement';
import { type Message, msg, renderMessage } from './messages';

export interface ImportChoices {
  basis: Basis;
  /** Extra share on top of the basis, e.g. 0.1 for 10 %. */
  headroom: number;
  /** Source model chosen by the user for every LPAR: overrides what the files say. */
  sourceModel?: string;
  /** Source model for the LPARs whose files name none, or one the catalog lacks. */
  fallbackModel?: string;
  /** Memory basis for every workload (configured by default). */
  memoryBasis?: MemoryBasis;
  /** Per LPAR (by name): another source model (overriding the file's), basis, headroom or memory basis. */
  perLpar?: Record<string, { sourceModel?: string; basis?: Basis; headroom?: number; memoryBasis?: MemoryBasis }>;
}

/** What the preview shows of one LPAR before anything is added to the plan. */
export interface LparSummary {
  lpar: string;
  host: string | null;
  source: LparMeasurement['source'];
  files: FileContribution[];
  periodStart: string | null;
  periodEnd: string | null;
  daysCovered: number;
  intervalSeconds: number | null;
  gaps: Array<{ from: string; to: string }>;
  samples: number;
  mode: LparMeasurement['mode'];
  sourceModel: string | null;
  /** Where the source model came from: the files, or the user's choice over what the files said. */
  sourceModelFrom: 'file' | 'user' | null;
  basis: Basis;
  basisCores: number | null;
  memoryConfiguredGiB: number | null;
  memoryUsedPeakGiB: number | null;
  memoryBasis: MemoryBasis;
  memoryGiB: number | null;
  confidence: Confidence;
  confidenceReasons: Message[];
  notes: Message[];
}

export interface ImportedWorkload {
  measurement: LparMeasurement;
  summary: LparSummary;
  workload: WorkloadInput | null;
  /** Why no workload was made (no source model, no samples, ...). */
  problem: Message | null;
  /** Catalog models the user may pick when the source model is missing or unknown (same machine type first). */
  modelChoices: string[];
  basisCores: number | null;
  confidence: Confidence;
  confidenceReasons: Message[];
}

const round = (value: number, digits = 4) => Number(value.toFixed(digits));
const iso = (time: number) => new Date(time).toISOString();

function findModel(catalog: CatalogSnapshot, id: string) {
  const wanted = id.trim().toUpperCase();
  return catalog.models.find(
    (each) => each.id.toUpperCase() === wanted || each.machineTypeModel?.toUpperCase() === wanted,
  );
}

/** Source models to offer instead of a missing or unknown one: the same machine type first, then the rest. */
/** Models to offer instead of one the catalog lacks: the same machine type, then the generation the file names. */
function choicesFor(catalog: CatalogSnapshot, wanted: string | null, generation: Generation | null): string[] {
  const usable = catalog.models.filter((model) => model.configurations.length > 0 || model.role === 'source');
  const type = wanted?.split('-')[0];
  const sameType = type ? usable.filter((model) => (model.machineTypeModel ?? model.id).startsWith(`${type}-`)) : [];
  const sameGeneration = usable.filter((model) => model.generation === generation && !sameType.includes(model));
  const first = [...sameType, ...sameGeneration];
  return [...first, ...usable.filter((model) => !first.includes(model))]
    .slice(0, 12)
    .map((model) => model.machineTypeModel ?? model.id);
}

function io(measurement: LparMeasurement): WorkloadInput['io'] | undefined {
  if (measurement.networkKBpsPeak === null && measurement.diskIopsPeak === null) return undefined;
  return {
    ...(measurement.networkKBpsPeak !== null
      ? { networkGbps: round((measurement.networkKBpsPeak * 8) / 1_000_000, 3) }
      : {}),
    ...(measurement.diskIopsPeak !== null ? { storageIops: Math.round(measurement.diskIopsPeak) } : {}),
    ...(measurement.diskReadKBpsPeak !== null || measurement.diskWriteKBpsPeak !== null
      ? { storageMBps: round(((measurement.diskReadKBpsPeak ?? 0) + (measurement.diskWriteKBpsPeak ?? 0)) / 1024, 1) }
      : {}),
  };
}

export function toWorkloads(
  measurements: readonly LparMeasurement[],
  catalog: CatalogSnapshot,
  choices: ImportChoices,
): ImportedWorkload[] {
  const names = new Map<string, number>();
  return measurements.map((measurement) => {
    const own = choices.perLpar?.[measurement.lparName] ?? {};
    const chosenBasis = own.basis ?? choices.basis;
    const headroom = own.headroom ?? choices.headroom;
    // The configured size by default; the measured peak when the files give no size (an explicit choice is kept).
    const memoryBasis =
      own.memoryBasis ??
      (choices.memoryBasis === 'measured' ||
      (measurement.memoryConfiguredGiB === null && measurement.memoryUsedPeakGiB !== null)
        ? 'measured'
        : 'configured');
    const { rating, reasons, days } = confidenceOf(measurement);
    const statistics = statisticsOf(measurement.samples);
    const basis = basisCores(measurement, chosenBasis, statistics);
    // The user's choice for this LPAR, then for all, then the file's model, then the fallback for files naming none.
    const chosenModel = own.sourceModel ?? choices.sourceModel;
    // A file naming a model the catalog lacks is not silently sized on the fallback: the user gets the choice.
    const modelId = chosenModel ?? measurement.machineTypeModel ?? choices.fallbackModel ?? null;
    const model = modelId ? findModel(catalog, modelId) : undefined;
    const byUser = modelId !== null && modelId !== measurement.machineTypeModel;
    const memory = { configuredGiB: measurement.memoryConfiguredGiB, usedPeakGiB: measurement.memoryUsedPeakGiB };
    const memoryGiB = measuredMemoryGiB(memory, memoryBasis, headroom);
    const notes = [...measurement.notes];
    if (
      byUser &&
      measurement.machineTypeModel &&
      model &&
      measurement.machineTypeModel !== (model.machineTypeModel ?? model.id)
    ) {
      notes.push(
        msg('import.model-overridden', {
          file: measurement.machineTypeModel,
          chosen: model.machineTypeModel ?? model.id,
        }),
      );
    }
    const summary: LparSummary = {
      lpar: measurement.lparName,
      host: measurement.host,
      source: measurement.source,
      files: measurement.files,
      periodStart: measurement.periodStart,
      periodEnd: measurement.periodEnd,
      daysCovered: round(days, 2),
      intervalSeconds: measurement.intervalSeconds,
      gaps: measurement.gaps.map((gap) => ({ from: iso(gap.from), to: iso(gap.to) })),
      samples: measurement.samples.cores.length,
      mode: measurement.mode,
      sourceModel: model ? (model.machineTypeModel ?? model.id) : modelId,
      sourceModelFrom: modelId === null ? null : byUser ? 'user' : 'file',
      basis: chosenBasis,
      basisCores: basis ? round(basis.cores) : null,
      memoryConfiguredGiB: measurement.memoryConfiguredGiB === null ? null : round(measurement.memoryConfiguredGiB, 2),
      memoryUsedPeakGiB: measurement.memoryUsedPeakGiB === null ? null : round(measurement.memoryUsedPeakGiB, 2),
      memoryBasis,
      memoryGiB,
      confidence: rating,
      confidenceReasons: reasons,
      notes,
    };
    const base = {
      measurement,
      summary,
      confidence: rating,
      confidenceReasons: reasons,
      basisCores: summary.basisCores,
      modelChoices: [] as string[],
    };
    const fail = (problem: Message, offer = false) => ({
      ...base,
      workload: null,
      problem,
      modelChoices: offer ? choicesFor(catalog, modelId, measurement.processorGeneration) : [],
    });
    if (!basis) return fail(msg('import.no-basis', { basis: chosenBasis }));
    if (!modelId) return fail(msg('import.no-source-model'), true);
    if (!model) {
      const generation = measurement.processorGeneration;
      return fail(
        generation
          ? msg('import.model-not-in-catalog-generation', { model: modelId, generation })
          : msg('import.model-not-in-catalog', { model: modelId }),
        true,
      );
    }
    if (memoryGiB === null)
      return fail(msg(memoryBasis === 'configured' ? 'import.no-memory-configured' : 'import.no-memory-measured'));
    const values = Object.fromEntries(
      BASES.flatMap((each) => {
        // Only what the files really give: a summary's stand-in for a missing percentile is not kept as that percentile.
        const value = each === chosenBasis ? basis : basisCores(measurement, each, statistics);
        return value && (value.note === null || each === chosenBasis) ? [[each, round(value.cores)]] : [];
      }),
    );
    // Unique names: LPARs of different servers may share a name.
    const seen = names.get(measurement.lparName) ?? 0;
    names.set(measurement.lparName, seen + 1);
    const name = seen === 0 ? measurement.lparName : `${measurement.lparName}-${seen + 1}`;
    const ioFigures = io(measurement);
    const files = measurement.files.length;
    const reasonsText = reasons.map((reason) => renderMessage(reason));
    const workload: WorkloadInput = {
      name,
      os: measurement.os ?? 'aix',
      // cores x utilisation = the measured cores: the solver converts them through the source model's figure.
      cpu: {
        kind: 'measured',
        cores: measuredCores(basis.cores, headroom),
        model: model.machineTypeModel ?? model.id,
        utilization: 1,
      },
      memoryGiB,
      processorMode: measurement.mode === 'dedicated' ? 'dedicated' : 'shared',
      ...(ioFigures ? { io: ioFigures } : {}),
      measurement: {
        source: measurement.source,
        file: measurement.file,
        basis: chosenBasis,
        basisCores: round(basis.cores),
        headroom,
        samples: measurement.samples.cores.length,
        confidence: rating,
        confidenceReasons: reasonsText,
        statistics: values,
        ...(measurement.profile.some((value) => value !== null)
          ? { profile: measurement.profile.map((value) => round(value ?? 0)) }
          : {}),
        memoryBasis,
        ...(measurement.memoryConfiguredGiB !== null
          ? { memoryConfiguredGiB: round(measurement.memoryConfiguredGiB, 3) }
          : {}),
        ...(measurement.memoryUsedPeakGiB !== null
          ? { memoryUsedPeakGiB: round(measurement.memoryUsedPeakGiB, 3) }
          : {}),
        files,
        ...(measurement.periodStart ? { periodStart: measurement.periodStart } : {}),
        ...(measurement.periodEnd ? { periodEnd: measurement.periodEnd } : {}),
        daysCovered: round(days, 2),
      },
      notes: notesText(measurement, chosenBasis, basis, headroom, model.name, memoryBasis, rating, reasonsText, byUser),
    };
    return { ...base, workload, problem: null };
  });
}

function notesText(
  measurement: LparMeasurement,
  basis: Basis,
  value: { cores: number; note: Message | null },
  headroom: number,
  modelName: string,
  memoryBasis: MemoryBasis,
  rating: Confidence,
  reasons: string[],
  chosen: boolean,
): string {
  const files =
    measurement.files.length > 1 ? `${measurement.files.length} files from ${measurement.file}` : measurement.file;
  const parts = [
    `measured (${measurement.source}, ${files}): ${basisPhrase(basis, value.cores, headroom)} on ${modelName}${chosen || !measurement.machineTypeModel ? ' (chosen by the user)' : ''}`,
    `memory ${memoryBasis === 'configured' ? 'as configured' : `measured peak in use + ${Math.round(headroom * 100)} % headroom`}`,
    `confidence ${rating}${reasons.length ? ` (${reasons.join('; ')})` : ''}`,
    ...(value.note ? [renderMessage(value.note)] : []),
    ...measurement.notes.map((note) => renderMessage(note)),
  ];
  return parts.join('; ');
}
