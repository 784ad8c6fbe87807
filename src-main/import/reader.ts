// Measurement files read as bytes, a line at a time, in bounded memory whatever the input: a line longer than the
// limit or holding NUL bytes is skipped and counted (never turned into a giant string), UTF-16 is transcoded,
// gzip is unpacked on the fly within the size limit, and binary files are refused with what they look like.
import { isUtf8 as isUtf8Bytes } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { LIMITS } from './limits';
import { ImportFileError, msg } from './messages';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface ReadOptions {
  signal?: AbortSignal;
  /** Bytes of this file read so far (on disk, before unpacking), reported per chunk. */
  onBytes?: (bytes: number) => void;
  maxLineBytes?: number;
  maxFileBytes?: number;
  /** The whole file when the caller has read it already (small files: one read instead of several). */
  preread?: Buffer;
}

/** What the reader saw besides the lines it handed over. */
export interface LineStats {
  lines: number;
  /** Lines over the length limit, skipped. */
  overlong: number;
  /** Lines holding NUL bytes (a crash while writing, a sparse file), skipped. */
  withNul: number;
  /** The last line had no line end (the file was cut while being written). */
  unterminated: boolean;
  encoding: TextEncoding;
  bytes: number;
  gzip: boolean;
}

/** Called for each line (without its line end) as bytes of UTF-8 or Windows-1252 text. */
export type LineHandler = (buffer: Buffer, start: number, end: number) => void;

const HEAD_BYTES = 64 * 1024;
/** What is decoded to recognise a file's kind and encoding: its first lines, not its whole head. */
const DETECT_BYTES = 16 * 1024;
const NEWLINE = 10;
const CR = 13;

/** Magic numbers of files people put in a measurement folder by mistake. */
const BINARY_KINDS: Array<{ magic: number[]; kind: string }> = [
  { magic: [0x50, 0x4b, 0x03, 0x04], kind: 'zip' },
  { magic: [0x25, 0x50, 0x44, 0x46], kind: 'PDF' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], kind: 'ELF executable' },
  { magic: [0x42, 0x5a, 0x68], kind: 'bzip2' },
  { magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a], kind: 'xz' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf], kind: '7-Zip' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], kind: 'Microsoft Office (97-2003)' },
  { magic: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], kind: 'SQLite' },
  { magic: [0x89, 0x50, 0x4e, 0x47], kind: 'PNG' },
  { magic: [0xff, 0xd8, 0xff], kind: 'JPEG' },
];

const startsWith = (head: Buffer, magic: number[]) => magic.every((byte, index) => head[index] === byte);

export type Sniffed = { encoding: TextEncoding; bomBytes: number; gzip: false } | { gzip: true };

/**
 * The encoding of a text file from its first bytes: a byte-order mark, the zero bytes of UTF-16 text without one,
 * or valid UTF-8 (Windows-1252 otherwise). Refuses binary content, naming its kind when it is a known one.
 */
export function sniffEncoding(head: Buffer, label = ''): Sniffed {
  if (head[0] === 0x1f && head[1] === 0x8b) return { gzip: true };
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bomBytes: 3, gzip: false };
  if (startsWith(head, [0xff, 0xfe])) return { encoding: 'utf-16le', bomBytes: 2, gzip: false };
  if (startsWith(head, [0xfe, 0xff])) return { encoding: 'utf-16be', bomBytes: 2, gzip: false };
  const known = BINARY_KINDS.find((each) => startsWith(head, each.magic));
  if (known) throw new ImportFileError(msg('import.binary-kind', { file: label, kind: known.kind }));
  const sample = head.subarray(0, Math.min(head.length, 4096));
  let evenZeros = 0;
  let oddZeros = 0;
  let control = 0;
  for (let index = 0; index < sample.length; index += 1) {
    const byte = sample[index]!;
    if (byte === 0) {
      if (index % 2 === 0) evenZeros += 1;
      else oddZeros += 1;
    } else if (byte < 9 || (byte > 13 && byte < 32 && byte !== 26)) control += 1;
  }
  const half = sample.length / 2;
  // ASCII text in UTF-16 has a zero in every other byte: after the character (LE) or before it (BE).
  if (half > 8 && oddZeros > 0.4 * half && evenZeros < 0.05 * half)
    return { encoding: 'utf-16le', bomBytes: 0, gzip: false };
  if (half > 8 && evenZeros > 0.4 * half && oddZeros < 0.05 * half)
    return { encoding: 'utf-16be', bomBytes: 0, gzip: false };
  if (sample.length > 0 && (evenZeros + oddZeros + control) / sample.length > 0.1) {
    throw new ImportFileError(msg('import.binary', { file: label }));
  }
  return { encoding: isUtf8(head.subarray(0, DETECT_BYTES)) ? 'utf-8' : 'windows-1252', bomBytes: 0, gzip: false };
}

