/**
 * The question log: every answered question and every feedback vote, written
 * to the database in batches off the answer path. Asking never waits for the
 * database and never fails because of it: an unreachable or full database
 * costs one warning line per outage and a count of the rows not stored.
 */
import { randomUUID } from 'node:crypto';
import type { Answer } from '../../../src/index.js';
import type { DatabaseTarget } from './config.js';
import { keyedHash } from './hash.js';
import { keyFileBeside, newKey, settleKey, type KeySource } from './key.js';
import { openDatabase, type LogDatabase } from './open-database.js';
import type { FeedbackTable, QuestionsTable } from './tables.js';

/** The two log levels the question log uses (a pino logger fits). */
export interface LogSink {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface AskedQuestion {
  /** 'slack', 'discord', 'terminal', ... */
  surface: string;
  /** Raw platform ids: hashed before they are stored. */
  user: string;
  conversation: string;
  question: string;
  answer: Answer;
  latencyMs: number;
}

export interface Vote {
  /** The id record() returned for the answer. */
  answerId: string;
  /** Raw platform id of the voter: hashed before it is stored. */
  user: string;
  vote: 'up' | 'down';
  /** What was wrong, from the 👎 form. */
  note?: string;
}

export interface QuestionLogOptions {
  target: DatabaseTarget;
  logger: LogSink;
  /** Rows older than this many days are purged at start and every purgeEveryMs. Default 90. */
  keepDays?: number;
  /**
   * Where the key of the user and conversation hashes comes from. Default for
   * SQLite: question-log.key beside the database file (created on first use);
   * PostgreSQL has no default (replicas must share one key: see config.ts).
   */
  key?: KeySource;
  /** Longest time a row waits before it is written. Default 250 ms. */
  flushMs?: number;
  /** Rows written in one transaction. Default 200. */
  maxBatch?: number;
  /** Rows held while the database is away; beyond, new rows are counted as unsaved. Default 10,000. */
  maxQueue?: number;
  /** After a failed connection, wait this long before trying again. Default 30 s. */
  reconnectMs?: number;
  /** Period of the purge. Default 12 hours. */
  purgeEveryMs?: number;
  /** Longest note kept, in characters. Default 1,000. */
  maxNoteChars?: number;
  now?: () => number;
  newId?: () => string;
}

/** Whether a vote reached the database, and if not, why (never a secret: see safeReason). */
export type VoteResult = { stored: true } | { stored: false; reason: string };

export interface QuestionLogStats {
  /** Questions and votes written. */
  stored: number;
  /** Questions and votes that could not be written (database unreachable, full, or queue overflow). */
  unsaved: number;
  /** Waiting to be written. */
  queued: number;
}

/** What record() hands out (UUIDs by default) and the answer_id column holds. */
const ANSWER_ID = /^[\w-]{1,64}$/;

type Pending = { kind: 'question'; at: number; id: string; q: AskedQuestion } | { kind: 'vote'; at: number; v: Vote; settle(result: VoteResult): void };

export class QuestionLog {
  private db: LogDatabase | undefined;
  private key: string | undefined;
  private readonly keySource: KeySource;
  private connecting: Promise<void> | undefined;
  private nextConnectAt = 0;
  private queue: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private purgeTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private failing = false;
  private closed = false;
  private readonly counts = { stored: 0, unsaved: 0 };
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(private readonly options: QuestionLogOptions) {
    this.now = options.now ?? Date.now;
    this.newId = options.newId ?? randomUUID;
    this.keySource = options.key ?? defaultKeySource(options.target);
  }

  /** Connects, migrates and purges in the background; the log takes rows at once. */
  start(): this {
    void this.ensureConnected().then(() => this.purge().catch(() => undefined));
    this.purgeTimer = setInterval(() => void this.purge().catch(() => undefined), this.options.purgeEveryMs ?? 12 * 3_600_000);
    this.purgeTimer.unref();
    return this;
  }

