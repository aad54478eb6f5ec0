/**
 * The key of the user and conversation hashes. It never lives in the
 * database: whoever can read the rows must not be able to recompute a hash
 * from a guessed user id. It comes from an environment variable, or from a
 * key file (0600, in a 0700 folder) created on first use.
 *
 * Older versions kept it in the database (`settings.hash_salt`). On first
 * connection that salt is moved out: written to the key file when none
 * exists yet (stored hashes stay valid, and this is said at info level), and
 * the row is deleted. When a key is already configured and differs, the
 * row is deleted all the same and a warning says that people are hashed
 * anew from now on (their earlier rows can no longer be linked to them).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Kysely } from 'kysely';
import { ensurePrivateDir, narrow, PRIVATE_FILE_MODE } from './private-files.js';
import type { Tables } from './tables.js';

/** Shortest key accepted, in characters. */
export const MIN_KEY_CHARS = 16;
/** Name of the key file beside a SQLite database when no other place is configured. */
export const KEY_FILE_NAME = 'question-log.key';

export type KeySource =
  /** The key itself, from an environment variable (named in messages, never its value). */
  | { kind: 'value'; value: string; variable: string }
  /** A file holding the key, created with a new random key when missing. */
  | { kind: 'file'; path: string };

/** Where the key file goes when nothing else is configured: beside the database. */
export function keyFileBeside(databaseFile: string): string {
  return join(dirname(databaseFile), KEY_FILE_NAME);
}

export function newKey(): string {
  return randomBytes(32).toString('base64url');
}

/** How a key source is named in log lines and messages. */
export function describeKeySource(source: KeySource): string {
  return source.kind === 'value' ? source.variable : source.path;
}

export interface KeyLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/** The hash key for this database: from its source, with an older in-database salt moved out first. */
export async function settleKey(db: Kysely<Tables>, source: KeySource, logger: KeyLog): Promise<string> {
  const legacy = await db.selectFrom('settings').select('value').where('key', '=', 'hash_salt').executeTakeFirst();
  const key = source.kind === 'value' ? source.value : readOrCreateKeyFile(source.path, legacy?.value);
  if (legacy) {
    // Deleted only once the key is safely outside (the file is written first).
    await db.deleteFrom('settings').where('key', '=', 'hash_salt').execute();
    const where = describeKeySource(source);
    if (legacy.value === key) logger.info({ keyAt: where }, `question log: the hash key moved out of the database to ${where}; stored hashes stay valid`);
    else
      logger.warn(
        { keyAt: where },
        `question log: the database held an older hash salt than the key in ${where}; the salt is deleted and people are hashed anew from now on (earlier rows can no longer be linked to later ones)`,
      );
  }
  return key;
}

/**
 * The key in `path`; when the file is missing it is created (0600, folder
 * 0700) holding `initial` or a new random key. Creation is exclusive, so two
 * processes starting together end up with the same key.
 */
export function readOrCreateKeyFile(path: string, initial?: string): string {
  try {
    return readKeyFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  ensurePrivateDir(dirname(path));
  try {
    writeFileSync(path, `${initial ?? newKey()}\n`, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  } catch (error) {
    // Another process created it first: its key is the key.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readKeyFile(path);
}

function readKeyFile(path: string): string {
  // In a folder others can write to, someone could plant a key file of theirs before the first start.
  const owner = statSync(path).uid;
  const me = process.getuid?.();
  if (me !== undefined && owner !== me) throw new Error(`the question log key file ${path} belongs to another user; remove it or set QUESTION_LOG_KEY_FILE`);
  const key = readFileSync(path, 'utf8').trim();
  if (key.length < MIN_KEY_CHARS) throw new Error(`the question log key file ${path} holds fewer than ${MIN_KEY_CHARS} characters`);
  // A key file made readable by others (copied in by hand) is narrowed: it is as secret as a password.
  narrow(path);
  return key;
}
