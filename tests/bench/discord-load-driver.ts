/**
 * Runs in a worker thread for load-discord.ts: the fake Discord and the load
 * generator get their own event loop, so the figures measure the bot rather
 * than a fake competing with it for one thread.
 *
 * Messages in: {type:'run', interactions, concurrency}, {type:'count'},
 * {type:'forget'}, {type:'close'}. Messages out: {type:'ready', apiUrl},
 * {type:'ran', latencies}, {type:'counted', answeredOnce, duplicates, missing}.
 */
import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { FakeDiscord, askInteraction, user, type RecordedRequest } from '../discord/fake-discord/index.js';

const QUESTIONS = [
  'How much is InvestAI?',
  'What are AI gigafactories?',
  'How much did Stargate promise?',
  'What did France announce?',
  'Who paid for the lunch?',
  'and the US?',
];
/** Distinct askers; many questions each, as in a busy server. */
const USERS = 200;
/** Every REPLAY_EVERY-th interaction is dispatched twice, as a gateway replay would; it must be answered once. */
const REPLAY_EVERY = 10;
/** Longest wait for one answer before it counts as missing. */
const ANSWER_TIMEOUT_MS = 30_000;

const port = parentPort!;
const fake = await FakeDiscord.start();
let sent: { id: string; token: string }[] = [];
const editsByToken = new Map<string, number>();
const callbacksById = new Map<string, number>();
const waiting = new Map<string, () => void>();

fake.rest.subscribe((r: RecordedRequest) => {
  if (r.status < 200 || r.status >= 300) return;
  const edit = /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/.exec(r.path);
  if (r.method === 'PATCH' && edit) {
    editsByToken.set(edit[1]!, (editsByToken.get(edit[1]!) ?? 0) + 1);
    waiting.get(edit[1]!)?.();
  }
  const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(r.path);
  if (r.method === 'POST' && callback) callbacksById.set(callback[1]!, (callbacksById.get(callback[1]!) ?? 0) + 1);
});

async function run(interactions: number, concurrency: number): Promise<number[]> {
  sent = [];
  editsByToken.clear();
  callbacksById.clear();
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < interactions) {
      const n = next++;
      const interaction = askInteraction(QUESTIONS[n % QUESTIONS.length]!, { user: user(`72${String(n % USERS).padStart(16, '0')}`) });
      sent.push(interaction);
      let answered = false;
      const done = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ANSWER_TIMEOUT_MS);
        waiting.set(interaction.token, () => {
          answered = true;
          clearTimeout(timer);
          resolve();
        });
      });
      const started = performance.now();
      fake.sendInteraction(interaction);
      if (n % REPLAY_EVERY === 0) fake.gateway.dispatch('INTERACTION_CREATE', interaction);
      await done;
      waiting.delete(interaction.token);
      if (answered) latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return latencies;
}

function count() {
  let answeredOnce = 0;
  let duplicates = 0;
  let missing = 0;
  for (const i of sent) {
    const e = editsByToken.get(i.token) ?? 0;
    const c = callbacksById.get(i.id) ?? 0;
    if (e === 0) missing++;
    else if (e > 1 || c > 1) duplicates++;
    else answeredOnce++;
  }
  return { answeredOnce, duplicates, missing };
}

port.on('message', (m: { type: string; interactions?: number; concurrency?: number }) => {
  if (m.type === 'run') void run(m.interactions!, m.concurrency!).then((latencies) => port.postMessage({ type: 'ran', latencies }));
  if (m.type === 'count') port.postMessage({ type: 'counted', ...count() });
  if (m.type === 'forget') fake.rest.forgetHistory();
  if (m.type === 'close') void fake.close().then(() => port.close());
});
port.postMessage({ type: 'ready', apiUrl: fake.apiUrl });
