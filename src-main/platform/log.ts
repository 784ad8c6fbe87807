// The app's log: one file in the data folder's logs/, appended to, so a failed start can point at its details.
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';

export function logPathOf(userDataDir: string): string {
  return join(userDataDir, 'logs', 'main.log');
}

/** Appends one entry (a stack when given an error); returns the log's path, or null when it cannot be written. */
export async function writeLog(userDataDir: string, what: string, error?: unknown): Promise<string | null> {
  const path = logPathOf(userDataDir);
  const detail = error instanceof Error ? (error.stack ?? error.message) : error === undefined ? '' : String(error);
  try {
    await mkdir(join(userDataDir, 'logs'), { recursive: true });
    await appendFile(path, `${new Date().toISOString()} ${what}${detail ? `\n${detail}` : ''}\n`);
    return path;
  } catch {
    return null;
  }
}
