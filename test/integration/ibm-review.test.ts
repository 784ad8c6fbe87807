// Issue 14: one plan per rule the December 2026 IBM review corrected, sized through the command line.
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src-main/common';
import { Solution } from '../../src-main/solver/schema';
import { cli, fixture } from '../support/cli';
import { tempDir } from '../support/temp';

const plan = (name: string) => fixture(`ibm-review/${name}`);

async function size(name: string, dir?: string): Promise<{ code: number; solution: Solution }> {
  const result = await cli(['size', plan(name), '--json'], dir ?? (await tempDir()));
  return { code: result.code, solution: Solution.parse(JSON.parse(result.stdout)) };
}

const notes = (solution: Solution) => (solution.catalogNotes ?? []).map((note) => formatMessage(note, 'en'));
/** The first unplaced workload's reason and its details, in English. */
const firstReason = (solution: Solution) =>
  [solution.unplaced[0]!.reason, ...solution.unplaced[0]!.details].map((each) => formatMessage(each, 'en')).join(': ');

async function withUserLayer(): Promise<string> {
  const dir = await tempDir();
  const imported = await cli(['catalog', 'import', plan('user-layer')], dir);
  expect(imported.code, imported.stderr).toBe(0);
  return dir;
}

describe('Power11 (Power11 scale-out Redbook; IBM Cloud docs)', () => {
  it('sizes workloads given in cores on Power11 configurations and names the edition choice', async () => {
    const { code, solution } = await size('power11-cores');
    expect(code).toBe(0);
    expect(solution.servers.every((server) => server.generation === 'POWER11')).toBe(true);
    expect(solution.servers[0]!.ibmiTier?.value).toMatch(/^P\d\d/);
    expect(
      notes(solution).some((note) => note.includes('#EPV0 orders it with live partition mobility deactivated')),
    ).toBe(true);
    expect(notes(solution).some((note) => note.includes('64 virtual processors per partition is an assumption'))).toBe(
      true,
    );
  });

  it('asks for a user-entered rPerf, and sizes with it once entered', async () => {
    const before = await size('power11-rperf');
    expect(before.code).toBe(3);
    expect(firstReason(before.solution)).toContain(
      'have no published rPerf; enter it in Catalog → Power S1124 → each configuration',
    );
    const after = await size('power11-rperf', await withUserLayer());
    expect(after.code).toBe(0);
    expect(after.solution.servers[0]!.configuration).toBe('9824-42A/EP3X/2s/32c');
  });

  it('cannot convert a workload measured on POWER8 cores without a Power11 rPerf, and says where to enter it', async () => {
    const { code, solution } = await size('power8-to-power11');
    expect(code).toBe(3);
    expect(firstReason(solution)).toContain('measured on POWER8 cores (Power S824 8286-42A)');
    // One sentence for every Power11 configuration without the figure, naming each by its cores.
    expect(firstReason(solution)).toContain('Power S1122 8/20/32/48/60-core');
    expect(firstReason(solution)).toMatch(/enter it in Catalog → [^→]*Power S1122[^→]* → each configuration/);
  });

  it('keeps the 25 % AIX/IBM i share on a user-entered Power11 L model', async () => {
    const { code, solution } = await size('l1124-user', await withUserLayer());
    expect(code).toBe(3);
    expect(firstReason(solution)).toContain('lets AIX and IBM i use at most 25 % of its cores');
  });
});

describe('maximum memory (Power10 and POWER9 Redpapers)', () => {
  it('does not propose an S1022 beyond its 4 TB', async () => {
    const { code, solution } = await size('s1022-memory');
    expect(code).toBe(3);
    expect(firstReason(solution)).toContain('4,096 GiB maximum');
  });

  it('keeps a one-socket S1022 to half its memory and an S914 4-core to 64 GB', async () => {
    const s1022 = await size('s1022-one-socket');
    expect(s1022.code).toBe(0);
    expect(s1022.solution.servers[0]!.configuration).not.toBe('9105-22A/2.9/1s/12c');
    const s914 = await size('s914-small');
    expect(s914.code).toBe(0);
    expect(s914.solution.servers[0]!.configuration).not.toBe('9009-41A/2.3/xs/4c');
  });

  it('proposes S1124 memory as orderable modules and says which', async () => {
    const { solution } = await size('s1124-memory');
    const server = solution.servers[0]!;
    const modules = server.memoryModules ?? [];
    expect(modules).toHaveLength(1);
    expect(modules[0]!.count * modules[0]!.sizeGiB).toBe(server.memoryGiB);
    expect(notes(solution).some((note) => note.includes(`#${modules[0]!.featureCode}`))).toBe(true);
  });

  it("reserves hypervisor memory as the larger of IBM's share and the page tables, and says so", async () => {
    const { solution } = await size('s1022-one-socket');
    expect(notes(solution)[0]).toContain('never their sum');
    const server = solution.servers[0]!;
    expect(server.hypervisorMemoryGiB).toBeGreaterThanOrEqual(server.memoryGiB * (3.5 / 128) - 1e-3);
  });
});

