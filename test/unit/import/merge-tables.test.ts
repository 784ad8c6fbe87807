// Files of one LPAR merged over their whole period, long series, and the table exports (CSV times, HMC formats).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nmonText } from '../../../scripts/generate-import-fixtures';
import {
  type LparMeasurement,
  importFiles,
  parseGeneric,
  parseHmc,
  peakOf,
  percentile,
  renderMessage,
  statisticsOf,
  toWorkloads,
} from '../../../src-main/import';
import { emptyMeasurement } from '../../../src-main/import/measurement';
import { mergeLpar } from '../../../src-main/import/merge';
import { shippedSnapshot } from '../../support/plans';
import { tempDir } from '../../support/temp';

const catalog = await shippedSnapshot();

/** Splits an nmon text into files of `perFile` snapshots, each with the header and its own T0001... numbering. */
function splitNmon(text: string, perFile: number): string[] {
  const lines = text.trimEnd().split('\n');
  const first = lines.findIndex((line) => line.startsWith('ZZZZ,'));
  const header = lines.slice(0, first);
  const blocks: string[][] = [];
  for (const line of lines.slice(first)) {
    if (line.startsWith('ZZZZ,')) blocks.push([]);
    blocks.at(-1)!.push(line);
  }
  const files: string[] = [];
  for (let start = 0; start < blocks.length; start += perFile) {
    const part = blocks
      .slice(start, start + perFile)
      .map((block, index) => block.map((line) => line.replace(/,T\d+,/, `,T${String(index + 1).padStart(4, '0')},`)));
    files.push(
      `${[...header.map((line) => line.replace(/^AAA,snapshots,\d+/, `AAA,snapshots,${part.length}`)), ...part.flat()].join('\n')}\n`,
    );
  }
  return files;
}

const physicalOf = (text: string) =>
  text
    .split('\n')
    .filter((line) => /^LPAR,T\d+,/.test(line))
    .map((line) => Number(line.split(',')[2]));

async function writeAll(files: Record<string, string>): Promise<string> {
  const dir = await tempDir();
  for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content);
  return dir;
}

const week = nmonText({
  host: 'erpdb07',
  machineType: '8286-42A',
  os: 'aix',
  mode: 'shared',
  entitlement: 2,
  virtualCpus: 4,
  memoryMB: 65536,
  seed: 21,
  peakHour: 14,
  snapshots: 7 * 288,
  intervalSeconds: 300,
});

describe('files of one LPAR', () => {
  it("merges a run split into two day files: the p95 is the whole run's, not one per file", async () => {
    const run = week.split('ZZZZ,T0433,')[0]!.replace('AAA,snapshots,2016', 'AAA,snapshots,432');
    const [first, second] = splitNmon(run, 216);
    const dir = await writeAll({ 'day1.nmon': first!, 'day2.nmon': second! });
    const result = await importFiles([dir]);
    expect(result.measurements).toHaveLength(1);
    const [lpar] = result.measurements;
    expect(lpar!.files.map((file) => file.samples)).toEqual([216, 216]);
    expect(statisticsOf(lpar!.samples)!.p95).toBe(percentile(physicalOf(run), 95));
  });

  it('takes a truncated copy next to the full file as the same LPAR, its samples as duplicates', async () => {
    const day = splitNmon(week, 288)[0]!;
    const copy = day.slice(0, day.indexOf('ZZZZ,T0101,'));
    const result = await importFiles([await writeAll({ 'a.nmon': day, 'a-copy.nmon': copy })]);
    expect(result.measurements).toHaveLength(1);
    const files = result.measurements[0]!.files;
    expect(result.measurements[0]!.samples.cores).toHaveLength(288);
    expect(files.map((file) => file.duplicates).sort((a, b) => a - b)).toEqual([0, 100]);
  });

  it('makes one workload of a week of day files, rated on the days they cover', async () => {
    const days = splitNmon(week, 288);
    const result = await importFiles([
      await writeAll(Object.fromEntries(days.map((text, index) => [`erpdb07_2611${16 + index}.nmon`, text]))),
    ]);
    expect(result.measurements).toHaveLength(1);
    const [entry] = toWorkloads(result.measurements, catalog, { basis: 'p95', headroom: 0 });
    expect(entry!.summary.files).toHaveLength(7);
    expect(entry!.summary.daysCovered).toBe(7);
    expect(entry!.confidence).toBe('high');
    expect(entry!.summary.gaps).toEqual([]);
    expect(entry!.basisCores).toBe(Number(percentile(physicalOf(week), 95).toFixed(4)));
    expect(entry!.workload!.memoryGiB).toBe(64);
  });

  it('says where a collection stopped: the gap between two day files a day apart', async () => {
    const days = splitNmon(week, 288);
    const result = await importFiles([await writeAll({ 'mon.nmon': days[0]!, 'wed.nmon': days[2]! })]);
    const lpar = result.measurements[0]!;
    expect(lpar.gaps).toHaveLength(1);
    expect(new Date(lpar.gaps[0]!.to).toISOString()).toBe('2026-11-18T00:00:00.000Z');
  });
});

