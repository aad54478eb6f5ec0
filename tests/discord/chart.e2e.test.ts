/**
 * Charts in Discord, end to end: real discord.js and engine against the fake
 * Discord on 127.0.0.1. The PNG goes out as a multipart attachment and the
 * embed's image points at it; if Discord refuses the file, the text answer
 * still goes out.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/index.js';
import { BOT_ID, CHANNEL_ID, askInteraction, botUser, buttonInteraction, messageCreate } from './fake-discord/index.js';
import { startHarness, type Harness } from './harness.js';
import { edits, originalPath, waitForCallback, waitForEdit, waitForReplyTo } from './wire.js';
import { decodePng } from '../helpers/png.js';
import { loadRenderer } from '../../adapters/shared/chart/index.js';
import { withAttachedChart } from '../../adapters/discord/chart-attach.js';
import { ChartExtension } from '../../adapters/shared/chart/extension.js';
import { plain } from '../../adapters/discord/render.js';

let engine: Engine;
let h: Harness | undefined;
beforeAll(async () => {
  engine = await createEngine();
  // The first chart of a process loads the libraries; done here so a busy machine cannot push it past the bot's budget.
  await loadRenderer();
});
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

function expectChart(request: { body: any; files: { field: string; filename: string; contentType: string; bytes: Buffer }[] }) {
  expect(request.files).toHaveLength(1);
  const [file] = request.files;
  expect(file!.filename).toBe('figures.png');
  expect(file!.contentType).toBe('image/png');
  expect(decodePng(file!.bytes).width).toBeGreaterThan(800);
  expect(request.body.attachments).toEqual([expect.objectContaining({ id: '0', description: expect.stringMatching(/^Bar chart\./) })]);
  expect(request.body.embeds[0].image).toEqual({ url: 'attachment://figures.png' });
}

describe('Discord charts', () => {
  it('/ask with a comparison edits the deferred reply with the PNG attached and shown in the embed', async () => {
    h = await startHarness({ engine, bot: { chartBudgetMs: 30_000 } });
    const i = h.fake.sendInteraction(askInteraction('compare the French package with Stargate'));
    const edit = await waitForEdit(h.fake, i);
    expect(edit.body.content).toMatch(/^About \$112 billion/);
    expectChart(edit);
    expect(edit.body.attachments[0].description).toContain('up to $500 billion');
    const stored = [...h.fake.rest.messages.values()].find((m) => (m.attachments as unknown[]).length > 0);
    expect(stored?.attachments).toEqual([expect.objectContaining({ filename: 'figures.png', content_type: 'image/png' })]);
  });

  it('"Show the figures" answers privately with the figures and their chart', async () => {
    h = await startHarness({ engine, bot: { chartBudgetMs: 30_000 } });
    const ask = h.fake.sendInteraction(askInteraction('how much do the Champions and InvestAI add up to'));
    const edit = await waitForEdit(h.fake, ask);
    const button = edit.body.components[0].components.find((b: { label: string }) => b.label === 'Show the figures');
    const original = [...h.fake.rest.messages.values()].find((m) => m.content === edit.body.content)!;
    const click = h.fake.sendInteraction(buttonInteraction(button.custom_id, original));
    const reply = await waitForCallback(h.fake, click, 4);
    expect(reply.body.data.flags & 64).toBe(64); // ephemeral
    expect(reply.body.data.embeds[0].title).toBe('The figures behind this answer');
    expectChart({ body: reply.body.data, files: reply.files });
    expect(reply.body.data.attachments[0].description).toContain('made of €150 billion + €50 billion');
  });

  it('a mention with a comparison gets its reply with the PNG attached', async () => {
    h = await startHarness({ engine, bot: { chartBudgetMs: 30_000 } });
    const m = h.fake.sendMessage(messageCreate(`<@${BOT_ID}> compare InvestAI with Stargate`, { mentions: [botUser] }));
    const reply = await waitForReplyTo(h.fake, CHANNEL_ID, m.id);
    expect(reply.body.content).toMatch(/^€200 billion/);
    expectChart(reply);
  });

  it('an answer with a single amount goes out as JSON, without a file or an image', async () => {
    h = await startHarness({ engine, bot: { chartBudgetMs: 30_000 } });
    const i = h.fake.sendInteraction(askInteraction('How much is InvestAI?'));
    const edit = await waitForEdit(h.fake, i);
    expect(edit.files).toEqual([]);
    expect(edit.body.embeds[0].image).toBeUndefined();
  });

  it('when Discord refuses the attachment, the answer is sent again as text and stands', async () => {
    h = await startHarness({ engine, bot: { chartBudgetMs: 30_000 } });
    const i = askInteraction('compare InvestAI with Stargate');
    h.fake.rest.inject({ method: 'PATCH', path: originalPath(i), status: 413, body: { message: 'Request entity too large', code: 40005 } });
    h.fake.sendInteraction(i);
    const edit = await waitForEdit(h.fake, i);
    expect(edit.files).toEqual([]);
    expect(edit.body.content).toMatch(/^€200 billion/);
    expect(edit.body.embeds[0].image).toBeUndefined();
    const attempts = h.fake.rest.find('PATCH', originalPath(i), false);
    expect(attempts.map((r) => [r.status, r.files.length])).toEqual([
      [413, 1],
      [200, 0],
    ]);
    expect(edits(h.fake, i)).toHaveLength(1);
    expect(h.logs.join('')).toContain('sending it without the chart');
  });
});

describe('ChartExtension', () => {
  const logger = { warn: () => undefined };

  it('leaves the chart out when drawing fails or takes longer than its budget', async () => {
    const answer = engine.ask('compare InvestAI with Stargate');
    const contentOf = async (extension: ChartExtension) => (await extension.decorate(answer)).attachments?.[0]?.content();
    const slow = new ChartExtension({ logger, budgetMs: 20, draw: () => new Promise<Buffer>(() => undefined) });
    expect(await contentOf(slow)).toBeUndefined();
    const broken = new ChartExtension({ logger, draw: () => Promise.reject(new Error('no renderer')) });
    expect(await contentOf(broken)).toBeUndefined();
    expect(await withAttachedChart(plain('text'), (await broken.decorate(answer)).attachments!)).toEqual(plain('text'));
    const quick = new ChartExtension({ logger, draw: async () => Buffer.from('png') });
    const { attachments } = await quick.decorate(answer);
    expect(attachments?.map((a) => [a.filename, a.contentType])).toEqual([['figures.png', 'image/png']]);
    const attached = await withAttachedChart(plain('text'), attachments!);
    expect(attached.files?.[0]?.name).toBe('figures.png');
    expect(attached.embeds).toEqual([{ image: { url: 'attachment://figures.png' } }]);
  });
});
