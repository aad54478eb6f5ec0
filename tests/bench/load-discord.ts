/**
 * Load on the Discord surface: `interactions` /ask interactions sent on the
 * fake gateway (loopback), at most `concurrency` awaiting their answer at a
 * time, through the real discord.js client and the real engine in its worker pool. One in ten
 * is dispatched twice (a replayed event), which must not produce a second
 * answer. Reports how many were answered exactly once, more than once, or
 * not at all, and the latency from INTERACTION_CREATE to the recorded edit of
 * @original. The fake Discord and the load generator run in a worker thread
 * (discord-load-driver.ts); this thread runs only the bot (the engine is in the pool's threads).
 *
 *   node --expose-gc --import tsx tests/bench/load-discord.ts [interactions=1000] [concurrency=100] [runs=2]
 *
 * Run on its own it loads the same bot `runs` times and prints RSS and the
 * size of the adapter's state after each run, to show neither keeps growing.
 */
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createDiscordBot, type DiscordBot } from '../../adapters/discord/bot.js';
import { loadDiscordConfig } from '../../adapters/discord/config.js';
import { createLogger } from '../../adapters/shared/logger.js';
import { createAnswerPool } from '../../adapters/shared/answer-pool.js';
import { APP_ID, FAKE_TOKEN } from '../discord/fake-discord/fixtures.js';
import { waitFor } from '../discord/harness.js';
import { mb, percentile, type LoadResult } from './measure.js';

export type { LoadResult } from './measure.js';

export interface LoadTarget {
  bot: DiscordBot;
  /** Warnings and errors the bot logged. */
  problems: string[];
  request<T>(message: { type: string; [k: string]: unknown }, reply?: string): Promise<T>;
  stop(): Promise<void>;
}

export interface LoadOptions {
  interactions: number;
  concurrency: number;
  /** A bot already running (from startLoadTarget) to reuse across runs; default: a fresh one. */
  target?: LoadTarget;
}

/** The fake Discord (in a worker) and the bot under load, its rate limit raised so it never refuses load traffic. */
export async function startLoadTarget(): Promise<LoadTarget> {
  const driver = new URL('./discord-load-driver.ts', import.meta.url).href;
  // Workers do not inherit the TypeScript loader: register it before importing the driver.
  const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(driver)}); })`, { eval: true });
  worker.on('error', (e) => {
    throw e;
  });
  const next = (type: string) => new Promise<any>((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type !== type) return;
      worker.off('message', on);
      resolve(m);
    };
    worker.on('message', on);
  });
  const { apiUrl } = await next('ready');
  // As in production: the engine answers in a worker-thread pool, one thread per core.
  const answerer = createAnswerPool();
  await answerer.examples();
  const problems: string[] = [];
  const logger = createLogger({ level: 'warn', destination: new Writable({ write: (c, _e, done) => (problems.push(String(c)), done()) }) });
  const config = loadDiscordConfig({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: apiUrl, DISCORD_RATE_LIMIT: '10000' });
  const bot = createDiscordBot({ answerer, config, logger, rest: { globalRequestsPerSecond: 10_000 } });
  await bot.start();
  return {
    bot,
    problems,
    request(message, reply) {
      const answer = reply ? next(reply) : Promise.resolve(undefined);
      worker.postMessage(message);
      return answer;
    },
    async stop() {
      await bot.stop();
      await answerer.close();
      const closed = new Promise((resolve) => worker.once('exit', resolve));
      worker.postMessage({ type: 'close' });
      await closed;
    },
  };
}

export async function loadDiscord(opts: LoadOptions): Promise<LoadResult> {
  const target = opts.target ?? (await startLoadTarget());
  try {
    const { latencies } = await target.request<{ latencies: number[] }>({ type: 'run', interactions: opts.interactions, concurrency: opts.concurrency }, 'ran');
    // Let anything still in flight land, so that a late duplicate is counted too.
    await waitFor(() => target.bot.inFlight === 0, { timeoutMs: 30_000, what: 'the bot to finish' });
    const counts = await target.request<Omit<LoadResult, 'p50Ms' | 'p99Ms'>>({ type: 'count' }, 'counted');
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      answeredOnce: counts.answeredOnce,
      duplicates: counts.duplicates,
      missing: counts.missing,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
    };
  } finally {
    if (!opts.target) await target.stop();
  }
}



if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const interactions = Number(process.argv[2] ?? 1000);
  const concurrency = Number(process.argv[3] ?? 100);
  const runs = Number(process.argv[4] ?? 2);
  const target = await startLoadTarget();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    console.log(`Discord load: ${interactions} /ask interactions, ${concurrency} concurrent, 1 in 10 replayed; fake Discord on loopback in a worker thread`);
    for (let k = 1; k <= runs; k++) {
      const run = `run ${k}`;
      const r = await loadDiscord({ interactions, concurrency, target });
      await target.request({ type: 'forget' }); // the fake's records are not the bot's memory
      global.gc?.();
      const s = target.bot.stats();
      console.log(
        `${run}: answered once ${r.answeredOnce}, duplicates ${r.duplicates}, missing ${r.missing}, ` +
          `p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, RSS ${mb(process.memoryUsage().rss)}; ` +
          `state: ${s.stateEntries} entries, ${mb(s.stateBytes)}`,
      );
    }
    console.log(`peak RSS ${mb(peak)} (bot, engine and the worker running the fake)`);
    console.log(`warnings or errors logged: ${target.problems.length}`);
    if (target.problems.length) console.log(target.problems.slice(0, 5).join(''));
  } finally {
    clearInterval(sampler);
    await target.stop();
  }
}
