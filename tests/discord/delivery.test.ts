import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { classify, describeError, isRetryable, redactUrl } from '../../adapters/discord/delivery.js';

const body = { body: undefined, files: undefined };

describe('classifying Discord failures for the shared retry helper', () => {
  it('retries server errors and dropped connections, not what a retry cannot fix', () => {
    expect(classify(new HTTPError(502, 'Bad Gateway', 'PATCH', 'http://127.0.0.1/api/v10/x', body))).toEqual({ kind: 'retry', reason: 'HTTP 502' });
    const notFound = new DiscordAPIError({ message: 'Unknown interaction', code: 10062 }, 10062, 404, 'POST', 'http://x/api/v10/interactions/1/tok/callback', body);
    expect(classify(notFound)).toEqual({ kind: 'fatal', reason: 'HTTP 404' });
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
