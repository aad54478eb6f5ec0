/**
 * The state every chat surface shares across replicas: handled event ids,
 * conversation memory, rate-limit notices, share tokens and button keys.
 * Async, string values, every entry expires. Two implementations: in memory
 * (one process, the default) and Redis (REDIS_URL, several replicas).
 */
export interface StateStore {
  /** 'memory', or 'redis' (which falls back to memory while Redis is away). */
  readonly kind: 'memory' | 'redis';
  get(key: string): Promise<string | undefined>;
  /** Stores (or replaces) a value for `ttlMs`. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Stores the value only when the key is absent; true when it was stored (an atomic check-and-mark). */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Live entries held in this process's memory (for leak checks). */
  localEntries(): number;
  /** Bytes held in this process's memory, as the cap counts them. */
  localBytes(): number;
  close(): Promise<void>;
}

/** Longest key accepted; callers shorten longer ids with `boundedId`. */
export const MAX_KEY_CHARS = 512;