  /** Queues one answered question; returns the id its feedback buttons carry. Never throws, never waits. */
  record(q: AskedQuestion): string {
    const id = this.newId();
    this.enqueue({ kind: 'question', at: this.now(), id, q });
    return id;
  }

  /**
   * Queues a vote (a second vote by the same user on the same answer replaces
   * the first). Never throws and never waits; the promise (which never
   * rejects) tells, once the batch was written or given up, whether it was
   * stored. flush() makes that now rather than within flushMs.
   */
  vote(v: Vote): Promise<VoteResult> {
    // Ids come back from buttons: anything not shaped like one of ours is not stored (it could fail a whole batch).
    if (!ANSWER_ID.test(v.answerId)) {
      this.counts.unsaved += 1;
      return Promise.resolve({ stored: false, reason: 'not an answer of this question log' });
    }
    const max = this.options.maxNoteChars ?? 1000;
    const note = v.note?.trim().slice(0, max);
    return new Promise<VoteResult>((settle) => this.enqueue({ kind: 'vote', at: this.now(), v: { ...v, ...(note ? { note } : { note: undefined }) }, settle }));
  }

  stats(): QuestionLogStats {
    return { ...this.counts, queued: this.queue.length };
  }

  /** Writes everything queued now; resolves when done (or given up). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    // One flush at a time, in order.
    this.flushing = this.flushing.then(() => this.drain());
    return this.flushing;
  }

  /** Deletes questions and votes older than keepDays; returns how many rows went. */
  async purge(): Promise<number> {
    await this.ensureConnected();
    const db = this.db;
    if (!db) return 0;
    const cutoff = this.now() - (this.options.keepDays ?? 90) * 86_400_000;
    const q = await db.deleteFrom('questions').where('asked_at', '<', cutoff).executeTakeFirst();
    const f = await db.deleteFrom('feedback').where('voted_at', '<', cutoff).executeTakeFirst();
    const removed = Number(q.numDeletedRows) + Number(f.numDeletedRows);
    if (removed > 0) this.options.logger.info({ removed, keepDays: this.options.keepDays ?? 90 }, 'question log purged');
    return removed;
  }

  /** Flushes what is queued, then closes the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    await this.flush();
    await this.connecting?.catch(() => undefined);
    await this.db?.destroy().catch(() => undefined);
    this.db = undefined;
  }

  private enqueue(item: Pending): void {
    if (this.closed || this.queue.length >= (this.options.maxQueue ?? 10_000)) {
      this.counts.unsaved += 1;
      settle([item], { stored: false, reason: this.closed ? 'the question log is closed' : 'too many rows are waiting for the database' });
      return;
    }
    this.queue.push(item);
    if (this.queue.length >= (this.options.maxBatch ?? 200)) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.options.flushMs ?? 250);
      this.timer.unref();
    }
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      await this.ensureConnected();
      if (!this.db || !this.key) {
        // Not reachable: what waits is lost, counted, and said once per outage.
        const lost = this.queue;
        this.queue = [];
        settle(lost, { stored: false, reason: this.fail(lost.length, this.lastError) });
        return;
      }
      const batch = this.queue.splice(0, this.options.maxBatch ?? 200);
      try {
        await this.write(this.db, this.key, batch);
        this.counts.stored += batch.length;
        if (this.failing) this.options.logger.info({ unsaved: this.counts.unsaved }, 'question log writes resumed');
        this.failing = false;
        settle(batch, { stored: true });
      } catch (error) {
        settle(batch, { stored: false, reason: this.fail(batch.length, error) });
      }
    }
  }

  private async write(db: LogDatabase, key: string, batch: Pending[]): Promise<void> {
    const questions: QuestionsTable[] = [];
    const votes: FeedbackTable[] = [];
    for (const p of batch) {
      if (p.kind === 'question') questions.push(questionRow(key, p.id, p.at, p.q));
      else votes.push({ answer_id: p.v.answerId, voter_hash: keyedHash(key, 'user', p.v.user), vote: p.v.vote === 'up' ? 1 : -1, note: p.v.note ?? null, voted_at: p.at });
    }
    await db.transaction().execute(async (trx) => {
      if (questions.length) await trx.insertInto('questions').values(questions).execute();
      // One statement per vote, in order: two votes on one answer in a batch must both apply.
      for (const v of votes) {
        await trx
          .insertInto('feedback')
          .values(v)
          .onConflict((oc) => oc.columns(['answer_id', 'voter_hash']).doUpdateSet({ vote: v.vote, note: v.note, voted_at: v.voted_at }))
          .execute();
      }
    });
  }

  private lastError: unknown;

  /** Counts rows not stored, says so once per outage, and returns the reason. */
  private fail(rows: number, error: unknown): string {
    this.counts.unsaved += rows;
    const reason = safeReason(error, this.options.target);
    if (this.failing) return reason;
    this.failing = true;
    this.options.logger.warn({ unsaved: this.counts.unsaved, reason }, 'question log: could not store questions; answering goes on');
    return reason;
  }

