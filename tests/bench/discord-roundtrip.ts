/**
 * How long one /ask takes end to end: INTERACTION_CREATE sent on the fake
 * gateway, through the real discord.js client and the real engine, until the
 * fake Discord records the edit of @original carrying the answer (the
 * deferral callback comes first). Median of n sequential runs on loopback.
 *
 *   npx tsx tests/bench/discord-roundtrip.ts [n]
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createEngine } from '../../src/index.js';
import { askInteraction, user } from '../discord/fake-discord/index.js';
import { startHarness } from '../discord/harness.js';
import { originalPath } from '../discord/wire.js';
import { median } from './measure.js';

const QUESTIONS = ['How much is InvestAI?', 'What are AI gigafactories?', 'How much did Stargate promise?', 'Who paid for the lunch?'];

export async function measureDiscordRoundtrip(n = 20): Promise<{ medianMs: number; samples: number[] }> {
  // Four questions asked again and again: without the answer cache, so each run works its answer out as a new question does.
  const engine = await createEngine({ answerCache: 0 });
  // Logging at warn: the figure is the adapter's, not the log writer's.
  const h = await startHarness({ engine, env: { DISCORD_RATE_LIMIT: '10000' }, logLevel: 'warn' });
  const samples: number[] = [];
  try {
    for (let i = -1; i < n; i++) {
      const question = QUESTIONS[(i + QUESTIONS.length) % QUESTIONS.length]!;
      const interaction = askInteraction(question, { user: user(`70000000000000${String(1000 + i + 1).padStart(4, '0')}`) });
      const path = originalPath(interaction);
      const answered = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer to "${question}" within 10 s`)), 10_000);
        const off = h.fake.rest.subscribe((r) => {
          if (r.method === 'PATCH' && r.status === 200 && path.test(r.path)) {
            clearTimeout(timer);
            off();
            resolve();
          }
        });
      });
      const started = performance.now();
      h.fake.sendInteraction(interaction);
      await answered;
      if (i >= 0) samples.push(performance.now() - started); // run -1 warms up
    }
  } finally {
    await h.stop();
  }
  return { medianMs: median(samples), samples };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 20);
  const { medianMs, samples } = await measureDiscordRoundtrip(n);
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(
    `Discord /ask, INTERACTION_CREATE -> recorded edit of @original (deferred, loopback), median of ${n}: ${medianMs.toFixed(2)} ms (min ${sorted[0]!.toFixed(2)}, max ${sorted.at(-1)!.toFixed(2)})`,
  );
}
