/**
 * The time budget of one task in the answer pool, counted from the moment a
 * worker thread starts it rather than from when it was queued. In a burst a
 * question may wait behind thousands of others and then take a millisecond:
 * the "taking too long" notice is about the answer, and waiting in the queue
 * is not answering. No separate queue budget is needed: every task ahead of a
 * queued one is itself bounded by its budget, so the queue always moves.
 *
 * The worker says it has started on a MessagePort handed over with the task
 * (see answer-worker.ts); only then is the timer armed.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
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

/**
 * Submits a task with a `started` port for the worker and an abort signal
 * that fires `budgetMs` after the worker reports the start. Rejects with
 * TimeBudgetExceeded when the budget ran out; a budget that is not a finite
 * number (Infinity) never runs out.
 */
export async function runWithinBudget<T>(
  submit: (started: MessagePort, signal: AbortSignal) => Promise<T>,
  budgetMs: number,
  timers: BudgetTimers = REAL_TIMERS,
): Promise<T> {
  const controller = new AbortController();
  const { port1, port2 } = new MessageChannel();
  let timer: unknown;
  let settled = false;
  port1.once('message', () => {
    if (!settled && Number.isFinite(budgetMs)) timer = timers.set(() => controller.abort(), budgetMs);
  });
  try {
    return await submit(port2, controller.signal);
  } catch (error) {
    if (controller.signal.aborted) throw new TimeBudgetExceeded(budgetMs);
    throw error;
  } finally {
    settled = true;
    if (timer !== undefined) timers.clear(timer);
    port1.close();
  }
}

/** Called by the worker as it starts a task: arms the task's budget on the pool's side. */
export function reportStarted(started: MessagePort | undefined): void {
  if (!started) return;
  started.postMessage(null);
  started.close();
}
