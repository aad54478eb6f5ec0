/**
 * Per-user rate limits through rate-limiter-flexible: in memory for one
 * process, in Redis (with an in-memory stand-in while Redis is away) for
 * several replicas, so a user cannot multiply their quota by replica count.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { RedisStore } from './state/redis-store.js';
import type { StateStore } from './state/store.js';

export interface RateLimitOptions {
  /** Questions allowed per user within one window. Default 5. */
  limit?: number;
  /** Window length in milliseconds (whole seconds). Default 60,000. */
  windowMs?: number;
  /** Where the counters live: Redis when the store is Redis, else this process. */
  store?: StateStore;
}

export interface RateDecision {
  allowed: boolean;
  /** When not allowed: milliseconds until the next question is accepted. */
  retryAfterMs: number;
}

export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
  /** Counts a question from `key` if allowed, and says whether it was. */
  take(key: string): Promise<RateDecision>;
}

export function createRateLimit(options: RateLimitOptions = {}): RateLimit {
  const limit = options.limit ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  if (!(limit >= 1) || !(windowMs >= 1000)) throw new RangeError('rate limit needs limit >= 1 and windowMs >= 1000');
  const common = { points: limit, duration: Math.round(windowMs / 1000), keyPrefix: 'rate' };
  const memory = new RateLimiterMemory(common);
  const limiter: RateLimiterAbstract =
    options.store instanceof RedisStore
      ? new RateLimiterRedis({ ...common, storeClient: options.store.client, rejectIfRedisNotReady: true, insuranceLimiter: memory })
      : memory;
  return {
    limit,
    windowMs,
    async take(key) {
      try {
        await limiter.consume(key);
        return { allowed: true, retryAfterMs: 0 };
      } catch (result) {
        if (result instanceof RateLimiterRes) return { allowed: false, retryAfterMs: result.msBeforeNext };
        // A store failure the insurance could not absorb: let the question through rather than drop it.
        return { allowed: true, retryAfterMs: 0 };
      }
    },
  };
}

/** "Please wait 42 seconds" in plain words, for the friendly rate-limit reply. */
export function rateLimitMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You're asking faster than I can keep up with. Please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
}
