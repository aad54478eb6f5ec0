/**
 * Asks the engine and records the question in the log (when there is one):
 * the one place every surface times an answer and gets the id its feedback
 * buttons carry. Recording only queues a row; the database is written later.
 */
import type { Answer, Engine } from '../../../src/index.js';
import type { QuestionLog } from '../question-log/index.js';

export interface AskContext {
  surface: string;
  /** Raw platform user id (hashed by the log before it is stored). */
  user: string;
  conversation: string;
}

export interface LoggedAnswer {
  answer: Answer;
  /** Present when the question was logged: the key of its 👍/👎 buttons. */
  answerId?: string;
}

export function askAndLog(engine: Engine, log: QuestionLog | undefined, question: string, context: AskContext): LoggedAnswer {
  const started = performance.now();
  const answer = engine.ask(question, { conversation: context.conversation });
  if (!log) return { answer };
  const answerId = log.record({ ...context, question, answer, latencyMs: performance.now() - started });
  return { answer, answerId };
}
