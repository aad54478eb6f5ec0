/**
 * The question log on a real PostgreSQL (a throw-away cluster started by the
 * test): the full feedback loop through Slack and Discord and the report, the
 * privacy guarantees, purge, and a database that goes away mid-run.
 */
import { createHmac } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/index.js';
import { QuestionLog, type KeySource } from '../../adapters/shared/question-log/index.js';
import { openDatabase } from '../../adapters/shared/question-log/open-database.js';
import { installed, POSTGRESQL } from '../helpers/machine-tools.js';
import { startPostgres, type PostgresCluster } from '../helpers/postgres.js';
import { feedbackLoop } from '../feedback/loop.js';
import { answered, captureLogger, tempDir } from '../question-log/fixtures.js';

let cluster: PostgresCluster;
let engine: Engine;
const keys = tempDir('qa-pg-keys-');
beforeAll(async () => {
  [cluster, engine] = await Promise.all([startPostgres(), createEngine()]);
});
afterAll(async () => {
  await cluster?.stop();
  keys.remove();
});

/** A key file of the test's own (a PostgreSQL log has no default place for it). */
const keyFile = (name: string): KeySource => ({ kind: 'file', path: join(keys.dir, name, 'question-log.key') });
const hmac = (key: string, kind: string, id: string) => createHmac('sha256', key).update(`${kind}\0${id}`).digest('hex');

async function query(url: string, sql: string): Promise<any[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!installed(POSTGRESQL, import.meta.url))('question log on PostgreSQL', () => {
  it('the feedback loop: Slack mention and Discord /ask with votes and notes, read back by npm run report -- --json', async () => {
    const url = await cluster.createDatabase('loop');
    await feedbackLoop(engine, { kind: 'postgres', url }, keyFile('loop'));
    const migrations = await query(url, 'select name from kysely_migration order by name');
    expect(migrations.map((m) => m.name)).toEqual(['001_questions', '002_feedback', '003_settings']);
  });

  it('stores hashes, never the raw user or conversation ids', async () => {
    const url = await cluster.createDatabase('privacy');
    const log = new QuestionLog({ target: { kind: 'postgres', url }, logger: captureLogger(), key: keyFile('privacy') }).start();
    const id = log.record({ surface: 'discord', user: '712345678901234567', conversation: 'discord:thread:812345678901234567', question: 'q', answer: answered('a'), latencyMs: 1 });
    log.vote({ answerId: id, user: '712345678901234567', vote: 'up' });
    await log.close();
    const dump = JSON.stringify([await query(url, 'select * from questions'), await query(url, 'select * from feedback')]);
    expect(dump).toContain(id);
    expect(dump).not.toContain('712345678901234567');
    expect(dump).not.toContain('812345678901234567');
  });

  it('keeps the hash key out of the database: settings is empty, no table holds the key, and the key file is 0600', async () => {
    const url = await cluster.createDatabase('keyout');
    const source = keyFile('keyout');
    const log = new QuestionLog({ target: { kind: 'postgres', url }, logger: captureLogger(), key: source }).start();
    log.record({ surface: 'slack', user: 'URAWUSER', conversation: 'c', question: 'q', answer: answered('a'), latencyMs: 1 });
    await log.close();
    if (source.kind !== 'file') throw new Error('a key file');
    const key = readFileSync(source.path, 'utf8').trim();
    expect(statSync(source.path).mode & 0o777).toBe(0o600);
    expect(await query(url, 'select * from settings')).toEqual([]);
    const dump = JSON.stringify([await query(url, 'select * from questions'), await query(url, 'select * from feedback'), await query(url, 'select * from settings')]);
    expect(dump).not.toContain(key);
    expect(await query(url, 'select user_hash from questions')).toEqual([{ user_hash: hmac(key, 'user', 'URAWUSER') }]);
  });

  it('moves the salt an older version stored in settings out to the key file, keeping stored hashes valid', async () => {
    const url = await cluster.createDatabase('legacy');
    const salt = 'salt-from-an-older-version-42';
    const db = await openDatabase({ kind: 'postgres', url });
    await db.insertInto('settings').values({ key: 'hash_salt', value: salt }).execute();
    await db.destroy();
    const source = keyFile('legacy');
    const logger = captureLogger();
    const log = new QuestionLog({ target: { kind: 'postgres', url }, logger, key: source }).start();
    log.record({ surface: 'discord', user: '712345678901234567', conversation: 'c', question: 'q', answer: answered('a'), latencyMs: 1 });
    await log.close();
    if (source.kind !== 'file') throw new Error('a key file');
    expect(readFileSync(source.path, 'utf8').trim()).toBe(salt);
    expect(await query(url, 'select * from settings')).toEqual([]);
    // Hashed as before the upgrade: the same person keeps the same hash.
    expect(await query(url, 'select user_hash from questions')).toEqual([{ user_hash: hmac(salt, 'user', '712345678901234567') }]);
    expect(logger.lines.some((l) => l.level === 'info' && l.msg.includes('stored hashes stay valid'))).toBe(true);
  });

  it('purges rows older than the kept days', async () => {
    const url = await cluster.createDatabase('purge');
    let now = Date.parse('2026-01-01T00:00:00Z');
    const log = new QuestionLog({ target: { kind: 'postgres', url }, logger: captureLogger(), key: keyFile('purge'), keepDays: 7, now: () => now }).start();
    log.record({ surface: 's', user: 'u', conversation: 'c', question: 'old', answer: answered('a'), latencyMs: 1 });
    await log.flush();
    now += 8 * 86_400_000;
    log.record({ surface: 's', user: 'u', conversation: 'c', question: 'recent', answer: answered('a'), latencyMs: 1 });
    await log.flush();
    expect(await log.purge()).toBe(1);
    await log.close();
    expect(await query(url, 'select question from questions')).toEqual([{ question: 'recent' }]);
  });

  it('keeps taking questions when the server is unreachable: one warning, the rest counted', async () => {
    const logger = captureLogger();
    // A port nothing listens on.
    const log = new QuestionLog({ target: { kind: 'postgres', url: `postgres://postgres@127.0.0.1:1/none` }, logger, key: keyFile('none'), reconnectMs: 60_000 }).start();
    for (let i = 0; i < 3; i++) log.record({ surface: 's', user: 'u', conversation: 'c', question: `q${i}`, answer: answered('a'), latencyMs: 1 });
    await log.flush();
    log.vote({ answerId: 'x', user: 'u', vote: 'down' });
    await log.flush();
    await log.close();
    expect(log.stats()).toMatchObject({ stored: 0, unsaved: 4 });
    expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(1);
  });
});