describe('series of any length', () => {
  it('imports a year of one-minute samples of one LPAR (no spread into Math.max)', () => {
    const minutes = 366 * 24 * 60;
    const measurement: LparMeasurement = {
      ...emptyMeasurement('generic', 'year.csv', 'big'),
      identity: 'generic:big',
      machineTypeModel: '9009-42A',
      memoryConfiguredGiB: 64,
    };
    const times = new Float64Array(minutes);
    const cores = new Float64Array(minutes);
    for (let index = 0; index < minutes; index += 1) {
      times[index] = Date.UTC(2025, 0, 1) + index * 60_000;
      cores[index] = 1 + ((index * 7919) % 1000) / 1000;
    }
    const half = minutes / 2;
    const parts = [
      { ...measurement, file: 'h1.csv', samples: { times: times.slice(0, half), cores: cores.slice(0, half) } },
      { ...measurement, file: 'h2.csv', samples: { times: times.slice(half), cores: cores.slice(half) } },
    ];
    const merged = mergeLpar(parts);
    expect(merged.samples.cores).toHaveLength(minutes);
    const [entry] = toWorkloads([merged], catalog, { basis: 'peak', headroom: 0 });
    expect(entry!.basisCores).toBe(Number(peakOf(cores).toFixed(4)));
    expect(entry!.summary.daysCovered).toBe(366);
  });

  it('reads 150,000 CSV rows of one LPAR', async () => {
    const rows = ['time,lpar,coresUsed,memoryGiB,mtm'];
    const values: number[] = [];
    for (let index = 0; index < 150_000; index += 1) {
      const value = Number((0.5 + ((index * 31) % 97) / 50).toFixed(2));
      values.push(value);
      rows.push(`${new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString()},bigdb,${value},48,9009-42A`);
    }
    const path = join(await tempDir(), 'long.csv');
    await writeFile(path, `${rows.join('\n')}\n`);
    const [measurement] = await parseGeneric(path);
    expect(measurement!.samples.cores).toHaveLength(150_000);
    expect(statisticsOf(measurement!.samples)!.p99).toBe(percentile(values, 99));
  });
});

describe('CSV times', () => {
  const csv = async (lines: string[]) => {
    const path = join(await tempDir(), 'times.csv');
    await writeFile(path, `${['time,lpar,coresUsed', ...lines].join('\n')}\n`);
    return parseGeneric(path);
  };

  it.each([
    ['ISO with a zone', ['2026-11-16T00:05:00Z,a,1', '2026-11-16T00:10:00Z,a,2'], '2026-11-16T00:05:00.000Z'],
    ['ISO with a space, no seconds', ['2026-11-16 00:05,a,1', '2026-11-16 00:10,a,2'], '2026-11-16T00:05:00.000Z'],
    ['dd-mm-yyyy', ['25-11-2026 13:05:00,a,1', '25-11-2026 13:10:00,a,2'], '2026-11-25T13:05:00.000Z'],
    ['dd.mm.yyyy without seconds', ['25.11.2026 13:05,a,1', '25.11.2026 13:10,a,2'], '2026-11-25T13:05:00.000Z'],
    ['mm/dd/yyyy (the HMC)', ['11/25/2026 01:05:00 PM,a,1', '11/25/2026 01:10:00 PM,a,2'], '2026-11-25T13:05:00.000Z'],
  ])('reads %s', async (_, lines, start) => {
    const [measurement] = await csv(lines);
    expect(measurement!.periodStart).toBe(start);
    expect(measurement!.intervalSeconds).toBe(300);
    expect(measurement!.files[0]!.lost).toEqual([]);
  });

  it('decides day or month first from the whole file, and says when no date tells', async () => {
    const [later] = await csv(['03/04/2026 10:00,a,1', '03/04/2026 10:05,a,1', '13/04/2026 10:00,a,1']);
    expect(later!.periodStart).toBe('2026-04-03T10:00:00.000Z');
    const [ambiguous] = await csv(['03/04/2026 10:00,a,1', '03/04/2026 10:05,a,1']);
    expect(ambiguous!.periodStart).toBe('2026-03-04T10:00:00.000Z');
    expect(renderMessage(ambiguous!.files[0]!.lost[0]!)).toContain('read as month-first');
  });

  it('skips and counts rows it cannot read instead of refusing the file', async () => {
    const [measurement] = await csv([
      '2026-11-16T00:05:00Z,a,1',
      'yesterday,a,2',
      '2026-11-16T00:15:00Z,a,lots',
      '2026-11-16T00:20:00Z,a,3',
    ]);
    expect([...measurement!.samples.cores]).toEqual([1, 3]);
    expect(renderMessage(measurement!.files[0]!.lost[0]!)).toBe(
      '2 rows could not be read and were skipped (first at line 3, 4)',
    );
  });
});

