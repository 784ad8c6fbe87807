import { describe, expect, it } from 'vitest';
import { Solution } from '../../src-main/solver/schema';
import { cli, cliProcess, fixture } from '../support/cli';
import { tempDir } from '../support/temp';

describe('the command line', () => {
  it('lists the catalog as JSON and filters by generation', async () => {
    const dir = await tempDir();
    const all = JSON.parse((await cli(['catalog', 'models', '--json'], dir)).stdout) as Array<{ generation: string }>;
    expect(all.length).toBe(55); // 38 + L1122 + 16 POWER7/POWER8 source systems (issue 14)
    const power10 = await cli(['catalog', 'models', '--generation', 'POWER10'], dir);
    expect(power10.code).toBe(0);
    expect(power10.stdout).toContain('Power S1024');
    expect(power10.stdout).not.toContain('Power System E980');
    expect(power10.stdout).toContain('9 models');
  });

  it('prints the editions as JSON with the generation notes', async () => {
    const result = await cli(['catalog', 'editions', '--json'], await tempDir());
    const parsed = JSON.parse(result.stdout) as {
      editions: Array<{ generation: string; name: string }>;
      generationNotes: Record<string, { status: string }>;
    };
    // The third POWER9 entry is the Enterprise Edition included with the E950 and E980 (REDP-5509/5510).
    expect(parsed.editions.filter((edition) => edition.generation === 'POWER9').map((edition) => edition.name)).toEqual(
      ['Standard', 'Enterprise', 'Enterprise'],
    );
    expect(parsed.generationNotes.POWER11?.status).toBe('published');
  });

  it('exits 2 with a usage message on a bad argument', async () => {
    const dir = await tempDir();
    const badGeneration = await cli(['catalog', 'models', '--generation', 'POWER12'], dir);
    expect(badGeneration.code).toBe(2);
    expect(badGeneration.stderr).toContain('--generation: "POWER12" is not one of');
    expect(badGeneration.stderr).toContain('Usage: powervm-sizer catalog');
    expect((await cli(['catalog', 'models', '--colour'], dir)).code).toBe(2);
    expect((await cli(['frobnicate'], dir)).code).toBe(2);
  });

  it('validates a plan: exit 0 when valid, 1 with one line per problem naming its field', async () => {
    const dir = await tempDir();
    expect((await cli(['validate', fixture('valid')], dir)).code).toBe(0);
    const invalid = await cli(['validate', fixture('invalid')], dir);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr.trim().split('\n')).toEqual([
      'workloads[1].os: Invalid option: expected one of "aix"|"ibmi"|"linux"',
      'workloads[2].memoryGiB: must be a positive number',
      'constraints.targetCpuUtilization: must be at most 1',
    ]);
    expect(invalid.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('sizes the valid plan: every workload placed, solution in the documented shape', async () => {
    const result = await cli(['size', fixture('valid'), '--json'], await tempDir());
    expect(result.code).toBe(0);
    const solution = Solution.parse(JSON.parse(result.stdout));
    expect(solution.unplaced).toEqual([]);
    const clients = solution.servers.flatMap((server) =>
      server.partitions.filter((p) => p.role === 'client').map((p) => p.workload),
    );
    expect(clients.sort()).toEqual(['erp-app-1', 'erp-app-2', 'erp-db', 'web-1', 'web-2', 'web-3', 'web-4']);
    expect(solution.servers.every((server) => server.partitions.filter((p) => p.role === 'vios').length === 2)).toBe(
      true,
    );
    expect(solution.servers.every((server) => server.generation === 'POWER10' && server.edition === 'Enterprise')).toBe(
      true,
    );
    expect(solution.bounds.serversLowerBound).toBeGreaterThanOrEqual(3); // the erp haGroup has three members
  });

  it('exits 3 and names the blocking constraint when a workload cannot be placed', async () => {
    const result = await cli(['size', fixture('impossible'), '--json'], await tempDir());
    expect(result.code).toBe(3);
    const solution = Solution.parse(JSON.parse(result.stdout));
    expect(solution.unplaced.map((each) => each.name)).toEqual(['monster']);
    expect(solution.unplaced[0]!.reason).toEqual({
      code: 'solver.unplaced.too-large',
      params: { model: 'Power E1080', cores: 240 },
    });
    expect(solution.unplaced[0]!.details.map((detail) => detail.code)).toContain('solver.blocker.entitlement');
    expect(result.stdout + result.stderr).not.toContain('[object Object]');
    expect(solution.servers).toHaveLength(1);
  });

  it('sizes IBM i in CPW where CPW is published and says where to enter it where it is not', async () => {
    const dir = await tempDir();
    const power9 = Solution.parse(JSON.parse((await cli(['size', fixture('ibmi'), '--json'], dir)).stdout));
    expect(power9.unplaced).toEqual([]);
    expect(power9.servers[0]!.modelName).toBe('Power System S914');
    expect(power9.servers[0]!.partitions.find((p) => p.workload === 'payroll')?.mode).toBe('dedicated');
    const power10 = await cli(['size', fixture('ibmi-power10'), '--json'], dir);
    expect(power10.code).toBe(3);
    const unplaced = Solution.parse(JSON.parse(power10.stdout)).unplaced[0]!;
    expect(unplaced.reason.code).toBe('solver.unplaced.runs-nowhere');
    // Every configuration without a published CPW is named in one detail, not one detail each.
    const noFigure = unplaced.details.filter((detail) => detail.code.startsWith('catalog.no-figure'));
    expect(noFigure).toHaveLength(1);
    expect(noFigure[0]!.params.where).toMatch(/Power S1024 [\d/]+-core/);
    expect(unplaced.details.map((detail) => detail.code)).toContain('catalog.os-not-supported');
  });

  it('converts measured POWER8 use and keeps n+1 with a failover map', async () => {
    const result = await cli(['size', fixture('migration-power8'), '--json'], await tempDir());
    expect(result.code).toBe(0);
    const solution = Solution.parse(JSON.parse(result.stdout));
    expect(solution.failover).toBeDefined();
    expect(Object.keys(solution.failover!).sort()).toEqual(solution.servers.map((server) => server.id).sort());
    expect(
      solution.warnings.some(
        (warning) =>
          warning.code === 'solver.source-configuration-assumed' &&
          warning.params.model === 'Power S822' &&
          String(warning.params.workloads).includes('batch'),
      ),
    ).toBe(true);
    const bank = solution.servers.filter((server) =>
      server.partitions.some((p) => p.workload?.startsWith('core-banking')),
    );
    expect(bank).toHaveLength(2);
  });

  it('runs as a real process through npm run cli (tsx) with the documented exit codes', () => {
    const dir = `${process.env.TMPDIR ?? '/tmp'}/pvs-cli-process`;
    expect(cliProcess(['validate', fixture('valid')], dir).code).toBe(0);
    const invalid = cliProcess(['validate', fixture('invalid')], dir);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('workloads[2].memoryGiB: must be a positive number');
    expect(cliProcess(['size'], dir).code).toBe(2);
  });
});

describe('the editions command', () => {
  it('prints feasibility, servers, licensed cores, cost and the recommendation as JSON', async () => {
    const result = await cli(
      ['editions', fixture('power9-editions'), '--json', '--prices', fixture('../prices')],
      await tempDir(),
    );
    expect(result.code).toBe(0);
    const comparison = JSON.parse(result.stdout) as {
      generations: Array<{
        generation: string;
        options: Array<{
          edition: string;
          feasible: boolean;
          missingFeatures: string[];
          violations: unknown[];
          servers: number;
          licensedCores: number;
          cost: number | null;
          recommended: boolean;
        }>;
      }>;
    };
    const power9 = comparison.generations.find((entry) => entry.generation === 'POWER9')!;
    expect(power9.options.map((option) => [option.edition, option.feasible, option.recommended])).toEqual([
      ['Standard', false, false],
      ['Enterprise', true, true],
    ]);
    expect(
      power9.options.every((option) => option.cost !== null && option.servers > 0 && option.licensedCores > 0),
    ).toBe(true);
  });

  it('names the bad field of a broken price table and exits 1', async () => {
    const dir = await tempDir();
    const { writeFile } = await import('node:fs/promises');
    const prices = `${dir}/prices.json`;
    await writeFile(
      prices,
      JSON.stringify([
        {
          generation: 'POWER9',
          edition: 'Standard',
          currency: 'EUR',
          pricePerCore: 'cheap',
          maintenancePerCorePerYear: 1,
        },
      ]),
    );
    const result = await cli(['editions', fixture('power9-editions'), '--prices', prices], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('[0].pricePerCore');
  });

  it('rejects an unknown feature for --without with exit 2', async () => {
    expect((await cli(['editions', fixture('power9-editions'), '--without', 'teleport'], await tempDir())).code).toBe(
      2,
    );
  });
});
