// A real nmon v8b file of a dedicated AIX 5.3 LPAR on a POWER6 Power 570 (9117-MMA), from a public repository (see
// test/fixtures/import-real/README.md), imported as a user would and compared with figures this test computes from
// the same lines with a deliberately plain reading. nmon v8b differs from what topas_nmon writes today: its ZZZZ
// lines hold the time of day but no date (the day is AAA,date, written dd/mm/yy), its MEM header names 4 columns for
// 6 values, it has no LPAR section (a dedicated partition: CPU_ALL busy shares of its cores) and it names the server
// only in `lsattr` lines (modelname, systemid, realmem, dedicated, ent_capacity).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importFiles, percentile, renderMessage, statisticsOf } from '../../src-main/import';
import { repoRoot } from '../support/browser-app';
import { tempDir } from '../support/temp';

const file = join(repoRoot, 'test', 'fixtures', 'import-real', 'omrms12_1_110303_0000.nmon.gz');
const text = gunzipSync(await readFile(file)).toString('latin1');
const lines = text.split('\n').map((line) => line.split(','));

const aaa = (key: string) => lines.find((cells) => cells[0] === 'AAA' && cells[1] === key)!.slice(2);
/** "BBBP,011,lsattr,dedicated       true               Partition is dedicated  False": the value of one attribute. */
const lsattr = (attribute: string) =>
  lines
    .filter((cells) => cells[0] === 'BBBP' && cells[2] === 'lsattr' && cells.length > 3)
    .map((cells) => cells.slice(3).join(',').trim().split(/\s+/))
    .find((words) => words[0] === attribute)![1]!;
const dataLines = (section: string) => lines.filter((cells) => cells[0] === section && /^T\d+$/.test(cells[1]!));

