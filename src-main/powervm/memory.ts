// Memory rules: logical memory blocks and the hypervisor's own memory. Sources as in powervm-rules.md.
import type { Generation, MemoryFeatures, OperatingSystem } from '../catalog';

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

/**
 * Logical memory block sizes a server can use. POWER9 and older: 16 to 256 MB [P] S3. Power10: 128 or 256 MB, and 1, 2
 * or 4 GB with firmware FW1050 and HMC 10.3.1050 [P] S1, S2 (review 2026-12, probe p8). Power11 firmware is newer than
 * FW1050, so it is given the Power10 sizes [D].
 */
export function supportedLmbMiB(generation: Generation): readonly number[] {
  return generation === 'POWER10' || generation === 'POWER11' ? [128, 256, 1024, 2048, 4096] : [16, 32, 64, 128, 256];
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

/**
 * The hypervisor's reserve on a server. IBM's 3.5 GB on a 128 GB server is the whole reserve of that example, its
 * page tables included (S1 3.3.1, review 2026-12 section 5), so the share and the page tables are not added: the
 * reserve is the larger of the share of installed memory and what the partitions' page tables and virtual FC
 * adapters need [practice]. A firmware figure the plan sets is the base without page tables, so those are added.
 */
export function hypervisorReserveGiB(
  installedGiB: number,
  tablesGiB: number,
  userFirmwareGiB: number | null,
): { totalGiB: number; firmwareGiB: number } {
  if (userFirmwareGiB !== null) return { totalGiB: userFirmwareGiB + tablesGiB, firmwareGiB: userFirmwareGiB };
  const share = installedGiB * FIRMWARE_SHARE_OF_INSTALLED;
  return { totalGiB: Math.max(share, tablesGiB), firmwareGiB: Math.max(share - tablesGiB, 0) };
}

/**
 * Smallest installed memory that keeps partitions plus the hypervisor reserve under the target utilisation: with the
 * rule above, installed must cover the partitions plus the tables, and the partitions plus the share.
 */
export function minimumInstalledGiB(
  partitionsGiB: number,
  tablesGiB: number,
  target: number,
  userFirmwareGiB: number | null,
): number {
  if (userFirmwareGiB !== null) return (partitionsGiB + tablesGiB + userFirmwareGiB) / target;
  return Math.max(
    (partitionsGiB + tablesGiB) / target,
    partitionsGiB / Math.max(target - FIRMWARE_SHARE_OF_INSTALLED, 0.01),
  );
}

/**
 * What a server of a given maximum can hold under the target, by the reserve rule: partitions with their page tables
 * up to target x max, and the partitions alone up to (target - share) x max (the share covers the tables it holds).
 */
export function memoryCapacityGiB(
  maxGiB: number,
  target: number,
  userFirmwareGiB: number | null,
): { withTablesGiB: number; partitionsGiB: number } {
  if (userFirmwareGiB !== null)
    return { withTablesGiB: maxGiB * target - userFirmwareGiB, partitionsGiB: maxGiB * target - userFirmwareGiB };
  return { withTablesGiB: maxGiB * target, partitionsGiB: maxGiB * (target - FIRMWARE_SHARE_OF_INSTALLED) };
}

/** Hypervisor memory of a server: HPT and PPT per partition, vFC adapters, within the firmware reserve [P] S1 3.3.1. */
export function hypervisorMemoryGiB(
  partitions: readonly HypervisorPartition[],
  installedGiB: number,
  userFirmwareGiB: number | null = null,
): { totalGiB: number; pageTablesGiB: number; virtualFcGiB: number; firmwareGiB: number } {
  let pageTablesGiB = 0;
  let virtualFcGiB = 0;
  for (const partition of partitions) {
    pageTablesGiB += hptGiB(partition.maxMemoryGiB, partition.os) + pptGiB(partition.maxMemoryGiB);
    virtualFcGiB += partition.virtualFcAdapters * HYPERVISOR_MIB_PER_VIRTUAL_FC * MiB;
  }
  const reserve = hypervisorReserveGiB(installedGiB, pageTablesGiB + virtualFcGiB, userFirmwareGiB);
  return { totalGiB: reserve.totalGiB, pageTablesGiB, virtualFcGiB, firmwareGiB: reserve.firmwareGiB };
}

export interface MemoryOrder {
  totalGiB: number;
  modules: Array<{ featureCode: string; sizeGiB: number; count: number }>;
}

/**
 * Installed memory as the model is ordered: the smallest total of one module size (IBM allows at most two feature
 * codes per system, one is always allowed) within the slots and the maximum, the same number of modules under each
 * processor socket [practice: balanced; IBM's quantity table was not found]; on a tie, the fewer modules.
 */
export function orderMemory(
  needGiB: number,
  features: MemoryFeatures,
  maxGiB: number | null,
  sockets = 1,
): MemoryOrder | null {
  let best: MemoryOrder | null = null;
  const per = Math.max(1, sockets);
  for (const module of features.modules) {
    const count = Math.max(1, Math.ceil(needGiB / module.sizeGiB / per - 1e-9)) * per;
    const totalGiB = count * module.sizeGiB;
    if (count > features.slots.value || (maxGiB !== null && totalGiB > maxGiB + 1e-9)) continue;
    const fewer = best !== null && totalGiB === best.totalGiB && count < (best.modules[0]?.count ?? Infinity);
    if (best === null || totalGiB < best.totalGiB || fewer)
      best = { totalGiB, modules: [{ featureCode: module.featureCode, sizeGiB: module.sizeGiB, count }] };
  }
  return best;
}
