/**
 * How long one Slack mention takes end to end: a signed Events API request
 * into the adapter (HTTP mode, real Bolt, real engine) until the fake Slack
 * records the chat.postMessage in the thread. Median of n sequential runs.
 *
 *   npx tsx tests/bench/slack-roundtrip.ts [n]
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createEngine } from '../../src/index.js';
import { FAKE_SIGNING_SECRET, startSlack } from '../slack/harness.js';
import { envelope, mention, nextTs, postEvent } from '../slack/slack-requests.js';
import { median } from './measure.js';

const QUESTIONS = ['How much is InvestAI?', 'What are AI gigafactories?', 'How much did Stargate promise?', 'Who paid for the lunch?'];

export async function measureSlackRoundtrip(n = 20): Promise<{ medianMs: number; samples: number[] }> {
  const engine = await createEngine();
  // Logging at warn: the figure is the adapter's, not the log writer's.
  const h = await startSlack({ mode: 'http', engine, env: { SLACK_RATE_LIMIT: '10000', LOG_LEVEL: 'warn' } });
  const samples: number[] = [];
  try {
    for (let i = -1; i < n; i++) {
      const ts = nextTs();
      const question = QUESTIONS[(i + QUESTIONS.length) % QUESTIONS.length]!;
      const event = envelope(mention({ channel: 'CBENCH', user: `U${i}`, ts, text: `<@UBOT> ${question}` }));
      const started = performance.now();
      const recorded = h.fake.nextMessage((m) => m.channel === 'CBENCH' && m.thread_ts === ts);
      const res = await postEvent(h.url, FAKE_SIGNING_SECRET, event);
      if (res.status !== 200) throw new Error(`adapter answered HTTP ${res.status}`);
      await recorded;
      if (i >= 0) samples.push(performance.now() - started); // run -1 warms up
    }
  } finally {
    await h.stop();
  }
  return { medianMs: median(samples), samples };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 20);
  const { medianMs, samples } = await measureSlackRoundtrip(n);
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(`Slack mention, signed request -> recorded chat.postMessage (HTTP mode, loopback), median of ${n}: ${medianMs.toFixed(2)} ms (min ${sorted[0]!.toFixed(2)}, max ${sorted.at(-1)!.toFixed(2)})`);
}
