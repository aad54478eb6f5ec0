import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { MemoryStore, type MemoryStoreOptions } from './memory-store.js';
import type { StateStore } from './store.js';

export interface RedisStoreOptions {
  /** redis://[user:password@]host:port[/db]; never logged. */
  url: string;
  logger: Logger;
  /** Prefix of every key, so several bots can share one Redis. Default 'summit-qa:'. */
  prefix?: string;
  /** Bounds of the local mirror used while Redis is away. */
  local?: MemoryStoreOptions;
  /** Longest wait for one Redis command before treating it as failed. Default 2,000 ms. */
  commandTimeoutMs?: number;
}

/**
 * State in Redis, shared by every replica. Each write is mirrored in a local
 * memory store, so while Redis is unreachable the bot keeps answering (without
 * cross-replica guarantees), says so in one log line, and after Redis returns
 * still recognises what this replica saw meanwhile. Nothing throws to callers.
 */
export class RedisStore implements StateStore {
  readonly kind = 'redis' as const;
  readonly client: Redis;
  private readonly local: MemoryStore;
  private readonly logger: Logger;
  private available = true;

  constructor(options: RedisStoreOptions) {
    this.logger = options.logger;
    this.local = new MemoryStore(options.local);
    this.client = new Redis(options.url, {
      keyPrefix: options.prefix ?? 'summit-qa:',
      // Fail fast while disconnected instead of queueing: the local mirror answers meanwhile.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? 2_000,
      connectTimeout: 2_000,
      // Keep trying to come back, at most every 2 s.
      retryStrategy: (times) => Math.min(100 * times, 2_000),
      lazyConnect: false,
    });
    // ioredis repeats 'error' on every failed reconnect; only the transitions are worth a line.
    this.client.on('error', (error: Error) => this.markDown(error));
    this.client.on('end', () => this.markDown());
    this.client.on('close', () => this.markDown());
    this.client.on('ready', () => this.markUp());
  }

  /** Whether Redis answered the last time it was asked. */
  get connected(): boolean {
    return this.available && this.client.status === 'ready';
  }

  /** Resolves once Redis is ready (start-up), or rejects after `timeoutMs`. */
  async ready(timeoutMs = 5_000): Promise<void> {
    if (this.client.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.client.off('ready', onReady);
        reject(new Error('Redis did not answer'));
      }, timeoutMs);
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      this.client.once('ready', onReady);
    });
  }

  async get(key: string): Promise<string | undefined> {
    const remote = await this.remote(() => this.client.get(key));
    if (remote !== undefined && remote !== null) return unclaimed(remote);
    return this.local.getNow(key);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.local.setNow(key, value, ttlMs);
    await this.remote(() => this.client.set(key, value, 'PX', wholeMs(ttlMs)));
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    // Seen here already (perhaps while Redis was away): never taken twice by this replica.
    if (!this.local.setIfAbsentNow(key, value, ttlMs)) return false;
    // The stored value carries a claim id, so that after an ambiguous failure (a
    // timeout: did our SET happen?) Redis can say who holds the key.
    const claim = `${CLAIM}${randomUUID()}${CLAIM}`;
    const set = () => this.client.set(key, `${claim}${value}`, 'PX', wholeMs(ttlMs), 'NX');
    try {
      if (this.client.status === 'ready') {
        const stored = (await set()) !== null;
        this.markUp();
        return stored;
      }
    } catch {
      const holder = await this.remote(() => this.client.get(key));
      if (holder === undefined) return true; // Redis is away: this replica's own memory decides.
      if (holder !== null) return holder.startsWith(claim);
      return (await this.remote(set)) !== null;
    }
    this.markDown();
    return true;
  }

  async delete(key: string): Promise<void> {
    await this.local.delete(key);
    await this.remote(() => this.client.del(key));
  }

  localEntries(): number {
    return this.local.localEntries();
  }

  localBytes(): number {
    return this.local.localBytes();
  }

  async close(): Promise<void> {
    this.available = true; // a deliberate close is not an outage
    this.client.removeAllListeners('close');
    this.client.removeAllListeners('end');
    this.client.disconnect();
    await this.local.close();
  }

  /** Runs a command; undefined when Redis is away (the caller falls back to the local mirror). */
  private async remote<T>(command: () => Promise<T>): Promise<T | undefined> {
    if (this.client.status !== 'ready') {
      this.markDown();
      return undefined;
    }
    try {
      const result = await command();
      this.markUp();
      return result;
    } catch (error) {
      this.markDown(error as Error);
      return undefined;
    }
  }

  private markUp(): void {
    if (this.available) return;
    this.available = true;
    this.logger.info('Redis is back: state is shared across replicas again');
  }

  private markDown(error?: Error): void {
    if (!this.available) return;
    if (this.client.status === 'ready' && !error) return;
    this.available = false;
    this.logger.warn(
      { reason: error?.message ?? this.client.status },
      'Redis is unavailable: answering from local state without cross-replica guarantees until it returns',
    );
  }
}

const wholeMs = (ms: number) => Math.max(1, Math.ceil(ms));

/** Marks the claim id at the start of a value written by setIfAbsent. */
const CLAIM = '\u0001';

/** A value as it was given, without the claim id setIfAbsent put before it. */
function unclaimed(raw: string): string {
  return raw.startsWith(CLAIM) ? raw.slice(raw.indexOf(CLAIM, 1) + 1) : raw;
}
