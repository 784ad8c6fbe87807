// Streaming line reading: files of hundreds of MB are read a line at a time, never held whole.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** Cancellation and progress inside one file: a single nmon file can take half a minute. */
export interface ReadOptions {
  signal?: AbortSignal;
  /** Bytes of this file read so far, reported every few thousand lines. */
  onBytes?: (bytes: number) => void;
}

const LINES_PER_REPORT = 20_000;

export async function* readLines(input: string | Readable, options: ReadOptions = {}): AsyncGenerator<string> {
  const stream = typeof input === 'string' ? createReadStream(input, { encoding: 'utf8', ...(options.signal ? { signal: options.signal } : {}) }) : input;
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let count = 0;
  try {
    for await (const line of lines) {
      yield line;
      count += 1;
      if (count % LINES_PER_REPORT === 0 && options.onBytes && 'bytesRead' in stream) options.onBytes(stream.bytesRead as number);
    }
  } finally {
    lines.close();
    if (typeof input === 'string') stream.destroy();
  }
}

/** Splits a CSV line honouring double quotes (nmon and HMC lines rarely quote, exports often do). */
export function splitCsvLine(line: string, delimiter = ','): string[] {
  if (!line.includes('"')) return line.split(delimiter);
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}
