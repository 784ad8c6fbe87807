// Importing many files at once: a folder (recursively) or a list of files. Each file's kind is recognised from
// its first lines; a damaged file is listed with its reason and the rest are imported.
import { open, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { AppError } from '../ipc/envelope';
import type { LparMeasurement } from './measurement';
import { parseNmon } from './nmon';
import { parseGeneric, parseHmc, parseNsum } from './tables';

export type FileKind = 'nmon' | 'nsum' | 'hmc' | 'generic';

export async function detectKind(path: string): Promise<FileKind | null> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    if (/^AAA,/m.test(head)) return 'nmon';
    const header = (head.split(/\r?\n/, 1)[0] ?? '').toLowerCase();
    if (header.includes('capped_cycles') || header.includes('time_cycles')) return 'hmc';
    if (/(p95|95th|physc_max|cores_max|\bmax\b)/.test(header) && !/time/.test(header)) return 'nsum';
    if (/time/.test(header) && /(lpar|partition|host|vm)/.test(header)) return 'generic';
    return null;
  } finally {
    await handle.close();
  }
}

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  current: string;
}

export interface ImportResult {
  measurements: LparMeasurement[];
  damaged: Array<{ file: string; reason: string }>;
  bytes: number;
}

async function listFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) throw new AppError('not-found', `${path}: no such file or folder`);
    if (info.isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true });
      files.push(...(await listFiles(entries.filter((entry) => !entry.name.startsWith('.')).map((entry) => join(path, entry.name)))));
    } else files.push(path);
  }
  return files.sort();
}

export async function importFiles(paths: readonly string[], options: { onProgress?: (progress: ImportProgress) => void; signal?: AbortSignal } = {}): Promise<ImportResult> {
  const files = await listFiles(paths);
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  const bytesTotal = sizes.reduce((sum, size) => sum + size, 0);
  const result: ImportResult = { measurements: [], damaged: [], bytes: 0 };
  for (const [index, file] of files.entries()) {
    if (options.signal?.aborted) throw new AppError('cancelled', 'the import was cancelled');
    options.onProgress?.({ filesDone: index, filesTotal: files.length, bytesDone: result.bytes, bytesTotal, current: basename(file) });
    try {
      const kind = await detectKind(file);
      if (kind === null) throw new AppError('invalid-file', 'not an nmon file, an nsum summary, an HMC lslparutil export or a generic time/LPAR/cores CSV');
      if (kind === 'nmon') result.measurements.push(await parseNmon(file, file));
      else if (kind === 'nsum') result.measurements.push(...(await parseNsum(file, file)));
      else if (kind === 'hmc') result.measurements.push(...(await parseHmc(file, file)));
      else result.measurements.push(...(await parseGeneric(file, file)));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result.damaged.push({ file, reason: message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message });
    }
    result.bytes += sizes[index]!;
  }
  options.onProgress?.({ filesDone: files.length, filesTotal: files.length, bytesDone: result.bytes, bytesTotal, current: '' });
  return result;
}
