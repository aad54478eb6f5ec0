/**
 * Timing primitives shared by every benchmark: percentiles, and answer
 * latency measured next to its floor (raw minisearch search of the same
 * question on the same index), interleaved question by question so that
 * noise from a shared machine lands on both sides of the ratio alike.
 */
import { performance } from 'node:perf_hooks';
import type MiniSearch from 'minisearch';
import type { Engine } from '../../src/index.js';
import { processTerm, tokenize } from '../../src/text/analyze.js';

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { n: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN };
}

/** What a load script reports: each question answered exactly once, and how fast. */
export interface LoadResult {
  answeredOnce: number;
  duplicates: number;
  missing: number;
  p50Ms: number;
  p99Ms: number;
}

/** Bytes as megabytes, for printing. */
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function median(values: readonly number[]): number {
  return percentile([...values].sort((a, b) => a - b), 50);
}

/**
 * Raw search, the floor: minisearch's own search of the question with the
 * project's tokenizer and stemmer and minisearch's defaults (no fuzzy, no
 * prefix, no re-ranking). The index's default search options expect
 * already-stemmed terms, so searching the bare question string would match
 * next to nothing and understate the floor.
 */
export function rawSearch(index: MiniSearch, question: string): number {
  return index.search(question, { tokenize, processTerm }).length;
}

export interface LatencyResult {
  engine: Summary;
  raw: Summary;
  /** engine / raw, per percentile. */
  ratio: { p50: number; p99: number };
  questions: number;
  rounds: number;
  /** Share of the questions the engine answered (a sanity check that it ran for real). */
  answeredShare: number;
  /** The questions with the highest median engine time: where the tail comes from. */
  slowest: { question: string; medianMs: number; rawMedianMs: number }[];
}

export interface LatencyOptions {
  /** Rounds over all questions that are measured. */
  rounds: number;
  /** Rounds run first and thrown away (JIT, caches). Default 3. */
  warmupRounds?: number;
}

type Gc = (options?: { type?: 'minor' | 'major' }) => void;

/**
 * p50/p99 of engine.ask() and of raw search over `questions` repeated
 * `rounds` times. Each round times the engine over every question, then raw
 * search over every question; with --expose-gc a minor collection runs
 * before each block, so the engine's garbage is collected on the engine's
 * clock rather than in the middle of the raw searches that follow it.
 */
export function measureLatency(engine: Engine, index: MiniSearch, questions: readonly string[], options: LatencyOptions): LatencyResult {
  const warmup = options.warmupRounds ?? 3;
  const gc = (globalThis as { gc?: Gc }).gc;
  const engineMs: number[][] = questions.map(() => []);
  const rawMs: number[][] = questions.map(() => []);
  let answered = 0;
  let sink = 0; // results are used, so nothing is optimised away
  for (let round = -warmup; round < options.rounds; round++) {
    gc?.({ type: 'minor' });
    questions.forEach((q, i) => {
      const t0 = performance.now();
      const a = engine.ask(q);
      const t1 = performance.now();
      if (round < 0) return;
      engineMs[i]!.push(t1 - t0);
      if (a.answered) answered++;
    });
    gc?.({ type: 'minor' });
    questions.forEach((q, i) => {
      const t0 = performance.now();
      sink += rawSearch(index, q);
      const t1 = performance.now();
      if (round >= 0) rawMs[i]!.push(t1 - t0);
    });
  }
  if (sink < 0) console.log(sink);
  const e = summarize(engineMs.flat());
  const r = summarize(rawMs.flat());
  const slowest = questions
    .map((question, i) => ({ question, medianMs: median(engineMs[i]!), rawMedianMs: median(rawMs[i]!) }))
    .sort((a, b) => b.medianMs - a.medianMs)
    .slice(0, 5);
  return {
    engine: e,
    raw: r,
    ratio: { p50: e.p50 / r.p50, p99: e.p99 / r.p99 },
    questions: questions.length,
    rounds: options.rounds,
    answeredShare: answered / Math.max(1, e.n),
    slowest,
  };
}

/** Heap and RSS in MB, after a full collection when the process runs with --expose-gc. */
export function memoryMb(): { heapUsed: number; rss: number; gc: boolean } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    gc(); // a second pass collects what the first one's finalisers released
  }
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed / 2 ** 20, rss: m.rss / 2 ** 20, gc: gc !== undefined };
}
