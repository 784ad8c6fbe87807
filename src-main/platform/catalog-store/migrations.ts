// Named, ordered migrations of the user database, each applied in its own transaction and recorded.
// A failure stops and reports; it never carries on with half a schema.
import { AppError } from '../../common';
import { type SqliteDatabase, storageError } from './sqlite';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const USER_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'overrides and user models',
    sql: `
      CREATE TABLE overrides (
        model_id TEXT NOT NULL,
        configuration_id TEXT NOT NULL DEFAULT '',
        field TEXT NOT NULL,
        value REAL NOT NULL CHECK (value > 0),
        note TEXT,
        entered_at TEXT NOT NULL,
        PRIMARY KEY (model_id, configuration_id, field)
      );
      CREATE TABLE user_models (
        id TEXT PRIMARY KEY,
        record TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );`,
  },
  {
    version: 2,
    name: 'licence prices',
    sql: `
      CREATE TABLE prices (
        generation TEXT NOT NULL,
        edition TEXT NOT NULL,
        currency TEXT NOT NULL,
        price_per_core REAL NOT NULL CHECK (price_per_core >= 0),
        maintenance_per_core_per_year REAL NOT NULL CHECK (maintenance_per_core_per_year >= 0),
        PRIMARY KEY (generation, edition)
      );`,
  },
];

export const LATEST_USER_VERSION = USER_MIGRATIONS[USER_MIGRATIONS.length - 1]?.version ?? 0;

export async function schemaVersion(db: SqliteDatabase): Promise<number> {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version');
  return row?.user_version ?? 0;
}

/** Brings the database up to `target` (default: the latest). Returns the versions applied. */
export async function migrate(
  db: SqliteDatabase,
  migrations: readonly Migration[] = USER_MIGRATIONS,
  target = LATEST_USER_VERSION,
): Promise<number[]> {
  await db.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
  const current = await schemaVersion(db);
  const known = migrations[migrations.length - 1]?.version ?? 0;
  if (current > known) {
    throw new AppError(
      'unsupported-version',
      `${db.path} was written by a newer PowerVM Sizer (schema ${current}; this version knows up to ${known}); it was left untouched`,
    );
  }
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue;
    try {
      await db.transaction(async () => {
        await db.exec(migration.sql);
        await db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
        await db.exec(`PRAGMA user_version = ${migration.version}`);
      });
    } catch (error) {
      const said = await storageError(error, db.path);
      if (said.code === 'unavailable') throw said; // busy, read-only, full: the cause and the remedy, not the migration
      throw new AppError(
        'internal',
        `migration ${migration.version} (${migration.name}) of ${db.path} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    applied.push(migration.version);
  }
  return applied;
}
