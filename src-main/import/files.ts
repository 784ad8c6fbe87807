// Importing many files at once: a folder (recursively), a list of files, zip archives of them. Each file's kind is
// recognised from its first lines; a damaged file is listed with its reason and the rest are imported; the files
// of one LPAR are merged into one measurement at the end.
import { type Stats, closeSync, createWriteStream, openSync, readSync, statSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import unzipper from 'unzipper';
import { AppError } from '../common';
import { LIMITS } from './limits';
import type { LparMeasurement } from './measurement';
import { mergeByLpar } from './merge';
import { ImportFileError, type Message, msg, renderMessage } from './messages';
import { parseNmon } from './nmon';
import { type ReadOptions, headText } from './reader';
import { parseGeneric, parseHmc, parseNsum, splitCsvLine } from './tables';
import { parseTimeText } from './times';

export type FileKind = 'nmon' | 'nsum' | 'hmc' | 'generic';

/** The kind of a measurement file from its first lines; throws with the reason when it is none of them. */
export async function detectKind(path: string, label = path, preread?: Buffer): Promise<FileKind> {
  // nmon files open with their AAA lines (sorted ones too: "AAA" sorts first): known without decoding the head.
  if (preread && startsWithNmon(preread)) return 'nmon';
  const head = (await headText(path, label, preread)).replace(/^\uFEFF/, '');
  if (/^AAA,/m.test(head)) return 'nmon';
  const lines = head.split(/\r?\n/, 50).filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const first = lines[0] ?? '';
  const header = first.toLowerCase();
  if (/(^|,)\s*(time|lpar_name|capped_cycles|time_cycles)=/.test(header)) return 'hmc';
  if (header.includes('capped_cycles') || header.includes('time_cycles')) return 'hmc';
  if (lines.slice(0, 3).some(looksLikeHeaderlessHmc))
    throw new ImportFileError(msg('import.hmc-no-header', { file: label }));
  if (/(p95|95th|physc_max|cores_max|\bmax\b)/.test(header) && !/time/.test(header)) return 'nsum';
  if (/(time|date)/.test(header) && /(lpar|partition|host|vm|name)/.test(header)) return 'generic';
  const excerpt = first.slice(0, 60).replace(/[^\x20-\x7e\u00a0-\uffff]/g, '?');
  throw new ImportFileError(msg('import.unknown-kind', { file: label, first: excerpt }));
}

const NMON_START = Buffer.from('AAA,', 'latin1');
const startsWithNmon = (bytes: Buffer) => bytes.length > NMON_START.length && NMON_START.equals(bytes.subarray(0, 4));

/** `lslparutil -F time,lpar_name,capped_cycles,...` without `--header`: a time, a name, then large counters. */
function looksLikeHeaderlessHmc(line: string): boolean {
  const cells = splitCsvLine(line);
  if (cells.length < 4 || parseTimeText(cells[0] ?? '') === null) return false;
  const counters = cells.filter((cell) => /^\d{9,}$/.test(cell.trim())).length;
  return counters >= 2;
}

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  current: string;
}

export interface DamagedFile {
  file: string;
  reason: Message;
}

export interface ImportResult {
  /** One per LPAR, its files merged. */
  measurements: LparMeasurement[];
  damaged: DamagedFile[];
  bytes: number;
  /** Files read (zip entries counted one by one). */
  files: number;
}

/** The files of the paths given (folders recursively, hidden entries left out), with their sizes, sorted by path. */
async function listFiles(paths: readonly string[]): Promise<Array<{ path: string; size: number }>> {
  const files: Array<{ path: string; size: number }> = [];
  await collectFiles(paths, files);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

async function collectFiles(paths: readonly string[], files: Array<{ path: string; size: number }>): Promise<void> {
  for (const path of paths) {
    // Synchronous: a folder of thousands of small files costs one stat each, and the asynchronous call costs several
    // times the stat itself in promises and thread-pool hand-overs (the files are then read synchronously anyway).
    const info = statOrNull(path);
    if (!info) throw new AppError('not-found', renderMessage(msg('import.no-such-path', { path })));
    if (info.isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true });
      await collectFiles(
        entries.filter((entry) => !entry.name.startsWith('.')).map((entry) => join(path, entry.name)),
        files,
      );
    } else files.push({ path, size: info.size });
  }
}

