/**
 * One worker thread of the answer pool: loads the engine once, then answers
 * tasks. `engineModule` (a module exporting createEngine) lets tests swap in
 * an engine with controlled timing; production uses src/index.ts.
 */
import { workerData } from 'piscina';
import type { Engine, EngineOptions } from '../../src/index.js';
import { answerWithHistory, type AskRequest } from './answerer.js';

export interface WorkerSettings {
  corpusDir?: string;
  /** Absolute URL of a module exporting createEngine(options); default src/index. */
  engineModule?: string;
  /** Passed to that module's createEngine as `extra` (tests only). */
  extra?: unknown;
}

export type WorkerTask = { kind: 'ask'; request: AskRequest } | { kind: 'examples' };

const settings = (workerData ?? {}) as WorkerSettings;
type Factory = (options: EngineOptions & { extra?: unknown }) => Promise<Engine>;
const factory: Factory = settings.engineModule
  ? ((await import(settings.engineModule)) as { createEngine: Factory }).createEngine
  : (await import('../../src/index.js')).createEngine;
// A corpus that cannot load is reported on every task (with its own message), not as a thread crash.
const engine: Engine | Error = await factory({ ...(settings.corpusDir !== undefined ? { corpusDir: settings.corpusDir } : {}), extra: settings.extra }).catch((error: unknown) =>
  error instanceof Error ? error : new Error(String(error)),
);

export default function answer(task: WorkerTask): unknown {
  if (engine instanceof Error) throw engine;
  return task.kind === 'examples' ? [...engine.examples] : answerWithHistory(engine, task.request);
}
