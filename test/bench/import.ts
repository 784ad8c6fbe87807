// Import benchmark: throughput and peak memory on a generated nmon set (default 500 MB), removed afterwards.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { importFiles } from '../../src-main/import';
import { writeBigNmonSet } from '../../scripts/generate-import-fixtures';
import { tempDir } from '../support/temp';

export async function runImportBench(megabytes = 500): Promise<{ megabytes: number; files: number; lpars: number; seconds: number; mbPerSecond: number; peakRssMiB: number }> {
  const dir = await tempDir('pvs-bench-import-');
  try {
    const bytes = await writeBigNmonSet(join(dir, 'nmon'), megabytes);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const started = performance.now();
    const result = await importFiles([join(dir, 'nmon')], { onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)) });
    const seconds = (performance.now() - started) / 1000;
    return { megabytes: Math.round(bytes / 1e6), files: result.measurements.length + result.damaged.length, lpars: result.measurements.length, seconds: Math.round(seconds * 100) / 100, mbPerSecond: Math.round((bytes / 1e6 / seconds) * 10) / 10, peakRssMiB: Math.round(peak / 1024 / 1024) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
