/**
 * The Discord adapter end to end: real discord.js, real engine on the bundled
 * corpus, fake Discord on 127.0.0.1.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CONTENT_LENGTH, MAX_EMBED_TOTAL, customId, embedLength, renderAnswer } from '../../adapters/discord/render.js';
import { ELLIPSIS } from '../../adapters/discord/text.js';
import { createEngine, type Engine } from '../../src/index.js';
import {
  BOT_ID,
  CHANNEL_ID,
  FAKE_TOKEN,
  ROLE_ID,
  THREAD_ID,
  alice,
  askInteraction,
  bob,
  botUser,
  buttonInteraction,
  dmChannelId,
  messageCreate,
  otherBot,
} from './fake-discord/index.js';
import { startHarness, waitFor, type Harness } from './harness.js';
import { answer as stubAnswer, quote, stubEngine } from './stub-engine.js';
import { callbacks, edits, messageBody, outgoingMessages, posts, recording, waitForCallback, waitForEdit, waitForReplyTo } from './wire.js';

const NO_MENTIONS_WIRE = { parse: [], replied_user: false };

let engine: Engine;
/** A second engine, used only to work out what the answer should be (own conversations). */
let reference: Engine;
let h: Harness | undefined;

beforeAll(async () => {
  engine = await createEngine();
  reference = await createEngine();
});

afterEach(async () => {
  if (!h) return;
  const { clientErrors, logs } = h;
  await h.stop();
  h = undefined;
  expect(clientErrors).toEqual([]);
  expect(logs.join('')).not.toContain(FAKE_TOKEN);
});

const mention = (text: string, extra: Parameters<typeof messageCreate>[1] = {}) =>
  messageCreate(`<@${BOT_ID}> ${text}`, { mentions: [botUser], ...extra });

/** A question from the corpus whose answer has the given property (checked, so a corpus change fails loudly). */
function questionWhere(candidates: string[], ok: (a: ReturnType<Engine['ask']>) => boolean): string {
  const q = candidates.find((c) => ok(reference.ask(c)));
  if (!q) throw new Error('no candidate question has the required answer shape; update the candidates');
  return q;
}

