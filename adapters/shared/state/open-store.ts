import type { Logger } from '../logger.js';
import { MemoryStore, type MemoryStoreOptions } from './memory-store.js';
import { RedisStore } from './redis-store.js';
import type { StateStore } from './store.js';

export interface OpenStoreOptions {
  /** REDIS_URL: shared state for several replicas. Unset: in memory, one process. */
  redisUrl?: string;
  logger: Logger;
  memory?: MemoryStoreOptions;
}

/**
 * The store the configuration asks for. With Redis, waits briefly for the
 * first connection; if Redis is not there yet the bot still starts (and says
 * so once), using local state until Redis answers.
 */
export async function openStore(options: OpenStoreOptions): Promise<StateStore> {
  if (!options.redisUrl) return new MemoryStore(options.memory);
  const store = new RedisStore({ url: options.redisUrl, logger: options.logger, local: options.memory });
  try {
    await store.ready(3_000);
    options.logger.info('state shared through Redis');
  } catch {
    // markDown has already logged the one line; reconnection continues in the background.
  }
  return store;
}
