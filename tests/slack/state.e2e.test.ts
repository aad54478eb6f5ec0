/**
 * The adapter's state (event ids, rate-limit windows, notices, share keys,
 * conversations) expires, so memory does not grow with traffic. Driven by a
 * faked Date (the rate limiter's and the store's clock) through the real Bolt app.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEngine } from '../../src/index.js';
import { DEFAULT_ACTION_TTL_MS } from '../../adapters/shared/actions.js';
import { CONVERSATION_MEMORY_MS, EVENT_MEMORY_MS } from '../../adapters/shared/pipeline.js';
import { FAKE_SIGNING_SECRET, startSlack, type Harness } from './harness.js';
import { envelope, mention, nextTs, postAction, postCommand, postEvent, shareClick, slashCommand } from './slack-requests.js';
import { waitFor } from '../helpers/wait-for.js';

describe('bounded, expiring state', () => {
  let h: Harness;
  const advance = (ms: number) => vi.setSystemTime(Date.now() + ms);
  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_800_000_000_000 });
    h = await startSlack({ mode: 'http', engine: await createEngine(), now: () => Date.now(), env: { SLACK_RATE_LIMIT: '1', SLACK_RATE_WINDOW_SECONDS: '60', LOG_LEVEL: 'info' } });
  });
  afterAll(async () => {
    await h.stop();
    vi.useRealTimers();
  });

  const ask = async (user: string, channel = 'CM1') => {
    const ts = nextTs();
    await postEvent(h.url, FAKE_SIGNING_SECRET, envelope(mention({ channel, user, ts, text: '<@UBOT> How much is InvestAI?' })));
    return waitFor(() => h.fake.messagesIn(channel, ts)[0]);
  };

  it('lets a rate-limited user ask again once the window has passed', async () => {
    expect((await ask('UA')).method).toBe('chat.postMessage');
    expect((await ask('UA')).method).toBe('chat.postEphemeral');
    advance(61_000);
    expect((await ask('UA')).method).toBe('chat.postMessage');
  });

  it('forgets notices, conversations and event ids once they expire', async () => {
    for (let i = 0; i < 30; i++) await ask(`UB${i}`);
    await ask('UB0'); // one notice
    const store = h.slack.pipeline.store;
    expect(store.localEntries()).toBeGreaterThanOrEqual(30 + 30 + 1);
    advance(Math.max(EVENT_MEMORY_MS, CONVERSATION_MEMORY_MS) + 1);
    expect(store.localEntries()).toBe(0);
  });

  it('expires a share button after 30 minutes', async () => {
    advance(61_000);
    await postCommand(h.url, FAKE_SIGNING_SECRET, slashCommand({ text: 'How much is InvestAI?', channel: 'CM2', user: 'UD', responseUrl: h.fake.responseUrl('st-ask') }));
    const reply = await waitFor(() => h.fake.responses.find((r) => r.id === 'st-ask'));
    advance(DEFAULT_ACTION_TTL_MS + 1);
    const value = reply.body.blocks.at(-1).elements[0].value;
    await postAction(h.url, FAKE_SIGNING_SECRET, shareClick({ value, channel: 'CM2', user: 'UD', responseUrl: h.fake.responseUrl('st-share') }));
    const late = await waitFor(() => h.fake.responses.find((r) => r.id === 'st-share'));
    expect(late.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(late.body.text).toContain('expired');
  });
});
