/**
 * Hostile input and platform faults through the Discord surface, checked on
 * the wire: every question answered exactly once, within Discord's limits,
 * pinging no one; REST 429/500 and gateway closes survived or reported
 * clearly; no token in any log line.
 */
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/index.js';
import { BOT_ID, CHANNEL_ID, FAKE_TOKEN, ROLE_ID, askInteraction, bob, botUser, messageCreate, user } from './fake-discord/index.js';
import { startHarness, waitFor, type Harness } from './harness.js';
import { expectSafeOnTheWire } from './limits.js';
import { callbackPath, callbacks, edits, messageBody, originalPath, outgoingMessages, posts, waitForEdit, waitForReplyTo } from './wire.js';
import { logId } from '../../adapters/shared/log-ids.js';

let engine: Engine;
let h: Harness | undefined;
/** Interaction tokens handed out in a test: none may reach a log line. */
let interactionTokens: string[] = [];

beforeAll(async () => {
  engine = await createEngine();
});

afterEach(async () => {
  if (!h) return;
  const { clientErrors, logs } = h;
  await h.stop();
  h = undefined;
  expect(clientErrors).toEqual([]);
  const all = logs.join('');
  expect(all).not.toContain(FAKE_TOKEN);
  for (const t of interactionTokens) expect(all).not.toContain(t);
  interactionTokens = [];
});

let userCounter = 0;
/** A fresh user per question, so the rate limit stays out of the way. */
const freshUser = () => user(`7100000000000${String(++userCounter).padStart(5, '0')}`);

function ask(question: string, o: Parameters<typeof askInteraction>[1] = {}) {
  const i = h!.fake.sendInteraction(askInteraction(question, { user: freshUser(), ...o }));
  interactionTokens.push(i.token);
  return i;
}

const mention = (text: string, extra: Parameters<typeof messageCreate>[1] = {}) =>
  h!.fake.sendMessage(messageCreate(`<@${BOT_ID}> ${text}`, { mentions: [botUser], author: freshUser(), ...extra }));

/** Log lines (parsed) at or above a pino level. */
const logLines = (minLevel = 0) =>
  h!.logs
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, any>)
    .filter((l) => l.level >= minLevel);

const HOSTILE: [string, string][] = [
  ['empty', ''],
  ['whitespace', ' \t\n  '],
  ['1 MB', 'InvestAI '.repeat(116_509)],
  ['NUL and control characters', 'how\u0000 much\u0007 is\u001b[31m InvestAI\u0008?'],
  ['lone surrogates', '\uD800 how much is InvestAI \uDC00?'],
  ['emoji and right-to-left text', '😀🇫🇷 كم يبلغ InvestAI؟ \u202Egnp.exe'],
  ['10,000 lines', 'how much?\n'.repeat(10_000)],
  ['markdown and code fences', '**bold** _x_ ```js\nalert(1)\n``` > quote # heading [link](https://evil.example) ||spoiler|| how much is InvestAI?'],
  ['Slack markup', '<!channel> <@U123> <https://x|y> how much is InvestAI?'],
  ['Discord mentions', `@everyone @here <@&${ROLE_ID}> <@${bob.id}> <@!${bob.id}> <#${CHANNEL_ID}> how much is InvestAI?`],
];

