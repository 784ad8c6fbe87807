// The SQLite catalog: a shipped database derived from resources/catalog (rebuilt when the shipped data changes)
// and the user database (custom models, user-entered figures, prices), which upgrades never lose.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, formatMessage, msg, parseOrThrow } from '../../common';
import { LATEST_USER_VERSION, migrate, schemaVersion } from './migrations';
import {
  type CatalogService,
  Edition,
  type Figure,
  FigureOverride,
  type Generation,
  type ModelQuery,
  type OverridableField,
  PriceEntry,
  ServerModel,
  type ShippedCatalog,
  USER_CATALOG_FORMAT,
  UserCatalogFile,
} from '../../catalog';
import { readShippedCatalog, shippedCatalogPath } from './shipped';
import { type SqliteOptions, SqliteDatabase, isCorruptionError, storageError } from './sqlite';

export interface OpenCatalogOptions {
  /** Folder holding catalog/catalog.json (the shipped data). */
  resourcesDir: string;
  /** Folder for the SQLite files (the user data folder). */
  userDataDir: string;
  /** Busy timeout and retries (tests shorten them). */
  sqlite?: SqliteOptions;
}

export const SHIPPED_DB_FILE = 'catalog.sqlite';
export const USER_DB_FILE = 'user-catalog.sqlite';
const SHIPPED_SCHEMA_VERSION = 1;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Checks a database file without writing to it: readable, intact, and not from a newer version. */
async function inspect(path: string): Promise<{ version: number }> {
  let db: SqliteDatabase | null = null;
  try {
    db = await SqliteDatabase.open(path, 'readonly');
    const check = await db.all<{ integrity_check: string }>('PRAGMA integrity_check');
    const verdict = check.map((row) => row.integrity_check).join('; ');
    if (verdict !== 'ok')
      throw new AppError('corrupt-database', `${path} is damaged (${verdict}); it was left untouched`);
    return { version: await schemaVersion(db) };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isCorruptionError(error)) {
      throw new AppError(
        'corrupt-database',
        `${path} is not a readable PowerVM Sizer database (${(error as Error).message}); it was left untouched`,
      );
    }
    throw error;
  } finally {
    await db?.close();
  }
}

async function openReadWrite(path: string, options: SqliteOptions = {}): Promise<SqliteDatabase> {
  let db: SqliteDatabase | null = null;
  try {
    db = await SqliteDatabase.open(path, 'readwrite-create', options);
    await db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;');
    return db;
  } catch (error) {
    await db?.close().catch(() => undefined);
    throw await storageError(error, path);
  }
}

