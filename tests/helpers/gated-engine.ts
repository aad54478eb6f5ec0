/**
 * An engine for worker-pool tests: the real engine, except that a question
 * starting with "SLOW" holds its worker thread until the test opens the gate
 * (a SharedArrayBuffer), standing in for a question that takes seconds. It
 * counts the slow questions that have started, so a test can wait for that
 * instead of sleeping. Loaded inside the pool's workers through engineModule.
 */
import { createEngine as createRealEngine, type Engine, type EngineOptions } from '../../src/index.js';

/** gate[0]: 0 closed, 1 open. gate[1]: slow questions started. */
export type Gate = Int32Array;

export function newGate(): Gate {
  return new Int32Array(new SharedArrayBuffer(8));
}

export function openGate(gate: Gate): void {
  Atomics.store(gate, 0, 1);
  Atomics.notify(gate, 0);
}

/** Longest a slow question holds its thread if the gate is never opened (extra.holdMs overrides). */
const MAX_HOLD_MS = 15_000;

export async function createEngine(options: EngineOptions & { extra?: unknown }): Promise<Engine> {
  const { extra, ...rest } = options;
  const { gate, holdMs = MAX_HOLD_MS } = extra as { gate: Gate; holdMs?: number };
  const real = await createRealEngine(rest);
  return Object.assign(Object.create(real) as Engine, {
    ask(question: string, askOptions?: Parameters<Engine['ask']>[1]) {
      if (question.startsWith('SLOW')) {
        Atomics.add(gate, 1, 1);
        Atomics.wait(gate, 0, 0, holdMs);
        return real.ask(question.slice(4), askOptions);
      }
      return real.ask(question, askOptions);
    },
    forget: real.forget.bind(real),
    get examples() {
      return real.examples;
    },
  });
}
