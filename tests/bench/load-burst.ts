/**
 * A burst of Slack mentions on one worker thread: every event is sent as
 * fast as the adapter acknowledges it (HTTP mode, real Bolt, the real engine
 * in a one-thread answer pool), so thousands of questions queue for the
 * thread at once. Reports how many got an answer, how many a notice instead
 * ("taking too long", "something went wrong"), and p50/p99 from each send to
 * the reply in its thread. The fake Slack and the client run in another
 * thread (burst-driver.ts), so the adapter's event loop is the bot's alone.
 *
 * In a burst the last reply comes when the adapter's thread has handled every
 * event, so p99 is about events × that thread's CPU time per event, divided by
 * the share of a core it gets: on a busy machine the wall times grow, so the
 * CPU time the adapter's thread spent per event is printed too (Linux).
 *
 * The load asks a few questions again and again, as people do, and the
 * engine keeps recent answers; `distinct` spaces each text differently, so
 * every answer is worked out (the engine's whole cost per event).
 *
 *   node --import tsx tests/bench/load-burst.ts [events=5000] [threads=1] [concurrency=100] [distinct]
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { createAnswerPool } from '../../adapters/shared/answer-pool.js';
import { createLogger } from '../../adapters/shared/logger.js';
import { createSlackApp } from '../../adapters/slack/app.js';
import { loadSlackConfig } from '../../adapters/slack/config.js';
import { FAKE_BOT_TOKEN, FAKE_SIGNING_SECRET } from '../slack/harness.js';
import { mb } from './measure.js';

const events = Number(process.argv[2] ?? 5000);
const threads = Number(process.argv[3] ?? 1);
const concurrency = Number(process.argv[4] ?? 100);
const distinct = process.argv[5] === 'distinct';

interface BurstResult {
  answeredOnce: number;
  duplicates: number;
  missing: number;
  p50Ms: number;
  p99Ms: number;
  notices: { tooSlow: number; failed: number };
  allSentMs: number;
}

/** CPU time (user + system) of this process's main thread so far, in ms; undefined off Linux. */
function mainThreadCpuMs(): number | undefined {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

const driverUrl = new URL('./burst-driver.ts', import.meta.url).href;
const driver = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(driverUrl)}); })`, { eval: true });
const next = (type: string) => new Promise<any>((resolve) => driver.on('message', (m) => m.type === type && resolve(m)));
const { apiUrl } = await next('ready');

// As in production: the engine in a worker-thread pool with the default time budget, loaded before timing.
const answerer = createAnswerPool({ threads });
await answerer.examples();
const config = loadSlackConfig({ SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET, SLACK_API_URL: apiUrl, SLACK_RATE_LIMIT: '10000' });
const slack = createSlackApp({ answerer, config, logger: createLogger({ level: 'warn' }) });
const { server } = await slack.start({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${(server!.address() as { port: number }).port}/slack/events`;
try {
  const ran = next('ran');
  const cpuBefore = mainThreadCpuMs();
  driver.postMessage({ type: 'run', url, events, concurrency, distinct });
  const { result } = (await ran) as { result: BurstResult };
  const cpuAfter = mainThreadCpuMs();
  const cpuPerEvent = cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / events;
  console.log(
    `Slack burst: ${events} signed mentions${distinct ? ' (every text distinct)' : ''}, sent ${concurrency} at a time without waiting for answers (all in after ${(result.allSentMs / 1000).toFixed(1)} s), ` +
      `${threads} worker thread(s), time budget ${answerer.timeBudgetMs} ms: answered once ${result.answeredOnce}, duplicates ${result.duplicates}, missing ${result.missing}, ` +
      `"taking too long" notices ${result.notices.tooSlow}, "something went wrong" ${result.notices.failed}; ` +
      `send to reply p50 ${(result.p50Ms / 1000).toFixed(2)} s, p99 ${(result.p99Ms / 1000).toFixed(2)} s; ` +
      `adapter thread CPU ${cpuPerEvent === undefined ? 'n/a' : `${cpuPerEvent.toFixed(2)} ms per event (${((cpuPerEvent * events) / 1000).toFixed(1)} s in all)`}; peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
} finally {
  await slack.stop({ graceMs: 1000 });
  await answerer.close();
  driver.postMessage({ type: 'close' });
  await new Promise((resolve) => driver.once('exit', resolve));
}
