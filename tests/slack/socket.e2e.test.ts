/**
 * The Slack adapter end to end in Socket Mode: Bolt's SocketModeReceiver opens
 * the WebSocket URL the fake returns from apps.connections.open, receives
 * envelopes over it, acknowledges them and answers through the Web API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/index.js';
import { renderAnswer } from '../../adapters/slack/render.js';
import { FAKE_APP_TOKEN, spyEngine, startSlack, type Harness } from './harness.js';
import { expectNoPings, expectWithinSlackLimits } from './limits.js';
import { envelope, mention, nextTs, slashCommand } from './slack-requests.js';
import { waitFor } from '../helpers/wait-for.js';

describe('Slack adapter in Socket Mode', () => {
  let h: Harness;
  let engine: ReturnType<typeof spyEngine>;
  beforeAll(async () => {
    engine = spyEngine(await createEngine());
    h = await startSlack({ mode: 'socket', engine, env: { SLACK_RATE_LIMIT: '1000' } });
  });
  afterAll(() => h.stop());

  it('opened the socket with the app-level token', () => {
    const open = h.fake.callsOf('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.authorization).toBe(`Bearer ${FAKE_APP_TOKEN}`);
    expect(open[0]!.outcome).toBe('ok');
  });

  it('acknowledges a mention envelope and answers in its thread', async () => {
    const ts = nextTs();
    const id = h.fake.sendSocketEvent(envelope(mention({ channel: 'C10', user: 'U1', ts, text: '<@UBOT> How much is InvestAI?' })));
    const posted = await waitFor(() => h.fake.messagesIn('C10', ts)[0], { what: 'the answer over Socket Mode' });
    expect(h.fake.acks).toContain(id);
    const [call] = engine.calls.filter((c) => c.options?.conversation === `slack:T1:C10:${ts}`);
    expect(posted.blocks).toEqual(renderAnswer(call!.answer).blocks);
    expectWithinSlackLimits(posted);
    expectNoPings(posted);
  });

  it('answers a redelivered envelope (retry_attempt) once', async () => {
    const ts = nextTs();
    const event = envelope(mention({ channel: 'C11', user: 'U1', ts, text: '<@UBOT> What are AI gigafactories?' }));
    const first = h.fake.sendSocketEvent(event);
    const retry = h.fake.sendSocketEvent(event, { attempt: 1, reason: 'timeout' });
    await waitFor(() => h.fake.acks.includes(first) && h.fake.acks.includes(retry), { what: 'both envelopes to be acknowledged' });
    await waitFor(() => h.logs.some((l) => l.includes(String(event.event_id)) && l.includes('repeated delivery')));
    await waitFor(() => h.fake.messagesIn('C11', ts)[0]);
    expect(h.fake.messagesIn('C11')).toHaveLength(1);
  });

  it('answers /ask over the socket through its response_url', async () => {
    const id = h.fake.sendSocketPayload('slash_commands', slashCommand({ text: 'How much is InvestAI?', channel: 'C12', user: 'U2', responseUrl: h.fake.responseUrl('sock-ask') }));
    const reply = await waitFor(() => h.fake.responses.find((r) => r.id === 'sock-ask'));
    expect(h.fake.acks).toContain(id);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(reply.body.blocks.at(-1).type).toBe('actions');
  });

  it('closes the socket on stop', async () => {
    await h.slack.stop({ graceMs: 5000 });
    await waitFor(() => h.fake.connectedSockets === 0, { what: 'the socket to close' });
  });
});
