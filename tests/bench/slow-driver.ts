/**
 * Runs in a worker thread for load-slow.ts, so its clock keeps running while
 * the adapter's thread may be blocked: the fake Slack, and a client that
 * sends one slow question, waits until a worker is held by it (the shared
 * gate's counter), then sends other users' events and times each HTTP
 * acknowledgement and each answer. It opens the gate once every
 * acknowledgement is back (or the slow question's hold runs out).
 *
 * In: {type:'run', url, others, concurrency}, {type:'close'}. Out: {type:'ready', apiUrl}, {type:'ran', acks, answers}.
 */
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { FakeSlack } from '../slack/fake-slack.js';
import { FAKE_BOT_TOKEN, FAKE_SIGNING_SECRET } from '../slack/harness.js';
import { envelope, mention, nextTs, postEvent } from '../slack/slack-requests.js';
import { openGate, type Gate } from '../helpers/gated-engine.js';

const port = parentPort!;
const gate = (workerData as { gate: Gate }).gate;
const fake = await FakeSlack.start({ botToken: FAKE_BOT_TOKEN });
port.postMessage({ type: 'ready', apiUrl: fake.apiUrl });

port.on('message', async (m: { type: 'run'; url: string; others: number; concurrency: number } | { type: 'close' }) => {
  if (m.type === 'close') {
    await fake.close();
    port.close();
    return;
  }
  const slowTs = nextTs();
  await postEvent(m.url, FAKE_SIGNING_SECRET, envelope(mention({ channel: 'CSLOW', user: 'USLOW', ts: slowTs, text: '<@UBOT> SLOW How much is InvestAI?' })));
  while (Atomics.load(gate, 1) < 1) await new Promise((resolve) => setTimeout(resolve, 5));
  const acks: number[] = [];
  const answers: number[] = [];
  let next = 0;
  const ask = async (i: number) => {
    const ts = nextTs();
    const channel = `COTHER${i}`;
    const started = performance.now();
    const answered = fake.nextMessage((p) => p.channel === channel && p.thread_ts === ts, 60_000).then(() => answers.push(performance.now() - started));
    const res = await postEvent(m.url, FAKE_SIGNING_SECRET, envelope(mention({ channel, user: `U${i}`, ts, text: '<@UBOT> What is Stargate?' })));
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    acks.push(performance.now() - started);
    await answered;
  };
  // Other users arrive `concurrency` at a time, each asking once its previous one is answered.
  await Promise.all(
    Array.from({ length: m.concurrency }, async () => {
      while (next < m.others) await ask(next++);
    }),
  );
  openGate(gate);
  await fake.nextMessage((p) => p.channel === 'CSLOW' && p.thread_ts === slowTs, 60_000);
  port.postMessage({ type: 'ran', acks, answers });
});
