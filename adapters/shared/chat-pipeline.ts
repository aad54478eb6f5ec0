/**
 * What a chat platform hands the shared pipeline, and how the pipeline is put
 * together from it: who answers, the state store, the rate limit, and the
 * extensions (the question log's 👍/👎, charts, any others given).
 */
import type { Engine } from '../../src/index.js';
import { inProcessAnswerer, type Answerer } from './answerer.js';
import { ChartExtension } from './chart/extension.js';
import type { ChartModel } from './chart/index.js';
import type { Feedback } from './feedback/feedback.js';
import type { Logger } from './logger.js';
import { Pipeline, type AnswerExtension } from './pipeline.js';
import { createRateLimit, type RateLimitOptions } from './rate-limit.js';
import { MemoryStore } from './state/memory-store.js';
import type { StateStore } from './state/store.js';

export interface ChatPipelineOptions {
  /** Who answers: a worker pool in production. Default: `engine` on this thread. */
  answerer?: Answerer;
  /** The engine, when no answerer is given (tests). */
  engine?: Engine;
  /** Shared state (REDIS_URL); default in memory. */
  store?: StateStore;
  /** More buttons and files added to answers. */
  extensions?: readonly AnswerExtension[];
  /** The question log and its 👍/👎 buttons. Default none: no log, no buttons. */
  feedback?: Feedback;
  /** A chart with answers that rest on two or more amounts. Default true. */
  charts?: boolean;
  /** Longest wait for a chart before answering without it, in ms. Default 5,000. */
  chartBudgetMs?: number;
  /** Draws a chart's PNG. Default: on this thread; the bots draw in the answer pool, off the event loop. */
  drawChart?: (model: ChartModel) => Promise<Uint8Array>;
  /** Clock for the in-memory store. Default Date.now. */
  now?: () => number;
}

export function chatPipeline(options: ChatPipelineOptions, parts: { logger: Logger; rateLimit: RateLimitOptions }): { pipeline: Pipeline; charts?: ChartExtension } {
  const { logger } = parts;
  const answerer = options.answerer ?? (options.engine ? inProcessAnswerer(options.engine) : undefined);
  if (!answerer) throw new TypeError('a chat surface needs an answerer or an engine');
  const store = options.store ?? new MemoryStore({ now: options.now ?? Date.now });
  const charts = options.charts === false ? undefined : new ChartExtension({ logger, ...(options.chartBudgetMs !== undefined ? { budgetMs: options.chartBudgetMs } : {}), ...(options.drawChart ? { draw: options.drawChart } : {}) });
  const extensions = [...(options.feedback ? [options.feedback] : []), ...(charts ? [charts] : []), ...(options.extensions ?? [])];
  const pipeline = new Pipeline({ answerer, store, logger, rateLimit: createRateLimit({ ...parts.rateLimit, store }), extensions });
  return { pipeline, ...(charts ? { charts } : {}) };
}