describe('IBM i (P9G, Power10 and Power11 Redbooks; E950 Redpaper)', () => {
  it('keeps IBM i partitions on the S922 P10-tier configurations to four cores and shows the tier', async () => {
    const { code, solution } = await size('ibmi-s922');
    expect(code).toBe(3);
    const big = solution.unplaced.find((entry) => entry.name === 'big-i')!;
    expect([big.reason, ...big.details].map((each) => formatMessage(each, 'en')).join(': ')).toContain(
      'takes IBM i partitions of at most 4 cores',
    );
    expect([big.reason, ...big.details].map((each) => formatMessage(each, 'en')).join(': ')).toContain(
      'Up to four cores per IBM i partition are supported.',
    );
    const server = solution.servers.find((each) =>
      each.partitions.some((partition) => partition.workload === 'small-i'),
    )!;
    expect(server.ibmiTier?.value).toBe('P10');
    expect(
      server.partitions.find((partition) => partition.workload === 'small-i')!.virtualProcessors,
    ).toBeLessThanOrEqual(4);
  });

  it("excludes IBM i from the E950 with IBM's words", async () => {
    const { code, solution } = await size('ibmi-e950');
    expect(code).toBe(3);
    expect(firstReason(solution)).toContain('IBM i is not a supported operating system on the Power E950 server.');
  });
});

describe('editions and operating systems (E980 Redpaper; Introduction to PowerVM Table 1-3)', () => {
  it('runs Linux with AMS on the E980 under the Enterprise Edition included with it', async () => {
    const { code, solution } = await size('e980-linux-ams');
    expect(code).toBe(0);
    expect(solution.servers[0]!.edition).toBe('Enterprise');
    expect(solution.warnings.some((warning) => formatMessage(warning, 'en').includes('Linux on'))).toBe(false);
    expect(notes(solution).some((note) => note.includes('is included with every server (#EPVV)'))).toBe(true);
  });

  it('does not offer Active Memory Sharing on Power10', async () => {
    const { code, solution } = await size('power10-ams');
    expect(code).toBe(3);
    expect(firstReason(solution)).toContain('does not offer ams');
  });

  it('refuses 4 GB logical memory blocks on POWER9', async () => {
    const { code, solution } = await size('power9-lmb');
    expect(code).toBe(3);
    expect(
      solution.warnings.some((warning) =>
        formatMessage(warning, 'en').includes('cannot use 4,096 MB logical memory blocks'),
      ),
    ).toBe(true);
  });
});

describe('live partition mobility between generations (IBM compatibility modes)', () => {
  it('moves a POWER7 Power 740 live only to POWER9, where it runs in POWER7 mode', async () => {
    const { code, solution } = await size('power7-lpm');
    expect(code).toBe(0);
    expect(solution.servers[0]!.generation).toBe('POWER9');
    expect(solution.migrations?.[0]).toMatchObject({
      partition: 'legacy',
      sourceGeneration: 'POWER7',
      targetGeneration: 'POWER9',
      mode: 'POWER7',
      live: true,
    });
  });

  it('moves a measured POWER9 partition to Power11 in POWER9 mode with VIOS 3.1.4.60 or later', async () => {
    const { code, solution } = await size('power9-to-power11-lpm', await withUserLayer());
    expect(code).toBe(0);
    expect(solution.migrations?.[0]).toMatchObject({ mode: 'POWER9', viosMinimum: '3.1.4.60', live: true });
    expect(notes(solution).some((note) => note.includes('VIOS at least 3.1.4.60'))).toBe(true);
  });
});
