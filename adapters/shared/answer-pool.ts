/**
 * The engine in a pool of worker threads (piscina), so one slow question
 * never holds up acknowledgements or other users' answers. A question past
 * its time budget is abandoned (its thread is replaced) and answered politely.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Answer } from '../../src/index.js';
import { TimeBudgetExceeded, type Answerer, type AskRequest } from './answerer.js';
import type { WorkerSettings, WorkerTask } from './answer-worker.js';
import type { ChartModel } from './chart/index.js';
import { PoolGenerations } from './pool-generations.js';

export interface AnswerPoolOptions {
  /** Worker threads. Default: one per core (os.availableParallelism()). */
  threads?: number;
  /** Longest a question may take, queueing included, before a polite answer. Default 10,000 ms. */
  timeBudgetMs?: number;
  /** Corpus directory for each worker's engine. Default: the bundled corpus. */
  corpusDir?: string;
  /** Corpus problems stop the load instead of being skipped with a warning. Default false. */
  strict?: boolean;
  /** Tests only: a module exporting createEngine, and data for it. */
  engineModule?: string;
  extra?: unknown;
}

export const DEFAULT_TIME_BUDGET_MS = 10_000;

export interface AnswerPool extends Answerer {
  readonly threads: number;
  readonly timeBudgetMs: number;
  /** The corpus warnings of a worker's load (every worker loads the same corpus). */
  warnings(): Promise<readonly string[]>;
  reload(): Promise<number>;
  documents(): Promise<number>;
  /** Draws a chart as PNG in a worker thread (the chart extension's `draw`), within the time budget. */
  drawChart(model: ChartModel): Promise<Uint8Array>;
}

export function createAnswerPool(options: AnswerPoolOptions = {}): AnswerPool {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const timeBudgetMs = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const fromSource = import.meta.url.endsWith('.ts');
  const settings: WorkerSettings = {
    ...(options.corpusDir !== undefined ? { corpusDir: options.corpusDir } : {}),
    ...(options.strict !== undefined ? { strict: options.strict } : {}),
    ...(options.engineModule !== undefined ? { engineModule: options.engineModule } : {}),
    ...(options.extra !== undefined ? { extra: options.extra } : {}),
  };
  const filename = new URL(fromSource ? './answer-worker.mjs' : './answer-worker.js', import.meta.url).href;
  const startPool = () => {
    const pool = new Piscina({ filename, minThreads: threads, maxThreads: threads, idleTimeout: Number.POSITIVE_INFINITY, workerData: settings });
    // A thread that dies is replaced by piscina; the task it held fails and is answered politely.
    pool.on('error', () => undefined);
    return pool;
  };
  // A task runs on the pool current when it is given, and that pool stays up until the task settles.
  const pools = new PoolGenerations(startPool);
  const run = <T>(task: WorkerTask, signal?: AbortSignal) => pools.run<T>(task, signal ? { signal } : {});
  return {
    threads,
    timeBudgetMs,
    async ask(request: AskRequest) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeBudgetMs);
      try {
        return await run<Answer>({ kind: 'ask', request }, controller.signal);
      } catch (error) {
        if (controller.signal.aborted) throw new TimeBudgetExceeded(timeBudgetMs);
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    examples: () => run<readonly string[]>({ kind: 'examples' }),
    warnings: () => run<readonly string[]>({ kind: 'warnings' }),
    documents: () => run<number>({ kind: 'documents' }),
    async drawChart(model) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeBudgetMs);
      try {
        return await run<Uint8Array>({ kind: 'chart', model }, controller.signal);
      } finally {
        clearTimeout(timer);
      }
    },
    // New workers load the corpus while the old ones keep answering; a corpus that fails keeps the old pool.
    reload: () => pools.replace<number>({ kind: 'documents' } satisfies WorkerTask),
    close: () => pools.destroy(),
  };
}
