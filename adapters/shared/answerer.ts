/**
 * Who computes answers for the chat pipeline: the engine in this thread
 * (tests, the terminal) or a pool of worker threads (answer-pool.ts), behind
 * one async interface. Conversation memory is not the engine's: the pipeline
 * keeps each conversation's recent questions in the shared state store and
 * hands them over with the new question, so any thread, process or replica
 * can answer a follow-up.
 */
import type { Answer, Engine } from '../../src/index.js';
import type { ChartModel } from './chart/index.js';

export interface AskRequest {
  question: string;
  /** Conversation id (bounded); omitted for a stand-alone question. */
  conversation?: string;
  /** Earlier questions of the conversation, oldest first, that the engine should take as context. */
  history: readonly string[];
}

export interface Answerer {
  ask(request: AskRequest): Promise<Answer>;
  /** Example questions the corpus can answer, for help texts. */
  examples(): Promise<readonly string[]>;
  close(): Promise<void>;
  /**
   * Rebuilds the index from the corpus and swaps it in; questions already
   * being answered finish on the old one. Resolves to the new document count;
   * rejects (the old index still serving) when the corpus cannot load.
   */
  reload?(): Promise<number>;
  /** Documents served now. */
  documents?(): Promise<number>;
  /** Draws a chart's PNG off the event loop, where the answerer has threads. */
  drawChart?(model: ChartModel): Promise<Uint8Array>;
}

/** Thrown by an answerer when a question ran out of time; the pipeline answers politely. */
export class TimeBudgetExceeded extends Error {
  constructor(readonly budgetMs: number) {
    super(`no answer within ${budgetMs} ms`);
    this.name = 'TimeBudgetExceeded';
  }
}

/**
 * Answers within a conversation through the engine's public calls only: the
 * earlier questions are asked again under the conversation id so the engine
 * rebuilds its context, then the new one, then the engine forgets it. One
 * synchronous run, so nothing else interleaves; an ask takes well under a
 * millisecond, so replaying a few questions costs little.
 */
export function answerWithHistory(engine: Engine, request: AskRequest): Answer {
  const { question, conversation, history } = request;
  if (conversation === undefined) return engine.ask(question);
  try {
    for (const earlier of history) engine.ask(earlier, { conversation });
    return engine.ask(question, { conversation });
  } finally {
    engine.forget(conversation);
  }
}

/** The engine on the calling thread: no time budget (a synchronous call cannot be interrupted). */
export function inProcessAnswerer(engine: Engine, rebuild?: () => Promise<Engine>): Answerer {
  return {
    ...(rebuild
      ? {
          // One assignment swaps the engine; an answer is one synchronous run, so none straddles the swap.
          async reload() {
            engine = await rebuild();
            return engine.documents.length;
          },
        }
      : {}),
    async documents() {
      return engine.documents.length;
    },
    async ask(request) {
      return answerWithHistory(engine, request);
    },
    async examples() {
      return engine.examples;
    },
    async close() {},
  };
}
