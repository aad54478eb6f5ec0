/**
 * Slack Web API faults, end to end through Bolt: the fake answers 429 with
 * Retry-After, 500, invalid_auth, or holds a request past the client's
 * timeout. The adapter retries what is retryable, gives up with a clear line
 * on what is not, never answers twice, and logs every question it could not
 * answer with its conversation id.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, createEngine, type Engine } from '../../src/index.js';
import { FAKE_SIGNING_SECRET, logEntries, secretsIn, startSlack, type Harness } from './harness.js';
import { envelope, mention, nextTs, postCommand, postEvent, slashCommand } from './slack-requests.js';
import { waitFor } from '../helpers/wait-for.js';
import { logId } from '../../adapters/shared/log-ids.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine();
});

describe('Web API faults while answering (HTTP mode)', () => {
  let h: Harness;
  beforeAll(async () => {
    // A held call (a 'hang' with no end) always times out, after 2 s; ordinary calls to the fake on
    // 127.0.0.1 have all of that even on a busy machine, where 300 ms was once too short for them.
    h = await startSlack({ mode: 'http', engine, env: { SLACK_RATE_LIMIT: '1000' }, retry: { timeoutMs: 2_000 } });
  });
  afterAll(() => h.stop());
  afterEach(() => expect(secretsIn(h.logs)).toEqual([]));

  /** Sends a mention in a new thread; returns the thread ts and the conversation id. */
  async function ask(channel: string) {
    const ts = nextTs();
    const res = await postEvent(h.url, FAKE_SIGNING_SECRET, envelope(mention({ channel, user: 'U1', ts, text: '<@UBOT> How much is InvestAI?' })));
    expect(res.status).toBe(200);
    return { ts, conversation: `slack:T1:${channel}:${ts}` };
  }
  const logsFor = (conversation: string) => logEntries(h.logs).filter((e) => e.conversation === logId(conversation));
  const postsTo = (channel: string) => h.fake.callsOf('chat.postMessage').filter((c) => c.params.channel === channel);
  const settled = () => waitFor(() => h.slack.inFlight === 0, { what: 'answers in flight to settle' });

  it('waits for Retry-After on 429, then answers once', async () => {
    h.fake.failNext('chat.postMessage', { kind: 'rate_limited', retryAfter: 1 });
    const { ts, conversation } = await ask('CF1');
    await waitFor(() => h.fake.messagesIn('CF1', ts)[0], { what: 'the answer after the 429' });
    await settled();
    expect(postsTo('CF1').map((c) => c.outcome)).toEqual(['429', 'ok']);
    expect(h.fake.messagesIn('CF1')).toHaveLength(1);
    const retry = logsFor(conversation).find((e) => e.msg.includes('retrying'));
    expect(retry).toMatchObject({ level: 40, what: 'chat.postMessage', delayMs: 1000 });
    expect(retry!.msg).toBe('chat.postMessage failed (rate limited (HTTP 429)); retrying');
    // The wait was the one Slack asked for, injected rather than slept.
    expect(h.sleeps).toContain(1000);
  });

  it('retries a 500, then answers once', async () => {
    h.fake.failNext('chat.postMessage', { kind: 'http', status: 500 }, { kind: 'http', status: 503 });
    const { ts } = await ask('CF2');
    await waitFor(() => h.fake.messagesIn('CF2', ts)[0]);
    await settled();
    expect(postsTo('CF2').map((c) => c.outcome)).toEqual(['500', '503', 'ok']);
    expect(h.fake.messagesIn('CF2')).toHaveLength(1);
  });

  it('gives up after the bounded attempts, and logs the unanswered question with its conversation', async () => {
    h.fake.failNext('chat.postMessage', ...Array.from({ length: 3 }, () => ({ kind: 'http' as const, status: 500 })));
    const { conversation } = await ask('CF3');
    const unanswered = await waitFor(() => logsFor(conversation).find((e) => e.msg === 'question could not be answered'));
    expect(unanswered).toMatchObject({ level: 50, surface: 'slack:mention', reason: 'HTTP 500 (after 3 attempts)' });
    expect(logsFor(conversation).find((e) => e.msg.startsWith('giving up'))!.msg).toBe('giving up on chat.postMessage: HTTP 500 (after 3 attempts)');
    expect(postsTo('CF3')).toHaveLength(3);
    expect(h.fake.messagesIn('CF3')).toHaveLength(0);
  });

  it('does not retry invalid_auth', async () => {
    h.fake.failNext('chat.postMessage', { kind: 'platform', error: 'invalid_auth' });
    const { conversation } = await ask('CF4');
    const unanswered = await waitFor(() => logsFor(conversation).find((e) => e.msg === 'question could not be answered'));
    expect(unanswered.reason).toBe('Slack answered invalid_auth (not retryable)');
    await settled();
    expect(postsTo('CF4')).toHaveLength(1);
  });

  it('after a timeout, finds the answer already posted and does not post it again', async () => {
    h.fake.failNext('chat.postMessage', { kind: 'hang', delivered: true });
    const { ts, conversation } = await ask('CF5');
    await waitFor(() => logsFor(conversation).some((e) => e.msg === 'answered'), { what: 'the answer to be confirmed' });
    expect(logsFor(conversation).some((e) => e.msg === 'chat.postMessage failed (request timed out) but had arrived')).toBe(true);
    expect(h.fake.callsOf('conversations.replies').some((c) => c.params.ts === ts)).toBe(true);
    expect(postsTo('CF5')).toHaveLength(1);
    expect(h.fake.messagesIn('CF5')).toHaveLength(1);
  });

  it('after a timeout that lost the post, posts it again, once', async () => {
    h.fake.failNext('chat.postMessage', { kind: 'hang', delivered: false });
    const { ts } = await ask('CF6');
    await waitFor(() => h.fake.messagesIn('CF6', ts)[0]);
    await settled();
    expect(postsTo('CF6').map((c) => c.outcome)).toEqual(['held, dropped', 'ok']);
    expect(h.fake.messagesIn('CF6')).toHaveLength(1);
  });

  it('after a timeout it cannot check, does not risk a double answer', async () => {
    h.fake.failNext('chat.postMessage', { kind: 'hang', delivered: true });
    h.fake.failNext('conversations.replies', { kind: 'platform', error: 'missing_scope' });
    const { conversation } = await ask('CF7');
    const unanswered = await waitFor(() => logsFor(conversation).find((e) => e.msg === 'question could not be answered'));
    expect(unanswered.reason).toBe('request timed out; delivery could not be confirmed, so it is not retried (no double answer)');
    expect(postsTo('CF7')).toHaveLength(1);
    expect(h.fake.messagesIn('CF7')).toHaveLength(1);
  });

  it('retries a response_url that answers 500, and never repeats one that timed out', async () => {
    h.fake.failNext('response_url', { kind: 'http', status: 500 });
    await postCommand(h.url, FAKE_SIGNING_SECRET, slashCommand({ text: 'How much is InvestAI?', channel: 'CF8', user: 'U2', responseUrl: h.fake.responseUrl('rf-1') }));
    await waitFor(() => h.fake.responses.find((r) => r.id === 'rf-1'));
    await settled();
    expect(h.fake.responses.filter((r) => r.id === 'rf-1')).toHaveLength(1);

    h.fake.failNext('response_url', { kind: 'hang', delivered: true });
    await postCommand(h.url, FAKE_SIGNING_SECRET, slashCommand({ text: 'How much is InvestAI?', channel: 'CF8', user: 'U3', responseUrl: h.fake.responseUrl('rf-2') }));
    const unanswered = await waitFor(() => logEntries(h.logs).find((e) => e.conversation === logId('slack:T1:CF8:ask:U3') && e.msg === 'question could not be answered'));
    expect(unanswered.reason).toContain('not retried (no double answer)');
    expect(h.fake.responses.filter((r) => r.id === 'rf-2')).toHaveLength(1);
  });
});

