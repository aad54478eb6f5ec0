/**
 * Answer time of the adversarial questions (adversarial.ts), each next to
 * raw minisearch search of the same text on the same index, and the worst of
 * them set against the ordinary questions' p99 measured in the same process.
 * Also the one-off cost of the first question that needs the English word
 * lists (SUBTLEX, WordNet), timed in a fresh engine before anything else.
 */
import { performance } from 'node:perf_hooks';
import type MiniSearch from 'minisearch';
import type { Corpus } from '../../src/corpus/load.js';
import { preloadWordLists, type Engine } from '../../src/index.js';
import { adversarialQuestions, poolsOf } from './adversarial.js';
import { rawSearch, summarize, type Summary } from './measure.js';

export interface AdversarialRow {
  kind: string;
  question: string;
  engine: Summary;
  /** Its first answer (also in engine.max): what is cold in it, not in the rounds after. */
  firstMs: number;
  rawP50: number;
  /** Whether the engine answered it (rather than abstaining or refusing). */
  answered: boolean;
}

export interface AdversarialResult {
  rounds: number;
  rows: AdversarialRow[];
  /** The row with the highest max. */
  worst: AdversarialRow;
  /** All adversarial samples together. */
  all: Summary;
}

export interface FirstUse {
  /** Loading the English word lists (SUBTLEX, WordNet), as the REPL, Slack and Discord do at start. */
  preloadMs: number;
  /** The question asked next, one whose words send the engine to the word lists. */
  question: string;
  /** Its first answer. */
  firstMs: number;
  /** Median of its next answers. */
  warmMs: number;
}

/** The word lists loaded as a long-running surface loads them at start, then a question that needs them: timed first, then warm. */
export function measureFirstUse(engine: Engine): FirstUse {
  const question = 'will they woo homegrown firms or court the exchange rate?';
  const tLoad = performance.now();
  preloadWordLists();
  const preloadMs = performance.now() - tLoad;
  const t0 = performance.now();
  engine.ask(question);
  const firstMs = performance.now() - t0;
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    engine.ask(question);
    warm.push(performance.now() - t);
  }
  return { preloadMs, question, firstMs, warmMs: summarize(warm).p50 };
}

type Gc = (options?: { type?: 'minor' | 'major' }) => void;

/**
 * Each adversarial question `rounds` times (after one warm-up round), in
 * rounds over all of them, as measureLatency does; then raw search of each,
 * in rounds of its own. A question's first answer in the warm-up is timed
 * too and counted in its max: a cold path that is slow only once is still
 * slow for that user.
 *
 * The raw searches come after the engine's rounds, not between them: on
 * these texts they leave hundreds of megabytes behind, which would fall on
 * the engine's clock. Between rounds only a minor collection runs, as in
 * measureLatency. (A forced full collection before each round, as here
 * before, put every round in the state no server is in between questions:
 * each data structure evicted from the caches at once, which made the next
 * answers 2-5x slower on this machine; collections the answers cause
 * themselves still fall on their clock.)
 */
export function measureAdversarial(engine: Engine, index: MiniSearch, corpus: Corpus, rounds: number): AdversarialResult {
  const questions = adversarialQuestions(poolsOf(corpus));
  const gc = (globalThis as { gc?: Gc }).gc;
  const engineMs: number[][] = questions.map(() => []);
  const rawMs: number[][] = questions.map(() => []);
  const answered: boolean[] = questions.map(() => false);
  for (let round = -1; round < rounds; round++) {
    gc?.({ type: 'minor' });
    questions.forEach(({ question }, i) => {
      const t0 = performance.now();
      const a = engine.ask(question);
      engineMs[i]!.push(performance.now() - t0);
      answered[i] = a.answered;
    });
  }
  for (let round = -1; round < rounds; round++) {
    gc?.({ type: 'minor' });
    questions.forEach(({ question }, i) => {
      const t0 = performance.now();
      rawSearch(index, question);
      if (round >= 0) rawMs[i]!.push(performance.now() - t0);
    });
  }
  const rows = questions.map((q, i) => ({ ...q, engine: summarize(engineMs[i]!), firstMs: engineMs[i]![0]!, rawP50: summarize(rawMs[i]!).p50, answered: answered[i]! }));
  const worst = rows.reduce((a, b) => (b.engine.max > a.engine.max ? b : a));
  return { rounds, rows, worst, all: summarize(engineMs.flat()) };
}
