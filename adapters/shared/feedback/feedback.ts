/**
 * The question log and the 👍/👎 buttons, once for every chat platform, as a
 * pipeline extension: each answer is recorded (off the answer path: the log
 * only queues a row) and gets two buttons that carry the answer's key; the
 * log's id for the answer is kept with that key. A platform turns a click or
 * a form into `vote()` and shows the text it returns, privately.
 */
import type { Answer } from '../../../src/index.js';
import { EXPIRED_TEXT, FORBIDDEN_TEXT, type AnsweredContext, type AnswerExtension, type Decoration, type Incoming, type Pipeline } from '../pipeline.js';
import type { QuestionLog } from '../question-log/index.js';
import { THANKS_DOWN, THANKS_NOTE, THANKS_UP } from './texts.js';

export const FEEDBACK_UP = 'feedback-up';
export const FEEDBACK_DOWN = 'feedback-down';
export const FEEDBACK_ACTIONS: readonly string[] = [FEEDBACK_UP, FEEDBACK_DOWN];

export interface VoteRequest {
  /** The answer's key, from the button. */
  key: string;
  /** Platform-qualified voter id, as the pipeline's `Incoming.user` (hashed by the log). */
  user: string;
  /** For logs: 'slack:feedback'. */
  surface: string;
  vote: 'up' | 'down';
  /** What was wrong, from the 👎 form. */
  note?: string;
}

export type VoteOutcome = { status: 'ok' | 'expired' | 'forbidden'; text: string };

/** 'slack:mention' → 'slack': the report counts questions per platform. */
export const platformOf = (surface: string): string => surface.split(':')[0] || surface;

export class Feedback implements AnswerExtension {
  constructor(readonly log: QuestionLog) {}

  async decorate(answer: Answer, incoming: Incoming, context: AnsweredContext): Promise<Decoration> {
    const answerId = this.log.record({
      surface: platformOf(incoming.surface),
      user: incoming.user,
      conversation: incoming.conversation,
      question: context.question,
      answer,
      latencyMs: context.latencyMs,
    });
    return { actions: FEEDBACK_ACTIONS, extra: { answerId } };
  }

  /** Records a vote (one per user per answer: a second replaces the first); returns the private acknowledgement. */
  async vote(pipeline: Pipeline, request: VoteRequest): Promise<VoteOutcome> {
    const found = await pipeline.lookupAction(request.key, request.user, request.surface);
    if (found.status !== 'ok') return { status: found.status, text: found.status === 'expired' ? EXPIRED_TEXT : FORBIDDEN_TEXT };
    const answerId = found.record.extra?.answerId;
    if (!answerId) return { status: 'expired', text: EXPIRED_TEXT };
    const note = request.note?.trim() || undefined;
    this.log.vote({ answerId, user: request.user, vote: request.vote, ...(note ? { note } : {}) });
    return { status: 'ok', text: request.vote === 'up' ? THANKS_UP : note ? THANKS_NOTE : THANKS_DOWN };
  }
}
