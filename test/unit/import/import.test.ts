import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  basisCores,
  combinedProfile,
  confidenceOf,
  importFiles,
  parseGeneric,
  parseHmc,
  parseNmon,
  parseNsum,
  peakOf,
  percentile,
  renderMessage,
  toWorkloads,
} from '../../../src-main/import';
import { Workload, rebaseWorkload, validatePlan } from '../../../src-main/plan';
import { solvePlan } from '../../../src-main/solver';
import { repoRoot } from '../../support/browser-app';
import { cli } from '../../support/cli';
import { shippedSnapshot } from '../../support/plans';
import { tempDir } from '../../support/temp';

const fixtures = join(repoRoot, 'test', 'fixtures', 'import');
const catalog = await shippedSnapshot();

describe('statistics of measured use', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile([3, 1, 2], 99)).toBe(3);
  });

  it('falls back to the next higher statistic a summary file has, and says so', async () => {
    const [sapdb] = await parseNsum(join(fixtures, 'summary.nsum.csv'));
    expect(basisCores(sapdb!, 'p95')).toEqual({ cores: 4.9, note: null });
    expect(basisCores(sapdb!, 'p99')?.cores).toBe(6.2);
    expect(renderMessage(basisCores(sapdb!, 'p99')!.note!)).toContain('next higher');
  });
});

describe('nmon files', () => {
  it('reads an AIX shared LPAR: server, entitlement, physical cores used per snapshot, memory, I/O', async () => {
    const measurement = await parseNmon(join(fixtures, 'aix-shared.nmon'));
    expect(measurement).toMatchObject({
      lparName: 'erpdb01',
      machineTypeModel: '8286-42A',
      os: 'aix',
      mode: 'shared',
      entitlement: 2,
      virtualProcessors: 4,
      intervalSeconds: 300,
      expectedSamples: 288,
    });
    expect(measurement.samples.cores).toHaveLength(288);
    expect(peakOf(measurement.samples.cores)).toBeLessThanOrEqual(4);
    expect(measurement.memoryConfiguredGiB).toBe(64);
    expect(measurement.memoryUsedPeakGiB).toBeGreaterThan(0);
    expect(measurement.diskIopsPeak).toBeGreaterThan(0);
    expect(measurement.periodStart).toBe('2026-11-16T00:00:00.000Z');
    // The load peaks mid-afternoon, and the profile says so.
    const peakSlot = measurement.profile.indexOf(Math.max(...measurement.profile.map((value) => value ?? 0)));
    expect(Math.floor(peakSlot / 4)).toBeGreaterThanOrEqual(12);
    expect(Math.floor(peakSlot / 4)).toBeLessThanOrEqual(16);
  });

  it('derives cores used of a dedicated LPAR from CPU_ALL busy times its cores', async () => {
    const measurement = await parseNmon(join(fixtures, 'aix-dedicated.nmon'));
    expect(measurement.mode).toBe('dedicated');
    expect(measurement.samples.cores).toHaveLength(288);
    expect(peakOf(measurement.samples.cores)).toBeLessThanOrEqual(4);
  });

  it('reads Linux on Power memory from memtotal and memfree', async () => {
    const measurement = await parseNmon(join(fixtures, 'linux-shared.nmon'));
    expect(measurement.os).toBe('linux');
    expect(measurement.memoryConfiguredGiB).toBe(16);
  });

  it('rates a truncated collection low and a full day medium', async () => {
    expect(confidenceOf(await parseNmon(join(fixtures, 'truncated.nmon'))).rating).toBe('low');
    const full = confidenceOf(await parseNmon(join(fixtures, 'aix-shared.nmon')));
    expect(full.rating).toBe('medium');
    expect(full.reasons.map((reason) => renderMessage(reason)).join(' ')).toContain('a week or more');
  });

  it('refuses a damaged file with its reason', async () => {
    await expect(parseNmon(join(fixtures, 'damaged.nmon'))).rejects.toThrow(/not an nmon file/);
    await expect(importFiles([join(fixtures, 'damaged.nmon')])).resolves.toMatchObject({
      damaged: [{ reason: { code: 'import.unknown-kind' } }],
    });
  });
});