describe('HMC lslparutil outputs', () => {
  const counters = (format: 'keys' | 'header') => {
    const lines: string[] =
      format === 'header'
        ? ['time,lpar_name,lpar_id,capped_cycles,uncapped_cycles,time_cycles,curr_proc_units,curr_mem']
        : [];
    for (let index = 0; index < 12; index += 1) {
      const time = `11/25/2026 10:${String(index * 5).padStart(2, '0')}:00`;
      // Counters run since the partition started: never zero in a real export.
      const [capped, uncapped, total] = [
        9e12 + index * 150_000_000_000,
        1e12 + index * 30_000_000_000,
        2e13 + index * 153_600_000_000,
      ];
      lines.push(
        format === 'keys'
          ? `time=${time},event_type=sample,resource_type=lpar,sys_time=${time},time_cycles=${total},lpar_name=db1,lpar_id=3,curr_proc_mode=shared,curr_proc_units=1.0,curr_procs=2,curr_mem=16384,capped_cycles=${capped},uncapped_cycles=${uncapped}`
          : `${time},db1,3,${capped},${uncapped},${total},1.0,16384`,
      );
    }
    return `${lines.join('\n')}\n`;
  };

  it.each(['keys', 'header'] as const)(
    'reads the %s output: cores = delta(capped + uncapped) / delta(time cycles)',
    async (format) => {
      const path = join(await tempDir(), 'util.csv');
      await writeFile(path, counters(format));
      const [db1] = await parseHmc(path);
      expect(db1!.samples.cores).toHaveLength(11);
      expect(db1!.samples.cores[0]).toBeCloseTo(180 / 153.6, 9);
      expect(db1).toMatchObject({ lparNumber: 3, entitlement: 1, memoryConfiguredGiB: 16 });
    },
  );

  it('says what to export when an LPAR has only one sample (no interval to take the counters over)', async () => {
    const path = join(await tempDir(), 'one.txt');
    await writeFile(path, counters('keys').split('\n')[0] + '\n');
    const [db1] = await parseHmc(path);
    expect(db1!.samples.cores).toHaveLength(0);
    expect(db1!.files[0]!.lost.map((each) => each.code)).toContain('import.hmc-one-sample');
    expect(renderMessage(db1!.files[0]!.lost.at(-1)!)).toContain('only one lslparutil sample of db1');
  });

  it('names the missing --header when -F output has none', async () => {
    const path = join(await tempDir(), 'noheader.csv');
    await writeFile(path, counters('header').split('\n').slice(1).join('\n'));
    const result = await importFiles([path]);
    expect(result.damaged[0]!.reason.code).toBe('import.hmc-no-header');
    expect(renderMessage(result.damaged[0]!.reason)).toContain('--header');
  });
});

describe('source model and memory', () => {
  const measured = (model: string | null): LparMeasurement => ({
    ...emptyMeasurement('nmon', 'x.nmon', 'app1'),
    identity: 'host:app1',
    machineTypeModel: model,
    memoryConfiguredGiB: 64,
    memoryUsedPeakGiB: 20.3,
    samples: { times: Float64Array.of(0, 300_000, 600_000), cores: Float64Array.of(1, 2, 3) },
    intervalSeconds: 300,
  });

  it("lets the user's source model override the file's, and says so", () => {
    const [entry] = toWorkloads([measured('8286-42A')], catalog, {
      basis: 'peak',
      headroom: 0,
      sourceModel: '9009-42A',
    });
    expect(entry!.workload!.cpu).toMatchObject({ model: '9009-42A' });
    expect(entry!.summary.sourceModelFrom).toBe('user');
    expect(entry!.summary.notes.map((note) => renderMessage(note))).toContain(
      'source model 9009-42A chosen by the user (the file says 8286-42A)',
    );
  });

  it('offers a choice for a model the catalog lacks, same machine type first', () => {
    // The Power 710 8231-E1B is a real POWER7 model the catalog does not hold; its siblings 8231-E1C/E1D it does.
    const [entry] = toWorkloads([measured('8231-E1B')], catalog, {
      basis: 'peak',
      headroom: 0,
      fallbackModel: '9009-42A',
    });
    expect(entry!.workload).toBeNull();
    expect(entry!.problem!.code).toBe('import.model-not-in-catalog');
    expect(entry!.modelChoices[0]).toMatch(/^8231-/);
  });

  it('keeps configured and measured memory; configured by default, measured peak + headroom when chosen', () => {
    const [configured] = toWorkloads([measured('9009-42A')], catalog, { basis: 'peak', headroom: 0.1 });
    expect(configured!.workload!.memoryGiB).toBe(64);
    expect(configured!.workload!.measurement).toMatchObject({
      memoryBasis: 'configured',
      memoryConfiguredGiB: 64,
      memoryUsedPeakGiB: 20.3,
    });
    const [peak] = toWorkloads([measured('9009-42A')], catalog, {
      basis: 'peak',
      headroom: 0.1,
      perLpar: { app1: { memoryBasis: 'measured' } },
    });
    expect(peak!.workload!.memoryGiB).toBe(Math.ceil(20.3 * 1.1));
    expect(peak!.summary.memoryBasis).toBe('measured');
  });
});
