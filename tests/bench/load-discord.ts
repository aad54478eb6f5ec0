/**
 * Load on the Discord surface: `interactions` /ask interactions sent on the
 * fake gateway (loopback), at most `concurrency` awaiting their answer at a
 * time, through the real discord.js client and the real engine. Reports how
 * many were answered exactly once, twice or more, or not at all, and the
 * latency from INTERACTION_CREATE to the recorded edit of @original.
 *
 *   npx tsx tests/bench/load-discord.ts [interactions=1000] [concurrency=100]
 *
 * Run on its own it loads the same bot twice and prints RSS and the size of
 * the adapter's state after each run, to show neither keeps growing.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { BotStats } from '../../adapters/discord/bot.js';
import { createEngine } from '../../src/index.js';
import { askInteraction, user, type RecordedRequest } from '../discord/fake-discord/index.js';
import { startHarness, waitFor, type Harness } from '../discord/harness.js';

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
/** Longest wait for one answer before it counts as missing. */
const ANSWER_TIMEOUT_MS = 30_000;

export interface LoadResult {
  answeredOnce: number;
  duplicates: number;
  missing: number;
  p50Ms: number;
  p99Ms: number;
}

export interface LoadOptions {
  interactions: number;
  concurrency: number;
  /** A bot already running (from startLoadTarget) to reuse across runs; default: a fresh one. */
  target?: Harness;
}

/** The fake Discord and the bot under load. The rate limit is raised so that it never refuses load traffic. */
export async function startLoadTarget(): Promise<Harness> {
  const engine = await createEngine();
  return startHarness({ engine, env: { DISCORD_RATE_LIMIT: '10000', DISCORD_RATE_WINDOW_SECONDS: '60' }, logLevel: 'warn' });
}

export async function loadDiscord(opts: LoadOptions): Promise<LoadResult> {
  const h = opts.target ?? (await startLoadTarget());
  const sentAt = new Map<string, number>();
  const latency = new Map<string, number>();
  const editsByToken = new Map<string, number>();
  const callbacksById = new Map<string, number>();
  const waiting = new Map<string, () => void>();

  const off = h.fake.rest.subscribe((r: RecordedRequest) => {
    if (r.status < 200 || r.status >= 300) return;
    const edit = /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/.exec(r.path);
    if (r.method === 'PATCH' && edit) {
      const token = edit[1]!;
      editsByToken.set(token, (editsByToken.get(token) ?? 0) + 1);
      if (!latency.has(token)) latency.set(token, performance.now() - (sentAt.get(token) ?? NaN));
      waiting.get(token)?.();
    }
    const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(r.path);
    if (r.method === 'POST' && callback) callbacksById.set(callback[1]!, (callbacksById.get(callback[1]!) ?? 0) + 1);
  });

  const sent: { id: string; token: string }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < opts.interactions) {
      const n = next++;
      const asker = user(`72${String(n % USERS).padStart(16, '0')}`);
      const interaction = askInteraction(QUESTIONS[n % QUESTIONS.length]!, { user: asker });
      sent.push(interaction);
      const answered = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ANSWER_TIMEOUT_MS);
        waiting.set(interaction.token, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      sentAt.set(interaction.token, performance.now());
      h.fake.sendInteraction(interaction);
      await answered;
      waiting.delete(interaction.token);
    }
  };

  try {
    await Promise.all(Array.from({ length: Math.max(1, opts.concurrency) }, worker));
    // Let anything still in flight land, so a late duplicate is counted.
    await waitFor(() => h.bot.inFlight === 0, { timeoutMs: ANSWER_TIMEOUT_MS, what: 'the bot to finish' });
  } finally {
    off();
    if (!opts.target) await h.stop();
  }

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
  const times = [...latency.values()].sort((a, b) => a - b);
  return { answeredOnce, duplicates, missing, p50Ms: percentile(times, 0.5), p99Ms: percentile(times, 0.99) };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function describeRun(label: string, r: LoadResult, stats: BotStats): string {
  return (
    `${label}: answered once ${r.answeredOnce}, duplicates ${r.duplicates}, missing ${r.missing}, ` +
    `p50 ${r.p50Ms.toFixed(1)} ms, p99 ${r.p99Ms.toFixed(1)} ms, RSS ${mb(process.memoryUsage().rss)}, ` +
    `state: ${stats.answersKept} answers kept, ${stats.eventsRemembered} event ids, ${stats.usersRateTracked} users rate-tracked`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const interactions = Number(process.argv[2] ?? 1000);
  const concurrency = Number(process.argv[3] ?? 100);
  const target = await startLoadTarget();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    console.log(`Discord load: ${interactions} /ask interactions, ${concurrency} concurrent, loopback fake gateway (bot and fake in one process)`);
    for (const run of ['run 1', 'run 2']) {
      const r = await loadDiscord({ interactions, concurrency, target });
      target.fake.rest.forgetHistory(); // the fake's records are not the bot's memory
      global.gc?.();
      console.log(describeRun(run, r, target.bot.stats()));
    }
    console.log(`peak RSS ${mb(peak)}`);
  } finally {
    clearInterval(sampler);
    await target.stop();
  }
}
