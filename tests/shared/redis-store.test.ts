/**
 * The Redis state store against a real redis-server started for the test:
 * two stores stand for two replicas; Redis stopped and started again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger } from '../../adapters/shared/logger.js';
import { createRateLimit } from '../../adapters/shared/rate-limit.js';
import { RedisStore } from '../../adapters/shared/state/redis-store.js';
import { installed, REDIS_SERVER } from '../helpers/machine-tools.js';
import { startRedis, type RedisServer } from '../helpers/redis-server.js';
import { waitFor } from '../helpers/wait-for.js';

let redis: RedisServer;

function replica() {
  const logs: Record<string, any>[] = [];
  const destination = new Writable({ write: (c, _e, done) => (logs.push(JSON.parse(String(c))), done()) });
  const store = new RedisStore({ url: redis.url, logger: createLogger({ level: 'info', destination }) });
  return { store, logs };
}

describe.skipIf(!installed(REDIS_SERVER, import.meta.url))('RedisStore', () => {
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.close());

  it('lets exactly one replica take an event, and shares values with expiry', async () => {
    const [a, b] = [replica(), replica()];
    await Promise.all([a.store.ready(), b.store.ready()]);
    try {
      const takes = await Promise.all([a.store.setIfAbsent('event:E1', '1', 60_000), b.store.setIfAbsent('event:E1', '1', 60_000)]);
      expect(takes.filter(Boolean)).toHaveLength(1);
      await a.store.set('conversation:c1', '["How much is InvestAI?"]', 60_000);
      expect(await b.store.get('conversation:c1')).toBe('["How much is InvestAI?"]');
      await a.store.set('expiring', 'x', 60_000);
      const ttl = await b.store.client.pttl('expiring');
      expect(ttl).toBeGreaterThan(50_000);
      expect(ttl).toBeLessThanOrEqual(60_000);
    } finally {
      await a.store.close();
      await b.store.close();
    }
  });

  it('shares a user\'s rate limit between replicas', async () => {
    const [a, b] = [replica(), replica()];
    await Promise.all([a.store.ready(), b.store.ready()]);
    try {
      const [la, lb] = [createRateLimit({ limit: 2, windowMs: 60_000, store: a.store }), createRateLimit({ limit: 2, windowMs: 60_000, store: b.store })];
      const user = `u-${Math.random()}`;
      const decisions = [await la.take(user), await lb.take(user), await la.take(user)];
      expect(decisions.map((d) => d.allowed)).toEqual([true, true, false]);
    } finally {
      await a.store.close();
      await b.store.close();
    }
  });

  it('keeps working while Redis is away, says so once, and recovers when it returns', async () => {
    const a = replica();
    await a.store.ready();
    try {
      expect(await a.store.setIfAbsent('event:before', '1', 60_000)).toBe(true);
      await redis.stop();
      // Answers go on from the local mirror: no throw, no crash.
      expect(await a.store.setIfAbsent('event:during', '1', 60_000)).toBe(true);
      expect(await a.store.setIfAbsent('event:during', '1', 60_000)).toBe(false);
      await a.store.set('conversation:d', 'kept', 60_000);
      expect(await a.store.get('conversation:d')).toBe('kept');
      const down = a.logs.filter((l) => l.msg.startsWith('Redis is unavailable'));
      expect(down).toHaveLength(1);
      expect(JSON.stringify(a.logs)).not.toContain(redis.url);

      await redis.start();
      await waitFor(() => a.logs.some((l) => l.msg.startsWith('Redis is back')), { what: 'the store to reconnect' });
      expect(a.store.connected).toBe(true);
      // What this replica took while Redis was away is still never taken twice.
      expect(await a.store.setIfAbsent('event:during', '1', 60_000)).toBe(false);
      // And Redis is used again: another replica sees new entries.
      const b = replica();
      await b.store.ready();
      expect(await a.store.setIfAbsent('event:after', '1', 60_000)).toBe(true);
      expect(await b.store.setIfAbsent('event:after', '1', 60_000)).toBe(false);
      await b.store.close();
      expect(a.logs.filter((l) => l.msg.startsWith('Redis is unavailable'))).toHaveLength(1);
    } finally {
      await a.store.close();
    }
  });
});

describe('REDIS_URL in logs', () => {
  it('never logs the URL or its password, even when Redis cannot be reached', async () => {
    const { chatSecrets } = await import('../../adapters/shared/config.js');
    const url = 'redis://:s3cret-pass@127.0.0.1:1';
    const lines: string[] = [];
    const destination = new Writable({ write: (c, _e, done) => (lines.push(String(c)), done()) });
    const store = new RedisStore({ url, logger: createLogger({ level: 'debug', destination, secrets: chatSecrets({ redisUrl: url }) }) });
    await store.setIfAbsent('event:x', '1', 1000);
    await store.close();
    expect(lines.join('')).toContain('Redis is unavailable');
    expect(lines.join('')).not.toContain('s3cret-pass');
  });
});