/** The damaged file and its journal moved aside, never deleted: `user-catalog.sqlite.damaged-2026-12-03T08-00-00`. */
async function setAside(path: string, now = new Date()): Promise<string> {
  const kept = `${path}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, kept);
  for (const suffix of ['-wal', '-shm']) await rename(`${path}${suffix}`, `${kept}${suffix}`).catch(() => undefined);
  return kept;
}

/**
 * Opens (creating or migrating) the user database. A newer file is reported and never touched. A damaged one is
 * set aside under another name and the app starts with an empty user layer, saying so in `notice`.
 */
export async function openUserDatabase(
  path: string,
  options: SqliteOptions = {},
): Promise<{ db: SqliteDatabase; notice: string | null }> {
  let notice: string | null = null;
  if (await exists(path)) {
    try {
      const { version } = await inspect(path);
      if (version > LATEST_USER_VERSION) {
        throw new AppError(
          'unsupported-version',
          `${path} was written by a newer PowerVM Sizer (schema ${version}; this version knows up to ${LATEST_USER_VERSION}); it was left untouched`,
        );
      }
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'corrupt-database'))
        throw error instanceof AppError ? error : await storageError(error, path);
      const kept = await setAside(path).catch(async (renameError: unknown) => {
        throw await storageError(renameError, path);
      });
      notice = formatMessage(msg('harden.db-set-aside', { reason: error.message, kept }), 'en');
    }
  }
  const db = await openReadWrite(path, options);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return { db, notice };
}

/** The shipped database is derived data: rebuilt from the seed when missing, damaged or of another version. */
async function openShippedDatabase(
  path: string,
  catalog: ShippedCatalog,
  fingerprint: string,
  options: SqliteOptions = {},
): Promise<SqliteDatabase> {
  if (await exists(path)) {
    const usable = await inspect(path).then(
      () => true,
      () => false,
    );
    if (usable) {
      const db = await openReadWrite(path, options);
      // Rebuilt when the shipped data changes at all, not only when its version is bumped.
      const row = await db
        .get<{ value: string }>("SELECT value FROM meta WHERE key = 'fingerprint'")
        .catch(() => undefined);
      const schema = await schemaVersion(db);
      if (row?.value === fingerprint && schema === SHIPPED_SCHEMA_VERSION) return db;
      await db.close();
    }
    // Keep the old file aside rather than deleting it, in case someone wants to look at it.
    await rename(path, `${path}.old`).catch(() => undefined);
    for (const suffix of ['-wal', '-shm'])
      await rename(`${path}${suffix}`, `${path}.old${suffix}`).catch(() => undefined);
  }
  const db = await openReadWrite(path, options);
  await db.transaction(async () => {
    await db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE models (id TEXT PRIMARY KEY, machine_type_model TEXT, name TEXT NOT NULL, generation TEXT NOT NULL,
        class TEXT NOT NULL, role TEXT NOT NULL, record TEXT NOT NULL);
      CREATE INDEX models_generation ON models (generation);
      CREATE TABLE editions (generation TEXT NOT NULL, name TEXT NOT NULL, scope TEXT NOT NULL, record TEXT NOT NULL,
        PRIMARY KEY (generation, name, scope));
      CREATE TABLE documents (name TEXT PRIMARY KEY, record TEXT NOT NULL);`);
    await db.insertMany(
      'meta',
      ['key', 'value'],
      [
        ['catalogVersion', catalog.catalogVersion],
        ['fingerprint', fingerprint],
      ],
    );
    await db.insertMany(
      'models',
      ['id', 'machine_type_model', 'name', 'generation', 'class', 'role', 'record'],
      catalog.models.map((model) => [
        model.id,
        model.machineTypeModel,
        model.name,
        model.generation,
        model.class,
        model.role,
        JSON.stringify(model),
      ]),
    );
    // An edition IBM published for named models (E950/E980 Enterprise included) sits beside the generation's own entry.
    await db.insertMany(
      'editions',
      ['generation', 'name', 'scope', 'record'],
      catalog.editions.map((edition) => [
        edition.generation,
        edition.name,
        edition.models?.join(',') ?? '',
        JSON.stringify(edition),
      ]),
    );
    await db.insertMany(
      'documents',
      ['name', 'record'],
      [
        ['features', JSON.stringify(catalog.features)],
        ['viosMinimums', JSON.stringify(catalog.viosMinimums)],
        ['generationNotes', JSON.stringify(catalog.generationNotes)],
      ],
    );
    await db.exec(`PRAGMA user_version = ${SHIPPED_SCHEMA_VERSION}`);
  });
  return db;
}

interface OverrideRow {
  model_id: string;
  configuration_id: string;
  field: OverridableField;
  value: number;
  note: string | null;
  entered_at: string;
}

function userFigure(row: OverrideRow): Figure {
  return {
    value: row.value,
    provenance: { kind: 'user', enteredAt: row.entered_at, ...(row.note ? { note: row.note } : {}) },
  };
}

function applyOverrides(model: ServerModel, rows: OverrideRow[]): ServerModel {
  const mine = rows.filter((row) => row.model_id === model.id);
  if (mine.length === 0) return model;
  const merged: ServerModel = structuredClone(model);
  for (const row of mine) {
    if (row.configuration_id === '') {
      if (row.field === 'maxMemoryGiB' || row.field === 'pcieSlots' || row.field === 'maxPartitions')
        merged[row.field] = userFigure(row);
    } else {
      const configuration = merged.configurations.find((each) => each.id === row.configuration_id);
      if (configuration && (row.field === 'rperf' || row.field === 'cpw')) configuration[row.field] = userFigure(row);
    }
  }
  return merged;
}