/** Valid UTF-8, allowing a character cut at the end of the sample. */
function isUtf8(bytes: Buffer): boolean {
  let end = bytes.length;
  // Step back over a possibly incomplete last character (at most 3 continuation bytes and its lead byte).
  for (let back = 1; back <= 4 && end - back >= 0; back += 1) {
    const byte = bytes[end - back]!;
    if (byte < 0x80) break;
    if (byte >= 0xc0) {
      end -= back;
      break;
    }
  }
  // Checked in place, without decoding the sample into a string (done for every file, thousands of small ones).
  return isUtf8Bytes(bytes.subarray(0, end));
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const windows1252 = new TextDecoder('windows-1252');

/** Text of a field: ASCII fast, then UTF-8, then Windows-1252 (a Latin-1 host name still reads right). */
export function textOf(buffer: Buffer, start: number, end: number): string {
  for (let index = start; index < end; index += 1) {
    if (buffer[index]! >= 0x80) {
      const bytes = buffer.subarray(start, end);
      try {
        return utf8Strict.decode(bytes);
      } catch {
        return windows1252.decode(bytes);
      }
    }
  }
  return buffer.toString('latin1', start, end);
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The first lines of a file as text (for recognising its kind), decoded as the whole file will be. */
export async function headText(path: string, label = path, preread?: Buffer): Promise<string> {
  const head = preread ? preread.subarray(0, HEAD_BYTES) : await readHead(path);
  const sniffed = sniffEncoding(head, label);
  if (sniffed.gzip) {
    // The head of a gzip stream: unpack what these bytes hold, never more than the head size.
    const unpacked = await gunzipHead(head).catch(() => {
      throw new ImportFileError(msg('import.gzip-damaged', { file: label }));
    });
    return headText0(unpacked, label);
  }
  return decodeHead(head.subarray(sniffed.bomBytes), sniffed.encoding);
}

/** Unpacks the start of a gzip stream from its first bytes (the stream is cut there, so its end is expected). */
function gunzipHead(bytes: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const gunzip = createGunzip();
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      gunzip.destroy();
      resolve(Buffer.concat(chunks).subarray(0, HEAD_BYTES));
    };
    gunzip.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= HEAD_BYTES) finish();
    });
    gunzip.on('end', finish);
    gunzip.on('error', (error) => {
      if (size > 0) finish();
      else if (!settled) {
        settled = true;
        reject(error);
      }
    });
    gunzip.end(bytes);
  });
}

function headText0(head: Buffer, label: string): string {
  const sniffed = sniffEncoding(head, label);
  if (sniffed.gzip) throw new ImportFileError(msg('import.binary-kind', { file: label, kind: 'gzip inside gzip' }));
  return decodeHead(head.subarray(sniffed.bomBytes), sniffed.encoding);
}

function decodeHead(whole: Buffer, encoding: TextEncoding): string {
  const bytes = whole.subarray(0, DETECT_BYTES);
  if (encoding === 'utf-16be') return new TextDecoder('utf-16be').decode(bytes);
  if (encoding === 'utf-16le') return new TextDecoder('utf-16le').decode(bytes);
  return new TextDecoder(encoding).decode(bytes);
}

/** UTF-16 chunks to UTF-8 chunks (characters split across chunks are carried over by the decoder). */
async function* transcodeUtf16(
  chunks: AsyncIterable<Buffer>,
  encoding: 'utf-16le' | 'utf-16be',
  skip: number,
): AsyncGenerator<Buffer> {
  const decoder = new StringDecoder('utf16le');
  let first = true;
  let odd: number | null = null;
  for await (let chunk of chunks) {
    if (first) {
      chunk = chunk.subarray(skip);
      first = false;
    }
    if (encoding === 'utf-16be') {
      // Swap byte pairs into little-endian, carrying an odd byte to the next chunk.
      const joined: Buffer = odd === null ? chunk : Buffer.concat([Buffer.of(odd), chunk]);
      const even = joined.length - (joined.length % 2);
      odd = joined.length % 2 === 1 ? joined[joined.length - 1]! : null;
      const swapped = Buffer.from(joined.subarray(0, even));
      swapped.swap16();
      chunk = swapped;
    }
    const text = decoder.write(chunk);
    if (text.length > 0) yield Buffer.from(text, 'utf8');
  }
  const rest = decoder.end();
  if (rest.length > 0) yield Buffer.from(rest, 'utf8');
}