describe('Web API faults at start-up', () => {
  it('reports a rejected bot token as a configuration error', async () => {
    const failed = startSlack({ mode: 'http', engine, beforeStart: (fake) => fake.failNext('auth.test', { kind: 'platform', error: 'invalid_auth' }) });
    await expect(failed).rejects.toBeInstanceOf(ConfigError);
    await expect(failed).rejects.toThrow('configuration error:\n  - SLACK_BOT_TOKEN was rejected by Slack (invalid_auth)');
  });

  it('reports a rejected app-level token as a configuration error', async () => {
    const failed = startSlack({ mode: 'socket', engine, beforeStart: (fake) => fake.failNext('apps.connections.open', { kind: 'platform', error: 'invalid_auth' }) });
    await expect(failed).rejects.toThrow('configuration error:\n  - SLACK_APP_TOKEN was rejected by Slack (invalid_auth)');
  });

  it('retries a transient auth.test failure and starts', async () => {
    const h = await startSlack({ mode: 'http', engine, beforeStart: (fake) => fake.failNext('auth.test', { kind: 'http', status: 502 }) });
    try {
      expect(h.fake.callsOf('auth.test').map((c) => c.outcome)).toEqual(['502', 'ok']);
      expect(logEntries(h.logs).some((e) => e.msg === 'auth.test failed (HTTP 502); retrying')).toBe(true);
    } finally {
      await h.stop();
    }
  });
});