function matches(model: ServerModel, query: ModelQuery): boolean {
  if (query.generation && model.generation !== query.generation) return false;
  if (query.class && model.class !== query.class) return false;
  if (query.role && model.role !== query.role) return false;
  if (query.os && !(model.supportedOS ?? []).includes(query.os)) return false;
  if (query.search) {
    const needle = query.search.trim().toLowerCase();
    const haystack = `${model.name} ${model.machineTypeModel ?? ''} ${model.generation} ${model.class}`.toLowerCase();
    if (needle && !haystack.includes(needle)) return false;
  }
  return true;
}

export async function openCatalog(options: OpenCatalogOptions): Promise<CatalogService> {
  const shipped = await readShippedCatalog(options.resourcesDir);
  const fingerprint = createHash('sha256')
    .update(await readFile(shippedCatalogPath(options.resourcesDir)))
    .digest('hex');
  const shippedPath = join(options.userDataDir, SHIPPED_DB_FILE);
  const userPath = join(options.userDataDir, USER_DB_FILE);
  await mkdir(options.userDataDir, { recursive: true }).catch(async (error: unknown) => {
    throw await storageError(error, userPath);
  });
  const opened = await openUserDatabase(userPath, options.sqlite);
  const user = opened.db;
  /** What the user is told about the catalog: a damaged file set aside, records left out. */
  const notices = new Set<string>(opened.notice ? [opened.notice] : []);
  let shippedDb: SqliteDatabase;
  try {
    shippedDb = await openShippedDatabase(shippedPath, shipped, fingerprint, options.sqlite);
  } catch (error) {
    await user.close();
    throw error;
  }

  const readDocument = async <T>(name: string): Promise<T> => {
    const row = await shippedDb.get<{ record: string }>('SELECT record FROM documents WHERE name = ?', [name]);
    if (!row) throw new AppError('corrupt-database', `${shippedPath} lacks its ${name}; delete the file to rebuild it`);
    return JSON.parse(row.record) as T;
  };
  const overrides = () => user.all<OverrideRow>('SELECT * FROM overrides');
  const shippedModels = async (query: ModelQuery): Promise<ServerModel[]> => {
    const clauses: string[] = [];
    const params: string[] = [];
    for (const [column, value] of [
      ['generation', query.generation],
      ['class', query.class],
      ['role', query.role],
    ] as const) {
      if (value === undefined) continue;
      clauses.push(`${column} = ?`);
      params.push(value);
    }
    const rows = await shippedDb.all<{ record: string }>(
      `SELECT record FROM models ${clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''} ORDER BY generation DESC, name`,
      params,
    );
    return rows.map((row) => parseOrThrow(ServerModel, JSON.parse(row.record), 'corrupt-database', 'models'));
  };
  // One damaged record is left out and said, never allowed to break every listing and every sizing.
  const userModels = async (): Promise<ServerModel[]> => {
    const models: ServerModel[] = [];
    for (const row of await user.all<{ id: string; record: string }>(
      'SELECT id, record FROM user_models ORDER BY id',
    )) {
      try {
        models.push(parseOrThrow(ServerModel, JSON.parse(row.record), 'corrupt-database', 'user_models'));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        notices.add(formatMessage(msg('harden.db-bad-record', { id: row.id, path: userPath, reason }), 'en'));
      }
    }
    return models;
  };
  const listPrices = async (): Promise<PriceEntry[]> =>
    (
      await user.all<{
        generation: string;
        edition: string;
        currency: string;
        price_per_core: number;
        maintenance_per_core_per_year: number;
      }>('SELECT * FROM prices ORDER BY generation, edition')
    ).map((row) =>
      PriceEntry.parse({
        generation: row.generation,
        edition: row.edition,
        currency: row.currency,
        pricePerCore: row.price_per_core,
        maintenancePerCorePerYear: row.maintenance_per_core_per_year,
      }),
    );

  const service: CatalogService = {
    notices: () => [...notices],
    async info() {
      const counts = await user.get<{ models: number; overrides: number; prices: number }>(
        'SELECT (SELECT COUNT(*) FROM user_models) AS models, (SELECT COUNT(*) FROM overrides) AS overrides, (SELECT COUNT(*) FROM prices) AS prices',
      );
      return {
        catalogVersion: shipped.catalogVersion,
        shippedModels: shipped.models.length,
        userModels: counts?.models ?? 0,
        userOverrides: counts?.overrides ?? 0,
        prices: counts?.prices ?? 0,
        shippedDatabasePath: shippedPath,
        userDatabasePath: userPath,
        generationNotes: await readDocument('generationNotes'),
        notices: [...notices],
      };
    },
    async listModels(query = {}) {
      const rows = await overrides();
      const all = [...(await shippedModels(query)), ...(await userModels())];
      return all.filter((model) => matches(model, query)).map((model) => applyOverrides(model, rows));
    },
    async getModel(id) {
      const models = await service.listModels({});
      return models.find((model) => model.id === id) ?? null;
    },
    async listEditions(generation?: Generation) {
      const rows = await shippedDb.all<{ record: string }>(
        `SELECT record FROM editions ${generation ? 'WHERE generation = ?' : ''} ORDER BY generation, rowid`,
        generation ? [generation] : [],
      );
      return rows.map((row) => parseOrThrow(Edition, JSON.parse(row.record), 'corrupt-database', 'editions'));
    },
    listFeatures: () => readDocument('features'),
    listViosMinimums: () => readDocument('viosMinimums'),
    listPrices,
    async snapshot() {
      return {
        catalogVersion: shipped.catalogVersion,
        models: await service.listModels({}),
        editions: await service.listEditions(),
        viosMinimums: await service.listViosMinimums(),
        prices: await listPrices(),
      };
    },
    async setOverride(input) {
      const override = parseOrThrow(FigureOverride, { ...input, enteredAt: new Date().toISOString() });
      const model = await service.getModel(override.modelId);
      if (!model) throw new AppError('not-found', `no model "${override.modelId}" in the catalog`, 'modelId');
      if (
        override.configurationId !== null &&
        !model.configurations.some((each) => each.id === override.configurationId)
      ) {
        throw new AppError(
          'not-found',
          `model ${model.name} has no configuration "${override.configurationId}"`,
          'configurationId',
        );
      }
      await user.run(
        `INSERT INTO overrides (model_id, configuration_id, field, value, note, entered_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (model_id, configuration_id, field) DO UPDATE SET value = excluded.value, note = excluded.note, entered_at = excluded.entered_at`,
        [
          override.modelId,
          override.configurationId ?? '',
          override.field,
          override.value,
          override.note ?? null,
          override.enteredAt,
        ],
      );
      return (await service.getModel(override.modelId)) as ServerModel;
    },
    async removeOverride({ modelId, configurationId, field }) {
      await user.run('DELETE FROM overrides WHERE model_id = ? AND configuration_id = ? AND field = ?', [
        modelId,
        configurationId ?? '',
        field,
      ]);
      const model = await service.getModel(modelId);
      if (!model) throw new AppError('not-found', `no model "${modelId}" in the catalog`, 'modelId');
      return model;
    },
    async saveUserModel(input) {
      const model = parseOrThrow(ServerModel, { ...input, origin: 'user' });
      if (shipped.models.some((each) => each.id === model.id)) {
        throw new AppError(
          'conflict',
          `"${model.id}" is a shipped model; enter its missing figures as overrides instead`,
          'id',
        );
      }
      await user.run(
        'INSERT INTO user_models (id, record, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET record = excluded.record, updated_at = excluded.updated_at',
        [model.id, JSON.stringify(model), new Date().toISOString()],
      );
      return model;
    },
    async deleteUserModel(id) {
      await user.transaction(async () => {
        await user.run('DELETE FROM user_models WHERE id = ?', [id]);
        await user.run('DELETE FROM overrides WHERE model_id = ?', [id]);
      });
    },
    async setPrice(input) {
      const price = parseOrThrow(PriceEntry, input);
      await user.run(
        `INSERT INTO prices (generation, edition, currency, price_per_core, maintenance_per_core_per_year) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (generation, edition) DO UPDATE SET currency = excluded.currency, price_per_core = excluded.price_per_core,
         maintenance_per_core_per_year = excluded.maintenance_per_core_per_year`,
        [price.generation, price.edition, price.currency, price.pricePerCore, price.maintenancePerCorePerYear],
      );
      return listPrices();
    },
    async deletePrice({ generation, edition }) {
      await user.run('DELETE FROM prices WHERE generation = ? AND edition = ?', [generation, edition]);
      return listPrices();
    },
    async exportUserData() {
      const rows = await overrides();
      return {
        format: USER_CATALOG_FORMAT,
        version: 1,
        exportedAt: new Date().toISOString(),
        overrides: rows.map((row) => ({
          modelId: row.model_id,
          configurationId: row.configuration_id === '' ? null : row.configuration_id,
          field: row.field,
          value: row.value,
          ...(row.note ? { note: row.note } : {}),
          enteredAt: row.entered_at,
        })),
        userModels: await userModels(),
        prices: await listPrices(),
      };
    },
    async importUserData(raw) {
      const file = parseOrThrow(UserCatalogFile, raw, 'invalid-file');
      const knownIds = new Set([
        ...shipped.models.map((model) => model.id),
        ...file.userModels.map((model) => model.id),
        ...(await userModels()).map((m) => m.id),
      ]);
      file.overrides.forEach((override, index) => {
        if (!knownIds.has(override.modelId))
          throw new AppError(
            'invalid-file',
            `overrides[${index}].modelId: no model "${override.modelId}" in the catalog`,
            `overrides[${index}].modelId`,
          );
      });
      file.userModels.forEach((model, index) => {
        if (shipped.models.some((each) => each.id === model.id)) {
          throw new AppError(
            'invalid-file',
            `userModels[${index}].id: "${model.id}" is a shipped model`,
            `userModels[${index}].id`,
          );
        }
      });
      await user.transaction(async () => {
        for (const override of file.overrides) {
          await user.run(
            `INSERT INTO overrides (model_id, configuration_id, field, value, note, entered_at) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (model_id, configuration_id, field) DO UPDATE SET value = excluded.value, note = excluded.note, entered_at = excluded.entered_at`,
            [
              override.modelId,
              override.configurationId ?? '',
              override.field,
              override.value,
              override.note ?? null,
              override.enteredAt,
            ],
          );
        }
        for (const model of file.userModels) {
          await user.run(
            'INSERT INTO user_models (id, record, updated_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET record = excluded.record, updated_at = excluded.updated_at',
            [model.id, JSON.stringify(model), new Date().toISOString()],
          );
        }
        for (const price of file.prices) {
          await user.run(
            `INSERT INTO prices (generation, edition, currency, price_per_core, maintenance_per_core_per_year) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (generation, edition) DO UPDATE SET currency = excluded.currency, price_per_core = excluded.price_per_core,
             maintenance_per_core_per_year = excluded.maintenance_per_core_per_year`,
            [price.generation, price.edition, price.currency, price.pricePerCore, price.maintenancePerCorePerYear],
          );
        }
      });
      return { overrides: file.overrides.length, userModels: file.userModels.length, prices: file.prices.length };
    },
    async close() {
      await Promise.all([user.close(), shippedDb.close()]);
    },
  };
  return withStorageErrors(service, userPath);
}

/** Every failure of the service said as the user can act on it (another instance, read-only folder, full disk). */
function withStorageErrors(service: CatalogService, path: string): CatalogService {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, member] of Object.entries(service)) {
    if (typeof member !== 'function') continue;
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await (member as (...input: unknown[]) => unknown).apply(service, args);
      } catch (error) {
        throw await storageError(error, path);
      }
    };
  }
  wrapped.notices = service.notices;
  return wrapped as unknown as CatalogService;
}
