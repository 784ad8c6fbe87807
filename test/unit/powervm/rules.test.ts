import { describe, expect, it } from 'vitest';
import type { Edition } from '../../../src-main/catalog/schema';
import {
  type ClientIo,
  DEFAULT_IO,
  dedicatedCores,
  defaultLmbMiB,
  entitledCapacity,
  hptGiB,
  hypervisorMemoryGiB,
  maxVirtualProcessors,
  minimalEdition,
  minimumEntitlement,
  pptGiB,
  roundToLmb,
  roundUpToStep,
  sizeVios,
  viosLoadOf,
  virtualProcessors,
} from '../../../src-main/powervm';

describe('processor rules', () => {
  it('rounds entitlement up in 0.01 steps without floating-point creep', () => {
    expect(roundUpToStep(0.29)).toBe(0.29);
    expect(roundUpToStep(0.291)).toBe(0.3);
    expect(roundUpToStep(1.1 + 2.2)).toBe(3.3);
  });

  it('never entitles less than the minimum of the generation (0.05 from POWER7+, 0.10 on POWER7)', () => {
    expect(entitledCapacity(0.001, 'POWER10')).toBe(0.05);
    expect(minimumEntitlement('POWER7')).toBe(0.1);
    expect(entitledCapacity(2.345, 'POWER9')).toBe(2.35);
  });

  it('proposes at least ceil(EC) virtual processors and at most 20 x EC, the model limit and the pool', () => {
    expect(virtualProcessors(2.35, 'POWER10', '9105-42A', 100)).toEqual({ proposed: 3, min: 3, max: 47 });
    expect(virtualProcessors(2.35, 'POWER10', '9105-42A', 24).max).toBe(24);
    expect(virtualProcessors(10, 'POWER10', '9105-42A', 48).max).toBe(48);
    expect(virtualProcessors(100, 'POWER10', '9105-42A', 200).max).toBe(64);
    expect(virtualProcessors(100, 'POWER10', '9080-HEX', 240).max).toBe(128);
    expect(maxVirtualProcessors('9080-M9S')).toBe(128);
  });

  it('gives dedicated partitions whole cores, at least one', () => {
    expect(dedicatedCores(0.2)).toBe(1);
    expect(dedicatedCores(3.01)).toBe(4);
    expect(dedicatedCores(4)).toBe(4);
  });
});

describe('memory rules', () => {
  it('picks the default logical memory block by configurable memory', () => {
    expect(defaultLmbMiB(2, 'POWER9')).toBe(16);
    expect(defaultLmbMiB(6, 'POWER9')).toBe(32);
    expect(defaultLmbMiB(12, 'POWER9')).toBe(64);
    expect(defaultLmbMiB(24, 'POWER10')).toBe(128);
    expect(defaultLmbMiB(64, 'POWER10')).toBe(256);
  });

  it('assigns memory in whole blocks, at least one', () => {
    expect(roundToLmb(10.1, 256)).toBe(10.25);
    expect(roundToLmb(0.01, 256)).toBe(0.25);
    expect(roundToLmb(64, 256)).toBe(64);
  });

  it('sizes the hardware page table as IBM hpt_for_vpmem.py does', () => {
    const MiB = 1 / 1024;
    expect(hptGiB(16, 'aix')).toBeCloseTo(128 * MiB);
    expect(hptGiB(16, 'ibmi')).toBeCloseTo(256 * MiB);
    expect(hptGiB(64, 'linux')).toBeCloseTo(512 * MiB);
    expect(hptGiB(100, 'aix')).toBeCloseTo(1); // 100 > 1.25 x 64, so the power of two doubles
    expect(hptGiB(256, 'aix')).toBeCloseTo(2); // the Redbook's example: max 256 GB -> HPT 2 GB
    expect(hptGiB(0.001, 'aix')).toBeCloseTo(256 / (1024 * 1024)); // never below 256 KiB
    expect(pptGiB(64)).toBeCloseTo(16 * MiB);
  });

  it("adds 140 MB of hypervisor memory per virtual FC adapter, and a plan's own firmware figure on top", () => {
    const result = hypervisorMemoryGiB([{ maxMemoryGiB: 64, os: 'aix', virtualFcAdapters: 40 }], 128, 2);
    expect(result.virtualFcGiB).toBeCloseTo((40 * 140) / 1024);
    expect(result.totalGiB).toBeCloseTo(result.pageTablesGiB + result.virtualFcGiB + 2);
  });
});