describe('hostile questions', () => {
  it.each(HOSTILE)('%s: /ask answers once, within limits, pinging no one', async (_name, question) => {
    h = await startHarness({ engine });
    const i = ask(question);
    const edit = await waitForEdit(h.fake, i);
    expectSafeOnTheWire(edit.body);
    expect(edits(h.fake, i)).toHaveLength(1);
    expect(callbacks(h.fake, i)).toHaveLength(1);
  });

  it.each(HOSTILE)('%s: a mention is answered once, within limits, pinging no one', async (_name, question) => {
    h = await startHarness({ engine });
    const m = mention(question, { mentionEveryone: question.includes('@everyone'), mentionRoles: question.includes('<@&') ? [ROLE_ID] : [] });
    const reply = await waitForReplyTo(h.fake, CHANNEL_ID, m.id);
    expectSafeOnTheWire(reply.body);
    expect(posts(h.fake, CHANNEL_ID)).toHaveLength(1);
  });

  it('keeps answering after every kind of hostile input, in one session', async () => {
    h = await startHarness({ engine });
    const asked = HOSTILE.map(([, q]) => ask(q));
    for (const i of asked) await waitForEdit(h.fake, i);
    const after = ask('What is Stargate?');
    const edit = await waitForEdit(h.fake, after);
    expect(edit.body.content).toContain('Stargate');
    for (const r of outgoingMessages(h.fake)) expectSafeOnTheWire(messageBody(r));
  });

  it('answers any generated question once, within limits, pinging no one (property)', async () => {
    h = await startHarness({ engine });
    const mentionish = fc.constantFrom('@everyone', '@here', `<@&${ROLE_ID}>`, `<@${bob.id}>`, '```', '**', '> ', '# ', '\u0000', '\uD800', '😀', 'InvestAI', 'Stargate', ' ');
    const question = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(mentionish, { maxLength: 40 }).map((parts) => parts.join('')));
    await fc.assert(
      fc.asyncProperty(question, async (q) => {
        const i = ask(q);
        const edit = await waitForEdit(h!.fake, i);
        expectSafeOnTheWire(edit.body);
        expect(edits(h!.fake, i)).toHaveLength(1);
      }),
      { numRuns: 40 },
    );
  });
});

