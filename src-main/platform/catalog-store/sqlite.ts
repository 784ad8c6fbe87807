// A small promise wrapper over node-sqlite3. Every statement is an async round trip, so bulk work goes in
// one transaction with multi-row inserts. One connection runs one thing at a time: a transaction holds the
// connection until it ends, so two concurrent writes never nest ("cannot start a transaction within a
// transaction"). Short contention with another process is waited out (busy timeout, then a few retries);
// after that the error names its cause and what to do.
import { AsyncLocalStorage } from 'node:async_hooks';
import { access, constants, statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import { AppError, formatMessage, msg } from '../../common';

export type SqlValue = string | number | null;

export interface SqliteOptions {
  /** How long SQLite itself waits for a lock before answering busy. */
  busyTimeoutMs?: number;
  /** Further tries after a busy answer, with growing pauses. */
  busyRetries?: number;
}

const DEFAULT_BUSY_TIMEOUT_MS = 2_000;
const DEFAULT_BUSY_RETRIES = 3;

const isBusy = (error: unknown) => {
  const code = (error as { code?: string } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class SqliteDatabase {
  /** The tail of the queue of work on this connection. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Set while a transaction of this connection runs: its own statements go straight through. */
  private readonly inTransaction = new AsyncLocalStorage<boolean>();

  private constructor(
    private readonly db: sqlite3.Database,
    readonly path: string,
    private readonly options: Required<SqliteOptions>,
  ) {}

  static open(
    path: string,
    mode: 'readonly' | 'readwrite-create' | 'readwrite',
    options: SqliteOptions = {},
  ): Promise<SqliteDatabase> {
    const flags =
      mode === 'readonly'
        ? sqlite3.OPEN_READONLY
        : mode === 'readwrite'
          ? sqlite3.OPEN_READWRITE
          : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    const settings = {
      busyTimeoutMs: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS,
      busyRetries: options.busyRetries ?? DEFAULT_BUSY_RETRIES,
    };
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(path, flags, (error) => {
        if (error) return reject(error);
        db.configure('busyTimeout', settings.busyTimeoutMs);
        resolve(new SqliteDatabase(db, path, settings));
      });
    });
  }

  /** Runs one piece of work on the connection when the previous ones are done (or at once inside a transaction). */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction.getStore()) return work();
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** A statement that met a lock is tried again a few times before the busy error goes up. */
  private async withRetry<T>(work: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await work();
      } catch (error) {
        // Inside a transaction the whole transaction is retried instead (its earlier statements may be undone).
        if (!isBusy(error) || attempt >= this.options.busyRetries || this.inTransaction.getStore()) throw error;
        await pause(100 * 2 ** attempt);
      }
    }
  }

  private raw = {
    run: (sql: string, params: SqlValue[]) =>
      new Promise<void>((resolve, reject) => this.db.run(sql, params, (error) => (error ? reject(error) : resolve()))),
    all: <Row>(sql: string, params: SqlValue[]) =>
      new Promise<Row[]>((resolve, reject) =>
        this.db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as Row[]))),
      ),
    exec: (sql: string) =>
      new Promise<void>((resolve, reject) => this.db.exec(sql, (error) => (error ? reject(error) : resolve()))),
  };

  run(sql: string, params: SqlValue[] = []): Promise<void> {
    return this.serial(() => this.withRetry(() => this.raw.run(sql, params)));
  }

  all<Row = Record<string, unknown>>(sql: string, params: SqlValue[] = []): Promise<Row[]> {
    return this.serial(() => this.withRetry(() => this.raw.all<Row>(sql, params)));
  }

  async get<Row = Record<string, unknown>>(sql: string, params: SqlValue[] = []): Promise<Row | undefined> {
    return (await this.all<Row>(sql, params))[0];
  }

  exec(sql: string): Promise<void> {
    return this.serial(() => this.withRetry(() => this.raw.exec(sql)));
  }

  /**
   * Runs `work` in one transaction: all of it lands, or none of it. Other work on this connection waits for it.
   * A transaction that meets another process's lock is rolled back and tried again a few times, as a whole.
   */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction.getStore()) return work(); // already inside: one transaction, not two
    return this.serial(async () => {
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await this.inTransaction.run(true, async () => {
            await this.raw.exec('BEGIN IMMEDIATE');
            try {
              const result = await work();
              await this.raw.exec('COMMIT');
              return result;
            } catch (error) {
              await this.raw.exec('ROLLBACK').catch(() => undefined);
              throw error;
            }
          });
        } catch (error) {
          if (!isBusy(error) || attempt >= this.options.busyRetries) throw error;
          await pause(100 * 2 ** attempt);
        }
      }
    });
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
    return this.serial(
      () => new Promise<void>((resolve, reject) => this.db.close((error) => (error ? reject(error) : resolve()))),
    );
  }
}

/** SQLite's answer for a file that is not a database or is damaged. */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

/** Less than this free on the data folder's disk counts as full when SQLite reports an I/O error. */
const NEARLY_FULL_BYTES = 1024 * 1024;

async function folderIsWritable(folder: string): Promise<boolean> {
  return access(folder, constants.W_OK).then(
    () => true,
    () => false,
  );
}

async function diskIsFull(folder: string): Promise<boolean> {
  const info = await statfs(folder).catch(() => null);
  return info !== null && info.bavail * info.bsize < NEARLY_FULL_BYTES;
}

/**
 * A database failure as the user can act on it: another instance holding the data folder, a read-only folder,
 * a full disk; anything else keeps SQLite's own words. An AppError passes through unchanged.
 */
export async function storageError(error: unknown, path: string): Promise<AppError> {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string } | null)?.code ?? '';
  const folder = dirname(path);
  const reason = error instanceof Error ? error.message : String(error);
  const say = (messageCode: string) =>
    new AppError('unavailable', formatMessage(msg(messageCode, { path, folder, reason }), 'en'));
  if (isBusy(error)) return say('harden.db-busy');
  if (code === 'SQLITE_FULL' || (code === 'SQLITE_IOERR' && (await diskIsFull(folder))))
    return say('harden.db-disk-full');
  if (
    code === 'SQLITE_READONLY' ||
    code === 'SQLITE_PERM' ||
    ((code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR') && !(await folderIsWritable(folder)))
  ) {
    return say('harden.db-read-only');
  }
  if (code === 'SQLITE_CANTOPEN') return say('harden.db-cannot-open');
  if (code === 'SQLITE_IOERR') return say('harden.db-io');
  if (isCorruptionError(error))
    return new AppError('corrupt-database', formatMessage(msg('harden.db-damaged', { path, folder, reason }), 'en'));
  return new AppError('internal', formatMessage(msg('harden.db-failed', { path, folder, reason }), 'en'));
}
