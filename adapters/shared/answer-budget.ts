/**
 * The time budget of one task in the answer pool, counted from the moment a
 * worker thread starts it rather than from when it was queued. In a burst a
 * question may wait behind thousands of others and then take a millisecond:
 * the "taking too long" notice is about the answer, and waiting in the queue
 * is not answering. No separate queue budget is needed: every task ahead of a
 * queued one is itself bounded by its budget, so the queue always moves.
 *
 * A worker says it has started a task by posting the task's id on a
 * BroadcastChannel shared by the pool's threads (one channel for all tasks:
 * a MessageChannel per task tripled piscina's cost per task in a burst);
 * only then is the timer armed.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { BroadcastChannel } from 'node:worker_threads';
import { TimeBudgetExceeded } from './answerer.js';

/** How a budget is timed; tests pass a clock they advance themselves. */
export interface BudgetTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const REAL_TIMERS: BudgetTimers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** The pool's side of the start reports: task ids, and what to do when a worker starts one. */
export class TaskStarts {
  /** The channel's name, for the workers (WorkerSettings.startsChannel). */
  readonly channelName = `summit-qa-task-starts-${randomUUID()}`;
  private readonly channel = new BroadcastChannel(this.channelName);
  private readonly waiting = new Map<number, () => void>();
  private nextId = 1;

  constructor() {
    this.channel.onmessage = (event) => {
      const id = (event as { data: number }).data;
      const onStart = this.waiting.get(id);
      this.waiting.delete(id);
      onStart?.();
    };
    // Reports are awaited only while tasks run, and those keep the process alive themselves.
    this.channel.unref();
  }

  /** A new task id; `onStart` runs once, if a worker reports starting that task before `forget(id)`. */
  register(onStart: () => void): number {
    const id = this.nextId++;
    this.waiting.set(id, onStart);
    return id;
  }

  forget(id: number): void {
    this.waiting.delete(id);
  }

  close(): void {
    this.waiting.clear();
    this.channel.close();
  }
}

/**
 * What piscina listens to for an abort: an emitter of 'abort' (piscina takes
 * one in place of an AbortSignal), which costs a fraction of an
 * AbortController on the adapter's thread, once per question.
 */
export class BudgetSignal extends EventEmitter {
  aborted = false;

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.emit('abort');
  }
}

/**
 * Submits a task under a new id and an abort signal that fires `budgetMs`
 * after a worker reports starting it. Rejects with TimeBudgetExceeded when
 * the budget ran out; a budget that is not a finite number (Infinity) never
 * runs out.
 */
export async function runWithinBudget<T>(
  submit: (startId: number, signal: BudgetSignal) => Promise<T>,
  budgetMs: number,
  starts: TaskStarts,
  timers: BudgetTimers = REAL_TIMERS,
): Promise<T> {
  const signal = new BudgetSignal();
  let timer: unknown;
  const id = starts.register(() => {
    if (Number.isFinite(budgetMs)) timer = timers.set(() => signal.abort(), budgetMs);
  });
  try {
    return await submit(id, signal);
  } catch (error) {
    if (signal.aborted) throw new TimeBudgetExceeded(budgetMs);
    throw error;
  } finally {
    // The report may come after the answer (two channels, no order between them): it then arms nothing.
    starts.forget(id);
    if (timer !== undefined) timers.clear(timer);
  }
}

let workerChannel: BroadcastChannel | undefined;

/** Called by a worker as it starts a task: arms the task's budget on the pool's side. */
export function reportStarted(channelName: string | undefined, startId: number | undefined): void {
  if (channelName === undefined || startId === undefined) return;
  if (!workerChannel) {
    workerChannel = new BroadcastChannel(channelName);
    // Other threads' reports reach this thread too: taken and dropped, so they never pile up unread.
    workerChannel.onmessage = () => undefined;
    workerChannel.unref();
  }
  workerChannel.postMessage(startId);
}
