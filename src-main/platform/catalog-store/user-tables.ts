// The user database's three tables (figure overrides, user models, prices): each written by one upsert built from
// its columns, and read back as the catalog's records. The service, the import and the tests share these.
import { formatMessage, msg, parseOrThrow } from '../../common';
import { type Figure, type FigureOverride, type OverridableField, PriceEntry, ServerModel } from '../../catalog';
import type { SqliteDatabase, SqlValue } from './sqlite';

/** `INSERT ... ON CONFLICT (key) DO UPDATE SET` every other column: a row is added or replaced, never doubled. */
export function upsertStatement(table: string, columns: readonly string[], key: readonly string[]): string {
  const updates = columns.filter((column) => !key.includes(column)).map((column) => `${column} = excluded.${column}`);
  return (
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ` +
    `ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${updates.join(', ')}`
  );
}

const UPSERT_OVERRIDE = upsertStatement(
  'overrides',
  ['model_id', 'configuration_id', 'field', 'value', 'note', 'entered_at'],
  ['model_id', 'configuration_id', 'field'],
);
const UPSERT_USER_MODEL = upsertStatement('user_models', ['id', 'record', 'updated_at'], ['id']);
const UPSERT_PRICE = upsertStatement(
  'prices',
  ['generation', 'edition', 'currency', 'price_per_core', 'maintenance_per_core_per_year'],
  ['generation', 'edition'],
);

export interface OverrideRow {
  model_id: string;
  /** '' for a model-level figure (a primary key cannot hold NULL in every SQLite). */
  configuration_id: string;
  field: OverridableField;
  value: number;
  note: string | null;
  entered_at: string;
}

interface PriceRow {
  generation: string;
  edition: string;
  currency: string;
  price_per_core: number;
  maintenance_per_core_per_year: number;
}

export async function upsertOverride(db: SqliteDatabase, override: FigureOverride): Promise<void> {
  const row: SqlValue[] = [
    override.modelId,
    override.configurationId ?? '',
    override.field,
    override.value,
    override.note ?? null,
    override.enteredAt,
  ];
  await db.run(UPSERT_OVERRIDE, row);
}

export async function upsertUserModel(db: SqliteDatabase, model: ServerModel, now = new Date()): Promise<void> {
  await db.run(UPSERT_USER_MODEL, [model.id, JSON.stringify(model), now.toISOString()]);
}

export async function upsertPrice(db: SqliteDatabase, price: PriceEntry): Promise<void> {
  await db.run(UPSERT_PRICE, [
    price.generation,
    price.edition,
    price.currency,
    price.pricePerCore,
    price.maintenancePerCorePerYear,
  ]);
}

export function readOverrides(db: SqliteDatabase): Promise<OverrideRow[]> {
  return db.all<OverrideRow>('SELECT * FROM overrides');
}

/** An override row as the user catalog file holds it. */
export function overrideRecord(row: OverrideRow): FigureOverride {
  return {
    modelId: row.model_id,
    configurationId: row.configuration_id === '' ? null : row.configuration_id,
    field: row.field,
    value: row.value,
    ...(row.note ? { note: row.note } : {}),
    enteredAt: row.entered_at,
  };
}

export async function readPrices(db: SqliteDatabase): Promise<PriceEntry[]> {
  const rows = await db.all<PriceRow>('SELECT * FROM prices ORDER BY generation, edition');
  return rows.map((row) =>
    PriceEntry.parse({
      generation: row.generation,
      edition: row.edition,
      currency: row.currency,
      pricePerCore: row.price_per_core,
      maintenancePerCorePerYear: row.maintenance_per_core_per_year,
    }),
  );
}

/** The user's models; one damaged record is left out and said (`notices`), never allowed to break every listing. */
export async function readUserModels(db: SqliteDatabase, path: string, notices: Set<string>): Promise<ServerModel[]> {
  const models: ServerModel[] = [];
  for (const row of await db.all<{ id: string; record: string }>('SELECT id, record FROM user_models ORDER BY id')) {
    try {
      models.push(parseOrThrow(ServerModel, JSON.parse(row.record), 'corrupt-database', 'user_models'));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      notices.add(formatMessage(msg('harden.db-bad-record', { id: row.id, path, reason }), 'en'));
    }
  }
  return models;
}

function userFigure(row: OverrideRow): Figure {
  return {
    value: row.value,
    provenance: { kind: 'user', enteredAt: row.entered_at, ...(row.note ? { note: row.note } : {}) },
  };
}

/** A model with the user's figures in place of the missing or shipped ones, each marked as the user's. */
export function applyOverrides(model: ServerModel, rows: OverrideRow[]): ServerModel {
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
