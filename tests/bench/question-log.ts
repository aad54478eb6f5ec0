/**
 * The question log's cost on the answer path: the same questions answered
 * by the engine, then through the pipeline's feedback extension (which
 * records the row) with the log off and on (SQLite in a temporary file),
 * rounds alternating which side goes first so that machine noise lands on
 * both. The answer path is the synchronous ask plus queuing the row; the
 * batched write that follows is timed apart ("flush"), as it runs after the
 * answers have gone out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../../src/index.js';
import { Feedback } from '../../adapters/shared/feedback/feedback.js';
import { QuestionLog } from '../../adapters/shared/question-log/index.js';
import { median } from './measure.js';
import { tempDir } from '../question-log/fixtures.js';

export interface QuestionLogResult {
  questions: number;
  rounds: number;
  /** Sum over the questions of each one's median answer time, ms (one round's worth). */
  offMs: number;
  onMs: number;
  /** Median time to write one round's rows, ms (after the answers). */
  flushMs: number;
  /** on / off: the answer path's slowdown. */
  ratio: number;
  /** (on + flush) / off: including the writes, on the same thread. */
  withWritesRatio: number;
  stored: number;
  unsaved: number;
}

export async function measureQuestionLog(questionsFile: string, rounds: number): Promise<QuestionLogResult> {
  const parsed = JSON.parse(readFileSync(questionsFile, 'utf8')) as { cases: { q: string }[] };
  const questions = parsed.cases.map((c) => c.q);
  // Each question is asked every round: without the answer cache, so the logging is weighed against working answers out.
  const engine = await createEngine({ answerCache: 0 });
  const tmp = tempDir('summit-qa-bench-log-');
  const logger = { info: () => undefined, warn: (_o: object, msg: string) => void process.stderr.write(`${msg}\n`) };
  // A long flush interval: the rows of a round are written by the explicit flush below, outside the timed loop.
  const log = new QuestionLog({ target: { kind: 'sqlite', file: join(tmp.dir, 'bench.sqlite') }, logger, flushMs: 60_000, maxBatch: 10_000 }).start();
  await log.flush();
  // Interleaved question by question (which side goes first alternates), each call timed on its own:
  // a GC pause or a neighbour's burst then hits one sample, not a whole side of the comparison.
  const off: number[][] = questions.map(() => []);
  const on: number[][] = questions.map(() => []);
  const flush: number[] = [];
  const feedback = new Feedback(log);
  const time = async (logOn: boolean, q: string, i: number, round: number) => {
    const started = performance.now();
    const conversation = `r${round}:${i}:${logOn}`;
    const answer = engine.ask(q, { conversation });
    if (logOn) {
      const incoming = { surface: 'bench', eventId: conversation, user: `u${i % 50}`, conversation, question: q, private: false, notify: 'once' as const };
      await feedback.decorate(answer, incoming, { question: q, latencyMs: performance.now() - started });
    }
    return performance.now() - started;
  };
  try {
    for (let round = -2; round < rounds; round++) {
      for (const [i, q] of questions.entries()) {
        for (const logOn of (i + round) % 2 ? [false, true] : [true, false]) {
          const ms = await time(logOn, q, i, round);
          if (round >= 0) (logOn ? on : off)[i]!.push(ms);
        }
      }
      // The round's rows are written after its answers, as the timer would do in a bot.
      const flushStarted = performance.now();
      await log.flush();
      if (round >= 0) flush.push(performance.now() - flushStarted);
    }
    const stats = log.stats();
    const offMs = off.reduce((sum, samples) => sum + median(samples), 0);
    const onMs = on.reduce((sum, samples) => sum + median(samples), 0);
    const flushMs = median(flush);
    return { questions: questions.length, rounds, offMs, onMs, flushMs, ratio: onMs / offMs, withWritesRatio: (onMs + flushMs) / offMs, stored: stats.stored, unsaved: stats.unsaved };
  } finally {
    await log.close();
    tmp.remove();
  }
}
