/**
 * Recent answers to questions asked with nothing before them in their
 * conversation, by the question's exact text. Such an answer depends on the
 * question and the loaded corpus alone (an engine serves one corpus; a
 * reload makes a new engine), and the same questions come again and again:
 * the popular ones, and every follow-up, whose conversation's earlier
 * questions are asked again before it (answerWithHistory). Least recently
 * used entries go first. Each answer handed out is a copy, so no caller can
 * change what the next one gets; the conversation state is shared, as the
 * conversation store shares it (it points into the engine's knowledge).
 */
import type { Answer } from '../answer.js';
import type { ConversationState } from '../understand/conversation.js';

export interface CachedAnswer {
  answer: Answer;
  /** What the question leaves its conversation, for a follow-up. */
  state?: Omit<ConversationState, 'at'>;
}

export class AnswerCache {
  private readonly entries = new Map<string, CachedAnswer>();

  /** @param size Most answers kept; 0 keeps none. */
  constructor(private readonly size: number) {}

  get(question: string): CachedAnswer | undefined {
    const hit = this.entries.get(question);
    if (!hit) return undefined;
    // Map order is least recently used first.
    this.entries.delete(question);
    this.entries.set(question, hit);
    return { ...hit, answer: structuredClone(hit.answer) };
  }

  set(question: string, entry: CachedAnswer): void {
    if (this.size <= 0) return;
    this.entries.delete(question);
    this.entries.set(question, { ...entry, answer: structuredClone(entry.answer) });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.size) break;
      this.entries.delete(oldest);
    }
  }

  get count(): number {
    return this.entries.size;
  }
}