describe('/ask', () => {
  it('defers, then edits @original with the answer and its cited quotes', async () => {
    h = await startHarness({ engine });
    const question = 'How much is InvestAI?';
    const i = h.fake.sendInteraction(askInteraction(question));
    const edit = await waitForEdit(h.fake, i);

    const [deferred] = callbacks(h.fake, i);
    expect(deferred!.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(deferred!.at).toBeLessThanOrEqual(edit.at);

    const expected = reference.ask(question);
    const rendered = renderAnswer(expected, { question });
    expect(edit.body.content).toBe(rendered.content);
    expect(edit.body.embeds[0].title).toBe(rendered.embeds[0]!.title);
    expect(edit.body.embeds[0].description).toBe(rendered.embeds[0]!.description);
    expect(edit.body.embeds[0].description).toContain(`¶ ${expected.quotes[0]!.source.paragraph}`);
    expect(edit.body.allowed_mentions).toEqual(NO_MENTIONS_WIRE);
    expect(edits(h.fake, i)).toHaveLength(1);
  });

  it('answers privately with the ephemeral option', async () => {
    h = await startHarness({ engine });
    const i = h.fake.sendInteraction(askInteraction('What is Stargate?', { ephemeral: true }));
    await waitForEdit(h.fake, i);
    expect(callbacks(h.fake, i)[0]!.body).toEqual({ type: 5, data: { flags: 64 } });
  });

  it('gives the engine\'s "the sources don\'t say" answer to a question the corpus cannot answer', async () => {
    h = await startHarness({ engine });
    const question = 'What is the capital of Mongolia?';
    const expected = reference.ask(question);
    expect(expected.answered).toBe(false);
    const i = h.fake.sendInteraction(askInteraction(question));
    const edit = await waitForEdit(h.fake, i);
    expect(edit.body.content).toBe(renderAnswer(expected).content);
    expect(edit.body.components).toEqual([]);
  });

  it('works in a DM with the bot', async () => {
    h = await startHarness({ engine });
    const i = h.fake.sendInteraction(askInteraction('What is Stargate?', { guildId: null }));
    const edit = await waitForEdit(h.fake, i);
    expect(edit.body.content).toBe(renderAnswer(reference.ask('What is Stargate?')).content);
  });

  it('keeps an over-long answer within Discord limits, cut at a word with an ellipsis', async () => {
    const long = Array.from({ length: 3000 }, (_, n) => `figure${n}`).join(' ');
    const stub = stubEngine(() => stubAnswer({ answer: long, quotes: [1, 2, 3, 4].map((n) => quote(long, n)) }));
    h = await startHarness({ engine: stub });
    const i = h.fake.sendInteraction(askInteraction('Tell me everything', { user: bob }));
    const edit = await waitForEdit(h.fake, i);
    expect(edit.body.content.length).toBeLessThanOrEqual(MAX_CONTENT_LENGTH);
    expect(edit.body.content.endsWith(ELLIPSIS)).toBe(true);
    expect(long.startsWith(edit.body.content.slice(0, -1))).toBe(true);
    expect(embedLength(edit.body.embeds[0])).toBeLessThanOrEqual(MAX_EMBED_TOTAL);
  });
});

describe('buttons', () => {
  it('"More sources" shows the next quotes, privately', async () => {
    h = await startHarness({ engine });
    const question = questionWhere(
      ['What did the EU announce about AI gigafactories?', 'What was announced at the summit?', 'summarise the article'],
      (a) => a.quotes.length > 2,
    );
    const i = h.fake.sendInteraction(askInteraction(question));
    const edit = await waitForEdit(h.fake, i);
    const more = edit.body.components[0].components.find((b: any) => b.label === 'More sources');
    expect(more).toBeDefined();

    const original = [...h.fake.rest.messages.values()].find((m) => m.content === edit.body.content)!;
    const click = h.fake.sendInteraction(buttonInteraction(more.custom_id, original, { user: bob }));
    const reply = await waitForCallback(h.fake, click, 4);
    expect(reply.body.data.flags).toBe(64);
    const expected = reference.ask(question);
    expect(reply.body.data.embeds[0].title).toBe('More sources');
    expect(reply.body.data.embeds[0].description).toMatch(/^\*\*\[3\]\*\* /);
    expect(reply.body.data.embeds[0].description).toContain(`¶ ${expected.quotes[2]!.source.paragraph}`);
    expect(reply.body.data.allowed_mentions).toEqual(NO_MENTIONS_WIRE);
  });

  it('"Show the figures" lists the structured figures behind the answer', async () => {
    h = await startHarness({ engine });
    const question = questionWhere(['How much is InvestAI?', 'How much will Stargate invest?'], (a) => a.figures.length > 0);
    const i = h.fake.sendInteraction(askInteraction(question));
    const edit = await waitForEdit(h.fake, i);
    const btn = edit.body.components[0].components.find((b: any) => b.label === 'Show the figures');
    const original = [...h.fake.rest.messages.values()].find((m) => m.content === edit.body.content)!;
    const click = h.fake.sendInteraction(buttonInteraction(btn.custom_id, original));
    const reply = await waitForCallback(h.fake, click, 4);
    const figures = reference.ask(question).figures;
    expect(reply.body.data.flags).toBe(64);
    expect(reply.body.data.embeds[0].fields).toHaveLength(figures.length);
    expect(reply.body.data.embeds[0].fields[0].value).toContain(figures[0]!.display);
  });

  it('says so when the answer behind a button is no longer kept', async () => {
    h = await startHarness({ engine });
    const click = h.fake.sendInteraction(buttonInteraction(customId('more', 'unknown-key'), { id: '1', channel_id: CHANNEL_ID, author: botUser, content: '', timestamp: new Date().toISOString(), embeds: [], attachments: [], mentions: [], mention_roles: [], type: 0 }));
    const reply = await waitForCallback(h.fake, click, 4);
    expect(reply.body.data.content).toContain('no longer in my memory');
    expect(reply.body.data.flags).toBe(64);
  });
});

describe('mentions and DMs', () => {
  it('answers a mention as a reply to the message, pinging no one', async () => {
    h = await startHarness({ engine });
    const m = h.fake.sendMessage(mention('How much is InvestAI?'));
    const reply = await waitForReplyTo(h.fake, CHANNEL_ID, m.id);
    expect(reply.body.content).toBe(renderAnswer(reference.ask('How much is InvestAI?')).content);
    expect(reply.body.message_reference).toMatchObject({ message_id: m.id, fail_if_not_exists: false });
    expect(reply.body.allowed_mentions).toEqual(NO_MENTIONS_WIRE);
    expect(reply.authorized).toBe(true);
  });

  it('treats further mentions in a thread as follow-ups of one conversation', async () => {
    const rec = recording(engine);
    h = await startHarness({ engine: rec });
    const first = h.fake.sendMessage(mention('How much is InvestAI?', { channelId: THREAD_ID }));
    await waitForReplyTo(h.fake, THREAD_ID, first.id);
    const second = h.fake.sendMessage(mention('and the US?', { channelId: THREAD_ID }));
    const reply = await waitForReplyTo(h.fake, THREAD_ID, second.id);

    // /ask in the same thread joins the same conversation.
    const slash = h.fake.sendInteraction(askInteraction('When?', { channelId: THREAD_ID }));
    await waitForEdit(h.fake, slash);

    // Earlier questions are replayed as context, always within the thread's conversation.
    expect(new Set(rec.calls.map((c) => c.conversation))).toEqual(new Set([`discord:thread:${THREAD_ID}`]));
    expect(rec.calls.map((c) => c.question)).toEqual(['How much is InvestAI?', 'How much is InvestAI?', 'and the US?', 'How much is InvestAI?', 'and the US?', 'When?']);
    reference.ask('How much is InvestAI?', { conversation: 'thread-check' });
    const followUp = reference.ask('and the US?', { conversation: 'thread-check' });
    expect(reply.body.content).toBe(renderAnswer(followUp).content);
    expect(reference.ask('and the US?').answer).not.toBe(followUp.answer);
  });

  it('follows a reply chain: a reply to the bot\'s answer continues the conversation', async () => {
    const rec = recording(engine);
    h = await startHarness({ engine: rec });
    const first = h.fake.sendMessage(mention('How much is InvestAI?'));
    await waitForReplyTo(h.fake, CHANNEL_ID, first.id);
    const answerId = [...h.fake.rest.messages.values()].find((m: any) => m.message_reference?.message_id === first.id)!.id;
    const second = h.fake.sendMessage(mention('and the US?', { replyTo: answerId }));
    await waitForReplyTo(h.fake, CHANNEL_ID, second.id);
    const third = h.fake.sendMessage(mention('What is Stargate?', { author: bob }));
    await waitForReplyTo(h.fake, CHANNEL_ID, third.id);

    const byQuestion = (q: string) => rec.calls.filter((c) => c.question === q).at(-1)!.conversation;
    const [c1, c2, c3] = ['How much is InvestAI?', 'and the US?', 'What is Stargate?'].map(byQuestion);
    expect(c1).toBe(`discord:chain:${first.id}`);
    expect(c2).toBe(c1);
    expect(c3).not.toBe(c1);
  });

  it('answers every direct message, mention or not', async () => {
    h = await startHarness({ engine });
    const dm = h.fake.sendMessage(messageCreate('What is Stargate?', { guildId: null }));
    const reply = await waitForReplyTo(h.fake, dmChannelId(alice.id), dm.id);
    expect(reply.body.content).toBe(renderAnswer(reference.ask('What is Stargate?')).content);
    expect(reply.body.allowed_mentions).toEqual(NO_MENTIONS_WIRE);
  });

  it('ignores messages that do not mention the bot, its own messages and other bots', async () => {
    const rec = recording(engine);
    h = await startHarness({ engine: rec });
    h.fake.sendMessage(messageCreate('How much is InvestAI?'));
    h.fake.sendMessage(mention('How much is InvestAI?', { author: botUser }));
    h.fake.sendMessage(mention('How much is InvestAI?', { author: otherBot }));
    h.fake.sendMessage(mention('How much is InvestAI?', { webhookId: '700000000000000099', author: { ...bob, bot: true } }));
    h.fake.sendMessage(messageCreate('@everyone what now?', { mentionEveryone: true }));
    h.fake.sendMessage(messageCreate(`<@&${ROLE_ID}> anyone?`, { mentionRoles: [ROLE_ID] }));
    // Events are handled in order: once this one is answered, all the above have been seen.
    const last = h.fake.sendMessage(mention('What is Stargate?'));
    await waitForReplyTo(h.fake, CHANNEL_ID, last.id);
    expect(posts(h.fake, CHANNEL_ID)).toHaveLength(1);
    expect(rec.calls).toHaveLength(1);
  });
});

describe('mentions in questions never ping', () => {
  it('keeps @everyone, role and user mentions in a question inert on every message sent', async () => {
    h = await startHarness({ engine });
    const hostile = `@everyone @here <@&${ROLE_ID}> <@${bob.id}> how much is InvestAI?`;
    const i = h.fake.sendInteraction(askInteraction(hostile));
    const m = h.fake.sendMessage(mention(hostile, { mentionEveryone: true, mentionRoles: [ROLE_ID], mentions: [botUser, bob] }));
    await waitForEdit(h.fake, i);
    await waitForReplyTo(h.fake, CHANNEL_ID, m.id);
    const out = outgoingMessages(h.fake);
    expect(out.length).toBeGreaterThanOrEqual(2);
    for (const r of out) expect(messageBody(r).allowed_mentions).toEqual(NO_MENTIONS_WIRE);
  });
});

describe('rate limit', () => {
  it('answers past the limit with a friendly private message', async () => {
    h = await startHarness({ engine, env: { DISCORD_RATE_LIMIT: '2' } });
    const asks = [1, 2, 3].map(() => h!.fake.sendInteraction(askInteraction('What is Stargate?', { user: bob })));
    await waitForEdit(h.fake, asks[1]!);
    const limited = await waitForCallback(h.fake, asks[2]!, 4);
    expect(limited.body.data.flags).toBe(64);
    expect(limited.body.data.content).toMatch(/^You're asking faster than I can keep up with\. Please try again in \d+ seconds?\.$/);
    expect(edits(h.fake, asks[2]!)).toHaveLength(0);
    // Another user is not affected.
    const other = h.fake.sendInteraction(askInteraction('What is Stargate?', { user: alice }));
    await waitForEdit(h.fake, other);
  });

  it('tells a flooding user once per window in a channel, then stays quiet', async () => {
    h = await startHarness({ engine, env: { DISCORD_RATE_LIMIT: '1' } });
    const ms = [1, 2, 3].map(() => h!.fake.sendMessage(mention('What is Stargate?', { author: bob })));
    const notice = await waitForReplyTo(h.fake, CHANNEL_ID, ms[1]!.id);
    expect(notice.body.content).toMatch(/^You're asking faster/);
    const marker = h.fake.sendMessage(mention('What is Stargate?', { author: alice }));
    await waitForReplyTo(h.fake, CHANNEL_ID, marker.id);
    expect(posts(h.fake, CHANNEL_ID).filter((r) => r.body.message_reference.message_id === ms[2]!.id)).toHaveLength(0);
  });
});

describe('gateway', () => {
  it('resumes after op 7 RECONNECT without losing the question sent meanwhile', async () => {
    h = await startHarness({ engine });
    h.fake.gateway.requestReconnect();
    const i = h.fake.sendInteraction(askInteraction('What is Stargate?'));
    await waitForEdit(h.fake, i);
    expect(h.fake.gateway.resumes).toBe(1);
    expect(h.fake.gateway.identifies).toBe(1);
    expect(edits(h.fake, i)).toHaveLength(1);
  });

  it('identifies with only the intents the bot needs', async () => {
    h = await startHarness({ engine });
    const identify = h.fake.gateway.received.find((p) => p.op === 2)!;
    // Guilds (1) | GuildMessages (512) | DirectMessages (4096) | MessageContent (32768)
    expect(identify.d.intents).toBe(1 | 512 | 4096 | 32768);
    expect(identify.d.token).toBe('[token]');
  });

  it('can run without the privileged Message Content intent', async () => {
    h = await startHarness({ engine, env: { DISCORD_MESSAGE_CONTENT_INTENT: 'false' } });
    const identify = h.fake.gateway.received.find((p) => p.op === 2)!;
    expect(identify.d.intents).toBe(1 | 512 | 4096);
    const m = h.fake.sendMessage(mention('What is Stargate?'));
    await waitForReplyTo(h.fake, CHANNEL_ID, m.id);
  });
});

describe('privacy and abuse', () => {
  it('an ephemeral /ask in a thread does not become the context of the next public question there', async () => {
    h = await startHarness({ engine });
    const secret = h.fake.sendInteraction(askInteraction('How much is InvestAI?', { channelId: THREAD_ID, ephemeral: true, user: bob }));
    await waitForEdit(h.fake, secret);
    const m = h.fake.sendMessage(mention('and the US?', { channelId: THREAD_ID, author: alice }));
    const reply = await waitForReplyTo(h.fake, THREAD_ID, m.id);
    // Answered as a question on its own, not as a follow-up of the private one.
    expect(reply.body.content).toBe(renderAnswer(reference.ask('and the US?')).content);
    reference.ask('How much is InvestAI?', { conversation: 'leak-check' });
    expect(reply.body.content).not.toBe(renderAnswer(reference.ask('and the US?', { conversation: 'leak-check' })).content);
  });

  it('refuses a copied button of someone else\'s private answer, and keys are random', async () => {
    h = await startHarness({ engine });
    const question = questionWhere(['How much is InvestAI?', 'How much will Stargate invest?'], (a) => a.figures.length > 0);
    const asks = [bob, bob].map((u) => h!.fake.sendInteraction(askInteraction(question, { ephemeral: true, user: u })));
    const [first, second] = [await waitForEdit(h.fake, asks[0]!), await waitForEdit(h.fake, asks[1]!)];
    const ids = [first, second].map((e) => e.body.components[0].components.find((b: any) => b.label === 'Show the figures').custom_id as string);
    const [k1, k2] = ids.map((id) => id.split(':')[2]!);
    expect(k1).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(k2).not.toBe(k1);
    const original = [...h.fake.rest.messages.values()].find((m) => m.content === first.body.content)!;
    const stolen = h.fake.sendInteraction(buttonInteraction(ids[0]!, original, { user: alice }));
    const refused = await waitForCallback(h.fake, stolen, 4);
    expect(refused.body.data.flags).toBe(64);
    expect(refused.body.data.content).toBe('Only the person who asked can use this button.');
    expect(refused.body.data.embeds ?? []).toEqual([]);
    const own = h.fake.sendInteraction(buttonInteraction(ids[0]!, original, { user: bob }));
    expect((await waitForCallback(h.fake, own, 4)).body.data.embeds[0].title).toBe('The figures behind this answer');
  });

  it('replies to every interaction, even an unknown command, a non-string option or a malformed custom_id', async () => {
    h = await startHarness({ engine });
    const unknown = h.fake.sendInteraction({ ...askInteraction('x'), data: { id: '900000000000000002', name: 'weather', type: 1, options: [] } });
    const wrongType = h.fake.sendInteraction({ ...askInteraction('x'), data: { id: '900000000000000001', name: 'ask', type: 1, options: [{ name: 'question', type: 4, value: 42 }] } });
    const noOption = h.fake.sendInteraction({ ...askInteraction('x'), data: { id: '900000000000000001', name: 'ask', type: 1, options: [] } });
    const message = { id: '1', channel_id: CHANNEL_ID, author: botUser, content: '', timestamp: new Date().toISOString(), embeds: [], attachments: [], mentions: [], mention_roles: [], type: 0 };
    const malformed = h.fake.sendInteraction(buttonInteraction('summit:figures:../../etc', message));
    const foreign = h.fake.sendInteraction(buttonInteraction('x'.repeat(100), message));
    for (const i of [unknown, wrongType, noOption, malformed, foreign]) {
      const reply = await waitForCallback(h.fake, i, 4);
      expect(reply.body.data.flags).toBe(64);
      expect(reply.body.data.content.length).toBeGreaterThan(10);
    }
  });

  it('keeps discord.js\'s cache of DM channels bounded, however many users write', async () => {
    h = await startHarness({ engine, env: { DISCORD_RATE_LIMIT: '1000' }, bot: { maxCachedDmChannels: 5 } });
    for (let n = 0; n < 12; n++) {
      const author = { ...alice, id: `7100000000000000${String(n).padStart(2, '0')}`, username: `u${n}` };
      const dm = h.fake.sendMessage(messageCreate('What is Stargate?', { guildId: null, author }));
      await waitForReplyTo(h.fake, dmChannelId(author.id), dm.id);
    }
    expect(h.bot.stats().dmChannelsCached).toBeLessThanOrEqual(5);
    await waitFor(() => h!.bot.inFlight === 0, { what: 'no answer in progress' });
  });
});