  private async ensureConnected(): Promise<void> {
    if (this.db && this.key) return;
    if (this.connecting) return this.connecting;
    if (this.now() < this.nextConnectAt) return;
    this.connecting = (async () => {
      try {
        const db = this.db ?? (await openDatabase(this.options.target, { onPoolError: (e) => (this.lastError = e) }));
        this.db = db;
        this.key ??= await settleKey(db, this.keySource, this.options.logger);
      } catch (error) {
        this.lastError = error;
        this.nextConnectAt = this.now() + (this.options.reconnectMs ?? 30_000);
        if (!this.failing) {
          this.failing = true;
          this.options.logger.warn({ reason: safeReason(error, this.options.target) }, 'question log: database unreachable; answering goes on without it');
        }
      } finally {
        this.connecting = undefined;
      }
    })();
    return this.connecting;
  }
}

function questionRow(key: string, id: string, at: number, q: AskedQuestion): QuestionsTable {
  return {
    id,
    asked_at: at,
    surface: q.surface,
    user_hash: keyedHash(key, 'user', q.user),
    conversation_hash: keyedHash(key, 'conversation', q.conversation),
    question: q.question,
    answer: q.answer.answer,
    kind: q.answer.kind,
    answered: q.answer.answered ? 1 : 0,
    confidence: q.answer.confidence,
    quotes: JSON.stringify(q.answer.quotes.map((x) => ({ documentId: x.source.documentId, paragraph: x.source.paragraph }))),
    latency_ms: Math.round(q.latencyMs * 1000) / 1000,
  };
}

function defaultKeySource(target: DatabaseTarget): KeySource {
  if (target.kind === 'postgres') throw new Error('a PostgreSQL question log needs a key: set QUESTION_LOG_KEY or QUESTION_LOG_KEY_FILE (see loadQuestionLogConfig)');
  // An in-memory database lives as long as the process, and so may its key.
  return target.file === ':memory:' ? { kind: 'value', value: newKey(), variable: 'an in-memory key' } : { kind: 'file', path: keyFileBeside(target.file) };
}

function settle(items: readonly Pending[], result: VoteResult): void {
  for (const p of items) if (p.kind === 'vote') p.settle(result);
}

/**
 * A database error in words safe for a log line or a terminal: one line, and
 * never the connection URL or its password (a driver may quote either).
 */
export function safeReason(error: unknown, target: DatabaseTarget): string {
  let reason = (error instanceof Error ? error.message : String(error ?? 'unreachable')).replace(/\s+/g, ' ').trim();
  if (target.kind === 'postgres') {
    const secrets = [target.url];
    try {
      const password = decodeURIComponent(new URL(target.url).password);
      if (password) secrets.push(password);
    } catch {
      // Not a URL this runtime parses: the whole string is still hidden.
    }
    for (const secret of secrets) reason = reason.split(secret).join('[redacted]');
  }
  return reason || 'unknown error';
}
