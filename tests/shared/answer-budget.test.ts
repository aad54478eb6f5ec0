/**
 * The answer pool's time budget is answer time, not queue time: a question
 * that waited behind another and then answered quickly gets its answer, and
 * a question a thread spends too long on still gets the polite notice. The
 * budget runs on a clock the test advances, and the questions wait on gates
 * the test opens, so nothing depends on the machine's speed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BudgetTimers } from '../../adapters/shared/answer-budget.js';
import { createAnswerPool, type AnswerPool } from '../../adapters/shared/answer-pool.js';
import { TimeBudgetExceeded } from '../../adapters/shared/answerer.js';
import { heldCount, newGate, openGate, type Gate } from '../helpers/gated-engine.js';
import { waitFor } from '../helpers/wait-for.js';

const ENGINE_MODULE = new URL('../helpers/gated-engine.ts', import.meta.url).href;
const BUDGET_MS = 1_000;

/** Budget timers on a clock that moves only when the test says so. */
class ManualClock implements BudgetTimers {
  private now = 0;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();
  private nextId = 1;

  set(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.now + ms, callback });
    return id;
  }

  clear(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Timers armed and not yet fired or cleared. */
  get pending(): number {
    return this.timers.size;
  }

  advance(ms: number): void {
    this.now += ms;
    for (const [id, timer] of [...this.timers]) {
      if (timer.at > this.now) continue;
      this.timers.delete(id);
      timer.callback();
    }
  }
}

let pool: AnswerPool | undefined;
let gate: Gate | undefined;
afterEach(async () => {
  if (gate) {
    openGate(gate);
    openGate(gate, 'HOLD');
  }
  await pool?.close();
  pool = gate = undefined;
});

/** What a promise came to: its value, or the error it was rejected with. */
const settled = <T>(promise: Promise<T>): Promise<T | unknown> => promise.then(
  (value) => value,
  (error: unknown) => error,
);

async function onePoolThread(clock: ManualClock): Promise<AnswerPool> {
  gate = newGate();
  pool = createAnswerPool({ threads: 1, timeBudgetMs: BUDGET_MS, timers: clock, engineModule: ENGINE_MODULE, extra: { gate } });
  await pool.examples(); // the thread has loaded the engine
  return pool;
}

describe('answer pool time budget', () => {
  it('does not count the time a question waited for a thread: it waited long, answered quickly, and gets its answer', async () => {
    const clock = new ManualClock();
    const answers = await onePoolThread(clock);
    const first = answers.ask({ question: 'SLOWWhat is Stargate?', history: [] });
    await waitFor(() => heldCount(gate!, 'SLOW') === 1 && clock.pending === 1, { what: 'the first question to hold the only thread' });
    const second = answers.ask({ question: 'HOLDHow much is InvestAI?', history: [] });

    // The first question has used most of its budget; the second has waited as long in the queue.
    clock.advance(BUDGET_MS - 100);
    openGate(gate!);
    expect(await settled(first)).toMatchObject({ answer: expect.any(String) });

    // The second starts now, and its own budget with it: waiting plus answering is past the budget, answering alone is not.
    await waitFor(() => heldCount(gate!, 'HOLD') === 1 && clock.pending === 1, { what: 'the second question to start' });
    clock.advance(BUDGET_MS - 100);
    openGate(gate!, 'HOLD');
    const outcome = await settled(second);
    expect(outcome).not.toBeInstanceOf(TimeBudgetExceeded);
    expect(outcome).toMatchObject({ answer: expect.any(String), quotes: expect.any(Array) });
  });

  it('still abandons a question the thread itself spends longer than the budget on', async () => {
    const clock = new ManualClock();
    const answers = await onePoolThread(clock);
    const outcome = settled(answers.ask({ question: 'SLOWWhat is Stargate?', history: [] }));
    await waitFor(() => heldCount(gate!, 'SLOW') === 1 && clock.pending === 1, { what: 'the question to start' });
    clock.advance(BUDGET_MS);
    expect(await outcome).toBeInstanceOf(TimeBudgetExceeded);
    // The thread was replaced, and the next question is answered.
    expect(await answers.ask({ question: 'What is Stargate?', history: [] })).toMatchObject({ answer: expect.any(String) });
  });
});
