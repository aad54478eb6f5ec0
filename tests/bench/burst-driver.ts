/**
 * Runs in a worker thread for load-burst.ts, so the fake Slack and the
 * client that floods the adapter do not share the adapter's event loop (the
 * latency measured is the bot's, not the harness's): sends every signed
 * mention as fast as the adapter acknowledges them, `concurrency` requests at
 * a time, without waiting for answers, and times each event from its send to
 * the first reply recorded in its thread (an answer, or a notice in its place).
 *
 * In: {type:'run', url, events, concurrency}, {type:'close'}.
 * Out: {type:'ready', apiUrl}, {type:'ran', result}.
 */
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { FakeSlack } from '../slack/fake-slack.js';
import { FAKE_BOT_TOKEN, FAKE_SIGNING_SECRET } from '../slack/harness.js';
import { envelope, mention, nextTs, postEvent } from '../slack/slack-requests.js';
import { countAnswers, countNotices, SLACK_LOAD } from './slack-answers.js';

const { QUESTIONS, USERS, CHANNELS } = SLACK_LOAD;
/** How long one reply may take before its thread counts as missing. */
const REPLY_TIMEOUT_MS = 120_000;

const port = parentPort!;
const fake = await FakeSlack.start({ botToken: FAKE_BOT_TOKEN });
port.postMessage({ type: 'ready', apiUrl: fake.apiUrl });

/**
 * The i-th question sent: one of the load's questions, spaced apart differently
 * (1 to 8 spaces between words, from i's bits) when every text must be
 * distinct, so the same questions are read but none is answered from the
 * engine's cache of recent answers.
 */
function questionText(i: number, distinct: boolean): string {
  const question = QUESTIONS[i % QUESTIONS.length]!;
  if (!distinct) return question;
  const variant = Math.floor(i / QUESTIONS.length);
  return question.split(' ').reduce((text, word, gap) => `${text}${' '.repeat(1 + ((variant >> (3 * (gap - 1))) & 7))}${word}`);
}

port.on('message', async (m: { type: 'run'; url: string; events: number; concurrency: number; distinct: boolean } | { type: 'close' }) => {
  if (m.type === 'close') {
    await fake.close();
    port.close();
    return;
  }
  const threads: { channel: string; ts: string }[] = [];
  const latencies: number[] = [];
  const replies: Promise<void>[] = [];
  let next = 0;
  const sender = async () => {
    while (next < m.events) {
      const i = next++;
      const channel = `CBURST${i % CHANNELS}`;
      const ts = nextTs();
      threads.push({ channel, ts });
      const started = performance.now();
      replies.push(
        fake.nextMessageIn(channel, ts, REPLY_TIMEOUT_MS).then(
          () => void latencies.push(performance.now() - started),
          () => undefined,
        ),
      );
      const res = await postEvent(m.url, FAKE_SIGNING_SECRET, envelope(mention({ channel, user: `UBURST${i % USERS}`, ts, text: `<@UBOT> ${questionText(i, m.distinct)}` })));
      if (res.status !== 200) throw new Error(`adapter answered HTTP ${res.status}`);
    }
  };
  const sendStarted = performance.now();
  await Promise.all(Array.from({ length: m.concurrency }, sender));
  const allSentMs = performance.now() - sendStarted;
  await Promise.all(replies);
  port.postMessage({ type: 'ran', result: { ...countAnswers(fake.messages, threads, latencies), notices: countNotices(fake.messages), allSentMs } });
});
