/**
 * A Map whose entries expire after a fixed time and whose size is capped, so
 * an adapter's per-event, per-user and per-conversation state (handled event
 * ids, share tokens, notices, answers behind buttons) cannot grow without
 * bound under a flood.
 */
export interface ExpiringMapOptions {
  /** How long an entry lives, in milliseconds. Default one hour. */
  ttlMs?: number;
  /** Most entries kept; the oldest are dropped past it. Default 5,000. */
  maxEntries?: number;
  /** Clock, injectable for tests. Default Date.now. */
  now?: () => number;
}

export class ExpiringMap<K, V> {
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  // Insertion order == expiry order because every entry has the same TTL.
  private readonly entries = new Map<K, { value: V; expires: number }>();

  constructor(options: ExpiringMapOptions = {}) {
    this.ttlMs = options.ttlMs ?? 3_600_000;
    this.maxEntries = options.maxEntries ?? 5_000;
    this.now = options.now ?? Date.now;
    if (!(this.ttlMs > 0) || !(this.maxEntries >= 1)) throw new RangeError('ExpiringMap needs ttlMs > 0 and maxEntries >= 1');
  }

  get(key: K): V | undefined {
    this.sweep();
    return this.entries.get(key)?.value;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  /** Stores (or refreshes) an entry. */
  set(key: K, value: V): this {
    this.sweep();
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    return this;
  }

  /** Stores the key unless present; true when it was new (an atomic check-and-mark). */
  add(key: K, value: V): boolean {
    if (this.has(key)) return false;
    this.set(key, value);
    return true;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Live entries (for leak checks). */
  get size(): number {
    this.sweep();
    return this.entries.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.expires > now) break;
      this.entries.delete(key);
    }
  }
}
