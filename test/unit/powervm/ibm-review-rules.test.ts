// One test per rule the December 2026 IBM review corrected or added (issue 14), each naming its source.
import { describe, expect, it } from 'vitest';
import { readShippedCatalog } from '../../../src-main/platform';
import {
  FIRMWARE_SHARE_OF_INSTALLED,
  POWER11_VIOS_MINIMUM,
  editionsOf,
  hypervisorReserveGiB,
  liveMobility,
  minimalEdition,
  minimumInstalledGiB,
  orderMemory,
  supportedLmbMiB,
  virtualProcessorLimit,
} from '../../../src-main/powervm';
import { resourcesDir } from '../../support/temp';

describe('rules from the IBM review of December 2026', async () => {
  const catalog = await readShippedCatalog(resourcesDir);

  // IBM Redbooks, Introduction to PowerVM (S1) and reference S2/S3: 1-4 GB LMBs only on Power10 (FW1050) and later.
  it('accepts 1-4 GB logical memory blocks on Power10 and Power11 only; POWER9 takes 16-256 MB', () => {
    expect(supportedLmbMiB('POWER9')).toEqual([16, 32, 64, 128, 256]);
    expect(supportedLmbMiB('POWER10')).toContain(4096);
    expect(supportedLmbMiB('POWER11')).toContain(1024);
  });

  // S1 2.1.3 covers POWER8 to Power10; nothing is published for Power11 (review section 1): an assumption, said so.
  it('marks the 64-VP limit of Power11 as an assumption and keeps 128 on E980/E1080 and the E870C/E880C', () => {
    expect(virtualProcessorLimit('9080-HEU', 'POWER11')).toEqual({ max: 64, assumed: true });
    expect(virtualProcessorLimit('9080-HEX', 'POWER10')).toEqual({ max: 128, assumed: false });
    expect(virtualProcessorLimit('9080-MHE', 'POWER8').max).toBe(128);
  });

  // S1 3.3.1: IBM's 3.5 GB on a 128 GB server is the whole reserve, page tables included: the larger governs.
  it('reserves the larger of the firmware share and the page tables, never their sum', () => {
    expect(hypervisorReserveGiB(128, 1, null).totalGiB).toBeCloseTo(3.5);
    expect(hypervisorReserveGiB(128, 10, null).totalGiB).toBeCloseTo(10);
    expect(hypervisorReserveGiB(128, 1, 2).totalGiB).toBeCloseTo(3);
    const installed = minimumInstalledGiB(100, 1, 0.9, null);
    expect(installed).toBeCloseTo(100 / (0.9 - FIRMWARE_SHARE_OF_INSTALLED));
    expect(100 + hypervisorReserveGiB(installed, 1, null).totalGiB).toBeLessThanOrEqual(0.9 * installed + 1e-9);
  });

  // IBM Support node 6243336 (POWER9), E1080 Redpaper 2.1.5 (Power10), Red Hat KB 7127918 and IBM Docs FWLPM (Power11).
  it('moves partitions live only into a compatibility mode the target offers', () => {
    expect(liveMobility('POWER7', 'POWER9')).toMatchObject({ possible: true, mode: 'POWER7' });
    expect(liveMobility('POWER7', 'POWER10').possible).toBe(false);
    expect(liveMobility('POWER8', 'POWER10')).toMatchObject({ possible: true, mode: 'POWER8' });
    expect(liveMobility('POWER8', 'POWER11').possible).toBe(false);
    expect(liveMobility('POWER9', 'POWER11')).toMatchObject({ possible: true, mode: 'POWER9' });
    expect(liveMobility('POWER10', 'POWER11')).toMatchObject({ possible: true, mode: 'Power10' });
  });

  // Power11 scale-out Redbook: VIOS 4.1.1.10 in Power11 mode, 4.1.0.40 in P10 mode, 3.1.4.60 in P9 mode.
  it('names the minimum VIOS level per Power11 compatibility mode', () => {
    expect(POWER11_VIOS_MINIMUM.levels).toEqual({ Power11: '4.1.1.10', Power10: '4.1.0.40', POWER9: '3.1.4.60' });
  });

  // E980 Redpaper REDP-5510 / E950 REDP-5509: Enterprise Edition included with each server (#EPVV), AMS offered.
  it('gives the E950 and E980 their included Enterprise Edition and other POWER9 models the generation line-up', () => {
    const e980 = editionsOf('POWER9', catalog.editions, '9080-M9S');
    expect(e980.map((edition) => [edition.name, edition.included, edition.featureCode])).toEqual([
      ['Enterprise', true, 'EPVV'],
    ]);
    expect(minimalEdition('POWER9', ['ams'], catalog.editions, '9040-MR9').edition?.included).toBe(true);
    expect(editionsOf('POWER9', catalog.editions, '9009-22A').map((edition) => edition.name)).toEqual([
      'Standard',
      'Enterprise',
    ]);
  });

  // S1 Table 1-3: Active Memory Sharing and Partition Suspend/Resume are deprecated PowerVM features.
  it('says Power10 does not offer AMS or Suspend/Resume', () => {
    const power10 = editionsOf('POWER10', catalog.editions);
    expect(power10.every((edition) => edition.features.ams === false && edition.features.suspendResume === false)).toBe(
      true,
    );
    expect(minimalEdition('POWER10', ['ams'], catalog.editions).edition).toBeNull();
  });

  // IBM Docs, plugging rules for the 9824-42A: modules of 32, 64, 128, 256 GB (EM54, EM5B, EM4M, EM5J).
  it('proposes installed memory as a number of one published module size', () => {
    const s1124 = catalog.models.find((model) => model.id === '9824-42A')!;
    // Two sockets: the same number under each (a practice); a tie goes to the fewer modules.
    expect(orderMemory(100, s1124.memoryFeatures!, 8192, 2)).toEqual({
      totalGiB: 128,
      modules: [{ featureCode: 'EM5B', sizeGiB: 64, count: 2 }],
    });
    expect(orderMemory(700, s1124.memoryFeatures!, 8192, 2)).toEqual({
      totalGiB: 704,
      modules: [{ featureCode: 'EM54', sizeGiB: 32, count: 22 }],
    });
    expect(orderMemory(8000, s1124.memoryFeatures!, 8192, 2)?.modules).toEqual([
      { featureCode: 'EM5J', sizeGiB: 256, count: 32 },
    ]);
    expect(orderMemory(9000, s1124.memoryFeatures!, 8192, 2)).toBeNull();
  });
});
