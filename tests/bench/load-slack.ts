/**
 * Load on the Slack adapter: signed Events API mentions sent with bounded
 * concurrency to the real Bolt app (HTTP mode, real engine in its worker pool) on 127.0.0.1,
 * answered to the fake Slack. One in ten events is also redelivered the way
 * Slack retries (same event id, x-slack-retry-num), which must not produce a
 * second answer. Reports how many threads got exactly one answer, duplicates,
 * missing answers, replies that are notices ("taking too long", "something
 * went wrong") instead of answers, and p50/p99 latency from request to
 * recorded postMessage. Each sender waits for its answer before the next
 * event, unless --burst: then senders only wait for the HTTP acknowledgement,
 * so every event is in within seconds and the questions queue for the worker
 * threads (--threads=N; default one per core):
 *
 *   node --expose-gc --import tsx tests/bench/load-slack.ts [events] [concurrency] [runs] [--threads=N] [--burst]
 *   node --expose-gc --import tsx tests/bench/load-slack.ts 5000 100 1 --threads=1 --burst
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createAnswerPool } from '../../adapters/shared/answer-pool.js';
import { DEFAULT_RETRY_POLICY } from '../../adapters/slack/delivery.js';
import { FAKE_SIGNING_SECRET, startSlack } from '../slack/harness.js';
import { envelope, mention, nextTs, postEvent } from '../slack/slack-requests.js';
import { waitFor } from '../helpers/wait-for.js';
import { mb, type LoadResult } from './measure.js';
import { countAnswers, countNotices, SLACK_LOAD } from './slack-answers.js';

const { QUESTIONS, USERS, CHANNELS } = SLACK_LOAD;
/** Every REDELIVER_EVERY-th event is sent twice, as a Slack retry. */
const REDELIVER_EVERY = 10;
/** How long one answer may take before it counts as missing. */
const ANSWER_TIMEOUT_MS = 30_000;

export type { LoadResult } from './measure.js';

export interface SlackLoadResult extends LoadResult {
  /** Replies that were notices instead of answers. */
  notices: { tooSlow: number; failed: number };
}

export interface SlackLoadOptions {
  events: number;
  /** Senders at once. */
  concurrency: number;
  /** Worker threads of the answer pool. Default one per core. */
  threads?: number;
  /** Senders do not wait for an event's answer before sending the next. Default false. */
  burst?: boolean;
}

export async function loadSlack(opts: SlackLoadOptions): Promise<SlackLoadResult> {
  // As in production: the engine in a worker-thread pool (one thread per core unless told), the production request timeout.
  const answerer = createAnswerPool(opts.threads !== undefined ? { threads: opts.threads } : {});
  await answerer.examples();
  // The per-user limit is set high enough that load traffic (events / USERS per user) is never refused.
  const perUser = String(Math.min(10_000, Math.ceil(opts.events / USERS) * 2 + 10));
  const h = await startSlack({ mode: 'http', answerer, retry: { timeoutMs: DEFAULT_RETRY_POLICY.timeoutMs }, env: { SLACK_RATE_LIMIT: perUser, LOG_LEVEL: 'warn' } });
  const threads: { channel: string; ts: string }[] = [];
  const latencies: number[] = [];
  const answers: Promise<void>[] = [];
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
        // The answer, or a notice in its place: either ends the wait.
        const recorded = h.fake.nextMessageIn(channel, ts, ANSWER_TIMEOUT_MS).then(
          () => void latencies.push(performance.now() - started),
          () => undefined,
        );
        const sends = [postEvent(h.url, FAKE_SIGNING_SECRET, event)];
        if (i % REDELIVER_EVERY === 0) sends.push(postEvent(h.url, FAKE_SIGNING_SECRET, event, { retryNum: 1 }));
        for (const res of await Promise.all(sends)) if (res.status !== 200) throw new Error(`adapter answered HTTP ${res.status}`);
        if (opts.burst) answers.push(recorded);
        else await recorded;
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
    await Promise.all(answers);
    // Anything still being posted (a late duplicate) lands before counting.
    await waitFor(() => h.slack.inFlight === 0, { timeoutMs: ANSWER_TIMEOUT_MS, what: 'answers in flight' });
  } finally {
    await h.stop();
    await answerer.close();
  }

  return { ...countAnswers(h.fake.messages, threads, latencies), notices: countNotices(h.fake.messages) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const [events = 1000, concurrency = 100, runs = 2] = args.filter((a) => !a.startsWith('--')).map(Number);
  const threadsFlag = args.find((a) => a.startsWith('--threads='));
  const threads = threadsFlag === undefined ? undefined : Number(threadsFlag.slice('--threads='.length));
  const burst = args.includes('--burst');
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let run = 1; run <= runs; run++) {
    const result = await loadSlack({ events, concurrency, burst, ...(threads !== undefined ? { threads } : {}) });
    gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    console.log(
      `Slack load run ${run}: ${events} signed mentions (+${Math.ceil(events / REDELIVER_EVERY)} redeliveries), ${concurrency} concurrent senders${burst ? ' not waiting for answers (a burst)' : ''}, ${threads ?? 'one per core'} worker thread(s): ` +
        `answered once ${result.answeredOnce}, duplicates ${result.duplicates}, missing ${result.missing}, ` +
        `"taking too long" notices ${result.notices.tooSlow}, "something went wrong" ${result.notices.failed}, ` +
        `p50 ${result.p50Ms.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms; after the run${gc ? ' and a gc' : ''}: RSS ${mb(rss)}, heap ${mb(heapUsed)}`,
    );
  }
  console.log(`Peak RSS (adapter, engine, fake Slack and client in one process): ${mb(process.resourceUsage().maxRSS * 1024)}`);
}
