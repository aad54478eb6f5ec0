/**
 * Per-key sliding-window rate limiter. State for a key is dropped as soon as
 * its window has passed, so memory stays bounded by the keys active within
 * one window (plus a hard cap).
 */
export interface RateLimiterOptions {
  /** Questions allowed per key within one window. Default 5. */
  limit?: number;
  /** Window length in milliseconds. Default 60,000. */
  windowMs?: number;
  /** Most keys tracked at once; the oldest are dropped past it. Default 10,000. */
  maxKeys?: number;
  /** Clock, injectable for tests. Default Date.now. */
  now?: () => number;
}

export interface RateDecision {
  allowed: boolean;
  /** When not allowed: milliseconds until the next question is accepted. */
  retryAfterMs: number;
}

export class RateLimiter {
  readonly limit: number;
  readonly windowMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;
  private readonly hits = new Map<string, number[]>();

  constructor(options: RateLimiterOptions = {}) {
    this.limit = options.limit ?? 5;
    this.windowMs = options.windowMs ?? 60_000;
    this.maxKeys = options.maxKeys ?? 10_000;
    this.now = options.now ?? Date.now;
    if (!(this.limit >= 1) || !(this.windowMs > 0)) throw new RangeError('rate limit needs limit >= 1 and windowMs > 0');
  }

  /** Records a question from `key` if allowed, and says whether it was. */
  take(key: string): RateDecision {
    const now = this.now();
    this.sweep(now);
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return { allowed: false, retryAfterMs: this.windowMs - (now - recent[0]!) };
    }
    recent.push(now);
    this.hits.delete(key); // re-insert so Map order tracks recency for the cap
    this.hits.set(key, recent);
    while (this.hits.size > this.maxKeys) this.hits.delete(this.hits.keys().next().value!);
    return { allowed: true, retryAfterMs: 0 };
  }

  /** Keys currently tracked (for leak checks). */
  get size(): number {
    return this.hits.size;
  }

  private lastSweep = 0;
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, times] of this.hits) {
      if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(key);
    }
  }
}

/** "Please wait 42 seconds" in plain words, for the friendly rate-limit reply. */
export function rateLimitMessage(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You're asking faster than I can keep up with. Please try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
}
