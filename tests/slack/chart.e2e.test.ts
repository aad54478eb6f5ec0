/**
 * Charts in Slack, end to end over HTTP: a comparison mention gets its answer,
 * then the chart uploaded into the same thread through the two-step upload
 * flow (files.getUploadURLExternal, the PNG posted to the upload URL,
 * files.completeUploadExternal), all against the fake Slack on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/index.js';
import { FAKE_SIGNING_SECRET, startSlack, type Harness } from './harness.js';
import { envelope, mention, nextTs, postEvent } from './slack-requests.js';
import { waitFor } from '../helpers/wait-for.js';
import { decodePng } from '../helpers/png.js';
import { loadRenderer } from '../../adapters/shared/chart/index.js';

let engine: Engine;
beforeAll(async () => {
  engine = await createEngine();
  // The first chart of a process loads the libraries; done here so a busy machine cannot make the first wait time out.
  await loadRenderer();
});

describe('Slack charts', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startSlack({ mode: 'http', engine, env: { SLACK_RATE_LIMIT: '1000' } });
  });
  afterAll(() => h.stop());

  const ask = (channel: string, text: string) => {
    const ts = nextTs();
    return postEvent(h.url, FAKE_SIGNING_SECRET, envelope(mention({ channel, user: 'U1', text: `<@UBOT> ${text}`, ts }))).then(() => ts);
  };
  const inflight = () => waitFor(() => h.slack.inFlight === 0 || undefined, { what: 'answers in flight to settle' });

  it('uploads a PNG of a comparison into the answer\'s thread, after the answer, with alt text', async () => {
    const ts = await ask('C700', 'compare the French package with Stargate');
    const file = await waitFor(() => h.fake.files.find((f) => f.channel_id === 'C700'), { what: 'the chart in the channel' });
    expect(file.thread_ts).toBe(ts);
    expect(h.fake.messagesIn('C700', ts)).toHaveLength(1);
    const calls = h.fake.requests.filter((r) => ['chat.postMessage', 'files.getUploadURLExternal', 'upload', 'files.completeUploadExternal'].includes(r.method));
    expect(calls.map((c) => `${c.method}:${c.outcome}`).slice(-4)).toEqual([
      'chat.postMessage:ok',
      'files.getUploadURLExternal:ok',
      'upload:ok',
      'files.completeUploadExternal:ok',
    ]);
    const ticket = h.fake.callsOf('files.getUploadURLExternal').at(-1)!;
    expect(ticket.params).toMatchObject({ filename: 'figures.png', length: String(file.bytes.length) });
    expect(ticket.params.alt_txt).toMatch(/^Bar chart\..*about \$112 billion.*up to \$500 billion/);
    const png = decodePng(file.bytes);
    expect(png.width).toBeGreaterThan(800);
  });

  it('uploads nothing for an answer with a single amount', async () => {
    const before = h.fake.callsOf('files.getUploadURLExternal').length;
    const ts = await ask('C701', 'How much is InvestAI?');
    await waitFor(() => h.fake.messagesIn('C701', ts)[0], { what: 'the answer' });
    await inflight();
    expect(h.fake.callsOf('files.getUploadURLExternal')).toHaveLength(before);
  });

  it('leaves the text answer in place when the upload fails', async () => {
    h.fake.failNext('upload', { kind: 'http', status: 500 });
    const ts = await ask('C702', 'compare InvestAI with Stargate');
    const answer = await waitFor(() => h.fake.messagesIn('C702', ts)[0], { what: 'the answer' });
    expect(answer.text).toContain('€200 billion');
    await inflight();
    expect(h.fake.files.filter((f) => f.channel_id === 'C702')).toEqual([]);
    expect(h.fake.callsOf('files.completeUploadExternal').filter((c) => c.params.channel_id === 'C702')).toEqual([]);
    expect(h.logs.some((l) => l.includes('chart upload failed') && l.includes('HTTP 500'))).toBe(true);
    // Nothing is posted twice: the answer is not retried because of the chart.
    expect(h.fake.messagesIn('C702', ts)).toHaveLength(1);
  });

  it('leaves the text answer in place when Slack refuses the upload (missing scope)', async () => {
    h.fake.failNext('files.getUploadURLExternal', { kind: 'platform', error: 'missing_scope' });
    const ts = await ask('C703', 'compare InvestAI with Stargate');
    await waitFor(() => h.fake.messagesIn('C703', ts)[0], { what: 'the answer' });
    await inflight();
    expect(h.fake.files.filter((f) => f.channel_id === 'C703')).toEqual([]);
    expect(h.logs.some((l) => l.includes('chart upload failed') && l.includes('missing_scope'))).toBe(true);
  });
});
