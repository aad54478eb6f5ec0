/**
 * What the interaction and message handlers share: the engine, the logger,
 * the rate limiter and the adapter's bounded state.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from '../shared/logger.js';
import { RateLimiter } from '../shared/rate-limit.js';
import type { Answer, Engine } from '../../src/index.js';
import { ExpiringMap } from '../shared/expiring-map.js';
import { describeError, withRetry, type RetryOptions } from './retry.js';
import type { DiscordCharts } from './chart-attach.js';

export interface StateOptions {
  /** Answers kept for their buttons. Default 2,000. */
  maxAnswers?: number;
  /** How long buttons keep working, in ms. Default one hour. */
  answerTtlMs?: number;
  /** Reply chains and handled-event ids remembered. Default 10,000. */
  maxTracked?: number;
  /** How long a reply chain stays one conversation, in ms. Default one hour. */
  chainTtlMs?: number;
}

export type Surface = 'slash' | 'mention' | 'thread' | 'dm' | 'button';

export class BotContext {
  /** Answers behind "More sources" / "Show the figures", by the key their buttons carry. */
  readonly answers: ExpiringMap<string, Answer>;
  /** Message id (a question or our reply) -> conversation id, so replies to replies follow up. */
  readonly chains: ExpiringMap<string, string>;
  /** Interaction and message ids already handled: a replayed event is never answered twice. */
  readonly handled: ExpiringMap<string, true>;
  /** One rate-limit notice per user per window, so a flood does not get a flood of notices back. */
  readonly notices: RateLimiter;
  /** Attaches charts to answers with two or more amounts; no charts when unset. */
  charts?: DiscordCharts;
  private readonly keyPrefix = randomBytes(3).toString('hex');
  private nextKey = 0;

  constructor(
    readonly engine: Engine,
    readonly logger: Logger,
    readonly limiter: RateLimiter,
    readonly retry: RetryOptions,
    state: StateOptions = {},
    now: () => number = Date.now,
  ) {
    this.answers = new ExpiringMap({ maxEntries: state.maxAnswers ?? 2_000, ttlMs: state.answerTtlMs ?? 3_600_000, now });
    this.chains = new ExpiringMap({ maxEntries: state.maxTracked ?? 10_000, ttlMs: state.chainTtlMs ?? 3_600_000, now });
    this.handled = new ExpiringMap({ maxEntries: state.maxTracked ?? 10_000, ttlMs: 15 * 60_000, now });
    this.notices = new RateLimiter({ limit: 1, windowMs: limiter.windowMs, now });
  }

  /** Keeps an answer for its buttons and returns the key they carry. */
  remember(answer: Answer): string {
    const key = `${this.keyPrefix}${(this.nextKey++).toString(36)}`;
    this.answers.set(key, answer);
    return key;
  }

  /** Asks the engine; it never throws, but a bug must cost one answer, not the process. */
  ask(question: string, conversation: string, surface: Surface): Answer | undefined {
    const started = performance.now();
    try {
      const answer = this.engine.ask(question, { conversation });
      this.logger.info(
        { surface, conversation, kind: answer.kind, answered: answer.answered, questionChars: question.length, ms: Math.round(performance.now() - started) },
        'answered',
      );
      return answer;
    } catch (error) {
      this.logger.error({ surface, conversation, err: describeError(error) }, 'the engine failed on a question');
      return undefined;
    }
  }

  /** Sends with bounded retries; on final failure logs the conversation so the question is never dropped silently. */
  async deliver<T>(what: string, conversation: string, send: () => Promise<T>): Promise<T | undefined> {
    try {
      return await withRetry(send, this.retry);
    } catch (error) {
      this.logger.error({ conversation, what, err: describeError(error) }, 'could not deliver to Discord after retries; the question went unanswered');
      return undefined;
    }
  }
}
