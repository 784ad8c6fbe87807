// A small promise wrapper over node-sqlite3. Every statement is an async round trip, so bulk work goes in
// one transaction with multi-row inserts.
import sqlite3 from 'sqlite3';

export type SqlValue = string | number | null;

export class SqliteDatabase {
  private constructor(
    private readonly db: sqlite3.Database,
    readonly path: string,
  ) {}

  static open(path: string, mode: 'readonly' | 'readwrite-create' | 'readwrite'): Promise<SqliteDatabase> {
    const flags =
      mode === 'readonly' ? sqlite3.OPEN_READONLY : mode === 'readwrite' ? sqlite3.OPEN_READWRITE : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(path, flags, (error) => (error ? reject(error) : resolve(new SqliteDatabase(db, path))));
    });
  }

  run(sql: string, params: SqlValue[] = []): Promise<void> {
    return new Promise((resolve, reject) => this.db.run(sql, params, (error) => (error ? reject(error) : resolve())));
  }

  all<Row = Record<string, unknown>>(sql: string, params: SqlValue[] = []): Promise<Row[]> {
    return new Promise((resolve, reject) => this.db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as Row[]))));
  }

  async get<Row = Record<string, unknown>>(sql: string, params: SqlValue[] = []): Promise<Row | undefined> {
    return (await this.all<Row>(sql, params))[0];
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (error) => (error ? reject(error) : resolve())));
  }

  /** Runs `work` in one transaction: all of it lands, or none of it. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.exec('BEGIN IMMEDIATE');
    try {
      const result = await work();
      await this.exec('COMMIT');
      return result;
    } catch (error) {
      await this.exec('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** Inserts many rows with multi-row VALUES in chunks (SQLite limits bound parameters per statement). */
  async insertMany(table: string, columns: string[], rows: SqlValue[][]): Promise<void> {
    const perStatement = Math.max(1, Math.floor(900 / columns.length));
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const placeholders = chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
      await this.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders}`, chunk.flat());
    }
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((error) => (error ? reject(error) : resolve())));
  }
}

/** SQLite's answer for a file that is not a database or is damaged. */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}