describe('VIOS sizing', () => {
  const client = (overrides: Partial<ClientIo> = {}): ClientIo => ({
    name: 'c',
    ...DEFAULT_IO,
    needsSsp: false,
    ...overrides,
  });
  const minimum = {
    viosVersion: '3.1',
    minEntitledCapacity: 0.05,
    minMemoryGiB: 4,
    minBootDiskGB: 30,
    notes: null,
    sources: [],
  };

  it('starts small for a few quiet clients, never below the VIOS minimum', () => {
    const sizing = sizeVios(viosLoadOf([client(), client()]), 'dual', minimum);
    expect(sizing.tier).toBe('small');
    expect(sizing.entitledCapacity).toBe(0.5);
    expect(sizing.memoryGiB).toBeGreaterThanOrEqual(4);
    expect(sizing.fcPorts).toBe(2);
  });

  it('grows to the large starting point with many clients or heavy I/O, and counts the ports', () => {
    const sizing = sizeVios(viosLoadOf([client({ networkGbps: 30, storageMBps: 5000 })]), 'dual', minimum);
    expect(sizing.tier).toBe('large');
    expect(sizing.ethernetPorts).toBe(2);
    expect(sizing.fcPorts).toBe(3);
    expect(sizing.reasons.join(' ')).toContain('S1 Table 3-3');
  });

  it('takes the Shared Storage Pools starting point when a client needs SSP', () => {
    expect(sizeVios(viosLoadOf([client({ needsSsp: true })]), 'dual', minimum)).toMatchObject({
      tier: 'ssp',
      memoryGiB: 8,
    });
  });

  it('counts virtual FC adapters per NPIV client and fabric', () => {
    expect(sizeVios(viosLoadOf([client({ storage: 'npiv' }), client()]), 'dual', minimum)).toMatchObject({
      virtualFc: 2,
      virtualScsi: 1,
    });
  });
});

describe('editions', () => {
  const edition = (name: string, lpm: boolean | null, ssp: boolean | null): Edition => ({
    generation: 'POWER9',
    name,
    included: false,
    status: 'inferred',
    maxPartitionsPerServer: null,
    notes: null,
    sources: [],
    models: null,
    featureCode: null,
    deprecated: [],
    evidence: [],
    features: {
      microPartitioning: true,
      vios: true,
      multipleSharedProcessorPools: null,
      lpm,
      ams: null,
      ame: null,
      ssp,
      thinProvisioning: null,
      srr: null,
      novalink: null,
      powervc: null,
      suspendResume: null,
      vnic: null,
      sriov: null,
      amm: null,
      pep: null,
    },
  });
  const editions = [edition('Standard', false, null), edition('Enterprise', true, true)];

  it('chooses the smallest edition that offers every required feature and names what forces it', () => {
    expect(minimalEdition('POWER9', [], editions).edition?.name).toBe('Standard');
    const withLpm = minimalEdition('POWER9', ['lpm'], editions);
    expect(withLpm.edition?.name).toBe('Enterprise');
    expect(withLpm.forcedBy).toEqual(['lpm']);
  });

  it('does not choose an edition on a guess when its offer is unknown', () => {
    const result = minimalEdition('POWER9', ['ssp'], editions);
    expect(result.edition?.name).toBe('Enterprise');
    expect(result.fits[0]?.unknown).toEqual(['ssp']);
  });
});
