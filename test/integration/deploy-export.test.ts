import { execFileSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppServices, createAppServices } from '../../src-main/ipc/services';
import { dispatch } from '../../src-main/ipc';
import { solvePlan } from '../../src-main/solver';
import { repoRoot } from '../support/browser-app';
import { cli } from '../support/cli';
import { fixturePlan, shippedSnapshot } from '../support/plans';
import { resourcesDir, tempDir } from '../support/temp';

const noEvents = { emit: () => undefined };

describe('exporting the deployable design', () => {
  it('the CLI writes the HMC script, the playbook, one design CSV per server and the checklist, with the names and VLANs given', async () => {
    const dir = await tempDir();
    const plan = join(repoRoot, 'test', 'fixtures', 'plans', 'valid.json');
    const options = join(dir, 'design.json');
    await writeFile(
      options,
      JSON.stringify({ systemNames: { 'server-1': 'P10-PROD-A' }, vlan: 120, workloadVlans: { 'erp-db': 130 } }),
    );
    const result = await cli(
      [
        'size',
        plan,
        '--json',
        '--deploy-script',
        join(dir, 'design.sh'),
        '--ansible',
        join(dir, 'design.yml'),
        '--design-csv',
        join(dir, 'csv'),
        '--design-options',
        options,
      ],
      dir,
    );
    expect(result.code).toBe(0);
    const solution = JSON.parse(result.stdout) as {
      servers: Array<{ id: string; partitions: Array<{ name: string }> }>;
    };
    execFileSync('bash', ['-n', join(dir, 'design.sh')]);
    const script = await readFile(join(dir, 'design.sh'), 'utf8');
    expect(script.match(/^mksyscfg /gm)).toHaveLength(
      solution.servers.reduce((sum, server) => sum + server.partitions.length, 0),
    );
    expect(script).toContain("SYSTEM='P10-PROD-A'");
    expect(script).toMatch(/virtual_eth_adapters=2\/0\/130\/\/0\/0\/ETHERNET0/);
    expect(yaml.load(await readFile(join(dir, 'design.yml'), 'utf8'))).toBeInstanceOf(Array);
    const files = (await readdir(join(dir, 'csv'))).sort();
    const expected = solution.servers.map((server) =>
      server.id === 'server-1' ? 'Acme consolidation-server-1-P10-PROD-A.csv' : `Acme consolidation-${server.id}.csv`,
    );
    expect(files).toEqual([...expected, 'Acme consolidation-checklist.txt'].sort());
    expect(await readFile(join(dir, 'csv', 'Acme consolidation-checklist.txt'), 'utf8')).toMatch(
      /mkvdev[\s\S]*System Planning Tool/,
    );
  });

  it('the CLI refuses a design options file with the field and the problem', async () => {
    const dir = await tempDir();
    const plan = join(repoRoot, 'test', 'fixtures', 'plans', 'valid.json');
    const options = join(dir, 'design.json');
    await writeFile(options, JSON.stringify({ vlan: 5000, systemNames: { 'server-1': 'bad name;rm' } }));
    const result = await cli(
      ['size', plan, '--deploy-script', join(dir, 'design.sh'), '--design-options', options],
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('vlan: must be a VLAN ID from 1 to 4094');
    expect(result.stderr).toContain('systemNames.server-1: must be 1 to 63 letters');
    await writeFile(options, '{ not json');
    const broken = await cli(['size', plan, '--design-options', options], dir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('not valid JSON');
  });

  describe('from the interface', () => {
    let services: AppServices;
    beforeAll(async () => {
      services = await createAppServices({
        userDataDir: await tempDir(),
        resourcesDir,
        appVersion: 'test',
        transport: 'browser',
      });
    });
    afterAll(async () => services?.close());

    it('hands the browser mode the files to download, with the HMC names, VLAN and language the user chose', async () => {
      const plan = fixturePlan('valid');
      const solution = await solvePlan(plan, await shippedSnapshot(), { exactLimit: 0 });
      const script = await dispatch(
        services.handlers,
        'deploy.export',
        {
          solution,
          plan,
          format: 'hmc-script',
          baseName: 'Acme',
          systemNames: { 'server-1': 'P10-PROD-A' },
          vlan: 120,
        },
        noEvents,
      );
      if (!script.ok) throw new Error(script.error.message);
      const [file] = (script.value as { files: Array<{ fileName: string; content: string }> }).files;
      expect(file!.fileName).toBe('Acme-hmc.sh');
      expect(file!.content).toContain("SYSTEM='P10-PROD-A'");
      expect(file!.content).toContain('/120//');
      const csv = await dispatch(
        services.handlers,
        'deploy.export',
        { solution, plan, format: 'design-csv', baseName: 'Acme', language: 'zh-CN' },
        noEvents,
      );
      if (!csv.ok) throw new Error(csv.error.message);
      const files = (csv.value as { files: Array<{ fileName: string; content: string }> }).files;
      expect(files).toHaveLength(solution.servers.length + 1);
      expect(files[0]!.content).toContain('期望内存（MB）');
      const refused = await dispatch(
        services.handlers,
        'deploy.export',
        { solution, plan, format: 'ansible', baseName: 'Acme', systemNames: { 'server-1': "x';rm" } },
        noEvents,
      );
      expect(refused.ok).toBe(false);
    });
  });
});
