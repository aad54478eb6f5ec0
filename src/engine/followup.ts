/**
 * Applies a conversation's previous question to a follow-up: "and the US?"
 * keeps the question type and swaps the subject; "when?" or "who announced
 * it?" keeps the subject and takes the new type.
 */
import type { ConversationState } from './conversation.js';
import type { AnalyzedQuestion, QuestionType } from './question.js';

const CONTINUATION = /^\s*(?:and|also|what about|how about|and what about|but|same for|what of)\b/i;
const GENERIC_TYPES: ReadonlySet<QuestionType> = new Set(['what', 'keywords']);

export interface FollowUp {
  question: AnalyzedQuestion;
  /** The question as understood with its context, for --explain. */
  resolved: string;
}

export function applyFollowUp(q: AnalyzedQuestion, previous: ConversationState | undefined): FollowUp | undefined {
  if (!previous) return undefined;
  const contentWords = q.terms.filter((t) => !t.inEntity);
  const continues = CONTINUATION.test(q.text);
  const short = contentWords.length <= 2;

  // "and the US?": same kind of question about a new subject.
  if (q.entities.length > 0 && continues && GENERIC_TYPES.has(q.type)) {
    const merged: AnalyzedQuestion = {
      ...q,
      type: previous.type,
      terms: [...q.terms, ...previous.terms.filter((t) => !t.inEntity && !q.terms.some((n) => n.stem === t.stem)).map((t) => ({ ...t, carried: true }))],
    };
    return { question: merged, resolved: `${q.text} [${previous.type}, about ${q.entities.map((e) => e.entity.name).join(', ')}]` };
  }
  // "when?", "who announced it?", "and its budget?": new question about the same subject.
  if (q.entities.length === 0 && (q.hasReference || short || continues)) {
    const type = GENERIC_TYPES.has(q.type) ? previous.type : q.type;
    const merged: AnalyzedQuestion = {
      ...q,
      type,
      entities: previous.entities,
      // The subject's words; all earlier words when the subject was not a known entity.
      terms: [...q.terms, ...previous.terms.filter((t) => (t.inEntity || previous.entities.length === 0) && !q.terms.some((n) => n.stem === t.stem))],
    };
    const about = previous.entities.map((e) => e.entity.name).join(', ') || previous.question;
    return { question: merged, resolved: `${q.text} [${type}, about ${about}]` };
  }
  return undefined;
}
