/**
 * The engine in a pool of worker threads (piscina), so one slow question
 * never holds up acknowledgements or other users' answers. A question whose
 * answer runs past its time budget (counted from when a thread starts it, see
 * answer-budget.ts) is abandoned (its thread is replaced) and answered politely.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Answer, DocumentLimits } from '../../src/index.js';
import type { Answerer, AskRequest } from './answerer.js';
import { REAL_TIMERS, runWithinBudget, TaskStarts, type BudgetTimers } from './answer-budget.js';
import type { WorkerSettings, WorkerTask } from './answer-worker.js';
import type { ChartModel } from './chart/index.js';
import { PoolGenerations } from './pool-generations.js';

export interface AnswerPoolOptions {
  /** Worker threads. Default: one per core (os.availableParallelism()). */
  threads?: number;
  /**
   * Longest a thread may spend on one question (or chart) before it is
   * abandoned with a polite answer. Time waiting in the queue for a free
   * thread does not count. Infinity: no budget. Default 10,000 ms.
   */
  timeBudgetMs?: number;
  /** Times the budget. Default: setTimeout/clearTimeout (tests pass a clock they advance). */
  timers?: BudgetTimers;
  /** Corpus directory for each worker's engine. Default: the bundled corpus. */
  corpusDir?: string;
  /** Corpus problems stop the load instead of being skipped with a warning. Default false. */
  strict?: boolean;
  /** What one document may cost each worker's engine to read (reloads included). Default: the engine's limits. */
  documentLimits?: Partial<DocumentLimits>;
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
  const starts = new TaskStarts();
  const settings: WorkerSettings = {
    startsChannel: starts.channelName,
    ...(options.corpusDir !== undefined ? { corpusDir: options.corpusDir } : {}),
    ...(options.strict !== undefined ? { strict: options.strict } : {}),
    ...(options.documentLimits !== undefined ? { documentLimits: { ...options.documentLimits } } : {}),
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
  const run = <T>(task: WorkerTask) => pools.run<T>(task);
  const timers = options.timers ?? REAL_TIMERS;
  // The worker reports the task's id when it starts it; the budget runs from then.
  const runTimed = <T>(task: WorkerTask) => runWithinBudget<T>((startId, signal) => pools.run<T>({ ...task, startId }, { signal }), timeBudgetMs, starts, timers);
  return {
    threads,
    timeBudgetMs,
    ask: (request: AskRequest) => runTimed<Answer>({ kind: 'ask', request }),
    examples: () => run<readonly string[]>({ kind: 'examples' }),
    warnings: () => run<readonly string[]>({ kind: 'warnings' }),
    documents: () => run<number>({ kind: 'documents' }),
    drawChart: (model) => runTimed<Uint8Array>({ kind: 'chart', model }),
    // New workers load the corpus while the old ones keep answering; a corpus that fails keeps the old pool.
    reload: () => pools.replace<number>({ kind: 'documents' } satisfies WorkerTask),
    async close() {
      await pools.destroy();
      starts.close();
    },
  };
}
