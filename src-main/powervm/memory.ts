// Memory rules: logical memory blocks and the hypervisor's own memory. Sources as in powervm-rules.md.
import type { Generation, OperatingSystem } from '../catalog';

const MiB = 1 / 1024; // in GiB

/**
 * Default logical memory block by configurable memory: POWER9 < 4 GB 16 MB, 4-8 GB 32 MB, 8-16 GB 64 MB,
 * 16-32 GB 128 MB, > 32 GB 256 MB [P] S3; Power10 128 MB (16-32 GB) or 256 MB (> 32 GB) [P] S2.
 */
export function defaultLmbMiB(configurableMemoryGiB: number, generation: Generation): number {
  if (configurableMemoryGiB > 32) return 256;
  if (generation === 'POWER10' || generation === 'POWER11') return 128;
  if (configurableMemoryGiB > 16) return 128;
  if (configurableMemoryGiB > 8) return 64;
  if (configurableMemoryGiB >= 4) return 32;
  return 16;
}

/** Memory is assigned in whole logical memory blocks, at least one [P] S2, S3, S22. */
export function roundToLmb(memoryGiB: number, lmbMiB: number): number {
  const blocks = Math.max(1, Math.ceil((memoryGiB * 1024) / lmbMiB - 1e-9));
  return (blocks * lmbMiB) / 1024;
}

/** Largest power of two <= m, doubled when m > 1.25 x that power of two (IBM's hpt_for_vpmem.py) [P] S4. */
function hptBase(bytes: number): number {
  let power = 2 ** Math.floor(Math.log2(bytes));
  if (bytes > 1.25 * power) power *= 2;
  return power;
}

/** Hardware page table ratio: 1/128 for AIX, Linux and VIOS, 1/64 for IBM i [P] S1, S4. */
export function hptRatio(os: OperatingSystem | 'vios'): number {
  return os === 'ibmi' ? 64 : 128;
}

/** HPT size of a partition, from its maximum memory: max(256 KiB, P(maxMem) / ratio) [P] S4. */
export function hptGiB(maxMemoryGiB: number, os: OperatingSystem | 'vios'): number {
  const bytes = maxMemoryGiB * 1024 ** 3;
  const hpt = Math.max(256 * 1024, hptBase(bytes) / hptRatio(os));
  return hpt / 1024 ** 3;
}

/** Physical page table (used for LPM): maximum memory / 4096 by default [P] S5, S4. */
export function pptGiB(maxMemoryGiB: number): number {
  return maxMemoryGiB / 4096;
}

/** Extra hypervisor memory per virtual Fibre Channel adapter: 140 MB [ROT] S12. */
export const HYPERVISOR_MIB_PER_VIRTUAL_FC = 140;

/**
 * The base (firmware) part of the hypervisor's memory has no published formula [U]; IBM points to the System
 * Planning Tool. Our planning assumption [practice]: the share of IBM's one published example, 3.5 GB reserved
 * on a 128 GB server (S1 3.3.1), unless the plan sets its own figure.
 */
export const FIRMWARE_SHARE_OF_INSTALLED = 3.5 / 128;

export interface HypervisorPartition {
  maxMemoryGiB: number;
  os: OperatingSystem | 'vios';
  virtualFcAdapters: number;
}

/** Hypervisor memory of a server: HPT and PPT per partition, vFC adapters, and the firmware base [P] S1 3.3.1. */
export function hypervisorMemoryGiB(partitions: readonly HypervisorPartition[], firmwareGiB: number): { totalGiB: number; pageTablesGiB: number; virtualFcGiB: number; firmwareGiB: number } {
  let pageTablesGiB = 0;
  let virtualFcGiB = 0;
  for (const partition of partitions) {
    pageTablesGiB += hptGiB(partition.maxMemoryGiB, partition.os) + pptGiB(partition.maxMemoryGiB);
    virtualFcGiB += partition.virtualFcAdapters * HYPERVISOR_MIB_PER_VIRTUAL_FC * MiB;
  }
  return { totalGiB: pageTablesGiB + virtualFcGiB + firmwareGiB, pageTablesGiB, virtualFcGiB, firmwareGiB };
}
