// One running app per data folder: a lock file holding the owner's process id. The desktop app also takes
// Electron's own single-instance lock; this file covers the browser mode (`serve`) and a desktop app and a
// server started on the same folder. A lock left by a process that no longer runs is taken over.
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, formatMessage, msg } from '../common';

export const LOCK_FILE = 'instance.lock';

export interface InstanceLock {
  path: string;
  release(): Promise<void>;
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the data folder's lock or fails naming the process that holds it and what to do. */
export async function acquireInstanceLock(folder: string, pid = process.pid): Promise<InstanceLock> {
  const path = join(folder, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${pid}\n`);
      await handle.close();
      return {
        path,
        async release() {
          const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
          if (owner === pid) await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (owner !== pid && isRunning(owner)) {
        throw new AppError(
          'conflict',
          formatMessage(msg('harden.instance-running', { pid: String(owner), folder }), 'en'),
        );
      }
      // Left by a process that ended without releasing it (a crash, a kill): take it over.
      await rm(path, { force: true });
    }
  }
  throw new AppError('conflict', formatMessage(msg('harden.instance-running', { pid: '?', folder }), 'en'));
}
