import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../adapters/shared/state/memory-store.js';

describe('MemoryStore', () => {
  it('forgets an entry once its time is up (injected clock)', async () => {
    // lru-cache reads a start time of 0 as "no expiry", so the clock starts later.
    let now = 10_000;
    const store = new MemoryStore({ now: () => now });
    await store.set('a', '1', 1_000);
    now = 10_999;
    expect(await store.get('a')).toBe('1');
    now = 11_001;
    expect(await store.get('a')).toBeUndefined();
    expect(store.localEntries()).toBe(0);
  });

  it('says whether a key was new, for de-duplicating replayed events, until it expires', async () => {
    let now = 10_000;
    const store = new MemoryStore({ now: () => now });
    expect(await store.setIfAbsent('event:1', '1', 100)).toBe(true);
    expect(await store.setIfAbsent('event:1', '1', 100)).toBe(false);
    now = 10_101;
    expect(await store.setIfAbsent('event:1', '1', 100)).toBe(true);
  });

  it('is bounded by bytes, not by count: 10,000 long values stay under the cap', async () => {
    const maxBytes = 2 * 1024 * 1024;
    const store = new MemoryStore({ maxBytes });
    const long = 'x'.repeat(1_000);
    for (let i = 0; i < 10_000; i++) await store.set(`conversation:${i}`, long, 60_000);
    expect(store.localBytes()).toBeLessThanOrEqual(maxBytes);
    // The newest survive, the oldest went first.
    expect(await store.get('conversation:9999')).toBe(long);
    expect(await store.get('conversation:0')).toBeUndefined();
  });

  it('refuses keys longer than the cap (callers hash long ids)', async () => {
    const store = new MemoryStore();
    await expect(store.set('k'.repeat(10_000), 'v', 1_000)).rejects.toThrow('state key longer than 512 characters');
  });
});
