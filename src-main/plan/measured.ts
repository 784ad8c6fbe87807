// A workload imported from measurements keeps every statistic of its cores used, so its sizing basis and headroom
// can be changed per workload later (in the grid or a plan file) without the original files. Pure, shared with the renderer.
import { type MeasurementInfo, MemoryBasis, SizingBasis, type Workload } from './schema';

export type Basis = MeasurementInfo['basis'];
export const BASES: readonly Basis[] = SizingBasis.options;
export type { MemoryBasis };
export const MEMORY_BASES: readonly MemoryBasis[] = MemoryBasis.options;

/**
 * Memory to size from: the configured size, or the measured peak in use plus the headroom, in whole GiB (at least 1).
 * Null when the measurement lacks the figure that basis needs.
 */
export function measuredMemoryGiB(
  memory: { configuredGiB: number | null; usedPeakGiB: number | null },
  basis: MemoryBasis,
  headroom: number,
): number | null {
  const raw =
    basis === 'configured'
      ? memory.configuredGiB
      : memory.usedPeakGiB === null
        ? null
        : memory.usedPeakGiB * (1 + headroom);
  if (raw === null || !Number.isFinite(raw) || raw <= 0) return null;
  // Rounded to 3 decimals first, so 31.9999999 from a MB figure does not become 32 + 1.
  return Math.max(1, Math.ceil(Number(raw.toFixed(3))));
}

/** Another memory basis for one measured workload, from the figures it carries. */
export function rebaseMemory(
  measurement: MeasurementInfo,
  basis: MemoryBasis,
): { memoryGiB: number; measurement: MeasurementInfo } | { problem: string } {
  const memoryGiB = measuredMemoryGiB(
    { configuredGiB: measurement.memoryConfiguredGiB ?? null, usedPeakGiB: measurement.memoryUsedPeakGiB ?? null },
    basis,
    measurement.headroom,
  );
  if (memoryGiB === null) {
    return {
      problem:
        basis === 'configured'
          ? 'the files gave no configured memory size'
          : 'the files gave no measured memory in use',
    };
  }
  return { memoryGiB, measurement: { ...measurement, memoryBasis: basis } };
}

/** Cores to size from: the statistic of the chosen basis plus the headroom, rounded as the plan file stores it. */
export function measuredCores(basisCores: number, headroom: number): number {
  return Math.max(0.01, Number((basisCores * (1 + headroom)).toFixed(4)));
}

/** The sentence in the workload's notes that says how the cores were sized, e.g. "p95 1.234 cores + 10 % headroom". */
export function basisPhrase(basis: Basis, basisCores: number, headroom: number): string {
  return `${basis} ${basisCores.toFixed(3)} cores + ${Math.round(headroom * 100)} % headroom`;
}
const BASIS_PHRASE = /\b(peak|p\d\d|average) \d+(\.\d+)? cores \+ \d+ % headroom/;

export type Rebased =
  { cpuCores: number; measurement: MeasurementInfo; notes: string | undefined } | { problem: string };

/** Another basis or headroom for one measured workload, from the statistics it carries. */
export function rebaseMeasured(
  measurement: MeasurementInfo,
  notes: string | undefined,
  basis: Basis,
  headroom: number,
): Rebased {
  if (!(headroom >= 0 && headroom <= 5)) return { problem: 'headroom must be a share between 0 and 5 (0.1 = 10 %)' };
  const basisCores = measurement.statistics?.[basis];
  if (basisCores === undefined) {
    const known = BASES.filter((each) => measurement.statistics?.[each] !== undefined);
    return {
      problem:
        known.length === 0
          ? 'this workload was imported before statistics were kept: import its file again to change the basis'
          : `the file gave no ${basis}; it has ${known.join(', ')}`,
    };
  }
  return {
    cpuCores: measuredCores(basisCores, headroom),
    measurement: { ...measurement, basis, basisCores, headroom },
    notes: notes === undefined ? undefined : notes.replace(BASIS_PHRASE, basisPhrase(basis, basisCores, headroom)),
  };
}

/** The same for a workload of a plan (used by the command line). */
export function rebaseWorkload(workload: Workload, basis: Basis, headroom: number): Workload | { problem: string } {
  if (!workload.measurement || !(workload.cpu.kind === 'measured'))
    return { problem: `${workload.name} was not imported from measurements` };
  const rebased = rebaseMeasured(workload.measurement, workload.notes, basis, headroom);
  if ('problem' in rebased) return { problem: `${workload.name}: ${rebased.problem}` };
  return {
    ...workload,
    cpu: { ...workload.cpu, cores: rebased.cpuCores, utilization: 1 },
    measurement: rebased.measurement,
    ...(rebased.notes !== undefined ? { notes: rebased.notes } : {}),
  };
}
