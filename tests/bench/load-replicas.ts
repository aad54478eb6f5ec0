/**
 * Slack replicas under load: `npm run slack` started as two processes (HTTP
 * mode, each with its worker pool) sharing a redis-server on loopback, the
 * fake Slack and the client in this process. Events are spread over the two
 * replicas, and every tenth is redelivered to the *other* replica as a Slack
 * retry: each must still be answered exactly once. The baseline in the same
 * run is one replica alone, in memory, with the retry sent to it.
 *
 *   node --import tsx tests/bench/load-replicas.ts [events=1000] [concurrency=100]
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { FakeSlack } from '../slack/fake-slack.js';
import { FAKE_BOT_TOKEN, FAKE_SIGNING_SECRET } from '../slack/harness.js';
import { envelope, mention, nextTs, postEvent } from '../slack/slack-requests.js';
import { run, type Running } from '../discord/spawn.js';
import { freePort } from '../helpers/free-port.js';
import { startRedis } from '../helpers/redis-server.js';
import { waitFor } from '../helpers/wait-for.js';
import type { LoadResult } from './measure.js';
import { countAnswers } from './slack-answers.js';

const QUESTIONS = ['How much is InvestAI?', 'What are AI gigafactories?', 'How much did Stargate promise?', 'How much are the European AI Champions pledging?', 'Where was the AI Action Summit held?', 'Who paid for the lunch?'];
const USERS = 100;
const CHANNELS = 20;
const REDELIVER_EVERY = 10;
const ANSWER_TIMEOUT_MS = 60_000;

interface Replica {
  url: string;
  process: Running;
}

/** Starts `npm run slack` on a free port and waits until it listens. */
async function startReplica(fake: FakeSlack, redisUrl: string | undefined, events: number): Promise<Replica> {
  const port = await freePort();
  const process = run('adapters/shared/launch.mjs', {
    SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
    SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    SLACK_RATE_LIMIT: String(Math.min(10_000, Math.ceil(events / USERS) * 2 + 10)),
    LOG_LEVEL: 'info',
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
  }, ['adapters/slack/main']);
  await waitFor(() => process.stderr().includes('Slack adapter listening'), { timeoutMs: 60_000, intervalMs: 50, what: 'a replica to listen' });
  return { url: `http://127.0.0.1:${port}/slack/events`, process };
}

/** Resident memory of a process, now and at its peak (Linux /proc). */
function rssOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

async function drive(fake: FakeSlack, replicas: Replica[], events: number, concurrency: number): Promise<LoadResult> {
  const threads: { channel: string; ts: string }[] = [];
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < events) {
      const i = next++;
      const channel = `CREP${i % CHANNELS}`;
      const ts = nextTs();
      threads.push({ channel, ts });
      const event = envelope(mention({ channel, user: `UREP${i % USERS}`, ts, text: `<@UBOT> ${QUESTIONS[i % QUESTIONS.length]}` }));
      const started = performance.now();
      const recorded = fake.nextMessage((m) => m.channel === channel && m.thread_ts === ts, ANSWER_TIMEOUT_MS).then(
        () => performance.now() - started,
        () => undefined,
      );
      const first = replicas[i % replicas.length]!;
      const other = replicas[(i + 1) % replicas.length]!;
      const sends = [postEvent(first.url, FAKE_SIGNING_SECRET, event)];
      if (i % REDELIVER_EVERY === 0) sends.push(postEvent(other.url, FAKE_SIGNING_SECRET, event, { retryNum: 1 }));
      for (const res of await Promise.all(sends)) if (res.status !== 200) throw new Error(`replica answered HTTP ${res.status}`);
      const ms = await recorded;
      if (ms !== undefined) latencies.push(ms);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  // A late duplicate would land within this quiet period.
  const settled = fake.messages.length;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  if (fake.messages.length !== settled) await new Promise((resolve) => setTimeout(resolve, 3000));
  return countAnswers(fake.messages, threads, latencies);
}

async function measure(label: string, count: number, redisUrl: string | undefined, events: number, concurrency: number): Promise<LoadResult> {
  const fake = await FakeSlack.start({ botToken: FAKE_BOT_TOKEN });
  const replicas: Replica[] = [];
  try {
    for (let i = 0; i < count; i++) replicas.push(await startReplica(fake, redisUrl, events));
    const result = await drive(fake, replicas, events, concurrency);
    const memory = replicas.map((r) => rssOf(r.process.child.pid!));
    const problems = replicas.flatMap((r) => r.process.stderr().split('\n').filter((l) => /"level":(4|5|6)0/.test(l)));
    if (problems.length) console.log(`warnings or errors logged by the replicas: ${problems.length}\n${problems.slice(0, 5).join('\n')}`);
    console.log(
      `${label}: answered once ${result.answeredOnce}, duplicates ${result.duplicates}, missing ${result.missing}, ` +
        `p50 ${result.p50Ms.toFixed(0)} ms, p99 ${result.p99Ms.toFixed(0)} ms; RSS per replica after the run ${memory.map((m) => `${m.rssMb.toFixed(0)} MB (peak ${m.peakMb.toFixed(0)} MB)`).join(', ')}`,
    );
    return result;
  } finally {
    for (const r of replicas) r.process.child.kill('SIGTERM');
    for (const r of replicas) await r.process.exited(20_000);
    await fake.close();
  }
}

const events = Number(process.argv[2] ?? 1000);
const concurrency = Number(process.argv[3] ?? 100);
console.log(`Slack replicas: ${events} signed mentions, ${concurrency} concurrent, every ${REDELIVER_EVERY}th redelivered; replicas are \`npm run slack\` processes with their worker pools`);
const redis = await startRedis();
try {
  const base = await measure('baseline, 1 replica in memory (retries to the same replica)', 1, undefined, events, concurrency);
  const two = await measure('2 replicas sharing Redis (retries to the other replica)', 2, redis.url, events, concurrency);
  console.log(`ratio 2 replicas / baseline: p50 ${(two.p50Ms / base.p50Ms).toFixed(2)}, p99 ${(two.p99Ms / base.p99Ms).toFixed(2)}`);
  if (two.duplicates || two.missing) process.exitCode = 1;
} finally {
  await redis.close();
}
