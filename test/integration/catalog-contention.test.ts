// Database trouble as the user meets it: another process holding the lock, a damaged record, writes at once.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { USER_DB_FILE, openCatalog } from '../../src-main/platform';
import { SqliteDatabase } from '../../src-main/platform/catalog-store/sqlite';
import { AppError } from '../../src-main/common';
import { repoRoot } from '../support/browser-app';
import { resourcesDir, tempDir } from '../support/temp';

const price = (edition: string, pricePerCore: number) => ({
  generation: 'POWER10' as const,
  edition,
  currency: 'EUR',
  pricePerCore,
  maintenancePerCorePerYear: 0,
});
const FAST = { busyTimeoutMs: 100, busyRetries: 2 };

/** Another process (as another app instance would) holding an exclusive lock on the user database until told to stop. */
function holdLock(path: string): Promise<ChildProcess> {
  const script = `
    const sqlite3 = require('sqlite3');
    const db = new sqlite3.Database(process.argv[1]);
    db.exec('PRAGMA journal_mode = WAL; BEGIN EXCLUSIVE; INSERT INTO prices VALUES (\\'POWER9\\', \\'held\\', \\'EUR\\', 1, 0);', (error) => {
      if (error) { console.error(error.message); process.exit(1); }
      process.stdout.write('locked\\n');
    });
    process.stdin.on('data', () => db.exec('COMMIT', () => db.close(() => process.exit(0))));`;
  const child = spawn(process.execPath, ['-e', script, path], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`the lock holder exited with ${code}`)));
  });
}

describe('the catalog database under contention', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill();
  });

  it('names another instance on this data folder when a lock is held, and loses nothing once it is released', async () => {
    const userDataDir = await tempDir();
    const catalog = await openCatalog({ resourcesDir, userDataDir, sqlite: FAST });
    await catalog.setPrice(price('Enterprise', 100));
    const holder = await holdLock(join(userDataDir, USER_DB_FILE));
    children.push(holder);
    const error = await catalog.setPrice(price('Standard', 50)).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unavailable');
    expect((error as AppError).message).toContain('most likely another PowerVM Sizer open on the data folder');
    expect((error as AppError).message).not.toMatch(/SQLITE_BUSY/);
    holder.stdin!.write('release\n');
    await new Promise((resolve) => holder.once('exit', resolve));
    await catalog.setPrice(price('Standard', 50));
    expect((await catalog.listPrices()).map((each) => each.edition).sort()).toEqual(['Enterprise', 'Standard', 'held']);
    await catalog.close();
  });

  it('waits out a short lock instead of failing', async () => {
    const userDataDir = await tempDir();
    const catalog = await openCatalog({ resourcesDir, userDataDir, sqlite: { busyTimeoutMs: 100, busyRetries: 6 } });
    const holder = await holdLock(join(userDataDir, USER_DB_FILE));
    children.push(holder);
    setTimeout(() => holder.stdin!.write('release\n'), 300);
    await catalog.setPrice(price('Standard', 50));
    expect((await catalog.listPrices()).map((each) => each.edition).sort()).toEqual(['Standard', 'held']);
    await catalog.close();
  });

  it('serialises concurrent writes: no transaction within a transaction, every write lands', async () => {
    const catalog = await openCatalog({ resourcesDir, userDataDir: await tempDir() });
    const file = (index: number) => ({
      format: 'powervm-sizer-user-catalog',
      version: 1,
      overrides: [],
      userModels: [],
      prices: [price(`E${index}`, index)],
    });
    await Promise.all([
      ...Array.from({ length: 10 }, (_, index) => catalog.importUserData(file(index))),
      ...Array.from({ length: 10 }, (_, index) => catalog.setPrice(price(`S${index}`, index))),
      catalog.deleteUserModel('none'),
    ]);
    expect(await catalog.listPrices()).toHaveLength(20);
    await catalog.close();
  });

  it('leaves one damaged user model out of every listing and sizing, and says so', async () => {
    const userDataDir = await tempDir();
    const catalog = await openCatalog({ resourcesDir, userDataDir });
    const models = (await catalog.snapshot()).models.length;
    await catalog.close();
    const db = await SqliteDatabase.open(join(userDataDir, USER_DB_FILE), 'readwrite');
    await db.run("INSERT INTO user_models (id, record, updated_at) VALUES ('broken', '{not json', '2026-12-01')");
    await db.close();
    const reopened = await openCatalog({ resourcesDir, userDataDir });
    const snapshot = await reopened.snapshot();
    expect(snapshot.models.length).toBe(models);
    expect(reopened.notices()).toEqual([expect.stringMatching(/^user model broken in .* is damaged and was left out/)]);
    expect((await reopened.info()).notices).toHaveLength(1);
    await reopened.close();
  });
});
