/**
 * The question log: every answered question and every feedback vote, written
 * to the database in batches off the answer path. Asking never waits for the
 * database and never fails because of it: an unreachable or full database
 * costs one warning line per outage and a count of the rows not stored.
 */
import { randomUUID } from 'node:crypto';
import type { Answer } from '../../../src/index.js';
import type { DatabaseTarget } from './config.js';
import { newSalt, saltedHash } from './hash.js';
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
  /** Hash salt; default: the one stored in the database (generated on first use). */
  salt?: string;
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

type Pending = { kind: 'question'; at: number; id: string; q: AskedQuestion } | { kind: 'vote'; at: number; v: Vote };

export class QuestionLog {
  private db: LogDatabase | undefined;
  private salt: string | undefined;
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
    this.salt = options.salt;
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

  /** Queues a vote (a second vote by the same user on the same answer replaces the first). */
  vote(v: Vote): void {
    // Ids come back from buttons: anything not shaped like one of ours is not stored (it could fail a whole batch).
    if (!ANSWER_ID.test(v.answerId)) {
      this.counts.unsaved += 1;
      return;
    }
    const max = this.options.maxNoteChars ?? 1000;
    const note = v.note?.trim().slice(0, max);
    this.enqueue({ kind: 'vote', at: this.now(), v: { ...v, ...(note ? { note } : { note: undefined }) } });
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
      if (!this.db || !this.salt) {
        // Not reachable: what waits is lost, counted, and said once per outage.
        this.fail(this.queue.length, this.lastError);
        this.queue = [];
        return;
      }
      const batch = this.queue.splice(0, this.options.maxBatch ?? 200);
      try {
        await this.write(this.db, this.salt, batch);
        this.counts.stored += batch.length;
        if (this.failing) this.options.logger.info({ unsaved: this.counts.unsaved }, 'question log writes resumed');
        this.failing = false;
      } catch (error) {
        this.fail(batch.length, error);
      }
    }
  }

  private async write(db: LogDatabase, salt: string, batch: Pending[]): Promise<void> {
    const questions: QuestionsTable[] = [];
    const votes: FeedbackTable[] = [];
    for (const p of batch) {
      if (p.kind === 'question') questions.push(questionRow(salt, p.id, p.at, p.q));
      else votes.push({ answer_id: p.v.answerId, voter_hash: saltedHash(salt, 'user', p.v.user), vote: p.v.vote === 'up' ? 1 : -1, note: p.v.note ?? null, voted_at: p.at });
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

  private fail(rows: number, error: unknown): void {
    this.counts.unsaved += rows;
    if (this.failing) return;
    this.failing = true;
    const reason = error instanceof Error ? error.message : String(error ?? 'unreachable');
    this.options.logger.warn({ unsaved: this.counts.unsaved, reason }, 'question log: could not store questions; answering goes on');
  }

  private async ensureConnected(): Promise<void> {
    if (this.db && this.salt) return;
    if (this.connecting) return this.connecting;
    if (this.now() < this.nextConnectAt) return;
    this.connecting = (async () => {
      try {
        const db = this.db ?? (await openDatabase(this.options.target, { onPoolError: (e) => (this.lastError = e) }));
        this.db = db;
        this.salt ??= await storedSalt(db);
      } catch (error) {
        this.lastError = error;
        this.nextConnectAt = this.now() + (this.options.reconnectMs ?? 30_000);
        if (!this.failing) {
          this.failing = true;
          const reason = error instanceof Error ? error.message : String(error);
          this.options.logger.warn({ reason }, 'question log: database unreachable; answering goes on without it');
        }
      } finally {
        this.connecting = undefined;
      }
    })();
    return this.connecting;
  }
}

function questionRow(salt: string, id: string, at: number, q: AskedQuestion): QuestionsTable {
  return {
    id,
    asked_at: at,
    surface: q.surface,
    user_hash: saltedHash(salt, 'user', q.user),
    conversation_hash: saltedHash(salt, 'conversation', q.conversation),
    question: q.question,
    answer: q.answer.answer,
    kind: q.answer.kind,
    answered: q.answer.answered ? 1 : 0,
    confidence: q.answer.confidence,
    quotes: JSON.stringify(q.answer.quotes.map((x) => ({ documentId: x.source.documentId, paragraph: x.source.paragraph }))),
    latency_ms: Math.round(q.latencyMs * 1000) / 1000,
  };
}

/** The salt kept in the database, created by whichever process gets there first. */
async function storedSalt(db: LogDatabase): Promise<string> {
  await db.insertInto('settings').values({ key: 'hash_salt', value: newSalt() }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'hash_salt').executeTakeFirstOrThrow();
  return row.value;
}
