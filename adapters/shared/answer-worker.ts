/**
 * One worker thread of the answer pool: loads the engine once, then answers
 * tasks. `engineModule` (a module exporting createEngine) lets tests swap in
 * an engine with controlled timing; production uses src/index.ts.
 */
import { workerData } from 'piscina';
import { reportStarted } from './answer-budget.js';
import type { DocumentLimits, Engine, EngineOptions } from '../../src/index.js';
import { answerWithHistory, type AskRequest } from './answerer.js';
import type { ChartModel } from './chart/index.js';

export interface WorkerSettings {
  corpusDir?: string;
  /** Any corpus problem fails the load instead of a warning (CORPUS_STRICT). */
  strict?: boolean;
  /** What one document may cost to read (CORPUS_MAX_*); default the engine's limits. */
  documentLimits?: Partial<DocumentLimits>;
  /** Absolute URL of a module exporting createEngine(options); default src/index. */
  engineModule?: string;
  /** Passed to that module's createEngine as `extra` (tests only). */
  extra?: unknown;
  /** The BroadcastChannel on which this thread reports the tasks it starts (answer-budget.ts). */
  startsChannel?: string;
}

export type WorkerTask = ({ kind: 'ask'; request: AskRequest } | { kind: 'examples' } | { kind: 'warnings' } | { kind: 'documents' } | { kind: 'chart'; model: ChartModel }) & {
  /** Reported when this thread starts the task: the task's time budget runs from then (answer-budget.ts). */
  startId?: number;
};

const settings = (workerData ?? {}) as WorkerSettings;
type Factory = (options: EngineOptions & { extra?: unknown }) => Promise<Engine>;
const factory: Factory = settings.engineModule
  ? ((await import(settings.engineModule)) as { createEngine: Factory }).createEngine
  : (await import('../../src/index.js')).createEngine;
// Corpus warnings are kept for the pool to log once, rather than each thread printing them.
const warnings: string[] = [];
// A corpus that cannot load is reported on every task (with its own message), not as a thread crash.
const engine: Engine | Error = await factory({
  ...(settings.corpusDir !== undefined ? { corpusDir: settings.corpusDir } : {}),
  ...(settings.strict !== undefined ? { strict: settings.strict } : {}),
  ...(settings.documentLimits !== undefined ? { documentLimits: settings.documentLimits } : {}),
  preloadWordLists: true,
  onWarning: (line) => warnings.push(line),
  extra: settings.extra,
}).catch((error: unknown) =>
  error instanceof Error ? error : new Error(String(error)),
);

export default function answer(task: WorkerTask): unknown {
  reportStarted(settings.startsChannel, task.startId);
  // Charts are drawn here too, off the adapter's event loop; the renderer loads on the first one.
  if (task.kind === 'chart') return import('./chart/index.js').then(async ({ drawChart }) => (await drawChart(task.model, 'png')).data);
  if (engine instanceof Error) throw engine;
  if (task.kind === 'warnings') return warnings;
  if (task.kind === 'documents') return engine.documents.length;
  return task.kind === 'examples' ? [...engine.examples] : answerWithHistory(engine, task.request);
}
