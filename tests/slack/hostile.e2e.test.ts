/**
 * Hostile questions through every Slack surface (mention, DM, /ask), checked
 * on the wire: each gets exactly one reply, nothing in it can ping anyone, it
 * is within Slack's limits, and the adapter keeps answering afterwards.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/index.js';
import { FAKE_SIGNING_SECRET, logEntries, secretsIn, spyEngine, startSlack, type Harness } from './harness.js';
import { expectNoPings, expectWithinSlackLimits, textsOf } from './limits.js';
import { directMessage, envelope, mention, nextTs, postCommand, postEvent, slashCommand } from './slack-requests.js';
import { waitFor } from '../helpers/wait-for.js';

const HOSTILE: [string, string][] = [
  ['empty', ''],
  ['whitespace', '   \n\t  '],
  ['1 MB', 'InvestAI '.repeat(116_509)],
  ['NUL and control characters', 'How much\u0000 is InvestAI?\u0007\u001b[31m\u007f'],
  ['lone surrogates', 'How much \uD800 is InvestAI \uDC00?'],
  ['emoji and right-to-left text', '💶 כמה עולה InvestAI? مرحبا 👩‍👩‍👧 \u202Eevil'],
  ['10,000 lines', 'How much is InvestAI?\n'.repeat(10_000)],
  ['markdown and code fences', '```js\nalert(1)\n``` *bold* _it_ ~s~ > quote `code` [x](https://x.example)'],
  ['Slack markup', '<!channel> <!here> <!everyone> <@U123> <https://x.example|y> <!subteam^S1|@team> <#C1|general> how much is InvestAI?'],
  ['escaped markup', '&lt;!channel&gt; &amp;lt;@U1&amp;gt; InvestAI'],
  ['Discord markup', '@everyone @here <@&123> <@456> how much is InvestAI?'],
];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function expectSafe(message: { text?: string; blocks?: any[] }): void {
  expectWithinSlackLimits(message);
  expectNoPings(message);
  for (const text of textsOf(message)) {
    expect(text).not.toMatch(LONE_SURROGATE);
    expect(text).not.toMatch(/\u0000/);
  }
  expect(textsOf(message).join(' ')).not.toContain('something went wrong');
}

describe('hostile questions through Slack', () => {
  let h: Harness;
  let engine: ReturnType<typeof spyEngine>;
  beforeAll(async () => {
    engine = spyEngine(await createEngine());
    h = await startSlack({ mode: 'http', engine, env: { SLACK_RATE_LIMIT: '10000', LOG_LEVEL: 'info' } });
  });
  afterAll(async () => {
    expect(secretsIn(h.logs)).toEqual([]);
    expect(logEntries(h.logs).filter((e) => e.level >= 50)).toEqual([]);
    await h.stop();
  });

  it.each(HOSTILE)('%s, as a mention, gets one safe reply in its thread', async (_name, text) => {
    const ts = nextTs();
    const res = await postEvent(h.url, FAKE_SIGNING_SECRET, envelope(mention({ channel: 'CH1', user: 'U1', ts, text: `<@UBOT> ${text}` })));
    expect(res.status).toBe(200);
    const posted = await waitFor(() => h.fake.messagesIn('CH1', ts)[0], { what: 'the reply' });
    expectSafe(posted);
    await waitFor(() => h.slack.inFlight === 0);
    expect(h.fake.messagesIn('CH1', ts)).toHaveLength(1);
  });

  it.each(HOSTILE)('%s, as a DM, gets one safe reply', async (name, text) => {
    const channel = `DH${HOSTILE.findIndex(([n]) => n === name)}`;
    await postEvent(h.url, FAKE_SIGNING_SECRET, envelope(directMessage({ channel, user: 'U2', text })));
    const posted = await waitFor(() => h.fake.messagesIn(channel)[0]);
    expectSafe(posted);
    await waitFor(() => h.slack.inFlight === 0);
    expect(h.fake.messagesIn(channel)).toHaveLength(1);
  });

  it.each(HOSTILE)('%s, with /ask, gets one safe ephemeral reply', async (name, text) => {
    const id = `hostile-${name}`;
    const res = await postCommand(h.url, FAKE_SIGNING_SECRET, slashCommand({ text, channel: 'CH3', user: 'U3', responseUrl: h.fake.responseUrl(id) }));
    expect(res.status).toBe(200);
    const reply = await waitFor(() => h.fake.responses.find((r) => r.id === id));
    expect(reply.body.response_type).toBe('ephemeral');
    expectSafe(reply.body);
  });

  it('holds for generated questions: one reply each, no pings, within limits (property)', async () => {
    const fragment = fc.oneof(
      fc.constantFrom('<!channel>', '<!here>', '<@U1>', '<@UBOT>', '<https://x.example|click>', '&amp;', '&lt;', '<', '>', '&', '```', '\n', '\u0000', '\uD800', 'InvestAI', 'how much', '€200 billion', 'and the US?'),
      fc.string({ unit: 'binary', maxLength: 30 }),
    );
    const question = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(' '));
    await fc.assert(
      fc.asyncProperty(question, async (text) => {
        const ts = nextTs();
        const res = await postEvent(h.url, FAKE_SIGNING_SECRET, envelope(mention({ channel: 'CH4', user: 'U4', ts, text: `<@UBOT> ${text}` })));
        expect(res.status).toBe(200);
        const posted = await h.fake.nextMessage((m) => m.channel === 'CH4' && m.thread_ts === ts);
        expectSafe(posted);
      }),
      { numRuns: 60 },
    );
    await waitFor(() => h.slack.inFlight === 0);
    const perThread = new Map<string, number>();
    for (const m of h.fake.messagesIn('CH4')) perThread.set(m.thread_ts!, (perThread.get(m.thread_ts!) ?? 0) + 1);
    expect([...perThread.values()].every((n) => n === 1)).toBe(true);
  });

  it('still answers a plain question afterwards', async () => {
    const ts = nextTs();
    await postEvent(h.url, FAKE_SIGNING_SECRET, envelope(mention({ channel: 'CH5', user: 'U5', ts, text: '<@UBOT> How much is InvestAI?' })));
    const posted = await waitFor(() => h.fake.messagesIn('CH5', ts)[0]);
    const [call] = engine.calls.filter((c) => c.options?.conversation === `slack:T1:CH5:${ts}`);
    expect(call?.question).toBe('How much is InvestAI?');
    expect(posted.blocks![0].text.text.length).toBeGreaterThan(0);
    expectSafe(posted);
  });
});

describe('hostile questions through Slack, when the answer repeats the question', () => {
  // The real engine mostly drops markup from what it says back; this wrapper makes
  // it repeat the question word for word, so escaping is tested on the wire.
  let h: Harness;
  beforeAll(async () => {
    const base = await createEngine();
    const echoing: Engine = Object.assign(Object.create(base) as Engine, {
      ask(question: string, options?: { conversation?: string }) {
        const a = base.ask(question, options);
        return { ...a, answer: `You asked: ${question}. ${a.answer}`, suggestions: [question, ...a.suggestions] };
      },
    });
    h = await startSlack({ mode: 'http', engine: echoing, env: { SLACK_RATE_LIMIT: '10000', LOG_LEVEL: 'info' } });
  });
  afterAll(() => h.stop());

  it.each(HOSTILE.filter(([name]) => /markup|control|surrogates|right-to-left|1 MB/.test(name)))('%s is escaped on the wire', async (_name, text) => {
    const ts = nextTs();
    await postEvent(h.url, FAKE_SIGNING_SECRET, envelope(mention({ channel: 'CE1', user: 'U1', ts, text: `<@UBOT> ${text}` })));
    const posted = await waitFor(() => h.fake.messagesIn('CE1', ts)[0]);
    expectSafe(posted);
    expect(posted.blocks![0].text.text.startsWith('You asked: ')).toBe(true);
  });

  it('shows the escaped markup rather than dropping it', async () => {
    const ts = nextTs();
    await postEvent(h.url, FAKE_SIGNING_SECRET, envelope(mention({ channel: 'CE2', user: 'U1', ts, text: '<@UBOT> is &lt;!channel&gt; & <!here> free?' })));
    const posted = await waitFor(() => h.fake.messagesIn('CE2', ts)[0]);
    expect(posted.blocks![0].text.text).toContain('You asked: is &lt;!channel&gt; &amp; @here free?');
    expectSafe(posted);
  });
});
