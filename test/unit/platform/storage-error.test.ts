import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src-main/common';
import { storageError } from '../../../src-main/platform/catalog-store/sqlite';
import { tempDir } from '../../support/temp';

const sqliteError = (code: string) => Object.assign(new Error(`${code}: something`), { code });

describe('database failures as the user can act on them', () => {
  it('names another instance for a lock, a read-only folder, a full disk; never the raw SQLite code alone', async () => {
    const folder = await tempDir('pvs-db-');
    const path = `${folder}/user-catalog.sqlite`;
    const busy = await storageError(sqliteError('SQLITE_BUSY'), path);
    expect(busy.code).toBe('unavailable');
    expect(busy.message).toContain(`most likely another PowerVM Sizer open on the data folder ${folder}`);
    expect((await storageError(sqliteError('SQLITE_LOCKED'), path)).message).toContain('locked by another program');
    expect((await storageError(sqliteError('SQLITE_READONLY'), path)).message).toBe(
      `the data folder ${folder} is read-only, so ${path} cannot be written; give your account write access or choose another data folder`,
    );
    expect((await storageError(sqliteError('SQLITE_FULL'), path)).message).toContain('is full');
    expect((await storageError(sqliteError('SQLITE_CANTOPEN'), `/no/such/folder/x.sqlite`)).message).toMatch(
      /read-only|cannot open/,
    );
    expect((await storageError(sqliteError('SQLITE_CORRUPT'), path)).code).toBe('corrupt-database');
    const kept = new AppError('not-found', 'no model "x"');
    expect(await storageError(kept, path)).toBe(kept);
  });
});