describe('REST faults', () => {
  it('waits out a 429 (Retry-After) on the edit and answers once', async () => {
    h = await startHarness({ engine });
    // discord.js waits out Retry-After on its own timer; a short one (Discord sends fractions of a second too) keeps the test fast.
    h.fake.rest.inject({ method: 'PATCH', path: /@original$/, status: 429, headers: { 'retry-after': '0.05', 'x-ratelimit-scope': 'user' }, body: { message: 'You are being rate limited.', retry_after: 0.05, global: false } });
    const i = ask('What is Stargate?');
    const edit = await waitForEdit(h.fake, i);
    const tries = h.fake.rest.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('@original'));
    expect(tries.map((r) => r.status)).toEqual([429, 200]);
    expectSafeOnTheWire(edit.body);
  });

  it('waits out a 429 on a channel reply and posts it once', async () => {
    h = await startHarness({ engine });
    h.fake.rest.inject({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 429, headers: { 'retry-after': '0.05' } });
    const m = mention('What is Stargate?');
    await waitForReplyTo(h.fake, CHANNEL_ID, m.id);
    expect(h.fake.rest.requests.filter((r) => r.path === `/channels/${CHANNEL_ID}/messages`).map((r) => r.status)).toEqual([429, 200]);
  });

  it('retries a 500 with backoff and answers once', async () => {
    h = await startHarness({ engine });
    h.fake.rest.inject({ method: 'PATCH', path: /@original$/, status: 500, times: 2 });
    const i = ask('What is Stargate?');
    await waitForEdit(h.fake, i);
    expect(h.fake.rest.requests.filter((r) => r.method === 'PATCH').map((r) => r.status)).toEqual([500, 500, 200]);
    expect(logLines(50)).toEqual([]);
  });

  it('does not post twice when a reply was created but its response was lost', async () => {
    h = await startHarness({ engine });
    h.fake.rest.inject({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 500, afterProcessing: true });
    const m = mention('What is Stargate?');
    await waitFor(() => h!.fake.rest.requests.find((r) => r.deduplicated), { what: 'the retried post' });
    const created = [...h.fake.rest.messages.values()].filter((x: any) => x.message_reference?.message_id === m.id);
    expect(created).toHaveLength(1);
    const tries = h.fake.rest.requests.filter((r) => r.path === `/channels/${CHANNEL_ID}/messages`);
    expect(tries.map((r) => [r.status, !!r.deduplicated])).toEqual([
      [500, false],
      [200, true],
    ]);
    expect(tries[1]!.body.nonce).toBe(tries[0]!.body.nonce);
  });

  it('does not post twice when a reply timed out but Discord created it', async () => {
    h = await startHarness({ engine, bot: { rest: { globalRequestsPerSecond: 10_000, timeout: 300 } } });
    h.fake.rest.inject({ method: 'POST', path: /^\/channels\/\d+\/messages$/, delayMs: 800 });
    const m = mention('What is Stargate?');
    await waitFor(() => h!.fake.rest.requests.find((r) => r.deduplicated), { what: 'the retried post to meet the first' });
    expect([...h.fake.rest.messages.values()].filter((x: any) => x.message_reference?.message_id === m.id)).toHaveLength(1);
  });

  it('treats "already acknowledged" after a lost deferral as acknowledged, and answers once', async () => {
    h = await startHarness({ engine });
    h.fake.rest.inject({ method: 'POST', path: /\/callback$/, status: 500, afterProcessing: true });
    const i = ask('What is Stargate?');
    await waitForEdit(h.fake, i);
    const tries = h.fake.rest.requests.filter((r) => r.path.endsWith('/callback'));
    expect(tries.map((r) => r.status)).toEqual([500, 400]);
    expect(edits(h.fake, i)).toHaveLength(1);
  });

  it('gives up after bounded retries and logs the unanswered question with its conversation', async () => {
    h = await startHarness({ engine });
    h.fake.rest.inject({ method: 'PATCH', path: /@original$/, status: 500, times: 1_000 });
    const i = ask('What is Stargate?');
    const line = await waitFor(() => logLines(50).find((l) => l.msg.startsWith('giving up on')), { what: 'the give-up log line' });
    expect(line.conversation).toBe(logId(`discord:slash:${CHANNEL_ID}:${(i as any).member.user.id}`));
    expect(line.err).toMatchObject({ status: 500, method: 'PATCH' });
    expect(line.err.path).toMatch(/\/webhooks\/\d+\/\[token\]\/messages\/%40original$/);
    expect(h.fake.rest.requests.filter((r) => r.method === 'PATCH')).toHaveLength(4);
    // Still serving.
    h.fake.rest.clearFaults();
    const next = ask('What is Stargate?');
    await waitForEdit(h.fake, next);
  });

  it('logs a refused send (4xx) at once, without retrying it', async () => {
    h = await startHarness({ engine });
    h.fake.rest.inject({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 403, body: { message: 'Missing Permissions', code: 50013 } });
    const m = mention('What is Stargate?');
    const line = await waitFor(() => logLines(50).find((l) => l.msg.startsWith('giving up on')), { what: 'the log line' });
    expect(line.conversation).toBe(logId(`discord:chain:${m.id}`));
    expect(line.err).toMatchObject({ status: 403, code: 50013, message: 'Missing Permissions' });
    expect(h.fake.rest.requests.filter((r) => r.path.startsWith('/channels/'))).toHaveLength(1);
  });
});

