/**
 * Opens the question log's database (SQLite file or PostgreSQL) behind one
 * Kysely query layer and applies the migrations. The drivers are loaded only
 * for the kind in use.
 */
import { existsSync } from 'node:fs';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { DatabaseTarget } from './config.js';
import { migrate } from './migrations.js';
import { ensurePrivateFile, narrow } from './private-files.js';
import type { Tables } from './tables.js';

export type LogDatabase = Kysely<Tables>;

export interface OpenOptions {
  /** How long to wait for a PostgreSQL connection. Default 5 s. */
  connectTimeoutMs?: number;
  /** Called when an idle PostgreSQL connection fails (the pool replaces it). */
  onPoolError?: (error: Error) => void;
  /** A SQLite file that does not exist is an error rather than a new, empty log (for readers such as the report). Default false. */
  mustExist?: boolean;
}

/** Thrown when `mustExist` is set and the SQLite file is not there. */
export class MissingDatabaseError extends Error {
  constructor(readonly file: string) {
    super(`there is no question log at ${file}`);
  }
}

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<LogDatabase> {
  const db = target.kind === 'sqlite' ? await openSqlite(target.file, options.mustExist ?? false) : await openPostgres(target.url, options);
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  return db;
}

async function openSqlite(file: string, mustExist: boolean): Promise<LogDatabase> {
  const { default: Database } = await import('better-sqlite3');
  if (file !== ':memory:') {
    if (mustExist && !existsSync(file)) throw new MissingDatabaseError(file);
    // Created on first use, 0600 in a 0700 folder, before SQLite opens it: its -wal and -shm files copy the file's mode.
    if (!mustExist) ensurePrivateFile(file);
    for (const own of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(own)) narrow(own);
  }
  const database = new Database(file, { fileMustExist: mustExist });
  // WAL lets the report read while a bot writes; a busy timeout rides out a concurrent writer.
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 2000');
  // In WAL mode NORMAL cannot corrupt the file; a power cut may lose the last batch, which a log can afford.
  database.pragma('synchronous = NORMAL');
  return new Kysely<Tables>({ dialect: new SqliteDialect({ database }) });
}

async function openPostgres(url: string, options: OpenOptions): Promise<LogDatabase> {
  const { default: pg } = await import('pg');
  // int8 columns (the times) come back as strings by default; they fit in a double.
  pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: options.connectTimeoutMs ?? 5000, idleTimeoutMillis: 30_000 });
  // An idle connection dropped by the server must not crash the process.
  pool.on('error', (error: Error) => options.onPoolError?.(error));
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
}
