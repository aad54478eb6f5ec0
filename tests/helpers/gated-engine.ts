/**
 * An engine for worker-pool tests: the real engine, except that a question
 * starting with "SLOW" holds its worker thread until the test opens the gate
 * (a SharedArrayBuffer), standing in for a question that takes seconds. It
 * counts the slow questions that have started, so a test can wait for that
 * instead of sleeping. A question starting with "HOLD" does the same on a
 * second gate, so a test can let two held questions go one at a time.
 * Loaded inside the pool's workers through engineModule.
 */
import { createEngine as createRealEngine, type Engine, type EngineOptions } from '../../src/index.js';

/** gate[0]: 0 closed, 1 open. gate[1]: slow questions started. gate[2], gate[3]: the same for HOLD questions. */
export type Gate = Int32Array;

/** Which gate: SLOW questions wait on the first, HOLD questions on the second. */
export type Lane = 'SLOW' | 'HOLD';
const OPEN = { SLOW: 0, HOLD: 2 } as const;
const STARTED = { SLOW: 1, HOLD: 3 } as const;

export function newGate(): Gate {
  return new Int32Array(new SharedArrayBuffer(16));
}

export function openGate(gate: Gate, lane: Lane = 'SLOW'): void {
  Atomics.store(gate, OPEN[lane], 1);
  Atomics.notify(gate, OPEN[lane]);
}

/** How many questions of the lane have started (and are held while its gate is closed). */
export function heldCount(gate: Gate, lane: Lane = 'SLOW'): number {
  return Atomics.load(gate, STARTED[lane]);
}

/** Longest a slow question holds its thread if the gate is never opened (extra.holdMs overrides). */
const MAX_HOLD_MS = 15_000;

export async function createEngine(options: EngineOptions & { extra?: unknown }): Promise<Engine> {
  const { extra, ...rest } = options;
  const { gate, holdMs = MAX_HOLD_MS } = extra as { gate: Gate; holdMs?: number };
  const real = await createRealEngine(rest);
  // Own property descriptors, so the getter stays a getter (Object.assign would read it and set the value).
  const gated = {
    ask(question: string, askOptions?: Parameters<Engine['ask']>[1]) {
      const lane = question.startsWith('SLOW') ? 'SLOW' : question.startsWith('HOLD') ? 'HOLD' : undefined;
      if (lane) {
        Atomics.add(gate, STARTED[lane], 1);
        Atomics.wait(gate, OPEN[lane], 0, holdMs);
        return real.ask(question.slice(4), askOptions);
      }
      return real.ask(question, askOptions);
    },
    forget: real.forget.bind(real),
    get examples() {
      return real.examples;
    },
  };
  return Object.defineProperties(Object.create(real) as Engine, Object.getOwnPropertyDescriptors(gated));
}
