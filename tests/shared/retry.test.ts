import { describe, expect, it } from 'vitest';
import { createLogger } from '../../adapters/shared/logger.js';
import { backoff, withRetries, type Verdict } from '../../adapters/shared/retry.js';

const silent = createLogger({ level: 'silent' });
const retry = (): Verdict => ({ kind: 'retry', reason: 'HTTP 502' });

describe('withRetries', () => {
  it('retries with doubling, capped, jittered delays, then gives up without throwing', async () => {
    const delays: number[] = [];
    let calls = 0;
    const outcome = await withRetries(
      async () => {
        calls++;
        throw new Error('502');
      },
      { what: 'test', conversation: 'c', logger: silent, policy: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 300 }, classify: retry, random: () => 1, sleep: async (ms) => void delays.push(ms) },
    );
    expect(outcome).toEqual({ ok: false, attempts: 5, reason: 'HTTP 502 (after 5 attempts)' });
    expect(calls).toBe(5);
    expect(delays).toEqual([100, 200, 300, 300]);
  });

  it('puts the jitter in [half, full] of the doubled delay', () => {
    const policy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000 };
    expect(backoff(policy, 2, () => 0)).toBe(1000);
    expect(backoff(policy, 2, () => 1)).toBe(2000);
  });

  it('honours a Retry-After up to the ceiling, and gives up past it', async () => {
    const delays: number[] = [];
    let calls = 0;
    const soon = await withRetries(async () => (++calls === 1 ? Promise.reject(new Error('429')) : 'sent'), {
      what: 'test', conversation: 'c', logger: silent, classify: () => ({ kind: 'retry', reason: '429', delayMs: 1_500 }), sleep: async (ms) => void delays.push(ms),
    });
    expect(soon).toEqual({ ok: true, value: 'sent', attempts: 2 });
    expect(delays).toEqual([1_500]);
    const late = await withRetries(() => Promise.reject(new Error('429')), {
      what: 'test', conversation: 'c', logger: silent, policy: { maxDelayMs: 30_000 }, classify: () => ({ kind: 'retry', reason: '429', delayMs: 60_000 }), sleep: async () => {},
    });
    expect(late.ok).toBe(false);
  });

  it('after an ambiguous failure, checks before trying again: never twice', async () => {
    let calls = 0;
    const unsure = (): Verdict => ({ kind: 'unsure', reason: 'timed out' });
    const arrived = await withRetries(async () => (calls++, Promise.reject(new Error('timeout'))), { what: 't', conversation: 'c', logger: silent, classify: unsure, confirm: async () => true, sleep: async () => {} });
    expect(arrived).toMatchObject({ ok: true, attempts: 1 });
    expect(calls).toBe(1);
    const unknown = await withRetries(async () => (calls++, Promise.reject(new Error('timeout'))), { what: 't', conversation: 'c', logger: silent, classify: unsure, sleep: async () => {} });
    expect(unknown.ok).toBe(false);
    expect(calls).toBe(2);
  });
});
