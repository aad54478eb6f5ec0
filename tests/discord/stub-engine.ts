/**
 * A tiny Engine for renderer tests and for the few end-to-end cases that need
 * an answer the real corpus cannot produce (an answer over Discord's limits).
 */
import type { Answer, Engine, Figure, Quote } from '../../src/index.js';

export function quote(text: string, paragraph = 1, extra: Partial<Quote['source']> = {}): Quote {
  return { text, source: { documentId: 'doc', title: 'A test document', paragraph, start: 0, end: text.length, ...extra } };
}

export function figure(what: string, display: string, extra: Partial<Figure> = {}): Figure {
  return { id: what, kind: 'money', what, display, source: quote(display).source, ...extra };
}

export function answer(partial: Partial<Answer> = {}): Answer {
  return {
    answered: true,
    answer: 'The sources say so.',
    quotes: [quote('A verbatim sentence from the source.')],
    figures: [],
    confidence: 0.8,
    kind: 'answer',
    suggestions: [],
    ...partial,
  };
}

/** An engine that answers every question with `respond(question, conversation)` and records the calls. */
export function stubEngine(respond: (question: string, conversation?: string) => Answer): Engine & { calls: { question: string; conversation?: string }[] } {
  const calls: { question: string; conversation?: string }[] = [];
  return {
    calls,
    ask(question, options) {
      calls.push({ question, ...(options?.conversation !== undefined ? { conversation: options.conversation } : {}) });
      return respond(question, options?.conversation);
    },
    explain(question, options) {
      return { answer: this.ask(question, options), explanation: { question, type: 'stub', entities: [], terms: [], expandedTerms: [], candidates: [], decision: 'stub' } };
    },
    forget() {},
    documents: [],
    figures: [],
    examples: [],
    conversationCount: () => 0,
    documentText: () => undefined,
  };
}
