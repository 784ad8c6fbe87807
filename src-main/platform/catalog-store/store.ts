// The SQLite catalog: a shipped database derived from resources/catalog (rebuilt when the shipped data changes)
// and the user database (custom models, user-entered figures, prices), which upgrades never lose.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, formatMessage, msg, parseOrThrow } from '../../common';
import { LATEST_USER_VERSION, migrate, schemaVersion } from './migrations';
import {
  type CatalogInfo,
  type CatalogService,
  Edition,
  type FeatureInfo,
  FigureOverride,
  type Generation,
  type ModelQuery,
  PriceEntry,
  ServerModel,
  type ShippedCatalog,
  USER_CATALOG_FORMAT,
  UserCatalogFile,
  type ViosMinimum,
} from '../../catalog';
import { setAside } from '../atomic-file';
import { readShippedCatalog, shippedCatalogPath } from './shipped';
import { type SqliteOptions, SqliteDatabase, isCorruptionError, storageError } from './sqlite';
import {
  applyOverrides,
  overrideRecord,
  readOverrides,
  readPrices,
  readUserModels,
  upsertOverride,
  upsertPrice,
  upsertUserModel,
} from './user-tables';

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
      const kept = await setAside(path, ['-wal', '-shm']).catch(async (renameError: unknown) => {
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

/** The shipped data as tables: models and editions indexed for the catalog view, the rest as documents. */
async function fillShippedDatabase(db: SqliteDatabase, catalog: ShippedCatalog, fingerprint: string): Promise<void> {
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
  await db.transaction(() => fillShippedDatabase(db, catalog, fingerprint));
  return db;
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

/** The two open databases of a catalog, the shipped data they came from, and what the user is told about them. */
interface CatalogFiles {
  shipped: ShippedCatalog;
  shippedDb: SqliteDatabase;
  shippedPath: string;
  user: SqliteDatabase;
  userPath: string;
  /** What the user is told about the catalog: a damaged file set aside, records left out. */
  notices: Set<string>;
}

async function openCatalogFiles(options: OpenCatalogOptions): Promise<CatalogFiles> {
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
  try {
    const shippedDb = await openShippedDatabase(shippedPath, shipped, fingerprint, options.sqlite);
    const notices = new Set<string>(opened.notice ? [opened.notice] : []);
    return { shipped, shippedDb, shippedPath, user: opened.db, userPath, notices };
  } catch (error) {
    await opened.db.close();
    throw error;
  }
}

/** Reading the catalog: shipped records with the user's models and figures merged in. */
function catalogReads(files: CatalogFiles) {
  const { shippedDb, shippedPath, user, userPath, notices } = files;
  async function readDocument<T>(name: string): Promise<T> {
    const row = await shippedDb.get<{ record: string }>('SELECT record FROM documents WHERE name = ?', [name]);
    if (!row) throw new AppError('corrupt-database', `${shippedPath} lacks its ${name}; delete the file to rebuild it`);
    return JSON.parse(row.record) as T;
  }
  async function shippedModels(query: ModelQuery): Promise<ServerModel[]> {
    const filters: Array<[column: string, value: string]> = [];
    if (query.generation !== undefined) filters.push(['generation', query.generation]);
    if (query.class !== undefined) filters.push(['class', query.class]);
    if (query.role !== undefined) filters.push(['role', query.role]);
    const where = filters.length ? `WHERE ${filters.map(([column]) => `${column} = ?`).join(' AND ')}` : '';
    const rows = await shippedDb.all<{ record: string }>(
      `SELECT record FROM models ${where} ORDER BY generation DESC, name`,
      filters.map(([, value]) => value),
    );
    return rows.map((row) => parseOrThrow(ServerModel, JSON.parse(row.record), 'corrupt-database', 'models'));
  }
  const userModels = () => readUserModels(user, userPath, notices);
  async function listModels(query: ModelQuery = {}): Promise<ServerModel[]> {
    const rows = await readOverrides(user);
    const all = [...(await shippedModels(query)), ...(await userModels())];
    return all.filter((model) => matches(model, query)).map((model) => applyOverrides(model, rows));
  }
  async function getModel(id: string): Promise<ServerModel | null> {
    return (await listModels({})).find((model) => model.id === id) ?? null;
  }
  async function listEditions(generation?: Generation): Promise<Edition[]> {
    const rows = await shippedDb.all<{ record: string }>(
      `SELECT record FROM editions ${generation ? 'WHERE generation = ?' : ''} ORDER BY generation, rowid`,
      generation ? [generation] : [],
    );
    return rows.map((row) => parseOrThrow(Edition, JSON.parse(row.record), 'corrupt-database', 'editions'));
  }
  return { readDocument, userModels, listModels, getModel, listEditions, listPrices: () => readPrices(user) };
}
type CatalogReads = ReturnType<typeof catalogReads>;

/** What the catalog view and the solver ask of the catalog. */
function catalogQueries(files: CatalogFiles, reads: CatalogReads) {
  const { shipped, shippedPath, user, userPath, notices } = files;
  return {
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
        generationNotes: await reads.readDocument<CatalogInfo['generationNotes']>('generationNotes'),
        notices: [...notices],
      };
    },
    listModels: reads.listModels,
    getModel: reads.getModel,
    listEditions: reads.listEditions,
    listFeatures: () => reads.readDocument<FeatureInfo[]>('features'),
    listViosMinimums: () => reads.readDocument<ViosMinimum[]>('viosMinimums'),
    listPrices: reads.listPrices,
    async snapshot() {
      return {
        catalogVersion: shipped.catalogVersion,
        models: await reads.listModels({}),
        editions: await reads.listEditions(),
        viosMinimums: await reads.readDocument<ViosMinimum[]>('viosMinimums'),
        prices: await reads.listPrices(),
      };
    },
  } satisfies Partial<CatalogService>;
}

/** The user's edits: figures entered for a model, models of their own, prices. */
function userEdits(files: CatalogFiles, reads: CatalogReads) {
  const { shipped, user } = files;
  return {
    async setOverride(input: Omit<FigureOverride, 'enteredAt'>) {
      const override = parseOrThrow(FigureOverride, { ...input, enteredAt: new Date().toISOString() });
      const model = await reads.getModel(override.modelId);
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
      await upsertOverride(user, override);
      return (await reads.getModel(override.modelId)) as ServerModel;
    },
    async removeOverride({
      modelId,
      configurationId,
      field,
    }: Pick<FigureOverride, 'modelId' | 'configurationId' | 'field'>) {
      await user.run('DELETE FROM overrides WHERE model_id = ? AND configuration_id = ? AND field = ?', [
        modelId,
        configurationId ?? '',
        field,
      ]);
      const model = await reads.getModel(modelId);
      if (!model) throw new AppError('not-found', `no model "${modelId}" in the catalog`, 'modelId');
      return model;
    },
    async saveUserModel(input: ServerModel) {
      const model = parseOrThrow(ServerModel, { ...input, origin: 'user' });
      if (shipped.models.some((each) => each.id === model.id)) {
        throw new AppError(
          'conflict',
          `"${model.id}" is a shipped model; enter its missing figures as overrides instead`,
          'id',
        );
      }
      await upsertUserModel(user, model);
      return model;
    },
    async deleteUserModel(id: string) {
      await user.transaction(async () => {
        await user.run('DELETE FROM user_models WHERE id = ?', [id]);
        await user.run('DELETE FROM overrides WHERE model_id = ?', [id]);
      });
    },
    async setPrice(input: PriceEntry) {
      await upsertPrice(user, parseOrThrow(PriceEntry, input));
      return reads.listPrices();
    },
    async deletePrice({ generation, edition }: Pick<PriceEntry, 'generation' | 'edition'>) {
      await user.run('DELETE FROM prices WHERE generation = ? AND edition = ?', [generation, edition]);
      return reads.listPrices();
    },
  } satisfies Partial<CatalogService>;
}

/** The user layer as a file: exported whole, imported all or nothing after every record is checked. */
function userDataTransfer(files: CatalogFiles, reads: CatalogReads) {
  const { shipped, user } = files;
  return {
    async exportUserData(): Promise<UserCatalogFile> {
      return {
        format: USER_CATALOG_FORMAT,
        version: 1,
        exportedAt: new Date().toISOString(),
        overrides: (await readOverrides(user)).map(overrideRecord),
        userModels: await reads.userModels(),
        prices: await reads.listPrices(),
      };
    },
    async importUserData(raw: unknown) {
      const file = parseOrThrow(UserCatalogFile, raw, 'invalid-file');
      const knownIds = new Set([
        ...shipped.models.map((model) => model.id),
        ...file.userModels.map((model) => model.id),
        ...(await reads.userModels()).map((m) => m.id),
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
        for (const override of file.overrides) await upsertOverride(user, override);
        for (const model of file.userModels) await upsertUserModel(user, model);
        for (const price of file.prices) await upsertPrice(user, price);
      });
      return { overrides: file.overrides.length, userModels: file.userModels.length, prices: file.prices.length };
    },
  } satisfies Partial<CatalogService>;
}

export async function openCatalog(options: OpenCatalogOptions): Promise<CatalogService> {
  const files = await openCatalogFiles(options);
  const reads = catalogReads(files);
  const service: CatalogService = {
    ...catalogQueries(files, reads),
    ...userEdits(files, reads),
    ...userDataTransfer(files, reads),
    async close() {
      await Promise.all([files.user.close(), files.shippedDb.close()]);
    },
  };
  return withStorageErrors(service, files.userPath);
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
