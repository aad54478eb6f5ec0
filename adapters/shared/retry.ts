/**
 * The one retry loop for every platform's deliveries: bounded attempts,
 * doubling backoff with jitter, a server's own Retry-After honoured up to a
 * ceiling, and for ambiguous failures (a timeout: did it arrive?) a check
 * before trying again, so that no question is answered twice.
 */
import type { Logger } from './logger.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. Default 4. */
  maxAttempts: number;
  /** First backoff delay; it doubles on each retry, with jitter in [half, full]. Default 250 ms. */
  baseDelayMs: number;
  /** Longest wait before one retry; a longer Retry-After means giving up. Default 30,000 ms. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 30_000 };

/** How a platform judges one failure. */
export type Verdict =
  | { kind: 'retry'; reason: string; delayMs?: number }
  /** The request may have been acted on (a timeout): retried only if `confirm` shows it was not. */
  | { kind: 'unsure'; reason: string }
  | { kind: 'fatal'; reason: string };

export interface RetryOptions {
  /** What is being sent, for log lines ("chat.postMessage", "deferred reply"). */
  what: string;
  /** Conversation id, for log lines; none for calls outside a conversation (start-up). */
  conversation?: string;
  logger: Logger;
  policy?: Partial<RetryPolicy>;
  classify(error: unknown): Verdict;
  /** After an unsure failure: true if it arrived, false if not, undefined if it cannot be told. */
  confirm?(): Promise<boolean | undefined>;
  /** Loggable form of an error. Default: the error as is (the logger scrubs secrets). */
  describe?(error: unknown): unknown;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export type Outcome<T> = { ok: true; value: T | undefined; attempts: number } | { ok: false; attempts: number; reason: string };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `call` until it succeeds, fails for good, or runs out of attempts; never throws. */
export async function withRetries<T>(call: (attempt: number) => Promise<T>, options: RetryOptions): Promise<Outcome<T>> {
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const describe = options.describe ?? ((e: unknown) => e);
  const { logger, what, conversation } = options;
  const giveUp = (attempts: number, reason: string, failure: unknown): Outcome<T> => {
    logger.error({ what, conversation, attempts, err: describe(failure) }, `giving up on ${what}: ${reason}`);
    return { ok: false, attempts, reason };
  };
  for (let attempt = 1; ; attempt++) {
    let failure: unknown;
    try {
      return { ok: true, value: await call(attempt), attempts: attempt };
    } catch (error) {
      failure = error;
    }
    const verdict = options.classify(failure);
    if (verdict.kind === 'unsure') {
      const seen = options.confirm ? await options.confirm().catch(() => undefined) : undefined;
      if (seen === true) {
        logger.info({ what, conversation, attempts: attempt }, `${what} failed (${verdict.reason}) but had arrived`);
        return { ok: true, value: undefined, attempts: attempt };
      }
      if (seen === undefined) return giveUp(attempt, `${verdict.reason}; delivery could not be confirmed, so it is not retried (no double answer)`, failure);
    }
    if (verdict.kind === 'fatal') return giveUp(attempt, `${verdict.reason} (not retryable)`, failure);
    if (attempt >= policy.maxAttempts) return giveUp(attempt, `${verdict.reason} (after ${attempt} attempts)`, failure);
    const asked = verdict.kind === 'retry' ? verdict.delayMs : undefined;
    if (asked !== undefined && asked > policy.maxDelayMs) {
      return giveUp(attempt, `${verdict.reason}; asked to wait ${Math.ceil(asked / 1000)} s, longer than the ${policy.maxDelayMs / 1000} s allowed`, failure);
    }
    const delayMs = asked ?? backoff(policy, attempt, random);
    logger.warn({ what, conversation, attempt, delayMs, err: describe(failure) }, `${what} failed (${verdict.reason}); retrying`);
    await sleep(delayMs);
  }
}

/** Backoff before retry number `attempt` (from 1): doubling, capped, with jitter in [half, full]. */
export function backoff(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(base / 2 + (base / 2) * random());
}
