/**
 * Live corpus for long-running surfaces: an EngineHolder plus a watch on the
 * corpus directory that reloads it after each change.
 */
import { defaultCorpusDir, type Engine } from '../../../src/index.js';
import { EngineHolder, type EngineHolderOptions, type ReloadLog } from './engine-holder.js';
import { watchCorpus, type WatchOptions } from './watch.js';

export { EngineHolder, type ReloadResult, type ReloadLog } from './engine-holder.js';
export { watchCorpus, isIgnoredName } from './watch.js';

export interface LiveEngine {
  engine: EngineHolder;
  /** Stops watching. */
  close(): void;
}

/** Wraps a freshly built engine and reloads it whenever the corpus directory changes. */
export function liveEngine(first: Engine, options: { corpusDir?: string; logger: ReloadLog; watch?: WatchOptions; build?: EngineHolderOptions['build'] }): LiveEngine {
  const engine = EngineHolder.around(first, { corpusDir: options.corpusDir, logger: options.logger, ...(options.build ? { build: options.build } : {}) });
  const dir = options.corpusDir ?? defaultCorpusDir();
  const watcher = watchCorpus(dir, () => void engine.reload(), {
    ...options.watch,
    onError: (error) => options.logger.warn({ reason: error.message }, `corpus watch stopped; use a restart (or :reload) to pick up changes: ${error.message}`),
  });
  return { engine, close: () => watcher.close() };
}
