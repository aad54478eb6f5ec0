/**
 * Privacy of the question log's files on SQLite: the hash key lives outside
 * the database (a key file or an environment variable), files are 0600 in a
 * 0700 folder, and a database from an older version, with its salt inside,
 * is migrated without breaking the hashes already stored.
 */
import { createHmac } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { loadQuestionLogConfig, QuestionLog, type KeySource } from '../../adapters/shared/question-log/index.js';
import { openDatabase } from '../../adapters/shared/question-log/open-database.js';
import { runsAsRoot } from '../helpers/machine-tools.js';
import { answered, captureLogger, tempDir } from './fixtures.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function scratch(): string {
  const tmp = tempDir('qa-key-');
  cleanups.push(tmp.remove);
  return tmp.dir;
}

const hmac = (key: string, kind: string, id: string) => createHmac('sha256', key).update(`${kind}\0${id}`).digest('hex');
const permissions = (path: string) => statSync(path).mode & 0o777;

function rows(file: string, sql: string): Record<string, any>[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as Record<string, any>[];
  } finally {
    db.close();
  }
}

async function logOne(file: string, user: string, options: { key?: KeySource; logger?: ReturnType<typeof captureLogger> } = {}): Promise<QuestionLog> {
  const log = new QuestionLog({ target: { kind: 'sqlite', file }, logger: options.logger ?? captureLogger(), ...(options.key ? { key: options.key } : {}) }).start();
  log.record({ surface: 'slack', user, conversation: 'c1', question: 'How much is InvestAI?', answer: answered('€200 billion.'), latencyMs: 1 });
  await log.flush();
  return log;
}

/** A database as versions before the key file left it: the salt in settings, one row hashed with it. */
async function olderDatabase(file: string, salt: string, user: string): Promise<void> {
  const db = await openDatabase({ kind: 'sqlite', file });
  await db.insertInto('settings').values({ key: 'hash_salt', value: salt }).execute();
  await db
    .insertInto('questions')
    .values({ id: 'old-1', asked_at: Date.now(), surface: 'slack', user_hash: hmac(salt, 'user', user), conversation_hash: hmac(salt, 'conversation', 'c0'), question: 'earlier', answer: 'a', kind: 'answer', answered: 1, confidence: 1, quotes: '[]', latency_ms: 1 })
    .execute();
  await db.destroy();
}

