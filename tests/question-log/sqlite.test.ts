/**
 * The question log on a real SQLite file: what a row holds, votes, purge,
 * privacy, and a database that cannot be reached.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { QuestionLog, defaultKeyFile, loadQuestionLogConfig, questionLogFromEnv } from '../../adapters/shared/question-log/index.js';
import { answered, captureLogger, notFound, tempDir } from './fixtures.js';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function newLog(overrides: Partial<ConstructorParameters<typeof QuestionLog>[0]> = {}) {
  const tmp = tempDir('qa-log-');
  const file = join(tmp.dir, 'nested', 'log.sqlite');
  const logger = captureLogger();
  const log = new QuestionLog({ target: { kind: 'sqlite', file }, logger, ...overrides }).start();
  cleanups.push(tmp.remove, () => log.close());
  const rows = (sql: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare(sql).all() as Record<string, any>[];
    } finally {
      db.close();
    }
  };
  return { log, file, logger, rows };
}

describe('question log (SQLite)', () => {
  it('creates the file on first use and stores one row per question with every field', async () => {
    const { log, rows } = newLog();
    const id = log.record({ surface: 'slack', user: 'T1:U123', conversation: 'slack:T1:C1:1.2', question: 'How much is InvestAI?', answer: answered('€200 billion.'), latencyMs: 3.25 });
    await log.flush();
    const [row] = rows('select * from questions');
    expect(row).toMatchObject({ id, surface: 'slack', question: 'How much is InvestAI?', answer: '€200 billion.', kind: 'answer', answered: 1, confidence: 0.8, latency_ms: 3.25 });
    expect(JSON.parse(row!.quotes)).toEqual([{ documentId: 'doc-a', paragraph: 2 }]);
    expect(row!.user_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.conversation_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Math.abs(row!.asked_at - Date.now())).toBeLessThan(60_000);
    expect(rows('select name from kysely_migration order by name').map((r) => r.name)).toEqual(['001_questions', '002_feedback', '003_settings']);
  });

  it('never stores a raw user or conversation id, in any column or anywhere in the file', async () => {
    const { log, rows, file } = newLog();
    const user = 'T9:URAWUSERID42';
    const conversation = 'slack:T9:CRAWCHANNEL77:1700000000.000001';
    const id = log.record({ surface: 'slack', user, conversation, question: 'q?', answer: notFound('No source names it.'), latencyMs: 1 });
    log.vote({ answerId: id, user, vote: 'down', note: 'wrong' });
    await log.close();
    const dump = JSON.stringify([rows('select * from questions'), rows('select * from feedback')]);
    expect(dump).not.toContain('URAWUSERID42');
    expect(dump).not.toContain('CRAWCHANNEL77');
    // Not in free pages or the WAL either: the bytes on disk.
    const bytes = readFileSync(file).toString('latin1') + safeRead(`${file}-wal`);
    expect(bytes).not.toContain('URAWUSERID42');
    expect(bytes).not.toContain('CRAWCHANNEL77');
    // The same user hashes the same way, so votes and questions can be counted per person.
    expect(rows('select user_hash from questions')[0]!.user_hash).toBe(rows('select voter_hash from feedback')[0]!.voter_hash);
  });

  it('keeps one vote per user per answer: a second click changes it', async () => {
    const { log, rows } = newLog();
    const id = log.record({ surface: 'discord', user: 'u1', conversation: 'c', question: 'q', answer: answered('a'), latencyMs: 1 });
    log.vote({ answerId: id, user: 'u1', vote: 'up' });
    log.vote({ answerId: id, user: 'u2', vote: 'up' });
    await log.flush();
    log.vote({ answerId: id, user: 'u1', vote: 'down', note: '  the figure is for 2025  ' });
    await log.flush();
    const votes = rows('select vote, note from feedback order by vote');
    expect(votes).toEqual([{ vote: -1, note: 'the figure is for 2025' }, { vote: 1, note: null }]);
  });

  it('purges questions and votes older than QUESTION_LOG_DAYS', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const { log, rows } = newLog({ keepDays: 30, now: () => now });
    const old = log.record({ surface: 'slack', user: 'u', conversation: 'c', question: 'old', answer: answered('a'), latencyMs: 1 });
    log.vote({ answerId: old, user: 'u', vote: 'up' });
    await log.flush();
    now += 31 * 86_400_000;
    log.record({ surface: 'slack', user: 'u', conversation: 'c', question: 'new', answer: answered('a'), latencyMs: 1 });
    await log.flush();
    expect(await log.purge()).toBe(2);
    expect(rows('select question from questions')).toEqual([{ question: 'new' }]);
    expect(rows('select * from feedback')).toEqual([]);
  });

  it('answers on when the database cannot be opened: one warning line, and a count of what was not stored', async () => {
    const tmp = tempDir('qa-log-bad-');
    cleanups.push(tmp.remove);
    const logger = captureLogger();
    // A directory where the file should be: SQLite cannot open it.
    const log = new QuestionLog({ target: { kind: 'sqlite', file: tmp.dir }, logger }).start();
    cleanups.push(() => log.close());
    for (let i = 0; i < 5; i++) log.record({ surface: 's', user: 'u', conversation: 'c', question: `q${i}`, answer: answered('a'), latencyMs: 1 });
    await log.flush();
    log.record({ surface: 's', user: 'u', conversation: 'c', question: 'q6', answer: answered('a'), latencyMs: 1 });
    await log.flush();
    expect(log.stats()).toEqual({ stored: 0, unsaved: 6, queued: 0 });
    expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(1);
  });

  it('answers on when writes fail (a full database): one warning per outage, a count, and recovery', async () => {
    const { log, file, logger, rows } = newLog();
    log.record({ surface: 's', user: 'u', conversation: 'c', question: 'stored', answer: answered('a'), latencyMs: 1 });
    await log.flush();
    // Another connection makes every insert fail the way a full disk does.
    const admin = new Database(file);
    admin.exec("CREATE TRIGGER full BEFORE INSERT ON questions BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;");
    for (let i = 0; i < 3; i++) {
      log.record({ surface: 's', user: 'u', conversation: 'c', question: `lost ${i}`, answer: answered('a'), latencyMs: 1 });
      await log.flush();
    }
    expect(log.stats()).toMatchObject({ stored: 1, unsaved: 3 });
    expect(logger.lines.filter((l) => l.level === 'warn').map((l) => (l.obj as { reason: string }).reason)).toEqual(['database or disk is full']);
    admin.exec('DROP TRIGGER full');
    admin.close();
    log.record({ surface: 's', user: 'u', conversation: 'c', question: 'stored again', answer: answered('a'), latencyMs: 1 });
    await log.flush();
    expect(rows('select question from questions order by asked_at').map((r) => r.question)).toEqual(['stored', 'stored again']);
    expect(logger.lines.at(-1)!.msg).toBe('question log writes resumed');
  });

  it('QUESTION_LOG=off builds no log at all', () => {
    expect(questionLogFromEnv({ QUESTION_LOG: 'off' }, captureLogger())).toBeUndefined();
  });

  it('names a wrong variable without echoing its value', () => {
    expect(() => loadQuestionLogConfig({ QUESTION_LOG_DAYS: 'ninety-secret', DATABASE_URL: 'mysql://user:hunter2@db' })).toThrowError(/QUESTION_LOG_DAYS is invalid.*\n?.*DATABASE_URL is invalid/s);
    try {
      loadQuestionLogConfig({ QUESTION_LOG_DAYS: 'ninety-secret', DATABASE_URL: 'mysql://user:hunter2@db', QUESTION_LOG: 'maybe' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('QUESTION_LOG is invalid');
      expect(message).not.toContain('hunter2');
      expect(message).not.toContain('ninety-secret');
      expect(message).not.toContain('maybe');
    }
    expect(loadQuestionLogConfig({ DATABASE_URL: 'postgres://h/db', QUESTION_LOG_DAYS: '7' })).toEqual({ enabled: true, target: { kind: 'postgres', url: 'postgres://h/db' }, keepDays: 7, key: { kind: 'file', path: defaultKeyFile() } });
  });
});

function safeRead(file: string): string {
  try {
    return readFileSync(file).toString('latin1');
  } catch {
    return '';
  }
}
