/**
 * The adapter's own state (event ids, rate-limit windows, notices, pending
 * shares) expires, so memory does not grow with traffic. Driven by an injected
 * clock through the real Bolt app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/index.js';
import { EVENT_MEMORY_MS, SHARE_MEMORY_MS } from '../../adapters/slack/app.js';
import { FAKE_SIGNING_SECRET, startSlack, type Harness } from './harness.js';
import { envelope, mention, nextTs, postAction, postCommand, postEvent, shareClick, slashCommand } from './slack-requests.js';
import { waitFor } from '../helpers/wait-for.js';

describe('bounded, expiring state', () => {
  let h: Harness;
  let clock = 1_000_000;
  beforeAll(async () => {
    h = await startSlack({ mode: 'http', engine: await createEngine(), now: () => clock, env: { SLACK_RATE_LIMIT: '1', SLACK_RATE_WINDOW_SECONDS: '60', LOG_LEVEL: 'info' } });
  });
  afterAll(() => h.stop());

  const ask = async (user: string, channel = 'CM1') => {
    const ts = nextTs();
    await postEvent(h.url, FAKE_SIGNING_SECRET, envelope(mention({ channel, user, ts, text: '<@UBOT> How much is InvestAI?' })));
    return waitFor(() => h.fake.messagesIn(channel, ts)[0]);
  };

  it('lets a rate-limited user ask again once the window has passed', async () => {
    expect((await ask('UA')).method).toBe('chat.postMessage');
    expect((await ask('UA')).method).toBe('chat.postEphemeral');
    clock += 61_000;
    expect((await ask('UA')).method).toBe('chat.postMessage');
  });

  it('forgets users, notices and event ids once they expire', async () => {
    for (let i = 0; i < 30; i++) await ask(`UB${i}`);
    await ask('UB0'); // one notice
    expect(h.slack.stateSizes()).toMatchObject({ rateLimitedUsers: 31, notices: 1 });
    expect(h.slack.stateSizes().events).toBeGreaterThanOrEqual(34);

    clock += 61_000;
    await ask('UC');
    expect(h.slack.stateSizes()).toMatchObject({ rateLimitedUsers: 1, notices: 0 });
    clock += EVENT_MEMORY_MS;
    expect(h.slack.stateSizes().events).toBe(0);
  });

  it('expires a share button after 30 minutes', async () => {
    clock += 61_000;
    await postCommand(h.url, FAKE_SIGNING_SECRET, slashCommand({ text: 'How much is InvestAI?', channel: 'CM2', user: 'UD', responseUrl: h.fake.responseUrl('st-ask') }));
    const reply = await waitFor(() => h.fake.responses.find((r) => r.id === 'st-ask'));
    expect(h.slack.stateSizes().shares).toBe(1);
    clock += SHARE_MEMORY_MS;
    expect(h.slack.stateSizes().shares).toBe(0);
    const value = reply.body.blocks.at(-1).elements[0].value;
    await postAction(h.url, FAKE_SIGNING_SECRET, shareClick({ value, channel: 'CM2', user: 'UD', responseUrl: h.fake.responseUrl('st-share') }));
    const late = await waitFor(() => h.fake.responses.find((r) => r.id === 'st-share'));
    expect(late.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(late.body.text).toContain('expired');
  });
});
