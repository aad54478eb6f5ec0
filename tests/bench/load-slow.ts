/**
 * One slow question and everyone else: while a question holds the engine for
 * seconds (a gated test engine standing in for the 12 to 15 s question once
 * measured), other users' Slack events are sent and their HTTP
 * acknowledgements and answers timed from another thread. Baseline in the
 * same run: the engine on the adapter's own thread, as before the worker pool.
 *
 *   node --import tsx tests/bench/load-slow.ts [others=100] [holdMs=3000] [concurrency=4]
 */
import { Worker } from 'node:worker_threads';
import { createAnswerPool } from '../../adapters/shared/answer-pool.js';
import { inProcessAnswerer, type Answerer } from '../../adapters/shared/answerer.js';
import { createLogger } from '../../adapters/shared/logger.js';
import { createSlackApp } from '../../adapters/slack/app.js';
import { loadSlackConfig } from '../../adapters/slack/config.js';
import { createEngine as createGatedEngine, newGate, type Gate } from '../helpers/gated-engine.js';
import { FAKE_BOT_TOKEN, FAKE_SIGNING_SECRET } from '../slack/harness.js';
import { summarize } from './measure.js';

const others = Number(process.argv[2] ?? 100);
const holdMs = Number(process.argv[3] ?? 3000);
const concurrency = Number(process.argv[4] ?? 4);
const ENGINE_MODULE = new URL('../helpers/gated-engine.ts', import.meta.url).href;

async function measure(label: string, makeAnswerer: (gate: Gate) => Promise<Answerer>): Promise<{ ackP99: number; ackMax: number }> {
  const gate = newGate();
  const driverUrl = new URL('./slow-driver.ts', import.meta.url).href;
  const worker = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(driverUrl)}); })`, { eval: true, workerData: { gate } });
  const next = (type: string) => new Promise<any>((resolve) => worker.on('message', (m) => m.type === type && resolve(m)));
  const { apiUrl } = await next('ready');
  const answerer = await makeAnswerer(gate);
  await answerer.examples(); // workers up before timing
  const config = loadSlackConfig({ SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET, SLACK_API_URL: apiUrl, SLACK_RATE_LIMIT: '1000' });
  const slack = createSlackApp({ answerer, config, logger: createLogger({ level: 'error' }) });
  const { server } = await slack.start({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(server!.address() as { port: number }).port}/slack/events`;
  try {
    const ran = next('ran');
    worker.postMessage({ type: 'run', url, others, concurrency });
    const { acks, answers } = (await ran) as { acks: number[]; answers: number[] };
    const a = summarize(acks);
    const b = summarize(answers);
    console.log(`${label}: acknowledgements p50 ${a.p50.toFixed(1)} ms, p99 ${a.p99.toFixed(1)} ms, max ${a.max.toFixed(1)} ms; answers p50 ${b.p50.toFixed(0)} ms, p99 ${b.p99.toFixed(0)} ms`);
    return { ackP99: a.p99, ackMax: a.max };
  } finally {
    await slack.stop({ graceMs: 1000 });
    await answerer.close();
    worker.postMessage({ type: 'close' });
    await new Promise((resolve) => worker.once('exit', resolve));
  }
}

console.log(`Slow question: one question holds the engine for up to ${holdMs} ms while ${others} other users ask, ${concurrency} at a time (Slack HTTP mode, fake Slack and client in another thread)`);
const before = await measure('baseline, engine on the adapter thread', async (gate) => inProcessAnswerer(await createGatedEngine({ extra: { gate, holdMs } })));
const after = await measure('worker pool (one thread per core)', async (gate) => createAnswerPool({ engineModule: ENGINE_MODULE, extra: { gate, holdMs } }));
console.log(`acknowledgement p99, pool / baseline: ${(after.ackP99 / before.ackP99).toFixed(3)}; under 100 ms with the pool: ${after.ackMax < 100 ? 'yes' : 'no'} (max ${after.ackMax.toFixed(1)} ms)`);