describe('HMC and generic exports', () => {
  it('derives cores used from lslparutil cycle counters between samples', async () => {
    const [first, second] = await parseHmc(join(fixtures, 'hmc-lslparutil.csv'));
    expect(first!.lparName).toBe('hmc-lpar1');
    expect(first!.samples.cores).toHaveLength(287);
    expect(peakOf(first!.samples.cores)).toBeLessThanOrEqual(1.5 * 0.9 + 1e-6);
    expect(-peakOf(first!.samples.cores.map((value) => -value))).toBeGreaterThanOrEqual(1.5 * 0.3 - 1e-6);
    expect(first!.intervalSeconds).toBe(300);
    expect(second!.entitlement).toBe(0.5);
  });

  it('reads a generic time, LPAR, cores CSV', async () => {
    const [ora] = await parseGeneric(join(fixtures, 'generic.csv'));
    expect(ora).toMatchObject({ lparName: 'ora01', machineTypeModel: '9009-22A', memoryUsedPeakGiB: 50 });
    expect([...ora!.samples.cores]).toEqual([1.2, 2.4, 1.8]);
  });
});

describe('from measurements to a plan', () => {
  it('imports a folder, lists the damaged file, and makes a valid plan that sizes', async () => {
    const progress: number[] = [];
    const result = await importFiles([fixtures], { onProgress: (each) => progress.push(each.filesDone) });
    expect(result.damaged.map((entry) => entry.file)).toEqual([join(fixtures, 'damaged.nmon')]);
    expect(result.measurements.length).toBe(9);
    expect(progress.at(-1)).toBe(8);
    const imported = toWorkloads(result.measurements, catalog, {
      basis: 'p95',
      headroom: 0.1,
      fallbackModel: '9009-42A',
    });
    expect(imported.every((entry) => entry.workload !== null)).toBe(true);
    const erp = imported.find((entry) => entry.measurement.lparName === 'erpdb01')!;
    expect(erp.workload!.cpu).toEqual({
      kind: 'measured',
      cores: Number((erp.basisCores! * 1.1).toFixed(4)),
      model: '8286-42A',
      utilization: 1,
    });
    expect(erp.workload!.notes).toContain('confidence medium');
    expect(erp.workload!.measurement).toMatchObject({
      source: 'nmon',
      basis: 'p95',
      confidence: 'medium',
      samples: 288,
    });
    expect(erp.workload!.measurement!.profile).toHaveLength(96);
    expect(peakOf(erp.workload!.measurement!.profile!)).toBeCloseTo(peakOf(erp.measurement.samples.cores), 3);
    const plan = validatePlan({
      format: 'powervm-sizer-plan',
      version: 1,
      name: 'imported',
      workloads: imported.map((entry) => entry.workload),
    });
    expect(plan.problems).toEqual([]);
    const solution = await solvePlan(plan.plan!, catalog, { exactLimit: 0 });
    expect(solution.unplaced).toEqual([]);
  });

  it('keeps every statistic, so one workload can move to another basis and headroom without the file', async () => {
    const measurement = await parseNmon(join(fixtures, 'aix-shared.nmon'));
    const [entry] = toWorkloads([measurement], catalog, { basis: 'p95', headroom: 0.1 });
    const workload = Workload.parse(entry!.workload);
    const statistics = workload.measurement!.statistics!;
    expect(statistics.peak).toBeCloseTo(peakOf(measurement.samples.cores), 4);
    expect(statistics.p50!).toBeLessThanOrEqual(statistics.p90!);
    expect(statistics.p90!).toBeLessThanOrEqual(statistics.p95!);
    expect(statistics.p95!).toBeLessThanOrEqual(statistics.p99!);
    const rebased = rebaseWorkload(workload, 'peak', 0.25);
    if ('problem' in rebased) throw new Error(rebased.problem);
    expect(rebased.cpu).toEqual({
      kind: 'measured',
      cores: Number((statistics.peak! * 1.25).toFixed(4)),
      model: '8286-42A',
      utilization: 1,
    });
    expect(rebased.measurement).toMatchObject({ basis: 'peak', headroom: 0.25, basisCores: statistics.peak });
    expect(rebased.notes).toContain(`peak ${statistics.peak!.toFixed(3)} cores + 25 % headroom`);
    expect(rebased.notes).not.toContain('p95');
  });

  it('refuses a basis a summary file does not give rather than passing off another statistic as it', async () => {
    const [sapdb] = await parseNsum(join(fixtures, 'summary.nsum.csv'));
    const [entry] = toWorkloads([sapdb!], catalog, { basis: 'p95', headroom: 0, fallbackModel: '9009-42A' });
    const workload = Workload.parse(entry!.workload);
    expect(Object.keys(workload.measurement!.statistics!).sort()).toEqual(['average', 'p95', 'peak']);
    const refused = rebaseWorkload(workload, 'p99', 0);
    expect(refused).toEqual({ problem: expect.stringContaining('the file gave no p99; it has peak, p95, average') });
  });

  it('asks for a source model when the file does not say which server it ran on', async () => {
    const measurements = await parseHmc(join(fixtures, 'hmc-lslparutil.csv'));
    const [entry] = toWorkloads(measurements, catalog, { basis: 'peak', headroom: 0 });
    expect(entry!.workload).toBeNull();
    expect(renderMessage(entry!.problem!)).toContain('--source-model');
    expect(entry!.modelChoices.length).toBeGreaterThan(0);
  });

  it('adds up the time-of-day profiles of LPARs whose peaks do not coincide', async () => {
    const day = await parseNmon(join(fixtures, 'aix-shared.nmon'));
    const night = await parseNmon(join(fixtures, 'aix-dedicated.nmon'));
    const combined = combinedProfile([day, night]);
    const peakOfSum = Math.max(...combined);
    const sumOfPeaks = peakOf(day.samples.cores) + peakOf(night.samples.cores);
    expect(peakOfSum).toBeLessThan(sumOfPeaks);
  });

  it('the CLI writes the plan and exits 1 when nothing could be imported', async () => {
    const dir = await tempDir();
    const out = join(dir, 'plan.json');
    const result = await cli(
      ['import', fixtures, '--out', out, '--basis', 'p90', '--headroom', '0.2', '--fallback-model', '9009-42A'],
      dir,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('DAMAGED');
    expect((await cli(['validate', out], dir)).code).toBe(0);
    // The per-LPAR summary, printed before anything is written: files, period, days, gaps, samples, basis, memory, confidence.
    const preview = await cli(['import', fixtures, '--preview', '--fallback-model', '9009-42A'], dir);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(
      /^erpdb01\s+1\s+2026-11-16 00:00 – 2026-11-16 23:55\s+1\.0\s+0\s+288\s+2\.755\s+64 \(configured\)\s+medium\s+8286-42A$/m,
    );
    expect(preview.stdout).toContain('lost: 60 of the 288 snapshots the collection announced are present');
    expect(preview.stderr).not.toContain('wrote');
    const garbage = join(dir, 'garbage.txt');
    await writeFile(garbage, 'nothing useful\n');
    expect((await cli(['import', garbage, '--out', join(dir, 'x.json')], dir)).code).toBe(1);
    expect((await cli(['import', fixtures, '--out', out, '--basis', 'p42'], dir)).code).toBe(2);
    // One LPAR on its own basis: its cores follow its peak, the others keep p90.
    expect(
      (
        await cli(
          [
            'import',
            fixtures,
            '--out',
            out,
            '--basis',
            'p90',
            '--fallback-model',
            '9009-42A',
            '--basis-for',
            'erpdb01=peak:0.3',
          ],
          dir,
        )
      ).code,
    ).toBe(0);
    const written = validatePlan(JSON.parse(await readFile(out, 'utf8'))).plan!;
    const erp = written.workloads.find((workload) => workload.name === 'erpdb01')!;
    expect(erp.measurement).toMatchObject({ basis: 'peak', headroom: 0.3 });
    expect(
      written.workloads
        .filter((workload) => workload.name !== 'erpdb01')
        .every((workload) => workload.measurement?.basis === 'p90'),
    ).toBe(true);
    const unknown = await cli(
      ['import', fixtures, '--out', out, '--fallback-model', '9009-42A', '--basis-for', 'nobody=peak'],
      dir,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no imported LPAR is named "nobody"');
  });
});

describe('zip archives of measurements', () => {
  it('imports the files inside a zip, streaming each entry, and lists a damaged entry', async () => {
    const dir = await tempDir();
    const zip = join(dir, 'estate.zip');
    execFileSync('python3', [
      '-c',
      `import zipfile,sys\nwith zipfile.ZipFile(sys.argv[1],'w',zipfile.ZIP_DEFLATED) as z:\n  z.write(sys.argv[2],'p8/aix-shared.nmon')\n  z.write(sys.argv[3],'p8/damaged.nmon')`,
      zip,
      join(fixtures, 'aix-shared.nmon'),
      join(fixtures, 'damaged.nmon'),
    ]);
    const result = await importFiles([zip]);
    expect(result.measurements.map((measurement) => measurement.lparName)).toEqual(['erpdb01']);
    expect(result.measurements[0]!.file).toBe(`${zip}:p8/aix-shared.nmon`);
    expect(result.damaged.map((entry) => entry.file)).toEqual([`${zip}:p8/damaged.nmon`]);
  });

  it('reports a broken zip as damaged and imports the rest', async () => {
    const dir = await tempDir();
    const broken = join(dir, 'broken.zip');
    await writeFile(broken, 'PK but not really a zip');
    const result = await importFiles([broken, join(fixtures, 'generic.csv')]);
    expect(renderMessage(result.damaged[0]!.reason)).toContain('not a readable zip');
    expect(result.measurements).toHaveLength(1);
  });
});
