// Real nmon files from public repositories (see test/fixtures/import-real/README.md), imported as a user would and
// compared with figures this test computes itself from the same lines with a deliberately plain reading.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importFiles, percentile, renderMessage, statisticsOf, toWorkloads } from '../../src-main/import';
import { repoRoot } from '../support/browser-app';
import { shippedSnapshot } from '../support/plans';
import { tempDir } from '../support/temp';

const real = join(repoRoot, 'test', 'fixtures', 'import-real');
const aixText = gunzipSync(await readFile(join(real, 'aixlpar.nmon.gz'))).toString('latin1');
const catalog = await shippedSnapshot();

/** The plain reading: ZZZZ times by tag, then a section's column by its header's name, by tag. */
function plain(text: string) {
  const lines = text.split(/\r?\n/).map((line) => line.split(','));
  const times = new Map(
    lines.filter((cells) => cells[0] === 'ZZZZ').map((cells) => [cells[1]!, `${cells[3]} ${cells[2]}`]),
  );
  const columnOf = (section: string, name: string) => {
    const header = lines.find((cells) => cells[0] === section && !/^T\d+$/.test(cells[1]!))!;
    const at = header.findIndex((cell) => cell.trim() === name);
    return lines
      .filter((cells) => cells[0] === section && /^T\d+$/.test(cells[1]!))
      .map((cells) => ({ tag: cells[1]!, value: Number(cells[at]) }));
  };
  return { times, columnOf };
}

describe('a real AIX 7.1 topas_nmon file of a shared POWER7 LPAR (8205-E6C)', () => {
  const { times, columnOf } = plain(aixText);
  const physical = columnOf('LPAR', 'PhysicalCPU').map((each) => each.value);

  it('gives the samples, period, statistics and memory the lines hold', async () => {
    const result = await importFiles([join(real, 'aixlpar.nmon.gz')]);
    expect(result.damaged).toEqual([]);
    const [lpar] = result.measurements;
    expect(lpar).toMatchObject({
      lparName: 'aixlpar',
      serial: '0123456A',
      lparNumber: 6,
      machineTypeModel: '8205-E6C',
      os: 'aix',
      mode: 'shared',
      entitlement: 1.3,
      virtualProcessors: 7,
      smtThreads: 4,
    });
    expect(lpar!.samples.cores).toHaveLength(physical.length);
    expect(physical).toHaveLength(187);
    const statistics = statisticsOf(lpar!.samples)!;
    expect(statistics.p95).toBe(percentile(physical, 95));
    expect(statistics.p95).toBe(2.156);
    expect(statistics.peak).toBe(Math.max(...physical));
    expect(lpar!.periodStart).toBe('2016-02-10T17:28:10.000Z');
    expect(times.get('T0001')).toBe('10-FEB-2016 17:28:10');
    const total = columnOf('MEM', 'Real total(MB)').map((each) => each.value);
    expect(lpar!.memoryConfiguredGiB).toBe(total[0]! / 1024);
    const process = columnOf('MEMNEW', 'Process%').map((each) => each.value);
    const system = columnOf('MEMNEW', 'System%').map((each) => each.value);
    const peakPercent = Math.max(...process.map((value, index) => value + system[index]!));
    expect(lpar!.memoryUsedPeakGiB).toBeCloseTo((total[0]! * peakPercent) / 100 / 1024, 9);
    expect(lpar!.files[0]!.lost.map((message) => renderMessage(message))).toEqual([
      '187 of the 312 snapshots the collection announced are present',
    ]);
  });

  it('converts through its POWER7 model, the Power 740 8205-E6C the catalog now holds, or the model the user picks', async () => {
    const result = await importFiles([join(real, 'aixlpar.nmon.gz')]);
    const [fromFile] = toWorkloads(result.measurements, catalog, { basis: 'p95', headroom: 0 });
    expect(fromFile!.problem).toBeNull();
    expect(fromFile!.workload).toMatchObject({
      name: 'aixlpar',
      cpu: { kind: 'measured', cores: 2.156, model: '8205-E6C' },
      memoryGiB: 42,
    });
    expect(fromFile!.summary.sourceModelFrom).toBe('file');
    const [chosen] = toWorkloads(result.measurements, catalog, { basis: 'p95', headroom: 0, sourceModel: '8205-E6B' });
    expect(chosen!.workload).toMatchObject({ cpu: { kind: 'measured', cores: 2.156, model: '8205-E6B' } });
    expect(chosen!.summary.notes.map((note) => renderMessage(note))).toContain(
      'source model 8205-E6B chosen by the user (the file says 8205-E6C)',
    );
  });

  it('keeps its statistics and profile when sorted, and when split into two files', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'sorted.nmon'), `${aixText.trimEnd().split('\n').sort().join('\n')}\n`);
    const sorted = (await importFiles([join(dir, 'sorted.nmon')])).measurements[0]!;
    const original = (await importFiles([join(real, 'aixlpar.nmon.gz')])).measurements[0]!;
    expect([...sorted.samples.cores]).toEqual([...original.samples.cores]);
    expect(sorted.profile).toEqual(original.profile);

    const lines = aixText.split('\n');
    const cut = lines.findIndex((line) => line.startsWith('ZZZZ,T0094,'));
    const header = lines.slice(
      0,
      lines.findIndex((line) => line.startsWith('ZZZZ,')),
    );
    await writeFile(join(dir, 'first.nmon'), lines.slice(0, cut).join('\n'));
    await writeFile(join(dir, 'second.nmon'), [...header, ...lines.slice(cut)].join('\n'));
    const merged = await importFiles([join(dir, 'first.nmon'), join(dir, 'second.nmon')]);
    expect(merged.measurements).toHaveLength(1);
    expect(statisticsOf(merged.measurements[0]!.samples)!.p95).toBe(2.156);
    expect(merged.measurements[0]!.files.map((file) => file.samples)).toEqual([93, 94]);
  });
});

describe('a real Linux nmon file of an x86 laptop', () => {
  it('is refused in one line that says what it is', async () => {
    const result = await importFiles([join(real, 'linux_150818_1024.nmon.gz')]);
    expect(result.measurements).toEqual([]);
    expect(renderMessage(result.damaged[0]!.reason)).toBe(
      'nmon of linux, an x86 system (Intel(R) Core(TM) i5-2520M CPU @ 2.50GHz), not a Power partition: it cannot be sized as an LPAR',
    );
  });
});