describe('question log key and files (SQLite)', () => {
  it('creates the folder 0700, and the database, its WAL, its shared memory and the key file 0600', async () => {
    const dir = join(scratch(), 'data');
    const file = join(dir, 'log.sqlite');
    const log = await logOne(file, 'U1');
    cleanups.push(() => log.close());
    expect(permissions(dir)).toBe(0o700);
    for (const f of [file, `${file}-wal`, `${file}-shm`, join(dir, 'question-log.key')]) {
      expect(existsSync(f), f).toBe(true);
      expect(permissions(f), f).toBe(0o600);
    }
  });

  it('narrows a database an older version left readable by others (0644) to 0600', async () => {
    const dir = scratch();
    const file = join(dir, 'old.sqlite');
    await olderDatabase(file, 'an-older-salt-0123456789', 'U1');
    chmodSync(file, 0o644);
    const log = await logOne(file, 'U1');
    await log.close();
    expect(permissions(file)).toBe(0o600);
  });

  it('keeps the key out of the database: settings is empty, the key is nowhere in the file, and hashes use the key file', async () => {
    const dir = scratch();
    const file = join(dir, 'log.sqlite');
    const log = await logOne(file, 'URAWUSER');
    await log.close();
    const key = readFileSync(join(dir, 'question-log.key'), 'utf8').trim();
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(rows(file, 'select * from settings')).toEqual([]);
    expect(rows(file, 'select user_hash from questions')).toEqual([{ user_hash: hmac(key, 'user', 'URAWUSER') }]);
    const bytes = ['', '-wal'].map((s) => (existsSync(file + s) ? readFileSync(file + s).toString('latin1') : '')).join('');
    expect(bytes).not.toContain(key);
  });

  it('moves an older salt out of the database into the key file: the row is deleted and the hashes already stored stay valid', async () => {
    const dir = scratch();
    const file = join(dir, 'log.sqlite');
    const salt = 'an-older-salt-0123456789';
    await olderDatabase(file, salt, 'U7');
    const logger = captureLogger();
    const log = await logOne(file, 'U7', { logger });
    await log.close();
    expect(readFileSync(join(dir, 'question-log.key'), 'utf8').trim()).toBe(salt);
    expect(permissions(join(dir, 'question-log.key'))).toBe(0o600);
    expect(rows(file, 'select * from settings')).toEqual([]);
    // The same person before and after the upgrade: one hash.
    const hashes = rows(file, 'select user_hash from questions order by question').map((r) => r.user_hash);
    expect(new Set(hashes).size).toBe(1);
    expect(logger.lines.find((l) => l.level === 'info')?.msg).toContain('stored hashes stay valid');
    expect(JSON.stringify(logger.lines)).not.toContain(salt);
  });

  it('with a configured key that differs from the older salt: deletes the salt and warns that people are hashed anew', async () => {
    const dir = scratch();
    const file = join(dir, 'log.sqlite');
    const salt = 'an-older-salt-0123456789';
    const key = 'the-operators-key-from-the-environment';
    await olderDatabase(file, salt, 'U7');
    const logger = captureLogger();
    const log = await logOne(file, 'U7', { logger, key: { kind: 'value', value: key, variable: 'QUESTION_LOG_KEY' } });
    await log.close();
    expect(rows(file, 'select * from settings')).toEqual([]);
    expect(rows(file, "select user_hash from questions where id != 'old-1'")).toEqual([{ user_hash: hmac(key, 'user', 'U7') }]);
    const warning = logger.lines.find((l) => l.level === 'warn')!;
    expect(warning.msg).toContain('people are hashed anew');
    expect(warning.msg).toContain('QUESTION_LOG_KEY');
    expect(JSON.stringify(logger.lines)).not.toContain(key);
    expect(existsSync(join(dir, 'question-log.key'))).toBe(false);
  });

  it('keeps hashes stable across restarts through the key file', async () => {
    const file = join(scratch(), 'log.sqlite');
    await (await logOne(file, 'same-user')).close();
    await (await logOne(file, 'same-user')).close();
    const hashes = rows(file, 'select user_hash from questions').map((r) => r.user_hash);
    expect(hashes).toHaveLength(2);
    expect(hashes[0]).toBe(hashes[1]);
  });

  it('reads the key from QUESTION_LOG_KEY, or from the file QUESTION_LOG_KEY_FILE names, else beside the database', () => {
    expect(loadQuestionLogConfig({ SUMMIT_QA_DB: '/srv/qa/log.sqlite' })).toMatchObject({ key: { kind: 'file', path: '/srv/qa/question-log.key' } });
    expect(loadQuestionLogConfig({ SUMMIT_QA_DB: '/srv/qa/log.sqlite', QUESTION_LOG_KEY_FILE: '/run/secrets/qa-key' })).toMatchObject({ key: { kind: 'file', path: '/run/secrets/qa-key' } });
    expect(loadQuestionLogConfig({ QUESTION_LOG_KEY: 'k'.repeat(32), QUESTION_LOG_KEY_FILE: '/x' })).toMatchObject({ key: { kind: 'value', variable: 'QUESTION_LOG_KEY' } });
    expect(() => loadQuestionLogConfig({ QUESTION_LOG_KEY: 'short-secret' })).toThrowError(/QUESTION_LOG_KEY is invalid: must be at least 16 characters/);
    try {
      loadQuestionLogConfig({ QUESTION_LOG_KEY: 'short-secret' });
    } catch (error) {
      expect((error as Error).message).not.toContain('short-secret');
    }
  });

  it('creates the file QUESTION_LOG_KEY_FILE names, 0600 in a new 0700 folder', async () => {
    const dir = scratch();
    const keyFile = join(dir, 'secrets', 'qa.key');
    const config = loadQuestionLogConfig({ SUMMIT_QA_DB: join(dir, 'log.sqlite'), QUESTION_LOG_KEY_FILE: keyFile });
    if (!config.enabled) throw new Error('the log is on');
    const log = await logOne(join(dir, 'log.sqlite'), 'U1', { key: config.key });
    await log.close();
    expect(permissions(join(dir, 'secrets'))).toBe(0o700);
    expect(permissions(keyFile)).toBe(0o600);
    expect(existsSync(join(dir, 'question-log.key'))).toBe(false);
  });

  it('refuses a key file too short to be a key: one warning naming the file, never its content, and nothing stored', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'k'));
    writeFileSync(join(dir, 'k', 'question-log.key'), 'k3y!\n', { mode: 0o600 });
    const logger = captureLogger();
    const log = await logOne(join(dir, 'k', 'log.sqlite'), 'U1', { logger });
    await log.close();
    expect(log.stats()).toMatchObject({ stored: 0, unsaved: 1 });
    const warnings = logger.lines.filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0])).toContain(join(dir, 'k', 'question-log.key'));
    expect(JSON.stringify(warnings[0])).not.toContain('k3y!');
  });

  const PLANTED = 'refuses a key file that belongs to another user (planted in a shared folder before the first start)';
  it.runIf(runsAsRoot('only the superuser can give a file to another user', import.meta.url, PLANTED))(PLANTED, async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'question-log.key'), `${'p'.repeat(40)}\n`, { mode: 0o600 });
    chownSync(join(dir, 'question-log.key'), 65534, 65534);
    const logger = captureLogger();
    const log = await logOne(join(dir, 'log.sqlite'), 'U1', { logger });
    await log.close();
    expect(log.stats()).toMatchObject({ stored: 0, unsaved: 1 });
    expect(JSON.stringify(logger.lines)).toContain('belongs to another user');
  });
});
