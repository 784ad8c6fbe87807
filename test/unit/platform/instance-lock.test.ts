import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE, acquireInstanceLock } from '../../../src-main/platform/instance-lock';
import { tempDir } from '../../support/temp';

describe('one app per data folder', () => {
  it('refuses a second instance, naming the process and the remedy, and frees the folder on release', async () => {
    const folder = await tempDir('pvs-lock-');
    const first = await acquireInstanceLock(folder);
    // The parent of this test process stands for another running instance.
    await expect(acquireInstanceLock(folder, process.ppid)).rejects.toThrow(
      new RegExp(`another PowerVM Sizer \\(process ${process.pid}\\) is already using the data folder`),
    );
    await first.release();
    const second = await acquireInstanceLock(folder, process.ppid);
    expect((await readFile(join(folder, LOCK_FILE), 'utf8')).trim()).toBe(String(process.ppid));
    await second.release();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const folder = await tempDir('pvs-lock-');
    await writeFile(join(folder, LOCK_FILE), '99999999\n');
    const lock = await acquireInstanceLock(folder);
    expect((await readFile(lock.path, 'utf8')).trim()).toBe(String(process.pid));
    await lock.release();
  });
});
