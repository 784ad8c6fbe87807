// Measured LPARs to plan workloads: the basis (peak, a percentile or the average) of the cores used, plus headroom,
// as measured use on the source server, so the solver converts it through that server's published rPerf or CPW.
import type { CatalogSnapshot } from '../catalog';
import type { WorkloadInput } from '../plan';
import { BASES, basisPhrase, measuredCores } from '../plan';
import { type Basis, type Confidence, type LparMeasurement, basisCores, confidenceOf } from './measurement';

export interface ImportChoices {
  basis: Basis;
  /** Extra share on top of the basis, e.g. 0.1 for 10 %. */
  headroom: number;
  /** Source model for files that do not say which server they ran on. */
  sourceModel?: string;
}

export interface ImportedWorkload {
  measurement: LparMeasurement;
  workload: WorkloadInput | null;
  /** Why no workload was made (no source model, no samples, ...). */
  problem: string | null;
  basisCores: number | null;
  confidence: Confidence;
  confidenceReasons: string[];
}

const GiB_STEP = 1;

export function toWorkloads(measurements: readonly LparMeasurement[], catalog: CatalogSnapshot, choices: ImportChoices): ImportedWorkload[] {
  const names = new Map<string, number>();
  return measurements.map((measurement) => {
    const { rating, reasons } = confidenceOf(measurement);
    const base = { measurement, confidence: rating, confidenceReasons: reasons };
    const basis = basisCores(measurement, choices.basis);
    if (!basis) return { ...base, workload: null, basisCores: null, problem: `no ${choices.basis} of cores used in the file` };
    const modelId = measurement.machineTypeModel ?? choices.sourceModel ?? null;
    const model = modelId ? catalog.models.find((each) => each.id === modelId || each.machineTypeModel === modelId) : undefined;
    if (!modelId) return { ...base, workload: null, basisCores: basis.cores, problem: 'the file does not say which server it ran on: choose the source model (--source-model)' };
    if (!model) return { ...base, workload: null, basisCores: basis.cores, problem: `source model ${modelId} is not in the catalog: add it as a user model or choose another` };
    const os = measurement.os ?? 'aix';
    const statistics = Object.fromEntries(
      BASES.flatMap((each) => {
        // Only what the file really gives: a summary's stand-in for a missing percentile is not kept as that percentile.
        const value = each === choices.basis ? basis : basisCores(measurement, each);
        return value && (value.note === null || each === choices.basis) ? [[each, Number(value.cores.toFixed(4))]] : [];
      }),
    );
    // Unique names: LPARs of different servers may share a name.
    const seen = names.get(measurement.lparName) ?? 0;
    names.set(measurement.lparName, seen + 1);
    const name = seen === 0 ? measurement.lparName : `${measurement.lparName}-${seen + 1}`;
    const memory = measurement.memoryConfiguredGiB ?? (measurement.memoryUsedPeakGiB === null ? null : measurement.memoryUsedPeakGiB * (1 + choices.headroom));
    if (memory === null) return { ...base, workload: null, basisCores: basis.cores, problem: 'no memory size in the file' };
    const workload: WorkloadInput = {
      name,
      os,
      // cores x utilisation = the measured cores: the solver converts them through the source model's figure.
      cpu: { kind: 'measured', cores: measuredCores(basis.cores, choices.headroom), model: model.machineTypeModel ?? model.id, utilization: 1 },
      memoryGiB: Math.max(GiB_STEP, Math.ceil(memory / GiB_STEP) * GiB_STEP),
      processorMode: measurement.mode === 'dedicated' ? 'dedicated' : 'shared',
      ...(measurement.networkKBpsPeak !== null || measurement.diskIopsPeak !== null
        ? {
            io: {
              ...(measurement.networkKBpsPeak !== null ? { networkGbps: Number(((measurement.networkKBpsPeak * 8) / 1_000_000).toFixed(3)) } : {}),
              ...(measurement.diskIopsPeak !== null ? { storageIops: Math.round(measurement.diskIopsPeak) } : {}),
              ...(measurement.diskReadKBpsPeak !== null || measurement.diskWriteKBpsPeak !== null
                ? { storageMBps: Number((((measurement.diskReadKBpsPeak ?? 0) + (measurement.diskWriteKBpsPeak ?? 0)) / 1024).toFixed(1)) }
                : {}),
            },
          }
        : {}),
      measurement: {
        source: measurement.source,
        file: measurement.file,
        basis: choices.basis,
        basisCores: Number(basis.cores.toFixed(4)),
        headroom: choices.headroom,
        samples: measurement.coresUsed.length,
        confidence: rating,
        confidenceReasons: reasons,
        statistics,
        ...(measurement.profile.some((value) => value !== null) ? { profile: measurement.profile.map((value) => Number((value ?? 0).toFixed(4))) } : {}),
      },
      notes: `measured (${measurement.source}, ${measurement.file}): ${basisPhrase(choices.basis, basis.cores, choices.headroom)} on ${model.name}${measurement.machineTypeModel ? '' : ' (chosen by the user)'}; confidence ${rating}${reasons.length ? ` (${reasons.join('; ')})` : ''}${basis.note ? `; ${basis.note}` : ''}`,
    };
    return { ...base, workload, basisCores: basis.cores, problem: null };
  });
}
