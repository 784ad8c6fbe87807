// Importing many files at once: a folder (recursively) or a list of files. Each file's kind is recognised from
// its first lines; a damaged file is listed with its reason and the rest are imported.
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import unzipper from 'unzipper';
import { AppError } from '../common';
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

/**
 * A zip of measurement files is unpacked entry by entry into a private temporary folder (streamed, never held in
 * memory; entry names are never used as paths) and its files are imported like the others.
 */
async function unpackZip(zipPath: string, into: string): Promise<Array<{ path: string; label: string }>> {
  const directory = await unzipper.Open.file(zipPath);
  const files: Array<{ path: string; label: string }> = [];
  for (const [index, entry] of directory.files.entries()) {
    if (entry.type !== 'File' || entry.path.startsWith('__MACOSX/') || basename(entry.path).startsWith('.')) continue;
    const path = join(into, `${String(index).padStart(6, '0')}.entry`);
    await pipeline(entry.stream(), createWriteStream(path));
    files.push({ path, label: `${zipPath}:${entry.path}` });
  }
  return files;
}

export async function importFiles(paths: readonly string[], options: { onProgress?: (progress: ImportProgress) => void; signal?: AbortSignal } = {}): Promise<ImportResult> {
  const listed = await listFiles(paths);
  const result: ImportResult = { measurements: [], damaged: [], bytes: 0 };
  const unpacked: string[] = [];
  try {
    const sources: Array<{ path: string; label: string }> = [];
    for (const file of listed) {
      if (!file.toLowerCase().endsWith('.zip')) {
        sources.push({ path: file, label: file });
        continue;
      }
      const into = await mkdtemp(join(tmpdir(), 'pvs-zip-'));
      unpacked.push(into);
      try {
        sources.push(...(await unpackZip(file, into)));
      } catch (error) {
        result.damaged.push({ file, reason: `not a readable zip archive (${error instanceof Error ? error.message : String(error)})` });
      }
    }
    const sizes = await Promise.all(sources.map(async (source) => (await stat(source.path)).size));
    const bytesTotal = sizes.reduce((sum, size) => sum + size, 0);
    for (const [index, { path, label }] of sources.entries()) {
      if (options.signal?.aborted) throw new AppError('cancelled', 'the import was cancelled');
      const report = (bytesInFile: number) => options.onProgress?.({ filesDone: index, filesTotal: sources.length, bytesDone: result.bytes + bytesInFile, bytesTotal, current: basename(label) });
      report(0);
      const read = {
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onProgress ? { onBytes: report } : {}),
      };
      try {
        const kind = await detectKind(path);
        if (kind === null) throw new AppError('invalid-file', 'not an nmon file, an nsum summary, an HMC lslparutil export or a generic time/LPAR/cores CSV');
        if (kind === 'nmon') result.measurements.push(await parseNmon(path, label, read));
        else if (kind === 'nsum') result.measurements.push(...(await parseNsum(path, label, read)));
        else if (kind === 'hmc') result.measurements.push(...(await parseHmc(path, label, read)));
        else result.measurements.push(...(await parseGeneric(path, label, read)));
      } catch (error) {
        // A cancelled read is not a damaged file.
        if (options.signal?.aborted) throw new AppError('cancelled', 'the import was cancelled');
        const message = error instanceof Error ? error.message : String(error);
        result.damaged.push({ file: label, reason: message.startsWith(`${label}: `) ? message.slice(label.length + 2) : message });
      }
      result.bytes += sizes[index]!;
    }
    options.onProgress?.({ filesDone: sources.length, filesTotal: sources.length, bytesDone: result.bytes, bytesTotal, current: '' });
    return result;
  } finally {
    for (const dir of unpacked) await rm(dir, { recursive: true, force: true });
  }
}