describe('a real nmon v8b file of a dedicated AIX 5.3 LPAR on a Power 570 (9117-MMA)', () => {
  it('is what the description says: v8b, AIX 5.3, dedicated, 18 logical CPUs, dates only in AAA', () => {
    expect(aaa('version')).toEqual(['v8b']);
    expect(aaa('AIX')).toEqual(['5.3.12.1']);
    expect(aaa('cpus')).toEqual(['18', '18']);
    expect(lsattr('dedicated')).toBe('true');
    expect(lsattr('capped')).toBe('true');
    // ZZZZ,T0001,00:00:04: a time and no date.
    expect(dataLines('ZZZZ').every((cells) => cells.length === 3)).toBe(true);
    // MEM header: 4 names after the title (printf swallowed the "%," of "Real Free %,Virtual free %,"), 6 values.
    const memHeader = lines.find((cells) => cells[0] === 'MEM' && !/^T\d+$/.test(cells[1]!))!;
    expect(memHeader.slice(2)).toEqual([
      'Real Free Virtual free Real free(MB)',
      'Virtual free(MB)',
      'Real total(MB)',
      'Virtual total(MB)',
    ]);
    expect(dataLines('MEM').every((cells) => cells.length === 8)).toBe(true);
  });

  it('gives the samples, their times, the cores, the server and the memory the lines hold', async () => {
    const result = await importFiles([file]);
    expect(result.damaged).toEqual([]);
    expect(result.measurements).toHaveLength(1);
    const [lpar] = result.measurements;

    // Cores of a dedicated partition: lsattr says dedicated with an entitled capacity of 9.00 (18 logical CPUs: SMT2).
    const cores = Number(lsattr('ent_capacity'));
    expect(cores).toBe(9);
    // Serial: systemid is "IBM,02" followed by the machine serial; the model is modelname's "IBM,9117-MMA".
    expect(lsattr('systemid')).toBe('IBM,0206D8EE5');
    expect(lpar).toMatchObject({
      lparName: aaa('host')[0],
      host: 'omrms12_1',
      serial: lsattr('systemid').slice('IBM,02'.length),
      machineTypeModel: lsattr('modelname').replace(/^IBM,/, ''),
      os: 'aix',
      mode: 'dedicated',
      entitlement: cores,
      virtualProcessors: cores,
      intervalSeconds: Number(aaa('interval')[0]),
    });

    // Cores used = (User% + Sys%) / 100 x the partition's cores, one per CPU_ALL line.
    const used = dataLines('CPU_ALL').map((cells) => ((Number(cells[2]) + Number(cells[3])) / 100) * cores);
    expect(used).toHaveLength(62);
    expect(lpar!.samples.cores).toHaveLength(used.length);
    const statistics = statisticsOf(lpar!.samples)!;
    expect(statistics.p95).toBeCloseTo(percentile(used, 95), 9);
    expect(statistics.peak).toBeCloseTo(Math.max(...used), 9);
    expect(statistics.p95).toBeCloseTo(7.569, 9);

    // Times: the first snapshot on AAA,date read day first (03/03/11), which the ipcs output of the same run confirms.
    expect(aaa('date')).toEqual(['03/03/11']);
    expect(
      lines.some((cells) => cells[0] === 'BBBP' && /as of Thu Mar {2}3 00:00:04 KORST 2011/.test(cells[3] ?? '')),
    ).toBe(true);
    const clocks = dataLines('ZZZZ').map((cells) => cells[2]!);
    expect(lpar!.periodStart).toBe(`2011-03-03T${clocks[0]}.000Z`);
    expect(lpar!.periodEnd).toBe(`2011-03-03T${clocks.at(-1)}.000Z`);
    expect(clocks.at(-1)).toBe('10:10:05');

    // Memory: MEM's fifth value ("Real total(MB)" in nmon's published layout) says 4,164,864 MB, which this partition
    // cannot have: lsattr realmem (usable physical memory, KB) says 33 GiB, and that is what the import keeps.
    expect(new Set(dataLines('MEM').map((cells) => cells[6]))).toEqual(new Set(['4164864.0']));
    expect(lpar!.memoryConfiguredGiB).toBe(Number(lsattr('realmem')) / 1024 / 1024);
    expect(lpar!.memoryConfiguredGiB).toBe(33);
    expect(lpar!.memoryUsedPeakGiB).toBeNull();
    expect(lpar!.notes.map((note) => renderMessage(note))).toEqual([
      `cores used = busy share x ${cores} cores (entitled capacity)`,
      'MEM says 4,164,864 MB of real memory, more than twice the 33,792 MB the partition is configured with (lsattr realmem): the configured memory is used and the MEM figures are left out',
    ]);
    expect(lpar!.files[0]!.lost.map((message) => renderMessage(message))).toEqual([
      `62 of the ${aaa('snapshots')[0]} snapshots the collection announced are present`,
    ]);
  });

  it('keeps its samples when sorted (the ZZZZ lines then come last) and when it passes midnight', async () => {
    const dir = await tempDir();
    const original = (await importFiles([file])).measurements[0]!;
    await writeFile(join(dir, 'sorted.nmon'), `${text.trimEnd().split('\n').sort().join('\n')}\n`);
    const sorted = (await importFiles([join(dir, 'sorted.nmon')])).measurements[0]!;
    expect([...sorted.samples.cores]).toEqual([...original.samples.cores]);
    expect([...sorted.samples.times]).toEqual([...original.samples.times]);

    // The same lines started at 20:00 (test-made: only the ZZZZ clocks are moved by 20 hours) run past midnight: the
    // times after it belong to the next day, as nmon2rrd reads such files.
    const moved = text.replace(
      /^ZZZZ,(T\d+),(\d\d):(\d\d):(\d\d)$/gm,
      (_, tag: string, h: string, m: string, s: string) => {
        const hour = (Number(h) + 20) % 24;
        return `ZZZZ,${tag},${String(hour).padStart(2, '0')}:${m}:${s}`;
      },
    );
    await writeFile(join(dir, 'moved.nmon'), moved);
    const late = (await importFiles([join(dir, 'moved.nmon')])).measurements[0]!;
    expect(late.periodStart).toBe('2011-03-03T20:00:04.000Z');
    expect(late.periodEnd).toBe('2011-03-04T06:10:05.000Z');
    expect([...late.samples.cores]).toEqual([...original.samples.cores]);
    expect(late.files[0]!.lost).toEqual(original.files[0]!.lost);
  });
});