describe('gateway faults', () => {
  it('resumes after a resumable close (4000) and answers what arrived meanwhile', async () => {
    h = await startHarness({ engine });
    h.fake.gateway.closeWith(4000, 'Unknown error');
    const i = ask('What is Stargate?');
    await waitForEdit(h.fake, i);
    expect(h.fake.gateway.resumes).toBe(1);
    expect(h.fake.gateway.identifies).toBe(1);
    expect(h.fatal).toEqual([]);
  });

  it('answers once when an event is replayed', async () => {
    h = await startHarness({ engine });
    const i = ask('What is Stargate?');
    h.fake.gateway.dispatch('INTERACTION_CREATE', i);
    const m = mention('What is Stargate?');
    h.fake.gateway.dispatch('MESSAGE_CREATE', m);
    await waitForEdit(h.fake, i);
    await waitForReplyTo(h.fake, CHANNEL_ID, m.id);
    const marker = mention('How much is InvestAI?');
    await waitForReplyTo(h.fake, CHANNEL_ID, marker.id);
    expect(h.fake.rest.requests.filter((r) => r.path.endsWith('/callback'))).toHaveLength(1);
    expect(posts(h.fake, CHANNEL_ID)).toHaveLength(2);
    // discord.js itself drops a MESSAGE_CREATE it has cached; the adapter drops the replayed interaction.
    expect(logLines(30).filter((l) => l.msg === 'repeated delivery of an event already taken; ignored')).toHaveLength(1);
  });

  it('reports a non-resumable close (4004) once, with a clear line, for the process to exit', async () => {
    h = await startHarness({ engine });
    h.fake.gateway.closeWith(4004, 'Authentication failed.');
    const reason = await waitFor(() => h!.fatal[0], { what: 'the fatal callback' });
    expect(reason).toBe('Discord closed the gateway with 4004 (authentication failed): DISCORD_TOKEN is wrong or was reset; copy it again from the Developer Portal, Bot page.');
    expect(logLines(60)).toEqual([expect.objectContaining({ closeCode: 4004, msg: reason })]);
    expect(h.fake.gateway.identifies).toBe(1);
  });

  it('refuses to start with a clear message when IDENTIFY is rejected with 4004', async () => {
    h = await startHarness({ engine, start: false });
    h.fake.gateway.rejectIdentifyWith = 4004;
    await expect(h.bot.start()).rejects.toThrow('Discord closed the gateway with 4004 (authentication failed)');
  });
});

describe('shutdown', () => {
  it('finishes the answer in progress, and logs a question that arrives while stopping instead of dropping it silently', async () => {
    h = await startHarness({ engine });
    let release!: () => void;
    h.fake.rest.inject({ method: 'PATCH', path: /@original$/, until: new Promise<void>((r) => (release = r)) });
    const first = ask('What is Stargate?');
    await waitFor(() => h!.fake.rest.requests.find((r) => r.method === 'PATCH'), { what: 'the edit to be in progress' });
    const stopped = h.bot.stop();
    const late = ask('How much is InvestAI?');
    await waitFor(() => logLines(40).find((l) => l.msg === 'shutting down: interaction not taken' && l.interaction === late.id), { what: 'the late question to be logged' });
    release();
    await stopped;
    expect(edits(h.fake, first)).toHaveLength(1);
    expect(callbacks(h.fake, late)).toHaveLength(0);
    await waitFor(() => h!.fake.gateway.clientCloses.length > 0, { what: 'the gateway connection to close' });
    expect(h.fake.gateway.clientCloses).toEqual([1000]);
  });
});

describe('secrets', () => {
  it('keeps the bot token and interaction tokens out of logs, even when requests fail', async () => {
    h = await startHarness({ engine });
    const a = askInteraction('What is Stargate?', { user: freshUser() });
    const b = askInteraction('How much is InvestAI?', { user: freshUser() });
    interactionTokens.push(a.token, b.token);
    h.fake.rest.inject({ method: 'PATCH', path: originalPath(a), status: 404, body: { message: 'Unknown Webhook', code: 10015 } });
    h.fake.rest.inject({ method: 'POST', path: callbackPath(b), status: 500, times: 10 });
    h.fake.sendInteraction(a);
    h.fake.sendInteraction(b);
    const failures = await waitFor(() => {
      const lines = logLines(50).filter((l) => l.msg.startsWith('giving up on'));
      return lines.length >= 2 && lines;
    }, { what: 'both failures logged' });
    expect(failures.map((l) => l.err.status).sort()).toEqual([404, 500]);
    for (const l of failures) expect(l.err.path).toContain('/[token]/');
    expect(edits(h.fake, a)).toHaveLength(0);
    expect(edits(h.fake, b)).toHaveLength(0);
    // The afterEach scan checks FAKE_TOKEN and both interaction tokens against every log line.
  });
});
