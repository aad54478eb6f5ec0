import type { Answer, Figure } from './answer.js';

export interface AskOptions {
  /**
   * Conversation id. Questions asked with the same id can follow up on each
   * other ("and the US?", "when?"). Omit it for a stand-alone question.
   */
  conversation?: string;
}

/** One document of the loaded corpus, as listed to users. */
export interface DocumentSummary {
  id: string;
  title: string;
  published?: string;
  url?: string;
  publisher?: string;
  kind?: string;
  paragraphs: number;
  sentences: number;
}

/** One proposal considered for an answer, for --explain. */
export interface ExplainedCandidate {
  /** What kind of answer it proposes: a sentence, a figure, a definition, a checked claim… */
  kind: string;
  ref: string;
  text: string;
  /** Its search score, relative to the best (0 for proposals not found by search). */
  searchScore: number;
  /** The model's probability that it answers the question. */
  score: number;
  /** Each feature's part of the model's score, largest first ("cov 0.82: +1.31"). */
  reasons: string[];
}

/** Why the engine answered as it did. */
export interface Explanation {
  question: string;
  /** The question after follow-up context was applied, when it was. */
  resolvedQuestion?: string;
  /** A question asked in French, as read into English. */
  translated?: string;
  type: string;
  entities: string[];
  terms: string[];
  expandedTerms: string[];
  candidates: ExplainedCandidate[];
  decision: string;
  /** The entity a name answer gave ("what's it called?"): what "it" in the next question refers to. */
  named?: string;
}

export interface Engine {
  /** Answers one question. Never throws for any input string. */
  ask(question: string, options?: AskOptions): Answer;
  /** The same answer, with the reasoning behind it. */
  explain(question: string, options?: AskOptions): { answer: Answer; explanation: Explanation };
  /** Forgets a conversation's context. */
  forget(conversation: string): void;
  readonly documents: readonly DocumentSummary[];
  readonly figures: readonly Figure[];
  /** Example questions the corpus can answer, for help texts. */
  readonly examples: readonly string[];
  /** Number of live conversations held in memory (bounded; entries expire). */
  conversationCount(): number;
  /** The text stored for a document (for HTML and PDF, the extracted text): every quote is a slice of it. */
  documentText(id: string): string | undefined;
}
