// Files are written atomically: a temporary file beside the target, flushed, then renamed over it,
// so a crash or a full disk never leaves the user with half a file. The temporaries a killed write leaves behind
// are removed by the next write of the same file and at the next start (for the files the app knows).
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError, formatMessage, msg } from '../common';

const TEMPORARY_SUFFIX = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

/** `.plan.pvsplan.1a2b3c4d5e6f.tmp` beside `plan.pvsplan`. */
export function temporaryNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Removes the temporaries an interrupted write of `path` left beside it. Only files older than `olderThanMs` go, so
 * a write in progress (another window, another process) is never pulled from under it. Returns how many went.
 */
export async function removeStaleTemporaries(path: string, olderThanMs = 60_000, now = Date.now()): Promise<number> {
  const folder = dirname(path);
  const target = basename(path);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (TEMPORARY_SUFFIX.exec(name)?.[1] !== target) continue;
    const file = join(folder, name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || now - info.mtimeMs < olderThanMs) continue;
    await rm(file, { force: true }).then(
      () => (removed += 1),
      () => undefined,
    );
  }
  return removed;
}

/** A write that failed, said with its cause and what to do: a full disk, a read-only folder, a missing folder. */
export function fileWriteError(error: unknown, path: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const messageCode =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'harden.write-disk-full'
      : code === 'EROFS' || code === 'EACCES' || code === 'EPERM'
        ? 'harden.write-read-only'
        : code === 'ENOENT' || code === 'ENOTDIR'
          ? 'harden.write-no-folder'
          : 'harden.write-failed';
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError(
    code === 'ENOENT' ? 'not-found' : 'unavailable',
    formatMessage(msg(messageCode, { path, folder: dirname(path), reason }), 'en'),
    'path',
  );
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await removeStaleTemporaries(path);
  const temporary = temporaryNameFor(path);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } catch (error) {
      await handle.close().catch(() => undefined);
      await rm(temporary, { force: true });
      throw error;
    }
    await handle.close();
    try {
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  } catch (error) {
    throw fileWriteError(error, path);
  }
}

/**
 * A damaged file moved aside, never deleted, so someone can still look at it: `draft.json.damaged-2026-12-03T08-00-00-000Z`.
 * Companions (a database's `-wal` and `-shm`) move with it when they exist. Returns the new name.
 */
export async function setAside(path: string, companions: readonly string[] = [], now = new Date()): Promise<string> {
  const kept = `${path}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, kept);
  for (const suffix of companions) await rename(`${path}${suffix}`, `${kept}${suffix}`).catch(() => undefined);
  return kept;
}
