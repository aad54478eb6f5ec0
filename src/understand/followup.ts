/**
 * Applies a conversation's previous question to a follow-up: "and the US?"
 * keeps the question type and swaps the subject; "when?" or "who announced
 * it?" keeps the subject and takes the new type; "how does that compare to
 * X?" compares X with the figure just given. A question that names a subject
 * of its own stands alone. "source?" and "who said that?" are about the
 * previous answer itself.
 */
import type { ConversationState } from './conversation.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { analyzeQuestion, type AnalyzedQuestion, type QuestionType } from './question.js';

const CONTINUATION = /^\s*(?:and|also|what about|how about|and what about|but|same for|what of)\b/i;
const GENERIC_TYPES: ReadonlySet<QuestionType> = new Set(['what', 'keywords']);
/** A follow-up with a reference ("it", "that") but more content words than this is a question of its own. */
const MAX_REFERRING_WORDS = 3;

export interface FollowUp {
  question: AnalyzedQuestion;
  /** The question as understood with its context, for --explain. */
  resolved: string;
}

export interface FollowUpOptions {
  /** Whether a word only frames a question ("when", "amount"): such words name no new subject. */
  isFrame?: (stem: string) => boolean;
  /** The earlier question is the same message's (two questions at once): only an explicit "it" or "and…" ties them. */
  sameMessage?: boolean;
}

export function applyFollowUp(q: AnalyzedQuestion, previous: Omit<ConversationState, 'at'> | undefined, options: FollowUpOptions = {}): FollowUp | undefined {
  if (!previous) return undefined;
  const contentWords = q.terms.filter((t) => !t.inEntity);
  const continues = CONTINUATION.test(q.text);
  // "when?", "how much?": nothing but the kind of answer wanted. "where is construction?" names a subject of its own.
  const subjectWords = contentWords.filter((t) => !(options.isFrame?.(t.stem) ?? false));
  const short = !options.sameMessage && (subjectWords.length === 0 || (contentWords.length <= 2 && !subjectWords.some((t) => t.known)));
  const previousFigures = (previous.answer?.figures ?? []).filter((f) => f.kind === 'money').map((f) => f.id);

  // "how does that compare to Stargate?", "and together with the Champions?": the figure just given is one side.
  if ((q.type === 'compare' || q.type === 'total') && new Set(q.entities.map((e) => e.entity.id)).size < 2 && previousFigures.length > 0 && (q.hasReference || continues || short)) {
    return { question: { ...q, carriedFigures: previousFigures.slice(0, 1) }, resolved: `${q.text} [${q.type}, with ${previousFigures[0]}]` };
  }
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
  if (q.entities.length === 0 && (short || continues || (q.hasReference && contentWords.length <= MAX_REFERRING_WORDS))) {
    const type = GENERIC_TYPES.has(q.type) ? previous.type : q.type;
    const merged: AnalyzedQuestion = {
      ...q,
      type,
      entities: previous.entities,
      // The subject's words; all earlier words when the subject was not a known entity.
      terms: [...q.terms, ...previous.terms.filter((t) => (t.inEntity || previous.entities.length === 0) && !q.terms.some((n) => n.stem === t.stem)).map((t) => ({ ...t, carried: !t.inEntity }))],
    };
    const about = previous.entities.map((e) => e.entity.name).join(', ') || previous.question;
    return { question: merged, resolved: `${q.text} [${type}, about ${about}]` };
  }
  return undefined;
}

/** The subject of the sentences around a question ("…the French package. How much was it?"), as if asked before it. */
export function contextState(context: readonly string[], k: Knowledge): Omit<ConversationState, 'at'> | undefined {
  for (let i = context.length - 1; i >= 0; i--) {
    const q = analyzeQuestion(context[i]!, k);
    // "did anyone see the cup final?": a sentence about something the sources lack sets no subject.
    if (q.missing.length > 0) return undefined;
    if (q.entities.length > 0) return { type: 'what', entities: q.entities, terms: q.terms.filter((t) => t.inEntity), question: context[i]! };
  }
  return undefined;
}
