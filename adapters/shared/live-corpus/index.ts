/**
 * Live corpus for long-running surfaces: a watch on the corpus directory that
 * reloads after each change, either an EngineHolder (the REPL) or whatever
 * rebuilds the chat bots' answerer (the worker pool).
 */
import { defaultCorpusDir, type Engine } from '../../../src/index.js';
import { EngineHolder, type EngineHolderOptions } from './engine-holder.js';
import { SerialReloads, type ReloadLog } from './reloads.js';
import { watchCorpus, type WatchOptions } from './watch.js';

export { EngineHolder } from './engine-holder.js';
export { SerialReloads, documents, type ReloadResult, type ReloadLog } from './reloads.js';
export { watchCorpus, isIgnoredName } from './watch.js';

export interface LiveEngine {
  engine: EngineHolder;
  /** Stops watching. */
  close(): void;
}

/** Wraps a freshly built engine and reloads it whenever the corpus directory changes. */
export function liveEngine(
  first: Engine,
  options: { corpusDir?: string; logger: ReloadLog; watch?: WatchOptions } & Pick<EngineHolderOptions, 'build' | 'documentLimits'>,
): LiveEngine {
  const { corpusDir, logger, build, documentLimits } = options;
  const engine = EngineHolder.around(first, { corpusDir, logger, ...(build ? { build } : {}), ...(documentLimits ? { documentLimits } : {}) });
  const dir = options.corpusDir ?? defaultCorpusDir();
  const watcher = watchDir(dir, () => void engine.reload(), options);
  return { engine, close: () => watcher.close() };
}

export interface LiveReloads {
  reloads: SerialReloads;
  /** Stops watching. */
  close(): void;
}

/** Reloads through `rebuild` (one at a time, logged) whenever the corpus directory changes. */
export function watchReloads(rebuild: () => Promise<number>, options: { corpusDir?: string; logger: ReloadLog; serving(): number; watch?: WatchOptions }): LiveReloads {
  const reloads = new SerialReloads({ rebuild, serving: options.serving, logger: options.logger });
  const watcher = watchDir(options.corpusDir ?? defaultCorpusDir(), () => void reloads.reload(), options);
  return { reloads, close: () => watcher.close() };
}

function watchDir(dir: string, onChange: () => void, options: { logger: ReloadLog; watch?: WatchOptions }) {
  return watchCorpus(dir, onChange, {
    ...options.watch,
    onError: (error) => options.logger.warn({ reason: error.message }, `corpus watch stopped; use a restart (or :reload) to pick up changes: ${error.message}`),
  });
}
