/**
 * Tokens and the signing secret never reach the logs, at debug level, in both
 * modes, even when a library error carries the request back (here: a 500 whose
 * body echoes the Authorization header).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/index.js';
import { FAKE_BOT_TOKEN, FAKE_SIGNING_SECRET, logEntries, secretsIn, startSlack, type Harness } from './harness.js';
import { envelope, mention, nextTs, postAction, postCommand, postEvent, shareClick, slashCommand } from './slack-requests.js';
import { waitFor } from '../helpers/wait-for.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine();
});

describe('secrets in logs, HTTP mode at debug level', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSlack({ mode: 'http', engine, env: { LOG_LEVEL: 'debug', SLACK_RATE_LIMIT: '1000' } });
  });
  afterAll(() => h.stop());

  it('keeps the bot token out of a logged library error that echoes the request', async () => {
    h.fake.failNext('chat.postMessage', { kind: 'http', status: 500, body: `upstream rejected: POST /api/chat.postMessage Authorization: Bearer ${FAKE_BOT_TOKEN}` });
    const ts = nextTs();
    await postEvent(h.url, FAKE_SIGNING_SECRET, envelope(mention({ channel: 'CS1', user: 'U1', ts, text: '<@UBOT> How much is InvestAI?' })));
    await waitFor(() => h.fake.messagesIn('CS1', ts)[0]);
    const retry = logEntries(h.logs).find((e) => e.msg === 'chat.postMessage failed (HTTP 500); retrying');
    expect(retry?.err?.body).toBe('upstream rejected: POST /api/chat.postMessage Authorization: Bearer [redacted]');
    expect(secretsIn(h.logs)).toEqual([]);
  });

  it('keeps every secret out of the logs of a full session', async () => {
    await postCommand(h.url, FAKE_SIGNING_SECRET, slashCommand({ text: 'How much is InvestAI?', channel: 'CS2', user: 'U2', responseUrl: h.fake.responseUrl('sec-ask') }));
    const reply = await waitFor(() => h.fake.responses.find((r) => r.id === 'sec-ask'));
    const value = reply.body.blocks.at(-1).elements[0].value;
    await postAction(h.url, FAKE_SIGNING_SECRET, shareClick({ value, channel: 'CS2', user: 'U2', responseUrl: h.fake.responseUrl('sec-share') }));
    await waitFor(() => h.fake.responses.find((r) => r.id === 'sec-share'));
    await postEvent(h.url, FAKE_SIGNING_SECRET, envelope(mention({ channel: 'CS2', user: 'U2', text: 'x' })), { secret: 'wrongSecretValue123' });
    // The debug log really is verbose: it shows request bodies and headers (with the token redacted).
    expect(h.logs.some((l) => l.includes('http request headers'))).toBe(true);
    expect(h.logs.length).toBeGreaterThan(20);
    expect(secretsIn(h.logs)).toEqual([]);
    // Credentials by their place: a response_url lets anyone post for 30 minutes; the verification token.
    const all = h.logs.join('');
    for (const id of ['sec-ask', 'sec-share']) expect(all).not.toContain(h.fake.responseUrl(id));
    expect(all).not.toContain('/respond/');
    expect(all).not.toContain('legacy-verification-token');
  });
});

describe('secrets in logs, Socket Mode at debug level', () => {
  it('keeps the app-level and bot tokens out of the logs', async () => {
    const h = await startSlack({ mode: 'socket', engine, env: { LOG_LEVEL: 'debug' } });
    try {
      const ts = nextTs();
      h.fake.sendSocketEvent(envelope(mention({ channel: 'CS3', user: 'U1', ts, text: '<@UBOT> What are AI gigafactories?' })));
      await waitFor(() => h.fake.messagesIn('CS3', ts)[0]);
      h.fake.sendSocketPayload('slash_commands', slashCommand({ text: 'How much is InvestAI?', channel: 'CS3', user: 'U2', responseUrl: h.fake.responseUrl('sec-sock') }));
      await waitFor(() => h.fake.responses.find((r) => r.id === 'sec-sock'));
      expect(h.logs.some((l) => l.includes('Received a message on the WebSocket'))).toBe(true);
      // The payload logged at debug level carried a response_url: its value is gone.
      expect(h.logs.some((l) => l.includes('response_url') && l.includes('[redacted]'))).toBe(true);
      expect(h.logs.join('')).not.toContain(h.fake.responseUrl('sec-sock'));
    } finally {
      await h.stop();
    }
    expect(secretsIn(h.logs)).toEqual([]);
    // The Socket Mode ticket in the WebSocket URL is a credential too.
    expect(h.fake.tickets.length).toBeGreaterThan(0);
    const all = h.logs.join('');
    expect(all).toContain('ticket=[redacted]');
    for (const ticket of h.fake.tickets) expect(all).not.toContain(ticket);
    expect(all).not.toContain('legacy-verification-token');
  });
});
