import { LRUCache } from 'lru-cache';
import { MAX_KEY_CHARS, type StateStore } from './store.js';

export interface MemoryStoreOptions {
  /** Most bytes of keys and values held (UTF-16, 2 bytes a char); the least recently used go first. Default 32 MB. */
  maxBytes?: number;
  /** Clock, injectable for tests. Default performance.now through lru-cache. */
  now?: () => number;
}

export const DEFAULT_MEMORY_STORE_BYTES = 32 * 1024 * 1024;
// Per-entry bookkeeping lru-cache and V8 spend beside the strings themselves.
const ENTRY_OVERHEAD_BYTES = 64;

const entryBytes = (value: string, key: string) => ENTRY_OVERHEAD_BYTES + 2 * (key.length + value.length);

/**
 * The in-memory store: one lru-cache bounded by bytes, not by count, so a
 * flood of long questions cannot grow memory past the cap.
 */
export class MemoryStore implements StateStore {
  readonly kind = 'memory' as const;
  private readonly cache: LRUCache<string, string>;

  constructor(options: MemoryStoreOptions = {}) {
    const now = options.now;
    this.cache = new LRUCache<string, string>({
      maxSize: options.maxBytes ?? DEFAULT_MEMORY_STORE_BYTES,
      sizeCalculation: entryBytes,
      ttl: 60_000,
      // Check expiry on every read: with an injected clock a cached 'now' would be wrong.
      ttlResolution: 0,
      ...(now ? { perf: { now } } : {}),
    });
  }

  async get(key: string): Promise<string | undefined> {
    return this.getNow(key);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.setNow(key, value, ttlMs);
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    return this.setIfAbsentNow(key, value, ttlMs);
  }

  async delete(key: string): Promise<void> {
    this.cache.delete(key);
  }

  /** Synchronous forms, for the Redis store's local mirror. */
  getNow(key: string): string | undefined {
    return this.cache.get(checkKey(key));
  }

  setNow(key: string, value: string, ttlMs: number): void {
    this.cache.set(checkKey(key), value, { ttl: Math.max(1, Math.ceil(ttlMs)) });
  }

  setIfAbsentNow(key: string, value: string, ttlMs: number): boolean {
    if (this.cache.has(checkKey(key))) return false;
    this.setNow(key, value, ttlMs);
    return true;
  }

  localEntries(): number {
    this.cache.purgeStale();
    return this.cache.size;
  }

  localBytes(): number {
    this.cache.purgeStale();
    return this.cache.calculatedSize;
  }

  async close(): Promise<void> {
    this.cache.clear();
  }
}

function checkKey(key: string): string {
  if (key.length > MAX_KEY_CHARS) throw new RangeError(`state key longer than ${MAX_KEY_CHARS} characters`);
  return key;
}
