// Pins each figure the December 2026 IBM review corrected or found (issue 14), naming its source and review entry.
// A figure read from a source carries that source's words (quote), the entry (reviewRef) and its confidence.
import { describe, expect, it } from 'vitest';
import { readShippedCatalog } from '../../../src-main/platform';
import type { Figure, Provenance, ServerModel } from '../../../src-main/catalog/schema';
import { resourcesDir } from '../../support/temp';

describe('figures from the IBM review of December 2026', async () => {
  const catalog = await readShippedCatalog(resourcesDir);
  const model = (id: string): ServerModel => {
    const found = catalog.models.find((each) => each.id === id);
    if (!found) throw new Error(`no model ${id}`);
    return found;
  };
  const published = (provenance: Provenance | null | undefined) =>
    provenance?.kind === 'published' ? provenance : null;
  const pinned = (figure: Figure | null, value: number, sourceId: string, entry: number, confidence = 'high') => {
    expect(figure?.value).toBe(value);
    const provenance = published(figure?.provenance);
    expect(provenance?.sourceId).toBe(sourceId);
    expect(provenance?.confidence).toBe(confidence);
    expect(provenance?.reviewRef).toBe(`ibm-figures-2026-12#${entry}`);
    expect(provenance?.quote?.length).toBeGreaterThan(10);
  };
  const cores = (id: string) => model(id).configurations.map((configuration) => configuration.totalCores);

  it('gives every reviewed figure a source the model lists', () => {
    for (const each of catalog.models) {
      const ids = new Set(each.sources.map((source) => source.id));
      const json = JSON.stringify(each);
      for (const match of json.matchAll(/"sourceId":"([^"]+)"/g)) {
        if (match[1] === 'S1') continue; // the global Introduction to PowerVM (editions) source
        expect(ids.has(match[1]!), `${each.id} cites ${match[1]}`).toBe(true);
      }
    }
  });

  // IBM Redbooks, Power11 Scale-Out Servers (p11so), Table 2-1 and sections 2.2.1/2.3.1 (entries 0-13).
  it('has the Power11 scale-out models and their configurations', () => {
    expect(model('9856-42H').name).toBe('Power L1124');
    expect(model('9856-22H').name).toBe('Power L1122');
    expect(cores('9824-22A')).toEqual([8, 20, 32, 48, 60]);
    expect(cores('9824-42A')).toEqual([16, 32, 48, 60]);
    expect(model('9824-22A').configurations.map((each) => each.featureCode)).toEqual([
      'ERGR',
      'ERGQ',
      'EBG8',
      'EBG9',
      'EBGA',
    ]);
    expect(published(model('9824-22A').configurations[0]!.source)?.quote).toContain('#ERGR');
    pinned(model('9824-22A').maxMemoryGiB, 4096, 'p11so', 8);
    pinned(model('9824-22A').configurations[0]!.maxMemoryGiB, 2048, 'p11so', 8); // eSCM: 2 TB
    pinned(model('9824-42A').maxMemoryGiB, 8192, 'p11so', 13);
    expect(model('9824-22A').configurations.every((each) => each.rperf === null && each.cpw === null)).toBe(true);
  });

  // IBM Cloud docs, Power Virtual Server private cloud (entries 21, 23): a 64-core E1150, a 2-node 128-core E1180.
  it('has the E1150 64-core and E1180 2-node 128-core configurations IBM Cloud offers', () => {
    expect(cores('9043-MRU')).toEqual([64]);
    expect(cores('9080-HEU')).toEqual([128]);
    expect(published(model('9080-HEU').configurations[0]!.source)?.sourceId).toBe('pvs_arch');
  });

  // p11so: the L models run at least 75 % Linux; up to 25 % of activated cores AIX and IBM i (entry 2).
  it('carries the 25 % AIX/IBM i share of the Power11 L models', () => {
    pinned(model('9856-22H').nonLinuxCoreShare, 0.25, 'p11so', 2);
    pinned(model('9856-42H').nonLinuxCoreShare, 0.25, 'p11so', 2);
    expect(model('9786-22H').nonLinuxCoreShare?.value).toBe(0.25);
  });

  // Redpaper REDP-5675 (p10so), P9G Redpaper, E950/E980 Redpapers: maximum memory (entries 30-63).
  it('has the published maximum memory of the Power10 and POWER9 models, with per-configuration caps', () => {
    pinned(model('9105-22A').maxMemoryGiB, 4096, 'p10so', 38);
    expect(
      model('9105-22A')
        .configurations.filter((each) => each.sockets === 1)
        .map((each) => each.maxMemoryGiB?.value),
    ).toEqual([2048]);
    pinned(model('9105-22B').maxMemoryGiB, 2048, 'p10so', 36);
    pinned(model('9105-41B').maxMemoryGiB, 1024, 'p10so', 32);
    pinned(model('9028-21B').maxMemoryGiB, 256, 'p10so', 30);
    pinned(model('9105-42A').maxMemoryGiB, 8192, 'p10so', 42);
    pinned(model('9043-MRX').maxMemoryGiB, 16384, 'p11so', 46, 'medium');
    pinned(model('9009-22A').maxMemoryGiB, 4096, 'p9g', 53);
    pinned(model('9009-42A').maxMemoryGiB, 4096, 'p9g', 56);
    pinned(model('9009-41A').maxMemoryGiB, 1024, 'p9g', 55);
    pinned(model('9009-41A').configurations.find((each) => each.totalCores === 4)!.maxMemoryGiB, 64, 'p9g', 55);
    pinned(model('9040-MR9').maxMemoryGiB, 16384, 'redp5509', 63);
    pinned(model('9080-M9S').maxMemoryGiB, 65536, 'redp5510', 64);
    pinned(model('9080-M9S').maxPartitions, 1000, 'redp5510', 64);
  });

  // p10so, P9G and p11so: IBM i core limits, tiers and the S1014 4-core memory cap (entries 14-16, 31, 35, 37, 40, 43, 44, 54).
  it('has the IBM i rules and software tiers per configuration', () => {
    const limit = (id: string) =>
      model(id).configurations.map((each) => each.ibmi?.maxCoresPerPartition?.value ?? null);
    expect(limit('9105-22A')).toEqual([4, 4, 4, 4]);
    expect(limit('9824-22A')).toEqual([null, 4, 4, 4, 4]); // two 4-core #ERGR: native IBM i
    // 8/10/11-core modules, one or two (high), and the 12/24-core rows of the performance report (derived, medium).
    expect(limit('9009-22A').filter((each) => each === 4)).toHaveLength(8);
    pinned(
      model('9105-41B').configurations.find((each) => each.totalCores === 4)!.ibmi!.maxServerMemoryGiB,
      64,
      'p10so',
      32,
    );
    const tiers = (id: string) => model(id).configurations.map((each) => each.ibmi?.tier?.value ?? null);
    expect(tiers('9824-42A')).toEqual(['P20', 'P20', 'P30', 'P30']);
    expect(tiers('9028-21B')).toEqual(['P05', 'P05', 'P10']);
    expect(tiers('9105-42A')).toEqual(['P20', 'P20', 'P30', 'P30']);
    expect(new Set(tiers('9080-HEX'))).toEqual(new Set(['P30']));
    expect(model('9105-22B').configurations[0]!.unsupportedOS.map((each) => each.os)).toEqual(['ibmi']);
    // S1022s: P10, and IBM's N/A for one 4-core processor, where IBM i does not run (Table 1-11).
    expect(model('9105-22B').ibmiTier?.value).toBe('P10');
    expect(tiers('9105-22B').slice(0, 2)).toEqual(['N/A', 'P10']);
    expect(published(model('9105-22B').configurations[0]!.ibmi?.tier?.provenance)?.quote).toBe(
      'S1022s | 4-core (#EPGR) | N/A',
    );
  });

  // E950 REDP-5509, P9G 2.9, E980 REDP-5510, IBM Cloud docs (entries 48, 57, 61, 64): operating systems.
  it("has the operating systems IBM states, and IBM's words where one is not supported", () => {
    expect(model('9040-MR9').supportedOS).toEqual(['aix', 'linux']);
    expect(model('9040-MR9').osExclusions[0]).toMatchObject({
      os: 'ibmi',
      provenance: { quote: 'IBM i is not a supported operating system on the Power E950 server.' },
    });
    for (const id of ['9009-41A', '9009-22A', '9009-42A', '9080-M9S']) expect(model(id).supportedOS).toContain('linux');
    expect(model('9043-MRX').supportedOS).toEqual(['aix', 'linux']);
    expect(published(model('9043-MRU').osExclusions[0]?.provenance)?.quote).toBe(
      'IBM i is not supported on IBM E1050 and E1150 system types.',
    );
  });

  // rperf v41 (Nigel Griffiths): POWER7 B/C and POWER8 C models as source systems, each row quoting its line.
  it('has the POWER7 and POWER8 source systems customers still run, transcribed from the rperf script', () => {
    for (const id of [
      '8205-E6C',
      '8205-E6B',
      '8202-E4B',
      '8202-E4C',
      '8231-E2B',
      '8231-E2C',
      '8231-E1C',
      '8233-E8B',
      '9117-MMB',
      '9117-MMC',
      '9179-MHB',
      '9179-MHC',
      '8408-44E',
      '9080-MME',
      '9080-MHE',
    ]) {
      expect(model(id).role, id).toBe('source');
    }
    const e6c = model('8205-E6C').configurations.find((each) => each.frequencyKey === '3.7' && each.totalCores === 12)!;
    expect(e6c.rperf?.value).toBe(147.24);
    expect(published(e6c.rperf?.provenance)?.quote).toContain(
      'IBM,8205-E6C_37*_*) matchup   4 52.93 6 76.69 8 101.62 12 147.24',
    );
    // The script's "4 48333" typo on the 8202-E4B 3.3 GHz line: the C-model value the script says is the same.
    expect(
      model('8202-E4B').configurations.find((each) => each.frequencyKey === '3.3' && each.totalCores === 4)?.rperf
        ?.value,
    ).toBe(48.33);
    expect(published(model('8236-E8C').configurations[0]!.rperf?.provenance)?.confidence).toBe('low');
  });

  it('still publishes no rPerf or CPW for any Power11 configuration, nor CPW for Power10', () => {
    const figures = catalog.models
      .filter((each) => each.generation === 'POWER11')
      .flatMap((each) => each.configurations)
      .filter((each) => each.rperf !== null || each.cpw !== null);
    expect(figures).toEqual([]);
  });
});
