/**
 * The answer pool's piscina pools across corpus reloads. New tasks go to the
 * newest pool; a pool that a reload replaced is destroyed only once every
 * task given to it has settled, so a reload never cuts a question short.
 *
 * piscina's own close() is not used for that: it counts task completions
 * rather than idle workers (with two threads it resolves while one is still
 * answering) and then terminates whatever is left, which answered questions
 * in flight with "Terminating worker thread".
 */
import type { Piscina } from 'piscina';

interface Generation {
  readonly pool: Piscina;
  /** Tasks given to this pool that have not settled yet. */
  tasks: number;
}

type RunOptions = Parameters<Piscina['run']>[1];

export class PoolGenerations {
  private current: Generation;
  /** Replaced pools still answering the tasks they were given. */
  private readonly retiring = new Set<Generation>();
  /** Pools a reload is starting, not yet swapped in. */
  private readonly starting = new Set<Generation>();

  constructor(private readonly start: () => Piscina) {
    this.current = { pool: start(), tasks: 0 };
  }

  /** Runs a task on the newest pool; that pool stays up until the task settles. */
  run<T>(task: unknown, options: RunOptions = {}): Promise<T> {
    return this.runOn<T>(this.current, task, options);
  }

  /**
   * Starts a new pool, runs `probe` on it (which loads the corpus there), and
   * swaps it in. When the probe fails the new pool is destroyed and the old
   * one keeps serving.
   */
  async replace<T>(probe: unknown): Promise<T> {
    const next: Generation = { pool: this.start(), tasks: 0 };
    this.starting.add(next);
    let result: T;
    try {
      result = await this.runOn<T>(next, probe);
      if (!this.starting.has(next)) throw new Error('the answer pool was closed while it reloaded');
    } catch (error) {
      await next.pool.destroy();
      throw error;
    } finally {
      this.starting.delete(next);
    }
    const old = this.current;
    this.current = next;
    this.retiring.add(old);
    this.retireIfSettled(old);
    return result;
  }

  /** Pools replaced by a reload that still have tasks to finish. */
  get draining(): number {
    return this.retiring.size;
  }

  /** Shuts every pool down now; tasks not yet settled are rejected. */
  async destroy(): Promise<void> {
    const all = [this.current, ...this.retiring, ...this.starting];
    this.retiring.clear();
    this.starting.clear();
    await Promise.all(all.map((g) => g.pool.destroy()));
  }

  private runOn<T>(generation: Generation, task: unknown, options: RunOptions = {}): Promise<T> {
    generation.tasks += 1;
    return (generation.pool.run(task, options) as Promise<T>).finally(() => {
      generation.tasks -= 1;
      this.retireIfSettled(generation);
    });
  }

  private retireIfSettled(generation: Generation): void {
    if (generation.tasks > 0 || !this.retiring.delete(generation)) return;
    void generation.pool.destroy().catch(() => undefined);
  }
}