function statOrNull(path: string): Stats | null {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

/** An entry name that would climb out of a folder or start at a root if it were used as a path. */
export const unsafeEntryName = (name: string) =>
  /(^|[\\/])\.\.([\\/]|$)/.test(name) || /^([\\/]|[a-z]:)/i.test(name) || name.includes('\0');

interface Source {
  path: string;
  label: string;
}

/** Counts bytes through a stream and fails past a limit: the expansion check that declared sizes cannot fool. */
function byteLimit(limit: number, onExceeded: () => Error): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > limit) done(onExceeded());
      else done(null, chunk);
    },
  });
}

/**
 * A zip of measurement files is unpacked entry by entry into a private temporary folder (streamed, never held in
 * memory; entry names are never used as paths). Entries past the limits are refused with their reason: more entries
 * than allowed, an unsafe name, a size or expansion ratio of a zip bomb, more bytes than the entry declared.
 */
async function unpackZip(
  zipPath: string,
  label: string,
  into: string,
  damaged: DamagedFile[],
  signal?: AbortSignal,
): Promise<Source[]> {
  const directory = await unzipper.Open.file(zipPath);
  const entries = directory.files.filter(
    (entry) => entry.type === 'File' && !entry.path.startsWith('__MACOSX/') && !basename(entry.path).startsWith('.'),
  );
  if (entries.length > LIMITS.maxZipEntries) {
    throw new ImportFileError(
      msg('import.zip-too-many', { file: label, entries: entries.length, limit: LIMITS.maxZipEntries }),
    );
  }
  const files: Source[] = [];
  let expanded = 0;
  for (const [index, entry] of entries.entries()) {
    if (signal?.aborted) break;
    const entryLabel = `${label}:${entry.path}`;
    if (unsafeEntryName(entry.path)) {
      damaged.push({ file: entryLabel, reason: msg('import.zip-unsafe-name') });
      continue;
    }
    const declared = entry.uncompressedSize;
    const packed = Math.max(1, entry.compressedSize);
    const entryLimit = Math.min(LIMITS.maxFileBytes, LIMITS.maxZipExpandedBytes - expanded);
    if (declared > LIMITS.zipRatioFloorBytes && declared / packed > LIMITS.maxZipRatio) {
      damaged.push({
        file: entryLabel,
        reason: msg('import.zip-bomb', { ratio: Math.round(declared / packed), limit: LIMITS.maxZipRatio }),
      });
      continue;
    }
    if (declared > entryLimit) {
      damaged.push({
        file: entryLabel,
        reason: msg('import.zip-entry-too-large', { sizeGiB: gib(declared), limitGiB: gib(entryLimit) }),
      });
      continue;
    }
    const path = join(into, `${String(index).padStart(6, '0')}.entry`);
    // The actual bytes may exceed what the entry declares: stop at the declared size (or the ratio) plus a margin.
    const allowed = Math.min(entryLimit, Math.max(declared, LIMITS.zipRatioFloorBytes, packed * LIMITS.maxZipRatio));
    try {
      await pipeline(
        entry.stream(),
        byteLimit(
          allowed,
          () =>
            new ImportFileError(
              msg('import.zip-bomb', { ratio: Math.round(allowed / packed), limit: LIMITS.maxZipRatio }),
            ),
        ),
        createWriteStream(path),
        ...(signal ? [{ signal }] : []),
      );
      expanded += (await stat(path)).size;
      files.push({ path, label: entryLabel });
    } catch (error) {
      await rm(path, { force: true });
      if (signal?.aborted) break;
      damaged.push({ file: entryLabel, reason: reasonOf(error, entryLabel) });
    }
  }
  return files;
}

const gib = (bytes: number) => Number((bytes / 1024 ** 3).toFixed(2));

/** The message for a file that failed, whatever failed: an import message, or the error's own text. */
function reasonOf(error: unknown, label: string): Message {
  if (error instanceof ImportFileError) return error.detail;
  const text = error instanceof Error ? error.message : String(error);
  return msg('import.unreadable', {
    file: label,
    error: text.startsWith(`${label}: `) ? text.slice(label.length + 2) : text.slice(0, 300),
  });
}

/** Files up to this size are read in one go and parsed from memory (thousands of small files: fewer system calls). */
const READ_WHOLE_BYTES = 1024 * 1024;

/**
 * Reads a small file whole into the import's scratch buffer. Synchronous on purpose: a few system calls instead of
 * several round trips (at most 1 MiB, about a millisecond), and no new buffer per file for the collector to free.
 */
