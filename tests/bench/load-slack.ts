/**
 * Load on the Slack adapter: signed Events API mentions sent with bounded
 * concurrency to the real Bolt app (HTTP mode, real engine in its worker pool) on 127.0.0.1,
 * answered to the fake Slack. One in ten events is also redelivered the way
 * Slack retries (same event id, x-slack-retry-num), which must not produce a
 * second answer. Reports how many threads got exactly one answer, duplicates,
 * missing answers, and p50/p99 latency from request to recorded postMessage.
 *
 *   node --expose-gc --import tsx tests/bench/load-slack.ts [events] [concurrency] [runs]
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createAnswerPool } from '../../adapters/shared/answer-pool.js';
import { DEFAULT_RETRY_POLICY } from '../../adapters/slack/delivery.js';
import { FAKE_SIGNING_SECRET, startSlack } from '../slack/harness.js';
import { envelope, mention, nextTs, postEvent } from '../slack/slack-requests.js';
import { waitFor } from '../helpers/wait-for.js';
import { mb, type LoadResult } from './measure.js';
import { countAnswers } from './slack-answers.js';

const QUESTIONS = [
  'How much is InvestAI?',
  'What are AI gigafactories?',
  'How much did Stargate promise?',
  'How much are the European AI Champions pledging?',
  'Where was the AI Action Summit held?',
  'Who paid for the lunch?',
];
const USERS = 100;
const CHANNELS = 20;
/** Every REDELIVER_EVERY-th event is sent twice, as a Slack retry. */
const REDELIVER_EVERY = 10;
/** How long one answer may take before it counts as missing. */
const ANSWER_TIMEOUT_MS = 30_000;

export type { LoadResult } from './measure.js';

export async function loadSlack(opts: { events: number; concurrency: number }): Promise<LoadResult> {
  // As in production: the engine in a worker-thread pool, the production request timeout.
  const answerer = createAnswerPool();
  await answerer.examples();
  // The per-user limit is set high enough that load traffic (events / USERS per user) is never refused.
  const perUser = String(Math.min(10_000, Math.ceil(opts.events / USERS) * 2 + 10));
  const h = await startSlack({ mode: 'http', answerer, retry: { timeoutMs: DEFAULT_RETRY_POLICY.timeoutMs }, env: { SLACK_RATE_LIMIT: perUser, LOG_LEVEL: 'warn' } });
  const threads: { channel: string; ts: string }[] = [];
  const latencies: number[] = [];
  try {
    let next = 0;
    const worker = async () => {
      while (next < opts.events) {
        const i = next++;
        const channel = `CLOAD${i % CHANNELS}`;
        const ts = nextTs();
        threads.push({ channel, ts });
        const event = envelope(mention({ channel, user: `ULOAD${i % USERS}`, ts, text: `<@UBOT> ${QUESTIONS[i % QUESTIONS.length]}` }));
        const started = performance.now();
        const recorded = h.fake.nextMessage((m) => m.channel === channel && m.thread_ts === ts, ANSWER_TIMEOUT_MS).then(
          () => performance.now() - started,
          () => undefined,
        );
        const sends = [postEvent(h.url, FAKE_SIGNING_SECRET, event)];
        if (i % REDELIVER_EVERY === 0) sends.push(postEvent(h.url, FAKE_SIGNING_SECRET, event, { retryNum: 1 }));
        for (const res of await Promise.all(sends)) if (res.status !== 200) throw new Error(`adapter answered HTTP ${res.status}`);
        const ms = await recorded;
        if (ms !== undefined) latencies.push(ms);
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    // Anything still being posted (a late duplicate) lands before counting.
    await waitFor(() => h.slack.inFlight === 0, { timeoutMs: ANSWER_TIMEOUT_MS, what: 'answers in flight' });
  } finally {
    await h.stop();
    await answerer.close();
  }

  return countAnswers(h.fake.messages, threads, latencies);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const events = Number(process.argv[2] ?? 1000);
  const concurrency = Number(process.argv[3] ?? 100);
  const runs = Number(process.argv[4] ?? 2);
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let run = 1; run <= runs; run++) {
    const result = await loadSlack({ events, concurrency });
    gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    console.log(
      `Slack load run ${run}: ${events} signed mentions (+${Math.ceil(events / REDELIVER_EVERY)} redeliveries), ${concurrency} concurrent: ` +
        `answered once ${result.answeredOnce}, duplicates ${result.duplicates}, missing ${result.missing}, ` +
        `p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms; after the run${gc ? ' and a gc' : ''}: RSS ${mb(rss)}, heap ${mb(heapUsed)}`,
    );
  }
  console.log(`Peak RSS (adapter, engine, fake Slack and client in one process): ${mb(process.resourceUsage().maxRSS * 1024)}`);
}
