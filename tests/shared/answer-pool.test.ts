/**
 * Answers off the event loop: the engine runs in a piscina pool of worker
 * threads, so one slow question neither holds up acknowledgements nor other
 * users' answers, and a question past its time budget gets a polite answer.
 * Real pool, real Bolt and discord.js, fakes on 127.0.0.1; the slow question
 * waits on a gate the test opens, so nothing depends on timing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAnswerPool, type AnswerPool } from '../../adapters/shared/answer-pool.js';
import { TOO_SLOW_TEXT } from '../../adapters/shared/pipeline.js';
import { newGate, openGate, type Gate } from '../helpers/gated-engine.js';
import { startSlack, FAKE_SIGNING_SECRET, logEntries, type Harness as SlackHarness } from '../slack/harness.js';
import { envelope, mention, nextTs, postEvent } from '../slack/slack-requests.js';
import { startHarness as startDiscord, type Harness as DiscordHarness } from '../discord/harness.js';
import { askInteraction, user } from '../discord/fake-discord/index.js';
import { callbacks, edits, waitForEdit } from '../discord/wire.js';
import { waitFor } from '../helpers/wait-for.js';
import { logId } from '../../adapters/shared/log-ids.js';

const ENGINE_MODULE = new URL('../helpers/gated-engine.ts', import.meta.url).href;

let pool: AnswerPool | undefined;
let gate: Gate | undefined;
let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  if (gate) openGate(gate);
  for (const stop of stops) await stop();
  await pool?.close();
  pool = gate = undefined;
  stops = [];
});

/**
 * A pool whose threads have loaded the gated engine (a task without a budget
 * has run). No time budget unless the test is about it: a held question must
 * not run out of time however slow the machine is.
 */
async function gatedPool(options: { threads: number; timeBudgetMs?: number }): Promise<AnswerPool> {
  gate = newGate();
  pool = createAnswerPool({ timeBudgetMs: Number.POSITIVE_INFINITY, ...options, engineModule: ENGINE_MODULE, extra: { gate } });
  await pool.examples();
  return pool;
}

const slowStarted = () => Atomics.load(gate!, 1);

describe('Slack with the answer pool', () => {
  let h: SlackHarness;
  const ask = (user: string, channel: string, text: string) => {
    const ts = nextTs();
    return { ts, sent: postEvent(h.url, FAKE_SIGNING_SECRET, envelope(mention({ channel, user, ts, text: `<@UBOT> ${text}` }))) };
  };

  it('acknowledges and answers other users while one question is still being answered', async () => {
    h = await startSlack({ mode: 'http', answerer: await gatedPool({ threads: 2 }) });
    stops.push(() => h.stop());
    const slow = ask('U1', 'CSLOW', 'SLOW How much is InvestAI?');
    expect((await slow.sent).status).toBe(200);
    await waitFor(() => slowStarted() === 1, { what: 'the slow question to hold its worker' });

    const others = ['U2', 'U3', 'U4', 'U5', 'U6'].map((u) => ask(u, `C${u}`, 'What is Stargate?'));
    for (const o of others) expect((await o.sent).status).toBe(200);
    for (const [i, o] of others.entries()) await waitFor(() => h.fake.messagesIn(`C${['U2', 'U3', 'U4', 'U5', 'U6'][i]}`, o.ts)[0], { what: 'another user\'s answer' });
    // All of them answered while the slow one is still held.
    expect(h.fake.messagesIn('CSLOW', slow.ts)).toHaveLength(0);
    expect(slowStarted()).toBe(1);

    openGate(gate!);
    const late = await waitFor(() => h.fake.messagesIn('CSLOW', slow.ts)[0], { what: 'the slow answer' });
    expect(late.text).toContain('InvestAI');
  });

  it('answers a question past its time budget politely, logs it, and keeps serving', async () => {
    h = await startSlack({ mode: 'http', answerer: await gatedPool({ threads: 1, timeBudgetMs: 1_000 }) });
    stops.push(() => h.stop());
    const slow = ask('U1', 'CBUDGET', 'SLOW How much is InvestAI?');
    const polite = await waitFor(() => h.fake.messagesIn('CBUDGET', slow.ts)[0], { what: 'the polite answer' });
    expect(polite.text).toBe(TOO_SLOW_TEXT);
    const line = logEntries(h.logs).find((e) => e.msg === 'question exceeded its time budget');
    expect(line).toMatchObject({ level: 40, surface: 'slack:mention', conversation: logId(`slack:T1:CBUDGET:${slow.ts}`) });
    // The held thread was replaced: once the new one is up (a task without a budget), the next question is answered.
    await pool!.examples();
    const next = ask('U2', 'CBUDGET2', 'What is Stargate?');
    expect((await waitFor(() => h.fake.messagesIn('CBUDGET2', next.ts)[0], {})).text).toContain('Stargate');
  });
});

describe('Discord with the answer pool', () => {
  let h: DiscordHarness;

  it('defers and answers other users\' /ask while one question is still being answered', async () => {
    h = await startDiscord({ answerer: await gatedPool({ threads: 2 }) });
    stops.push(() => h.stop());
    const slow = h.fake.sendInteraction(askInteraction('SLOW How much is InvestAI?', { user: user('720000000000000001') }));
    await waitFor(() => slowStarted() === 1, { what: 'the slow question to hold its worker' });
    const others = [2, 3, 4].map((n) => h.fake.sendInteraction(askInteraction('What is Stargate?', { user: user(`72000000000000000${n}`) })));
    for (const i of others) await waitForEdit(h.fake, i);
    // The slow one was acknowledged (deferred) at once, and is still being answered.
    expect(callbacks(h.fake, slow).map((c) => c.body.type)).toEqual([5]);
    expect(edits(h.fake, slow)).toHaveLength(0);
    openGate(gate!);
    expect((await waitForEdit(h.fake, slow)).body.content).toContain('InvestAI');
  });
});
