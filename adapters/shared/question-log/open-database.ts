/**
 * Opens the question log's database (SQLite file or PostgreSQL) behind one
 * Kysely query layer and applies the migrations. The drivers are loaded only
 * for the kind in use.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { DatabaseTarget } from './config.js';
import { migrate } from './migrations.js';
import type { Tables } from './tables.js';

export type LogDatabase = Kysely<Tables>;

export interface OpenOptions {
  /** How long to wait for a PostgreSQL connection. Default 5 s. */
  connectTimeoutMs?: number;
  /** Called when an idle PostgreSQL connection fails (the pool replaces it). */
  onPoolError?: (error: Error) => void;
}

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<LogDatabase> {
  const db = target.kind === 'sqlite' ? await openSqlite(target.file) : await openPostgres(target.url, options);
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
  return db;
}

async function openSqlite(file: string): Promise<LogDatabase> {
  const { default: Database } = await import('better-sqlite3');
  // Created on first use, with its directory.
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
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
