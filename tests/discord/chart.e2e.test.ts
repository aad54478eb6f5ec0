/**
 * Charts in Discord, end to end: real discord.js and engine against the fake
 * Discord on 127.0.0.1. The PNG goes out as a multipart attachment and the
 * embed's image points at it; if Discord refuses the file, the text answer
 * still goes out.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/index.js';
import { BOT_ID, CHANNEL_ID, askInteraction, botUser, messageCreate } from './fake-discord/index.js';
import { startHarness, type Harness } from './harness.js';
import { edits, originalPath, waitForEdit, waitForReplyTo } from './wire.js';
import { decodePng } from '../helpers/png.js';

let engine: Engine;
let h: Harness | undefined;
beforeAll(async () => {
  engine = await createEngine();
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
    h = await startHarness({ engine });
    const i = h.fake.sendInteraction(askInteraction('compare the French package with Stargate'));
    const edit = await waitForEdit(h.fake, i);
    expect(edit.body.content).toMatch(/^About \$112 billion/);
    expectChart(edit);
    expect(edit.body.attachments[0].description).toContain('up to $500 billion');
    const stored = [...h.fake.rest.messages.values()].find((m) => (m.attachments as unknown[]).length > 0);
    expect(stored?.attachments).toEqual([expect.objectContaining({ filename: 'figures.png', content_type: 'image/png' })]);
  });

  it('a mention with a comparison gets its reply with the PNG attached', async () => {
    h = await startHarness({ engine, env: { DISCORD_MESSAGE_CONTENT: 'true' } });
    const m = h.fake.sendMessage(messageCreate(`<@${BOT_ID}> compare InvestAI with Stargate`, { mentions: [botUser] }));
    const reply = await waitForReplyTo(h.fake, CHANNEL_ID, m.id);
    expect(reply.body.content).toMatch(/^€200 billion/);
    expectChart(reply);
  });

  it('an answer with a single amount goes out as JSON, without a file or an image', async () => {
    h = await startHarness({ engine });
    const i = h.fake.sendInteraction(askInteraction('How much is InvestAI?'));
    const edit = await waitForEdit(h.fake, i);
    expect(edit.files).toEqual([]);
    expect(edit.body.embeds[0].image).toBeUndefined();
  });

  it('when Discord refuses the attachment, the answer is sent again as text and stands', async () => {
    h = await startHarness({ engine });
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
