import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LATEST_USER_VERSION,
  SHIPPED_DB_FILE,
  USER_DB_FILE,
  USER_MIGRATIONS,
  migrate,
  openCatalog,
} from '../../src-main/platform';
import { SqliteDatabase } from '../../src-main/platform/catalog-store/sqlite';
import { AppError } from '../../src-main/common';
import { resourcesDir, tempDir } from '../support/temp';

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof AppError)) throw new Error(`expected an AppError, got ${String(outcome)}`);
  return outcome;
}

describe('the SQLite catalog', () => {
  it('builds both databases from empty, in WAL mode, at the latest schema', async () => {
    const userDataDir = await tempDir();
    const catalog = await openCatalog({ resourcesDir, userDataDir });
    const info = await catalog.info();
    expect(info.catalogVersion).toBe('2026-11-25');
    expect(info.shippedModels).toBe(55);
    expect((await catalog.listModels({ generation: 'POWER10' })).every((model) => model.generation === 'POWER10')).toBe(
      true,
    );
    await catalog.close();
    const db = await SqliteDatabase.open(join(userDataDir, USER_DB_FILE), 'readonly');
    expect(await db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(await db.get('PRAGMA user_version')).toEqual({ user_version: LATEST_USER_VERSION });
    expect(
      (await db.all('SELECT version FROM schema_migrations ORDER BY version')).map(
        (row) => (row as { version: number }).version,
      ),
    ).toEqual(USER_MIGRATIONS.map((m) => m.version));
    await db.close();
  });

  it('migrates a user database of the previous version and keeps its data', async () => {
    const userDataDir = await tempDir();
    const path = join(userDataDir, USER_DB_FILE);
    const old = await SqliteDatabase.open(path, 'readwrite-create');
    await migrate(old, USER_MIGRATIONS, 1);
    await old.run(
      "INSERT INTO overrides (model_id, configuration_id, field, value, note, entered_at) VALUES ('9105-42A', '', 'pcieSlots', 10, 'from the seller', '2026-01-01T00:00:00Z')",
    );
    await old.close();
    const catalog = await openCatalog({ resourcesDir, userDataDir });
    const model = await catalog.getModel('9105-42A');
    expect(model?.pcieSlots).toEqual({
      value: 10,
      provenance: { kind: 'user', enteredAt: '2026-01-01T00:00:00Z', note: 'from the seller' },
    });
    expect(await catalog.listPrices()).toEqual([]);
    await catalog.close();
  });

  it('sets a damaged user database aside with its bytes intact, starts with an empty user layer and says so', async () => {
    const userDataDir = await tempDir();
    const path = join(userDataDir, USER_DB_FILE);
    const garbage = Buffer.from("this is not a database, but it is the user's file".repeat(200));
    await writeFile(path, garbage);
    const catalog = await openCatalog({ resourcesDir, userDataDir });
    const info = await catalog.info();
    expect(info.userModels).toBe(0);
    expect(info.notices).toHaveLength(1);
    expect(info.notices[0]).toMatch(
      /your catalog database was damaged .* it was kept as .*user-catalog\.sqlite\.damaged-/,
    );
    await catalog.setPrice({
      generation: 'POWER10',
      edition: 'Enterprise',
      currency: 'EUR',
      pricePerCore: 1,
      maintenancePerCorePerYear: 0,
    });
    await catalog.close();
    const kept = (await readdir(userDataDir)).filter((name) => name.startsWith(`${USER_DB_FILE}.damaged-`));
    expect(kept).toHaveLength(1);
    expect(Buffer.compare(await readFile(join(userDataDir, kept[0]!)), garbage)).toBe(0);
  });

  it('refuses a user database from a newer version without touching it', async () => {
    const userDataDir = await tempDir();
    const path = join(userDataDir, USER_DB_FILE);
    const newer = await SqliteDatabase.open(path, 'readwrite-create');
    await newer.exec(`CREATE TABLE future (x); PRAGMA user_version = ${LATEST_USER_VERSION + 5}`);
    await newer.close();
    const before = await readFile(path);
    const error = await failure(openCatalog({ resourcesDir, userDataDir }));
    expect(error.code).toBe('unsupported-version');
    expect(error.message).toContain('newer PowerVM Sizer');
    expect(Buffer.compare(await readFile(path), before)).toBe(0);
  });

  it('rebuilds a damaged shipped database, since it is derived data', async () => {
    const userDataDir = await tempDir();
    await writeFile(join(userDataDir, SHIPPED_DB_FILE), 'garbage');
    const catalog = await openCatalog({ resourcesDir, userDataDir });
    expect((await catalog.info()).shippedModels).toBe(55);
    await catalog.close();
  });

  it('keeps user figures when the shipped catalog changes version', async () => {
    const userDataDir = await tempDir();
    const first = await openCatalog({ resourcesDir, userDataDir });
    const configurationId = (await first.getModel('9105-42A'))!.configurations[0]!.id;
    await first.setOverride({
      modelId: '9105-42A',
      configurationId,
      field: 'cpw',
      value: 120000,
      note: 'IBM i sizing by the partner',
    });
    await first.close();
    const shipped = await SqliteDatabase.open(join(userDataDir, SHIPPED_DB_FILE), 'readwrite');
    await shipped.run("UPDATE meta SET value = 'an older catalog' WHERE key = 'fingerprint'");
    await shipped.close();
    const second = await openCatalog({ resourcesDir, userDataDir });
    const cpw = (await second.getModel('9105-42A'))!.configurations[0]!.cpw;
    expect(cpw?.value).toBe(120000);
    expect(cpw?.provenance.kind).toBe('user');
    await second.close();
  });

  it('exports the user layer and imports it into another installation', async () => {
    const source = await openCatalog({ resourcesDir, userDataDir: await tempDir() });
    await source.setOverride({ modelId: '9043-MRX', configurationId: null, field: 'maxMemoryGiB', value: 12288 });
    await source.setPrice({
      generation: 'POWER9',
      edition: 'Enterprise',
      currency: 'EUR',
      pricePerCore: 1000,
      maintenancePerCorePerYear: 200,
    });
    const exported = await source.exportUserData();
    await source.close();
    const target = await openCatalog({ resourcesDir, userDataDir: await tempDir() });
    expect(await target.importUserData(JSON.parse(JSON.stringify(exported)))).toEqual({
      overrides: 1,
      userModels: 0,
      prices: 1,
    });
    expect((await target.getModel('9043-MRX'))?.maxMemoryGiB?.value).toBe(12288);
    expect(await target.listPrices()).toEqual(exported.prices);
    await target.close();
  });

  it('imports nothing from a file with one bad record and names the record and field', async () => {
    const catalog = await openCatalog({ resourcesDir, userDataDir: await tempDir() });
    const file = {
      format: 'powervm-sizer-user-catalog',
      version: 1,
      overrides: [],
      userModels: [],
      prices: [
        {
          generation: 'POWER9',
          edition: 'Standard',
          currency: 'USD',
          pricePerCore: 500,
          maintenancePerCorePerYear: 100,
        },
        {
          generation: 'POWER9',
          edition: 'Enterprise',
          currency: 'USD',
          pricePerCore: -1,
          maintenancePerCorePerYear: 100,
        },
      ],
    };
    const error = await failure(catalog.importUserData(file));
    expect(error.code).toBe('invalid-file');
    expect(error.path).toBe('prices[1].pricePerCore');
    expect(await catalog.listPrices()).toEqual([]);
    await catalog.close();
  });

  it('refuses an override of a figure that belongs elsewhere, naming the field', async () => {
    const catalog = await openCatalog({ resourcesDir, userDataDir: await tempDir() });
    const error = await failure(
      catalog.setOverride({ modelId: '9105-42A', configurationId: null, field: 'rperf', value: 10 }),
    );
    expect(error.path).toBe('configurationId');
    await catalog.close();
  });
});