function readWhole(path: string, scratch: Buffer): Buffer {
  const handle = openSync(path, 'r');
  try {
    let length = 0;
    for (let got = -1; got !== 0 && length < scratch.length; length += got)
      got = readSync(handle, scratch, length, scratch.length - length, length);
    return scratch.subarray(0, length);
  } finally {
    closeSync(handle);
  }
}

async function parseFile(
  path: string,
  label: string,
  size: number,
  options: ReadOptions,
  scratch: Buffer,
): Promise<LparMeasurement[]> {
  // The scratch buffer is only read while this file is parsed: files are parsed one after the other.
  const read: ReadOptions = size <= READ_WHOLE_BYTES ? { ...options, preread: readWhole(path, scratch) } : options;
  const kind = await detectKind(path, label, read.preread);
  if (kind === 'nmon') return [await parseNmon(path, label, read)];
  if (kind === 'nsum') return parseNsum(path, label, read);
  if (kind === 'hmc') return parseHmc(path, label, read);
  return parseGeneric(path, label, read);
}

/**
 * The longest the import holds the event loop: small files are read synchronously, so without a turn now and then
 * a folder of thousands of them would hold back every message to the window, a cancel included, until the end.
 */
const YIELD_INTERVAL_MS = 20;
const turnEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The shortest time between two progress reports: a bar moving 20 times a second looks continuous. */
const PROGRESS_INTERVAL_MS = 50;

const cancelled = () => new AppError('cancelled', renderMessage(msg('import.cancelled')));

export async function importFiles(
  paths: readonly string[],
  options: { onProgress?: (progress: ImportProgress) => void; signal?: AbortSignal; merge?: boolean } = {},
): Promise<ImportResult> {
  const listed = await listFiles(paths);
  const damaged: DamagedFile[] = [];
  const measurements: LparMeasurement[] = [];
  let bytesDone = 0;
  const unpacked: string[] = [];
  try {
    const sources: Array<Source & { size: number }> = [];
    for (const { path: file, size } of listed) {
      if (options.signal?.aborted) throw cancelled();
      if (!file.toLowerCase().endsWith('.zip')) {
        sources.push({ path: file, label: file, size });
        continue;
      }
      const into = await mkdtemp(join(tmpdir(), 'pvs-zip-'));
      unpacked.push(into);
      try {
        for (const entry of await unpackZip(file, file, into, damaged, options.signal))
          sources.push({ ...entry, size: (await stat(entry.path)).size });
      } catch (error) {
        if (options.signal?.aborted) throw cancelled();
        damaged.push({
          file,
          reason:
            error instanceof ImportFileError
              ? error.detail
              : msg('import.zip-unreadable', { file, error: error instanceof Error ? error.message : String(error) }),
        });
      }
    }
    const sizes = sources.map((source) => source.size);
    const scratch = Buffer.allocUnsafe(READ_WHOLE_BYTES);
    const bytesTotal = sizes.reduce((sum, size) => sum + size, 0);
    let reportedAt = Number.NEGATIVE_INFINITY;
    let turnedAt = performance.now();
    for (const [index, { path, label }] of sources.entries()) {
      if (performance.now() - turnedAt >= YIELD_INTERVAL_MS) {
        await turnEventLoop();
        turnedAt = performance.now();
      }
      if (options.signal?.aborted) throw cancelled();
      // At most one report per interval (the first at once, the last always): a folder of thousands of small files
      // would otherwise send two events per file to the window, costing more than reading the file.
      const report = (bytesInFile: number) => {
        const now = performance.now();
        if (now - reportedAt < PROGRESS_INTERVAL_MS) return;
        reportedAt = now;
        options.onProgress?.({
          filesDone: index,
          filesTotal: sources.length,
          bytesDone: bytesDone + bytesInFile,
          bytesTotal,
          current: basename(label),
        });
      };
      report(0);
      const read: ReadOptions = {
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onProgress ? { onBytes: report } : {}),
      };
      try {
        measurements.push(...(await parseFile(path, label, sizes[index]!, read, scratch)));
      } catch (error) {
        // A cancelled read is not a damaged file.
        if (options.signal?.aborted) throw cancelled();
        damaged.push({ file: label, reason: reasonOf(error, label) });
      }
      bytesDone += sizes[index]!;
    }
    options.onProgress?.({ filesDone: sources.length, filesTotal: sources.length, bytesDone, bytesTotal, current: '' });
    return {
      measurements: options.merge === false ? measurements : mergeByLpar(measurements),
      damaged,
      bytes: bytesDone,
      files: sources.length,
    };
  } finally {
    for (const dir of unpacked) await rm(dir, { recursive: true, force: true });
  }
}
