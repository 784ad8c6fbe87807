import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
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
  it('the CLI writes the HMC script, the playbook and one design CSV per server next to the sizing', async () => {
    const dir = await tempDir();
    const plan = join(repoRoot, 'test', 'fixtures', 'plans', 'valid.json');
    const result = await cli(['size', plan, '--json', '--deploy-script', join(dir, 'design.sh'), '--ansible', join(dir, 'design.yml'), '--design-csv', join(dir, 'csv')], dir);
    expect(result.code).toBe(0);
    const solution = JSON.parse(result.stdout) as { servers: Array<{ id: string; partitions: Array<{ name: string }> }> };
    execFileSync('bash', ['-n', join(dir, 'design.sh')]);
    const script = await readFile(join(dir, 'design.sh'), 'utf8');
    expect(script.match(/^mksyscfg /gm)).toHaveLength(solution.servers.reduce((sum, server) => sum + server.partitions.length, 0));
    expect(yaml.load(await readFile(join(dir, 'design.yml'), 'utf8'))).toBeInstanceOf(Array);
    const csvs = (await readdir(join(dir, 'csv'))).sort();
    expect(csvs).toEqual(solution.servers.map((server) => `Acme consolidation-${server.id}.csv`).sort());
  });

  describe('from the interface', () => {
    let services: AppServices;
    beforeAll(async () => {
      services = await createAppServices({ userDataDir: await tempDir(), resourcesDir, appVersion: 'test', transport: 'browser' });
    });
    afterAll(async () => services?.close());

    it('hands the browser mode the files to download, with the HMC names and VLAN the user gave', async () => {
      const solution = await solvePlan(fixturePlan('valid'), await shippedSnapshot(), { exactLimit: 0 });
      const script = await dispatch(services.handlers, 'deploy.export', { solution, format: 'hmc-script', baseName: 'Acme', systemNames: { 'server-1': 'P10-PROD-A' }, vlan: 120 }, noEvents);
      if (!script.ok) throw new Error(script.error.message);
      const [file] = (script.value as { files: Array<{ fileName: string; content: string }> }).files;
      expect(file!.fileName).toBe('Acme-hmc.sh');
      expect(file!.content).toContain("SYSTEM='P10-PROD-A'");
      expect(file!.content).toContain('/120//');
      const csv = await dispatch(services.handlers, 'deploy.export', { solution, format: 'design-csv', baseName: 'Acme' }, noEvents);
      if (!csv.ok) throw new Error(csv.error.message);
      expect((csv.value as { files: unknown[] }).files).toHaveLength(solution.servers.length);
    });
  });
});
