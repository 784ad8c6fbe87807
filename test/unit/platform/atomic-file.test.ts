import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlanWorkspace } from '../../../src-main/platform';
import { fileWriteError, removeStaleTemporaries, writeFileAtomic } from '../../../src-main/platform/atomic-file';
import { tempDir } from '../../support/temp';

const old = new Date(Date.now() - 3_600_000);

async function leftover(folder: string, target: string, hex: string, aged = true): Promise<string> {
  const file = join(folder, `.${target}.${hex}.tmp`);
  await writeFile(file, 'half a plan');
  if (aged) await utimes(file, old, old);
  return file;
}

describe('temporaries of interrupted saves', () => {
  it('are removed by the next save of the same file; a fresh one and other files are left alone', async () => {
    const folder = await tempDir('pvs-atomic-');
    await leftover(folder, 'bank.pvsplan', 'aaaaaaaaaaaa');
    await leftover(folder, 'bank.pvsplan', 'bbbbbbbbbbbb');
    await leftover(folder, 'bank.pvsplan', 'cccccccccccc', false);
    await leftover(folder, 'other.pvsplan', 'dddddddddddd');
    await writeFile(join(folder, 'notes.tmp'), 'the user’s own');
    await writeFileAtomic(join(folder, 'bank.pvsplan'), '{}');
    expect((await readdir(folder)).sort()).toEqual([
      '.bank.pvsplan.cccccccccccc.tmp',
      '.other.pvsplan.dddddddddddd.tmp',
      'bank.pvsplan',
      'notes.tmp',
    ]);
  });

  it('are removed at start beside the draft and the recent plans', async () => {
    const data = await tempDir('pvs-data-');
    const plans = await tempDir('pvs-plans-');
    const workspace = new PlanWorkspace(data);
    await workspace.remember(join(plans, 'bank.pvsplan'), 'Bank');
    await mkdir(join(data, 'autosave'), { recursive: true });
    await leftover(join(data, 'autosave'), 'draft.json', '0123456789ab');
    await leftover(plans, 'bank.pvsplan', 'abcdefabcdef');
    expect(await workspace.removeInterruptedSaves()).toBe(2);
    expect(await readdir(plans)).toEqual([]);
    expect(await removeStaleTemporaries(join(plans, 'bank.pvsplan'))).toBe(0);
  });
});

describe('a failed write', () => {
  it('names the cause and the remedy', () => {
    const error = (code: string) => Object.assign(new Error(`${code}: failed`), { code });
    expect(fileWriteError(error('ENOSPC'), '/data/autosave/draft.json').message).toBe(
      'cannot write /data/autosave/draft.json: the disk is full; free some space and try again',
    );
    expect(fileWriteError(error('EROFS'), '/data/x.json').message).toMatch(/the folder \/data is read-only/);
    expect(fileWriteError(error('EACCES'), '/data/x.json').message).toMatch(/read-only or not yours/);
  });

  it('into a read-only folder is refused with that message and leaves no temporary', async () => {
    if (process.getuid?.() === 0) return; // root writes anywhere; the permission cannot be tested as root
    const folder = await tempDir('pvs-ro-');
    const { chmod } = await import('node:fs/promises');
    await chmod(folder, 0o500);
    try {
      await expect(writeFileAtomic(join(folder, 'plan.pvsplan'), '{}')).rejects.toThrow(/read-only or not yours/);
    } finally {
      await chmod(folder, 0o700);
    }
    expect(await readdir(folder)).toEqual([]);
  });
});
