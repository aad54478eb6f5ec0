/**
 * Two Slack HTTP replicas behind one URL, sharing a real redis-server
 * (REDIS_URL): a retried event reaching the other replica is answered once,
 * a follow-up reaching the other replica is understood, and Redis stopped and
 * restarted mid-run crashes nothing and brings no double answer after it returns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/index.js';
import { createLogger } from '../../adapters/shared/logger.js';
import { RedisStore } from '../../adapters/shared/state/redis-store.js';
import { installed, REDIS_SERVER } from '../helpers/machine-tools.js';
import { startRedis, type RedisServer } from '../helpers/redis-server.js';
import { waitFor } from '../helpers/wait-for.js';
import { FakeSlack } from './fake-slack.js';
import { FAKE_APP_TOKEN, FAKE_BOT_TOKEN, FAKE_SIGNING_SECRET, logEntries, startSlack, type Harness } from './harness.js';
import { envelope, mention, nextTs, postEvent } from './slack-requests.js';

let redis: RedisServer;
let fake: FakeSlack;
let engine: Engine;
let reference: Engine;
let replicas: Harness[];
const stores: RedisStore[] = [];

beforeAll(async () => {
  [redis, fake, engine, reference] = await Promise.all([startRedis(), FakeSlack.start({ botToken: FAKE_BOT_TOKEN, appToken: FAKE_APP_TOKEN }), createEngine(), createEngine()]);
  replicas = [];
  for (let i = 0; i < 2; i++) {
    const store = new RedisStore({ url: redis.url, logger: createLogger({ level: 'silent' }) });
    await store.ready();
    stores.push(store);
    replicas.push(await startSlack({ mode: 'http', engine, fake, store, env: { SLACK_RATE_LIMIT: '1000', LOG_LEVEL: 'info' } }));
  }
});

afterAll(async () => {
  for (const r of replicas) await r.stop();
  for (const s of stores) await s.close();
  await fake.close();
  await redis.close();
});

const post = (replica: number, event: Record<string, unknown>, retryNum?: number) =>
  postEvent(replicas[replica]!.url, FAKE_SIGNING_SECRET, event, retryNum === undefined ? {} : { retryNum });

describe.skipIf(!installed(REDIS_SERVER, import.meta.url))('two Slack HTTP replicas sharing Redis', () => {
  it('answers the same signed event sent to both replicas once', async () => {
    const ts = nextTs();
    const event = envelope(mention({ channel: 'CR1', user: 'U1', ts, text: '<@UBOT> How much is InvestAI?' }));
    const [a, b] = await Promise.all([post(0, event), post(1, event, 1)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await waitFor(() => fake.messagesIn('CR1', ts)[0]);
    // A marker in another channel, answered after both copies were handled.
    const marker = nextTs();
    await post(1, envelope(mention({ channel: 'CR1M', user: 'U1', ts: marker, text: '<@UBOT> What is Stargate?' })));
    await waitFor(() => fake.messagesIn('CR1M', marker)[0]);
    expect(fake.messagesIn('CR1', ts)).toHaveLength(1);
  });

  it('understands a follow-up in the thread that reaches the other replica', async () => {
    const root = nextTs();
    await post(0, envelope(mention({ channel: 'CR2', user: 'U1', ts: root, text: '<@UBOT> How much is InvestAI?' })));
    await waitFor(() => fake.messagesIn('CR2', root)[0]);
    await post(1, envelope(mention({ channel: 'CR2', user: 'U2', thread_ts: root, text: '<@UBOT> and the US?' })));
    const followUp = await waitFor(() => fake.messagesIn('CR2', root)[1], { what: 'the follow-up answer' });
    reference.ask('How much is InvestAI?', { conversation: 'ref' });
    const expected = reference.ask('and the US?', { conversation: 'ref' });
    expect(expected.answer).not.toBe(reference.ask('and the US?').answer);
    expect(followUp.text).toContain(expected.answer.slice(0, 40));
  });

  it('survives Redis stopping and restarting mid-run, with no double answer after it returns', async () => {
    await redis.stop();
    // While Redis is away: still answering, on either replica.
    const during = nextTs();
    const duringEvent = envelope(mention({ channel: 'CR3', user: 'U1', ts: during, text: '<@UBOT> What is Stargate?' }));
    expect((await post(0, duringEvent)).status).toBe(200);
    await waitFor(() => fake.messagesIn('CR3', during)[0], { what: 'an answer while Redis is away' });

    await redis.start();
    await waitFor(() => stores.every((s) => s.connected), { what: 'both replicas to reconnect' });
    // Slack's retry of the event answered during the outage, to the same replica: not answered again.
    await post(0, duringEvent, 1);
    // A new event sent to both replicas after Redis returned: answered once.
    const after = nextTs();
    const afterEvent = envelope(mention({ channel: 'CR4', user: 'U1', ts: after, text: '<@UBOT> How much is InvestAI?' }));
    await Promise.all([post(0, afterEvent), post(1, afterEvent, 1)]);
    await waitFor(() => fake.messagesIn('CR4', after)[0]);
    const marker = nextTs();
    await post(0, envelope(mention({ channel: 'CR4M', user: 'U1', ts: marker, text: '<@UBOT> What is Stargate?' })));
    await waitFor(() => fake.messagesIn('CR4M', marker)[0]);
    expect(fake.messagesIn('CR3', during)).toHaveLength(1);
    expect(fake.messagesIn('CR4', after)).toHaveLength(1);
    for (const r of replicas) expect(logEntries(r.logs).filter((e) => e.level >= 50)).toEqual([]);
  });
});
