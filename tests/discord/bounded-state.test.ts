import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { ExpiringMap } from '../../adapters/shared/expiring-map.js';
import { describeError, isRetryable, redactUrl, withRetry } from '../../adapters/discord/retry.js';

describe('ExpiringMap', () => {
  it('forgets an entry once its time is up', () => {
    let now = 0;
    const m = new ExpiringMap<string, number>({ ttlMs: 1_000, now: () => now });
    m.set('a', 1);
    now = 999;
    expect(m.get('a')).toBe(1);
    now = 1_000;
    expect(m.get('a')).toBeUndefined();
    expect(m.size).toBe(0);
  });

  it('never holds more than maxEntries, dropping the oldest first', () => {
    const m = new ExpiringMap<number, number>({ maxEntries: 100 });
    for (let i = 0; i < 100_000; i++) m.set(i, i);
    expect(m.size).toBe(100);
    expect(m.get(99_899)).toBeUndefined();
    expect(m.get(99_900)).toBe(99_900);
  });

  it('sweeps expired entries as new ones arrive, so idle keys do not pile up', () => {
    let now = 0;
    const m = new ExpiringMap<number, true>({ ttlMs: 10, maxEntries: 1_000_000, now: () => now });
    for (let i = 0; i < 10_000; i++) {
      now = i;
      m.set(i, true);
    }
    expect(m.size).toBe(10);
  });

  it('says whether a key was new, for de-duplicating replayed events', () => {
    const m = new ExpiringMap<string, true>();
    expect(m.add('interaction:1', true)).toBe(true);
    expect(m.add('interaction:1', true)).toBe(false);
  });

  it('refuses nonsensical bounds', () => {
    expect(() => new ExpiringMap({ maxEntries: 0 })).toThrow('ExpiringMap needs ttlMs > 0 and maxEntries >= 1');
  });
});

const body = { body: undefined, files: undefined };

describe('withRetry', () => {
  it('retries server errors with doubling, bounded delays, then gives up', async () => {
    const delays: number[] = [];
    let calls = 0;
    const failing = withRetry(
      async () => {
        calls++;
        throw new HTTPError(502, 'Bad Gateway', 'PATCH', 'http://127.0.0.1/api/v10/x', body);
      },
      { attempts: 5, baseDelayMs: 100, maxDelayMs: 300, sleep: async (ms) => void delays.push(ms) },
    );
    await expect(failing).rejects.toThrow('Bad Gateway');
    expect(calls).toBe(5);
    expect(delays).toEqual([100, 200, 300, 300]);
  });

  it('does not retry what a retry cannot fix', async () => {
    let calls = 0;
    const notFound = new DiscordAPIError({ message: 'Unknown interaction', code: 10062 }, 10062, 404, 'POST', 'http://x/api/v10/interactions/1/tok/callback', body);
    await expect(withRetry(async () => (calls++, Promise.reject(notFound)), { sleep: async () => {} })).rejects.toBe(notFound);
    expect(calls).toBe(1);
  });

  it('classifies errors', () => {
    expect(isRetryable(new HTTPError(500, 'x', 'GET', 'u', body))).toBe(true);
    expect(isRetryable(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }))).toBe(true);
    expect(isRetryable(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBe(true);
    expect(isRetryable(new RateLimitError({ timeToReset: 1, limit: 1, method: 'POST', hash: 'h', url: 'u', route: 'r', majorParameter: 'm', global: false, retryAfter: 60_000, sublimitTimeout: 0, scope: 'user' }))).toBe(false);
    expect(isRetryable('nope')).toBe(false);
  });
});

describe('describing errors for logs', () => {
  it('removes interaction and webhook tokens from paths', () => {
    expect(redactUrl('/api/v10/interactions/123/aW50ZXJhY3Rpb24/callback?with_response=false')).toBe('/api/v10/interactions/123/[token]/callback?with_response=false');
    expect(redactUrl('/api/v10/webhooks/456/aW50ZXJhY3Rpb24/messages/@original')).toBe('/api/v10/webhooks/456/[token]/messages/@original');
  });

  it('keeps status, code and path, never the request body', () => {
    const e = new DiscordAPIError({ message: 'Unknown Webhook', code: 10015 }, 10015, 404, 'PATCH', 'http://127.0.0.1:1/api/v10/webhooks/1/secret-token/messages/%40original', {
      body: { content: 'private question text' },
      files: undefined,
    });
    const d = describeError(e);
    expect(d).toEqual({ name: 'DiscordAPIError[10015]', message: 'Unknown Webhook', status: 404, method: 'PATCH', path: '/api/v10/webhooks/1/[token]/messages/%40original', code: 10015 });
    expect(JSON.stringify(d)).not.toContain('secret-token');
    expect(JSON.stringify(d)).not.toContain('private question');
  });
});
