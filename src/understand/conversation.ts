/**
 * Short-lived memory of each conversation's last question, so follow-ups
 * ("and the US?", "when?") can reuse its subject and type. Bounded in size
 * and time: entries expire, and the oldest go first past the cap.
 */
import type { Answer } from '../answer.js';
import type { EntityMention } from '../knowledge/entities.js';
import type { QuestionType, Term } from './question.js';

export interface ConversationState {
  type: QuestionType;
  entities: EntityMention[];
  terms: Term[];
  /** The question as understood, after earlier context was applied. */
  question: string;
  /** The answer given, for "source?" and "who said that?". */
  answer?: Answer;
  /** The language the conversation was last in: a message too short to tell keeps it. */
  language?: 'en' | 'fr';
  at: number;
}

export interface ConversationStoreOptions {
  /** How long a conversation is remembered after its last question, in ms. Default 30 minutes. */
  ttlMs?: number;
  /** Most conversations remembered at once. Default 10,000. */
  maxConversations?: number;
  /** Clock, injectable for tests. Default Date.now. */
  now?: () => number;
}

export class ConversationStore {
  private readonly states = new Map<string, ConversationState>();
  private readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(options: ConversationStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.max = options.maxConversations ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  get(id: string): ConversationState | undefined {
    const state = this.states.get(id);
    if (state && this.now() - state.at > this.ttlMs) {
      this.states.delete(id);
      return undefined;
    }
    return state;
  }

  set(id: string, state: Omit<ConversationState, 'at'>): void {
    this.states.delete(id);
    this.states.set(id, { ...state, at: this.now() });
    this.prune();
  }

  delete(id: string): void {
    this.states.delete(id);
  }

  get size(): number {
    this.prune();
    return this.states.size;
  }

  private prune(): void {
    const now = this.now();
    // Map order is least recently set first: expired entries are at the front.
    for (const [id, state] of this.states) {
      if (this.states.size <= this.max && now - state.at <= this.ttlMs) break;
      this.states.delete(id);
    }
  }
}