/** Counts unpacked bytes and stops at the file-size limit (a gzip bomb ends here). */
async function* bounded(chunks: AsyncIterable<Buffer>, limit: number, label: string): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > limit)
      throw new ImportFileError(msg('import.too-large-unpacked', { file: label, limitGiB: gib(limit) }));
    yield chunk;
  }
}

const gib = (bytes: number) => Number((bytes / 1024 ** 3).toFixed(1));

/**
 * Reads a file line by line as bytes. The handler is called synchronously per line; the buffer it gets is only
 * valid during the call. Never holds more than one chunk plus one line (up to the line limit) in memory.
 */
export async function scanFile(
  path: string,
  onLine: LineHandler,
  options: ReadOptions = {},
  label = path,
): Promise<LineStats> {
  const maxFile = options.maxFileBytes ?? LIMITS.maxFileBytes;
  const size = options.preread ? options.preread.length : (await stat(path)).size;
  if (size > maxFile)
    throw new ImportFileError(msg('import.too-large', { file: label, sizeGiB: gib(size), limitGiB: gib(maxFile) }));
  const head = options.preread ? options.preread.subarray(0, HEAD_BYTES) : await readHead(path);
  const sniffed = sniffEncoding(head, label);
  if (
    options.preread &&
    !sniffed.gzip &&
    sniffed.bomBytes === 0 &&
    (sniffed.encoding === 'utf-8' || sniffed.encoding === 'windows-1252')
  ) {
    // A small file read already, in UTF-8 or Windows-1252 with no mark to skip: its one chunk goes straight to the
    // line splitter, without the stream and the generators that handle gzip and UTF-16 (thousands of small files).
    const whole = options.preread;
    const stats = await scanChunks([whole], onLine, { ...options, onChunk: () => options.onBytes?.(whole.length) });
    return { ...stats, encoding: sniffed.encoding, gzip: false };
  }
  // A small file read already is one chunk; a file on disk streams in chunks no larger than it needs.
  const file: Readable = options.preread
    ? Readable.from([options.preread])
    : createReadStream(path, {
        highWaterMark: Math.max(64 * 1024, Math.min(1024 * 1024, size)),
        ...(options.signal ? { signal: options.signal } : {}),
      });
  const reportBytes = () => options.onBytes?.('bytesRead' in file ? (file.bytesRead as number) : size);
  let source: AsyncIterable<Buffer> = file;
  let encoding: TextEncoding = 'utf-8';
  let skip = 0;
  if (sniffed.gzip) {
    const gunzip = createGunzip();
    file.on('error', (error) => gunzip.destroy(error));
    const unpacked = bounded(file.pipe(gunzip) as Readable, maxFile, label);
    // The unpacked text has its own encoding: sniff its first chunk.
    source = resniff(unpacked, label, (found, bom) => {
      encoding = found;
      skip = bom;
    });
  } else {
    encoding = sniffed.encoding;
    skip = sniffed.bomBytes;
  }
  try {
    const stats = await scanChunks(
      utf16Aware(
        source,
        () => encoding,
        () => skip,
      ),
      onLine,
      { ...options, onChunk: reportBytes },
    );
    return { ...stats, encoding, gzip: sniffed.gzip };
  } catch (error) {
    if (error instanceof ImportFileError || options.signal?.aborted) throw error;
    if ((error as { code?: string }).code === 'Z_DATA_ERROR' || (error as { code?: string }).code === 'Z_BUF_ERROR') {
      throw new ImportFileError(msg('import.gzip-damaged', { file: label }));
    }
    throw error;
  } finally {
    file.destroy();
  }
}

/** Sniffs the first unpacked chunk of a gzip stream and passes the chunks on. */
async function* resniff(
  chunks: AsyncIterable<Buffer>,
  label: string,
  found: (encoding: TextEncoding, bom: number) => void,
): AsyncGenerator<Buffer> {
  let first = true;
  for await (const chunk of chunks) {
    if (first) {
      first = false;
      const sniffed = sniffEncoding(chunk.subarray(0, HEAD_BYTES), label);
      if (sniffed.gzip) throw new ImportFileError(msg('import.binary-kind', { file: label, kind: 'gzip inside gzip' }));
      found(sniffed.encoding, sniffed.bomBytes);
    }
    yield chunk;
  }
}

