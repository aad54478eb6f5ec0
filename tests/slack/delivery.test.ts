/**
 * The retrying sender with the production policy (DEFAULT_RETRY_POLICY), a stub
 * Web API client built from the Web API's own error classes, and a recorded
 * sleep instead of real waiting.
 */
import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { ANSWER_EVENT_TYPE, classify, DEFAULT_RETRY_POLICY, SlackSender, type WebApi } from '../../adapters/slack/delivery.js';
import { createLogger } from '../../adapters/shared/logger.js';
import { logId } from '../../adapters/shared/log-ids.js';

const platform = (error: string) => new webApi.WebAPIPlatformError({ ok: false, error } as never);
const http = (status: number) => new webApi.WebAPIHTTPError(status, 'error', {}, 'body');
const timeout = () => new webApi.WebAPIRequestError(Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }));
const network = (code: string) => new webApi.WebAPIRequestError(Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error(code), { code }) }));

/** A client whose chat.postMessage fails with the given errors, in order, then succeeds. */
function stubClient(failures: Error[], history: { delivered?: boolean; fails?: boolean } = {}) {
  const posts: Record<string, unknown>[] = [];
  let lookups = 0;
  const client: WebApi = {
    chat: {
      async postMessage(args) {
        posts.push(args);
        const failure = failures.shift();
        if (failure) throw failure;
        return { ok: true };
      },
      async postEphemeral() {
        return { ok: true };
      },
    },
    conversations: {
      async replies(args) {
        lookups += 1;
        if (history.fails) throw platform('missing_scope');
        const id = (posts[0]?.metadata as { event_payload: { delivery_id: string } }).event_payload.delivery_id;
        expect(args).toMatchObject({ include_all_metadata: true, ts: '111.222' });
        return { messages: history.delivered ? [{ metadata: { event_type: ANSWER_EVENT_TYPE, event_payload: { delivery_id: id } } }] : [] };
      },
      async history() {
        return { messages: [] };
      },
    },
  };
  return { client, posts, lookups: () => lookups };
}

function makeSender(client: WebApi) {
  const sleeps: number[] = [];
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (l: string) => (lines.push(l), true) } as unknown as NodeJS.WritableStream });
  const sender = new SlackSender({ client, logger, sleep: async (ms) => void sleeps.push(ms) });
  return { sender, sleeps, lines };
}

const post = (sender: SlackSender) => sender.postMessage({ channel: 'C1', thread_ts: '111.222' }, { text: 'hi', blocks: [] }, { conversation: 'slack:T1:C1:111.222', deliveryId: 'Ev1' });

describe('SlackSender with the production retry policy', () => {
  it('is bounded: at most 4 attempts, waits doubling from 1 s, then one clear line', async () => {
    const stub = stubClient([http(500), http(500), http(500), http(500), http(500)]);
    const { sender, sleeps, lines } = makeSender(stub.client);
    expect(await post(sender)).toEqual({ ok: false, attempts: DEFAULT_RETRY_POLICY.maxAttempts, reason: 'HTTP 500 (after 4 attempts)' });
    expect(stub.posts).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
    sleeps.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual((1000 * 2 ** i) / 2);
      expect(ms).toBeLessThanOrEqual(1000 * 2 ** i);
    });
    const last = JSON.parse(lines.at(-1)!);
    expect(last).toMatchObject({ level: 50, what: 'chat.postMessage', conversation: logId('slack:T1:C1:111.222'), attempts: 4 });
    expect(last.msg).toBe('giving up on chat.postMessage: HTTP 500 (after 4 attempts)');
  });

  it('waits for Retry-After on 429, and gives up when Slack asks for longer than 30 s', async () => {
    const ok = stubClient([new webApi.WebAPIRateLimitedError(5)]);
    const a = makeSender(ok.client);
    expect(await post(a.sender)).toMatchObject({ ok: true, attempts: 2 });
    expect(a.sleeps).toEqual([5000]);

    const long = stubClient([new webApi.WebAPIRateLimitedError(120)]);
    const b = makeSender(long.client);
    expect(await post(b.sender)).toMatchObject({ ok: false, attempts: 1 });
    expect(b.sleeps).toEqual([]);
    expect(JSON.parse(b.lines.at(-1)!).msg).toBe('giving up on chat.postMessage: rate limited (HTTP 429); asked to wait 120 s, longer than the 30 s allowed');
  });

  it('does not retry what no retry can fix', async () => {
    for (const error of ['invalid_auth', 'channel_not_found', 'not_in_channel', 'msg_too_long']) {
      const stub = stubClient([platform(error)]);
      const { sender, sleeps } = makeSender(stub.client);
      expect(await post(sender)).toEqual({ ok: false, attempts: 1, reason: `Slack answered ${error} (not retryable)` });
      expect(stub.posts).toHaveLength(1);
      expect(sleeps).toEqual([]);
    }
  });

  it('after a timeout, looks for the message before posting again', async () => {
    const delivered = stubClient([timeout()], { delivered: true });
    expect(await post(makeSender(delivered.client).sender)).toMatchObject({ ok: true, attempts: 1 });
    expect(delivered.posts).toHaveLength(1);
    expect(delivered.lookups()).toBe(1);

    const lost = stubClient([timeout()], { delivered: false });
    expect(await post(makeSender(lost.client).sender)).toMatchObject({ ok: true, attempts: 2 });
    expect(lost.posts).toHaveLength(2);
    expect(lost.posts[0]).toEqual(lost.posts[1]);

    const unknown = stubClient([timeout()], { fails: true });
    const u = makeSender(unknown.client);
    expect(await post(u.sender)).toMatchObject({ ok: false, attempts: 1 });
    expect(unknown.posts).toHaveLength(1);
    expect(JSON.parse(u.lines.at(-1)!).msg).toContain('delivery could not be confirmed, so it is not retried (no double answer)');
  });

  it('retries a refused connection but treats a reset one as a possible delivery', () => {
    expect(classify(network('ECONNREFUSED'))).toMatchObject({ kind: 'retry' });
    expect(classify(network('ECONNRESET'))).toMatchObject({ kind: 'unsure' });
    expect(classify(http(503))).toMatchObject({ kind: 'retry' });
    expect(classify(http(404))).toMatchObject({ kind: 'fatal' });
    expect(classify(platform('internal_error'))).toMatchObject({ kind: 'retry' });
  });

  it('never retries an ephemeral post or a response_url after a timeout (it cannot be checked)', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (l: string) => (lines.push(l), true) } as unknown as NodeJS.WritableStream });
    let calls = 0;
    const fetchStub = (async () => {
      calls += 1;
      throw Object.assign(new Error('aborted'), { name: 'TimeoutError' });
    }) as unknown as typeof fetch;
    const sender = new SlackSender({ client: stubClient([]).client, logger, fetch: fetchStub, sleep: async () => {} });
    expect(await sender.respond('http://127.0.0.1:9/respond', { text: 'x' }, { conversation: 'c', deliveryId: 'd' })).toMatchObject({ ok: false, attempts: 1 });
    expect(calls).toBe(1);
  });
});
