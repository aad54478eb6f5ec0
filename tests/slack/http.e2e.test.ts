/**
 * The Slack adapter end to end in HTTP mode: signed requests into the real
 * Bolt HTTPReceiver, the real engine on the bundled corpus, answers recorded
 * by the fake Slack Web API and response_url sink on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/index.js';
import { renderAnswer, SHARE_ACTION_ID } from '../../adapters/slack/render.js';
import { escapeMrkdwn } from '../../adapters/slack/markup.js';
import { FAKE_SIGNING_SECRET, spyEngine, startSlack, type Harness } from './harness.js';
import { expectNoPings, expectWithinSlackLimits } from './limits.js';
import { directMessage, envelope, mention, nextTs, postAction, postCommand, postEvent, shareClick, slashCommand } from './slack-requests.js';
import { waitFor } from '../helpers/wait-for.js';

let base: Engine;
beforeAll(async () => {
  base = await createEngine();
});

describe('Slack adapter over HTTP', () => {
  let h: Harness;
  let engine: ReturnType<typeof spyEngine>;
  beforeAll(async () => {
    engine = spyEngine(base);
    // The rate limit has its own suite below; here it must not get in the way.
    h = await startSlack({ mode: 'http', engine, env: { SLACK_RATE_LIMIT: '1000' } });
  });
  afterAll(() => h.stop());

  const send = (event: Record<string, unknown>, options?: Parameters<typeof postEvent>[3]) => postEvent(h.url, FAKE_SIGNING_SECRET, event, options);
  const callIn = (conversation: string) => engine.calls.filter((c) => c.options?.conversation === conversation);

  it('answers a mention in the thread of the mention, with blocks and a fallback text', async () => {
    const ts = nextTs();
    const res = await send(envelope(mention({ channel: 'C100', user: 'U1', text: '<@UBOT> How much is InvestAI?', ts })));
    expect(res.status).toBe(200);
    const posted = await waitFor(() => h.fake.messagesIn('C100', ts)[0], { what: 'the answer in the thread' });
    const [call] = callIn(`slack:T1:C100:${ts}`);
    expect(call?.question).toBe('How much is InvestAI?');
    const expected = renderAnswer(call!.answer);
    expect(posted.method).toBe('chat.postMessage');
    expect(posted.blocks).toEqual(expected.blocks);
    expect(posted.text).toBe(expected.text);
    expect(posted.text).toContain(escapeMrkdwn(call!.answer.answer));
    // Quotes go in rich text, which takes no markup: shown exactly as the source has them.
    expect(posted.blocks!.filter((b) => b.type === 'rich_text').map((b) => b.elements[0].elements[0].text)).toEqual(call!.answer.quotes.map((q) => q.text));
    expectWithinSlackLimits(posted);
    expectNoPings(posted);
  });

  it('treats later mentions in the thread as follow-ups of the same conversation', async () => {
    const root = nextTs();
    await send(envelope(mention({ channel: 'C101', user: 'U1', text: '<@UBOT> How much is InvestAI?', ts: root })));
    await waitFor(() => h.fake.messagesIn('C101', root)[0]);
    await send(envelope(mention({ channel: 'C101', user: 'U2', text: '<@UBOT> and the US?', thread_ts: root })));
    await waitFor(() => h.fake.messagesIn('C101', root)[1], { what: 'the follow-up answer' });
    const calls = callIn(`slack:T1:C101:${root}`);
    // The earlier question is replayed as context before the follow-up, in the same conversation.
    expect(calls.map((c) => c.question)).toEqual(['How much is InvestAI?', 'How much is InvestAI?', 'and the US?']);
    expect(h.fake.messagesIn('C101', root)[1]!.blocks).toEqual(renderAnswer(calls.at(-1)!.answer).blocks);
    // Another thread in the same channel is another conversation.
    const other = nextTs();
    await send(envelope(mention({ channel: 'C101', user: 'U1', text: '<@UBOT> and the US?', ts: other })));
    await waitFor(() => h.fake.messagesIn('C101', other)[0]);
    expect(callIn(`slack:T1:C101:${other}`).map((c) => c.question)).toEqual(['and the US?']);
  });

  it('answers every direct message, the DM being one conversation', async () => {
    await send(envelope(directMessage({ channel: 'D200', user: 'U3', text: 'How much is InvestAI?' })));
    await waitFor(() => h.fake.messagesIn('D200')[0]);
    await send(envelope(directMessage({ channel: 'D200', user: 'U3', text: 'and the US?' })));
    const second = await waitFor(() => h.fake.messagesIn('D200')[1], { what: 'the second DM answer' });
    const calls = callIn('slack:T1:D200');
    expect(calls.map((c) => c.question)).toEqual(['How much is InvestAI?', 'How much is InvestAI?', 'and the US?']);
    expect(second.thread_ts).toBeUndefined();
    expect(second.blocks).toEqual(renderAnswer(calls.at(-1)!.answer).blocks);
  });

  it('answers /ask ephemerally with a share button that posts the same answer in the channel once', async () => {
    const res = await postCommand(h.url, FAKE_SIGNING_SECRET, slashCommand({ text: 'How much is InvestAI?', channel: 'C300', user: 'U4', responseUrl: h.fake.responseUrl('ask-1') }));
    expect(res.status).toBe(200);
    const reply = await waitFor(() => h.fake.responses.find((r) => r.id === 'ask-1'), { what: 'the ephemeral /ask reply' });
    const [call] = callIn('slack:T1:C300:ask:U4');
    expect(reply.body.response_type).toBe('ephemeral');
    const actions = reply.body.blocks.at(-1);
    expect(actions).toMatchObject({ type: 'actions', elements: [{ action_id: SHARE_ACTION_ID }] });
    expect(reply.body.blocks.slice(0, -1)).toEqual(renderAnswer(call!.answer, { reserveBlocks: 1 }).blocks);
    expectWithinSlackLimits(reply.body);

    const click = shareClick({ value: actions.elements[0].value, channel: 'C300', user: 'U4', responseUrl: h.fake.responseUrl('share-1') });
    expect((await postAction(h.url, FAKE_SIGNING_SECRET, click)).status).toBe(200);
    const shared = await waitFor(() => h.fake.responses.find((r) => r.id === 'share-1'), { what: 'the shared answer' });
    expect(shared.body).toMatchObject({ response_type: 'in_channel', delete_original: true });
    expect(shared.body.blocks.slice(0, -1)).toEqual(renderAnswer(call!.answer).blocks);
    expect(shared.body.blocks.at(-1).elements[0].text).toContain('How much is InvestAI?');

    // A second click (a double click, or a stale copy) does not post it again.
    await postAction(h.url, FAKE_SIGNING_SECRET, { ...click, response_url: h.fake.responseUrl('share-2') });
    const again = await waitFor(() => h.fake.responses.find((r) => r.id === 'share-2'));
    expect(again.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(again.body.text).toContain('already shared');
    expect(h.fake.responses.filter((r) => r.body.response_type === 'in_channel')).toHaveLength(1);
  });

  it('lets only the asker share a private answer: a copied share value from someone else is refused', async () => {
    await postCommand(h.url, FAKE_SIGNING_SECRET, slashCommand({ text: 'How much is InvestAI?', channel: 'C310', user: 'U5', responseUrl: h.fake.responseUrl('ask-own') }));
    const reply = await waitFor(() => h.fake.responses.find((r) => r.id === 'ask-own'));
    const value: string = reply.body.blocks.at(-1).elements[0].value;
    expect(value).toMatch(/^[A-Za-z0-9_-]{22}$/);
    await postAction(h.url, FAKE_SIGNING_SECRET, shareClick({ value, channel: 'C310', user: 'U6', responseUrl: h.fake.responseUrl('share-thief') }));
    const refused = await waitFor(() => h.fake.responses.find((r) => r.id === 'share-thief'));
    expect(refused.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(refused.body.text).toBe('Only the person who asked can use this button.');
    expect(h.fake.responses.filter((r) => r.body.response_type === 'in_channel' && r.id.startsWith('share-thief'))).toHaveLength(0);
    // The asker still can.
    await postAction(h.url, FAKE_SIGNING_SECRET, shareClick({ value, channel: 'C310', user: 'U5', responseUrl: h.fake.responseUrl('share-own') }));
    expect((await waitFor(() => h.fake.responses.find((r) => r.id === 'share-own'))).body.response_type).toBe('in_channel');
  });

  it('offers no Share under a refusal (a question too long, or one the sources cannot answer)', async () => {
    const questions = ['How much is InvestAI? '.repeat(200), 'What is the capital of Peru?'];
    for (const [n, text] of questions.entries()) {
      await postCommand(h.url, FAKE_SIGNING_SECRET, slashCommand({ text, channel: 'C320', user: 'U7', responseUrl: h.fake.responseUrl(`refusal-${n}`) }));
      const reply = await waitFor(() => h.fake.responses.find((r) => r.id === `refusal-${n}`));
      expect(reply.body.response_type).toBe('ephemeral');
      expect(reply.body.blocks.some((b: { type: string }) => b.type === 'actions')).toBe(false);
    }
    const calls = callIn('slack:T1:C320:ask:U7');
    expect(calls.map((c) => c.answer.kind)).toEqual(['invalid', 'not_found']);
  });

  it('explains usage for /ask alone and /ask help', async () => {
    for (const [text, id] of [['', 'help-empty'], ['help', 'help-word']] as const) {
      await postCommand(h.url, FAKE_SIGNING_SECRET, slashCommand({ text, channel: 'C301', user: 'U5', responseUrl: h.fake.responseUrl(id) }));
      const reply = await waitFor(() => h.fake.responses.find((r) => r.id === id));
      expect(reply.body.response_type).toBe('ephemeral');
      const all = reply.body.blocks.map((b: any) => b.text?.text ?? '').join('\n');
      expect(all).toContain('/ask');
      expect(all).toContain('Mention me');
      expect(all).toContain(escapeMrkdwn(base.examples[0]!));
    }
    expect(callIn('slack:T1:C301:ask:U5')).toHaveLength(0);
  });

  it('answers an event once even when Slack retries it', async () => {
    const ts = nextTs();
    const event = envelope(mention({ channel: 'C400', user: 'U1', text: '<@UBOT> How much is InvestAI?', ts }));
    expect((await send(event)).status).toBe(200);
    expect((await send(event, { retryNum: 1 })).status).toBe(200);
    expect((await send(event, { retryNum: 2 })).status).toBe(200);
    await waitFor(() => h.fake.messagesIn('C400', ts)[0]);
    await waitFor(() => h.logs.filter((l) => l.includes(String(event.event_id)) && l.includes('repeated delivery')).length === 2, { what: 'both retries to be dropped' });
    expect(h.fake.messagesIn('C400')).toHaveLength(1);
    expect(callIn(`slack:T1:C400:${ts}`)).toHaveLength(1);
  });

  it('rejects a bad signature and a stale timestamp with 401, and answers neither', async () => {
    const bad = await send(envelope(mention({ channel: 'C500', user: 'U1', text: '<@UBOT> hi' })), { secret: 'notTheSigningSecret123' });
    expect(bad.status).toBe(401);
    const stale = await send(envelope(mention({ channel: 'C500', user: 'U1', text: '<@UBOT> hi' })), { timestamp: Math.floor(Date.now() / 1000) - 10 * 60 });
    expect(stale.status).toBe(401);
    const unsigned = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(envelope(mention({ channel: 'C500', user: 'U1', text: 'x' }))) });
    expect(unsigned.status).toBe(401);
    expect(h.fake.messagesIn('C500')).toHaveLength(0);
    expect(engine.calls.some((c) => c.options?.conversation?.includes('C500'))).toBe(false);
  });

  it('answers url_verification with the challenge', async () => {
    const res = await send({ token: 'legacy', challenge: 'challenge-abc-123', type: 'url_verification' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'challenge-abc-123' });
  });

  it('defuses a question that tries to ping the channel', async () => {
    const ts = nextTs();
    await send(envelope(mention({ channel: 'C600', user: 'U1', ts, text: '<@UBOT> <!channel> <!here> <!everyone> <@U999> <!subteam^S1|@team> what is <https://x.example|InvestAI>?' })));
    const posted = await waitFor(() => h.fake.messagesIn('C600', ts)[0]);
    const [call] = callIn(`slack:T1:C600:${ts}`);
    expect(call?.question).toBe('@channel @here @everyone @U999 @team what is InvestAI?');
    expectNoPings(posted);
    expect(posted.params.link_names).toBeUndefined();
    expect(posted.params.parse).toBeUndefined();
    expect(posted.blocks!.every((b) => b.type !== 'section' || b.text.verbatim === true)).toBe(true);
  });

  it("gives the engine's plain answer to a question the sources cannot answer", async () => {
    const ts = nextTs();
    await send(envelope(mention({ channel: 'C700', user: 'U1', ts, text: '<@UBOT> What is the capital of Peru?' })));
    const posted = await waitFor(() => h.fake.messagesIn('C700', ts)[0]);
    const [call] = callIn(`slack:T1:C700:${ts}`);
    expect(call?.answer.answered, 'precondition: the corpus does not answer this').toBe(false);
    expect(posted.text).toBe(renderAnswer(call!.answer).text);
    expect(posted.text!.length).toBeGreaterThan(0);
  });

  it('ignores other bots, message edits and its own messages', async () => {
    await send(envelope(mention({ channel: 'C800', user: 'U9', bot_id: 'B9', text: '<@UBOT> How much is InvestAI?' })));
    await send(envelope(directMessage({ channel: 'D800', user: 'U9', subtype: 'bot_message', bot_id: 'B9', text: 'How much is InvestAI?' })));
    await send(envelope(directMessage({ channel: 'D801', user: 'U1', subtype: 'message_changed', text: 'How much is InvestAI?' })));
    await send(envelope(directMessage({ channel: 'D802', user: 'UBOT', text: 'How much is InvestAI?' })));
    // A message sent after them is answered, so they have been processed by then.
    await send(envelope(directMessage({ channel: 'D803', user: 'U1', text: 'How much is InvestAI?' })));
    await waitFor(() => h.fake.messagesIn('D803')[0]);
    for (const channel of ['C800', 'D800', 'D801', 'D802']) expect(h.fake.messagesIn(channel)).toHaveLength(0);
    expect(engine.calls.filter((c) => /C800|D80[012]/.test(c.options?.conversation ?? ''))).toHaveLength(0);
  });
});

describe('Slack adapter over HTTP, answers larger than Slack allows', () => {
  let h: Harness;
  beforeAll(async () => {
    // The real engine's answer, blown up past every limit: the adapter must still fit it.
    const oversized: Engine = Object.assign(Object.create(base) as Engine, {
      ask(question: string, options?: { conversation?: string }) {
        const a = base.ask(question, options);
        const quotes = Array.from({ length: 40 }, (_, i) => a.quotes[i % a.quotes.length]!).filter(Boolean);
        return { ...a, answer: Array.from({ length: 400 }, () => a.answer).join(' '), quotes };
      },
    });
    h = await startSlack({ mode: 'http', engine: oversized });
  });
  afterAll(() => h.stop());

  it('trims quotes and cuts the answer between words, within the limits', async () => {
    const ts = nextTs();
    await postEvent(h.url, FAKE_SIGNING_SECRET, envelope(mention({ channel: 'C900', user: 'U1', ts, text: '<@UBOT> How much is InvestAI?' })));
    const posted = await waitFor(() => h.fake.messagesIn('C900', ts)[0]);
    expectWithinSlackLimits(posted);
    expectNoPings(posted);
    const answerText: string = posted.blocks![0].text.text;
    expect(answerText.endsWith('…')).toBe(true);
    const full = escapeMrkdwn(Array.from({ length: 400 }, () => base.ask('How much is InvestAI?').answer).join(' '));
    expect(full.startsWith(answerText.slice(0, -1))).toBe(true);
    expect(full[answerText.length - 1]).toMatch(/\s/);
    const quoteTexts = new Set(base.ask('How much is InvestAI?').quotes.map((q) => q.text));
    const shown = posted.blocks!.filter((b) => b.type === 'rich_text');
    expect(shown.length).toBeGreaterThan(0);
    for (const b of shown) expect(quoteTexts.has(b.elements[0].elements[0].text)).toBe(true);
  });
});

describe('Slack adapter over HTTP, rate limit', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSlack({ mode: 'http', engine: base, env: { SLACK_RATE_LIMIT: '2', SLACK_RATE_WINDOW_SECONDS: '600' } });
  });
  afterAll(() => h.stop());

  it('answers up to the limit, then tells the user once, privately, when to come back', async () => {
    const threads = [nextTs(), nextTs(), nextTs(), nextTs()];
    for (const ts of threads) await postEvent(h.url, FAKE_SIGNING_SECRET, envelope(mention({ channel: 'C950', user: 'U7', ts, text: '<@UBOT> How much is InvestAI?' })));
    await waitFor(() => h.fake.messages.filter((m) => m.channel === 'C950').length === 3, { what: 'two answers and one notice' });
    await waitFor(() => h.logs.some((l) => l.includes('"noticeSent":false')), { what: 'the fourth question to be dropped quietly' });
    const [a, b, notice, none] = threads.map((ts) => h.fake.messagesIn('C950', ts));
    expect(a![0]!.method).toBe('chat.postMessage');
    expect(b![0]!.method).toBe('chat.postMessage');
    expect(notice![0]).toMatchObject({ method: 'chat.postEphemeral', user: 'U7' });
    expect(notice![0]!.text).toMatch(/try again in \d+ seconds/);
    expect(none).toHaveLength(0);
    // Another user is not affected.
    const ts = nextTs();
    await postEvent(h.url, FAKE_SIGNING_SECRET, envelope(mention({ channel: 'C950', user: 'U8', ts, text: '<@UBOT> How much is InvestAI?' })));
    expect((await waitFor(() => h.fake.messagesIn('C950', ts)[0])).method).toBe('chat.postMessage');
  });

  it('always tells an /ask user who is over the limit', async () => {
    for (let i = 0; i < 3; i++) {
      await postCommand(h.url, FAKE_SIGNING_SECRET, slashCommand({ text: 'How much is InvestAI?', channel: 'C951', user: 'U9', responseUrl: h.fake.responseUrl(`rl-${i}`) }));
    }
    const third = await waitFor(() => h.fake.responses.find((r) => r.id === 'rl-2'));
    expect(third.body.response_type).toBe('ephemeral');
    expect(third.body.text).toMatch(/try again in \d+ seconds/);
  });
});