/** Applies the encoding once it is known (after the first chunk for gzip): UTF-16 is transcoded, a BOM skipped. */
async function* utf16Aware(
  chunks: AsyncIterable<Buffer>,
  encoding: () => TextEncoding,
  skip: () => number,
): AsyncGenerator<Buffer> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const rest: AsyncIterable<Buffer> = {
    [Symbol.asyncIterator]: () => ({
      next: async () => iterator.next(),
      return: async () => (iterator.return ? iterator.return() : { done: true as const, value: undefined }),
    }),
  };
  async function* all(): AsyncGenerator<Buffer> {
    yield first.value as Buffer;
    yield* rest;
  }
  const kind = encoding();
  if (kind === 'utf-16le' || kind === 'utf-16be') {
    yield* transcodeUtf16(all(), kind, skip());
    return;
  }
  let leading = skip();
  for await (const chunk of all()) {
    if (leading > 0) {
      const cut = chunk.subarray(leading);
      leading = 0;
      yield cut;
    } else yield chunk;
  }
}

/** Splits chunks into lines, bounded by the line limit; the core loop of every import. */
export async function scanChunks(
  chunks: AsyncIterable<Buffer> | Iterable<Buffer>,
  onLine: LineHandler,
  options: ReadOptions & { onChunk?: () => void } = {},
): Promise<Omit<LineStats, 'encoding' | 'gzip'>> {
  const maxLine = options.maxLineBytes ?? LIMITS.maxLineBytes;
  const stats = { lines: 0, overlong: 0, withNul: 0, unterminated: false, bytes: 0 };
  let carry: Buffer | null = null;
  let skipping = false;
  const emit = (buffer: Buffer, start: number, end: number, mayHoldNul: boolean) => {
    stats.lines += 1;
    const stop = end > start && buffer[end - 1] === CR ? end - 1 : end;
    if (mayHoldNul) {
      const nul = buffer.indexOf(0, start);
      if (nul >= 0 && nul < stop) {
        stats.withNul += 1;
        return;
      }
    }
    onLine(buffer, start, stop);
  };
  for await (const chunk of chunks) {
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
    stats.bytes += chunk.length;
    const hasNul = chunk.indexOf(0) >= 0;
    let position = 0;
    if (carry !== null || skipping) {
      const newline = chunk.indexOf(NEWLINE);
      if (newline < 0) {
        if (!skipping) {
          if (carry!.length + chunk.length > maxLine) {
            stats.overlong += 1;
            stats.lines += 1;
            carry = null;
            skipping = true;
          } else carry = Buffer.concat([carry!, chunk]);
        }
        options.onChunk?.();
        continue;
      }
      if (skipping) skipping = false;
      else if (carry!.length + newline > maxLine) {
        stats.overlong += 1;
        stats.lines += 1;
      } else {
        const line = Buffer.concat([carry!, chunk.subarray(0, newline)]);
        emit(line, 0, line.length, hasNul || line.indexOf(0) >= 0);
      }
      carry = null;
      position = newline + 1;
    }
    for (;;) {
      const newline = chunk.indexOf(NEWLINE, position);
      if (newline < 0) break;
      if (newline - position > maxLine) {
        stats.overlong += 1;
        stats.lines += 1;
      } else emit(chunk, position, newline, hasNul);
      position = newline + 1;
    }
    if (position < chunk.length) {
      if (chunk.length - position > maxLine) {
        stats.overlong += 1;
        stats.lines += 1;
        skipping = true;
      } else carry = Buffer.from(chunk.subarray(position));
    }
    options.onChunk?.();
  }
  if (carry !== null && carry.length > 0) {
    stats.unterminated = true;
    emit(carry, 0, carry.length, carry.indexOf(0) >= 0);
  } else if (skipping) stats.unterminated = true;
  return stats;
}

/** Reads a text file's lines as strings (the table exports, whose rows are few and short). */
export function scanTextFile(
  path: string,
  onLine: (line: string) => void,
  options: ReadOptions = {},
  label = path,
): Promise<LineStats> {
  return scanFile(path, (buffer, start, end) => onLine(textOf(buffer, start, end)), options, label);
}
