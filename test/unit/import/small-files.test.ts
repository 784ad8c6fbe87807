// The paths taken for speed over many small files must not change what is imported: the series builder sized to
// the snapshots, and progress reported at most once per interval (first and last always).
import { copyFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ImportProgress, importFiles } from '../../../src-main/import';
import { SeriesBuilder } from '../../../src-main/import/series';
import { repoRoot } from '../../support/browser-app';
import { tempDir } from '../../support/temp';

const fixtures = join(repoRoot, 'test', 'fixtures', 'import');

const built = (builder: SeriesBuilder) => {
  const { series, duplicates } = builder.build();
  return { times: [...series.times], cores: [...series.cores], duplicates };
};

describe('series builder sized to the samples', () => {
  it('gives the same series whatever its starting capacity, in order, out of order and past the capacity', () => {
    const inputs: Array<Array<[number, number]>> = [
      [
        [1000, 1.5],
        [2000, 2.5],
        [3000, 0.5],
      ],
      [
        [3000, 1],
        [1000, 2],
        [2000, 3],
        [1000, 4],
      ],
      Array.from({ length: 40 }, (_, index): [number, number] => [index * 60_000, index / 10]),
    ];
    for (const samples of inputs) {
      const results = [0, 1, samples.length, 1024].map((capacity) => {
        const builder = new SeriesBuilder(capacity);
        for (const [time, cores] of samples) builder.push(time, cores);
        return built(builder);
      });
      for (const result of results.slice(1)) expect(result).toEqual(results[0]);
    }
  });

  it('hands over its arrays only when filled exactly, and a later push does not change a built series', () => {
    const builder = new SeriesBuilder(2);
    builder.push(1000, 1);
    builder.push(2000, 2);
    const { series } = builder.build();
    builder.push(3000, 3);
    expect([...series.times]).toEqual([1000, 2000]);
    expect([...series.cores]).toEqual([1, 2]);
    expect([...builder.build().series.times]).toEqual([1000, 2000, 3000]);
  });
});

describe('progress over many files', () => {
  let dir: string | null = null;
  afterEach(async () => {
    vi.restoreAllMocks();
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  it('reports the first file at once and the end always, and nothing in between while no time passes', async () => {
    dir = await tempDir('pvs-progress-');
    for (let index = 0; index < 12; index += 1)
      await copyFile(join(fixtures, 'aix-shared.nmon'), join(dir, `day${String(index).padStart(2, '0')}.nmon`));
    vi.spyOn(performance, 'now').mockReturnValue(1_000_000);
    const progress: ImportProgress[] = [];
    const result = await importFiles([dir], { onProgress: (each) => progress.push(each) });
    expect(result.files).toBe(12);
    expect(progress.map((each) => each.filesDone)).toEqual([0, 12]);
    expect(progress[0]).toMatchObject({ filesTotal: 12, bytesDone: 0, current: 'day00.nmon' });
    expect(progress[1]).toMatchObject({ filesTotal: 12, bytesDone: progress[1]!.bytesTotal, current: '' });
  });

  it('reports again once the interval has passed', async () => {
    dir = await tempDir('pvs-progress-');
    for (let index = 0; index < 3; index += 1)
      await copyFile(join(fixtures, 'aix-shared.nmon'), join(dir, `day${index}.nmon`));
    // Each reading of the clock is a second later: every file's reports go out.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 1000));
    const progress: number[] = [];
    await importFiles([dir], { onProgress: (each) => progress.push(each.filesDone) });
    expect(progress).toEqual([0, 0, 1, 1, 2, 2, 3]);
  });

  it('lets the event loop turn while it reads many small files, so a cancel sent meanwhile stops it', async () => {
    dir = await tempDir('pvs-progress-');
    for (let index = 0; index < 200; index += 1)
      await copyFile(join(fixtures, 'aix-shared.nmon'), join(dir, `day${String(index).padStart(3, '0')}.nmon`));
    const controller = new AbortController();
    let filesDone = 0;
    const run = importFiles([dir], {
      signal: controller.signal,
      onProgress: (each) => {
        // The cancel is sent as the window would: a message handled by a later turn of the event loop.
        if (each.filesDone === 0) setTimeout(() => controller.abort(), 0);
        filesDone = each.filesDone;
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    expect(filesDone).toBeLessThan(200);
  });
});
