/**
 * A map whose entries expire after `ttlMs` and which never holds more than
 * `maxEntries`: the adapter's per-conversation state (answers behind buttons,
 * reply chains, events already handled) must not grow with traffic.
 */
export interface BoundedMapOptions {
  /** Most entries kept; the oldest go first. Default 5,000. */
  maxEntries?: number;
  /** Lifetime of an entry from when it was set, in ms. Default one hour. */
  ttlMs?: number;
  /** Clock, injectable for tests. Default Date.now. */
  now?: () => number;
}

export class BoundedMap<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: BoundedMapOptions = {}) {
    this.maxEntries = options.maxEntries ?? 5_000;
    this.ttlMs = options.ttlMs ?? 3_600_000;
    this.now = options.now ?? Date.now;
    if (!(this.maxEntries >= 1) || !(this.ttlMs > 0)) throw new RangeError('BoundedMap needs maxEntries >= 1 and ttlMs > 0');
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  set(key: K, value: V): this {
    const now = this.now();
    this.entries.delete(key); // re-insert: Map order is then expiry order
    this.entries.set(key, { value, expires: now + this.ttlMs });
    this.sweep(now);
    return this;
  }

  /** Records `key` and says whether it was new (for de-duplicating events). */
  addIfAbsent(key: K, value: V): boolean {
    if (this.has(key)) return false;
    this.set(key, value);
    return true;
  }

  get size(): number {
    this.sweep(this.now());
    return this.entries.size;
  }

  /** Entries are in expiry order, so expired ones are all at the front. */
  private sweep(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.expires > now && this.entries.size <= this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}
