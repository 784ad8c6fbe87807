// Measurement files go to the main process in chunks (a file of any size, thousands of files), then are read there
// with progress events; cancelling stops whichever phase is running and drops what was staged.
import { IMPORT_CHUNK_BYTES, type Input, type Output } from '../../../src-main/ipc/contract';
import { ApiError, call, onEvent } from './client';
import { bytesToBase64 } from './files';

export interface ImportProgress {
  phase: 'sending' | 'reading';
  /** 0 to 1 over both phases: sending is the first half, reading the second. */
  fraction: number;
  current: string;
}

export type ImportPreview = Output<'import.run'>;
export type ImportOutcome = { jobId: string; preview: ImportPreview } | 'cancelled';
export type ImportChoices = Omit<Input<'import.convert'>, 'jobId'>;

/** The preview again with other choices (a source model, basis or memory basis per LPAR); the files stay read. */
export function convertImport(jobId: string, choices: ImportChoices): Promise<ImportPreview> {
  return call('import.convert', { jobId, ...choices });
}

/** Drops what an import read (after its workloads were added, or when the dialog closes). */
export function dropImport(jobId: string): void {
  void call('import.cancel', { jobId }).catch(() => undefined);
}

let counter = 0;

export async function importMeasurementFiles(
  files: readonly File[],
  choices: ImportChoices,
  onProgress: (progress: ImportProgress) => void,
  signal: AbortSignal,
): Promise<ImportOutcome> {
  const jobId = `import-${Date.now()}-${++counter}`;
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0) || 1;
  const cancel = () => void call('import.cancel', { jobId }).catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  const stop = onEvent((event) => {
    if (event.type === 'import.progress' && event.jobId === jobId) {
      onProgress({
        phase: 'reading',
        fraction: 0.5 + 0.5 * (event.bytesDone / Math.max(event.bytesTotal, 1)),
        current: event.current,
      });
    }
  });
  try {
    await call('import.begin', { jobId });
    let sent = 0;
    for (const [index, file] of files.entries()) {
      const name = file.webkitRelativePath || file.name;
      for (let offset = 0; offset < file.size || (offset === 0 && file.size === 0); offset += IMPORT_CHUNK_BYTES) {
        if (signal.aborted) return 'cancelled';
        const chunk = new Uint8Array(await file.slice(offset, offset + IMPORT_CHUNK_BYTES).arrayBuffer());
        await call('import.append', { jobId, file: index, name, contentBase64: bytesToBase64(chunk) });
        sent += chunk.length;
        onProgress({ phase: 'sending', fraction: 0.5 * (sent / totalBytes), current: name });
        if (file.size === 0) break;
      }
    }
    if (signal.aborted) return 'cancelled';
    return { jobId, preview: await call('import.run', { jobId, ...choices }) };
  } catch (error) {
    if (signal.aborted || (error instanceof ApiError && error.code === 'cancelled')) return 'cancelled';
    throw error;
  } finally {
    stop();
    signal.removeEventListener('abort', cancel);
  }
}
