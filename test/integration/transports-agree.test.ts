import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppServices } from '../../src-main/ipc';
import { Solution } from '../../src-main/solver';
import { parsePlanText } from '../../src-main/plan';
import { cli, fixture } from '../support/cli';
import { resourcesDir, tempDir } from '../support/temp';

/** The report's date is the moment it was made; everything else must be the same byte for byte. */
const withoutDates = (text: string) => text.replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '<date>');

describe('the command line and the app', () => {
  it.each(['html', 'csv'] as const)('write the same %s report for the same plan', async (format) => {
    const cliDir = await tempDir();
    const out = join(cliDir, `report.${format}`);
    const sized = await cli(['size', fixture('valid'), '--json', '--report', out], cliDir);
    expect(sized.code).toBe(0);
    const fromCli = await readFile(out, 'utf8');
    // The appendix carries the deployment's implementation checklist (what the export leaves to a person).
    if (format === 'html') expect(fromCli).toMatch(/data-field="checklist"><li>[^<]*VIOS/);

    const services = await createAppServices({
      userDataDir: await tempDir(),
      resourcesDir,
      appVersion: 'test',
      transport: 'browser',
    });
    try {
      const plan = parsePlanText(await readFile(fixture('valid'), 'utf8'));
      const solution = await services.handlers['solver.solve']({ jobId: 'solve', plan }, { emit: () => undefined });
      // The same answer; only how long each stage took differs between two runs.
      expect({ ...solution, stats: undefined }).toEqual({
        ...Solution.parse(JSON.parse(sized.stdout)),
        stats: undefined,
      });
      const exported = await services.handlers['report.export'](
        { jobId: 'report', plan, solution, format, language: 'en' },
        { emit: () => undefined },
      );
      const fromApp = Buffer.from(exported.contentBase64!, 'base64').toString('utf8');
      expect(withoutDates(fromApp)).toBe(withoutDates(fromCli));
    } finally {
      await services.close();
    }
  });
});
