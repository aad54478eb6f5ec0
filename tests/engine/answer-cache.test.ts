/**
 * Answers to questions with nothing before them come again from a cache:
 * the same answers as computing them anew, follow-ups after a cached
 * question still know their subject, a caller changing an answer changes
 * nothing for the next one, and the least recently used answers go first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/index.js';
import { AnswerCache } from '../../src/engine/answer-cache.js';
import { BUNDLED_CORPUS } from '../helpers/corpus.js';
import * as compose from '../../src/compose/compose.js';

let cached: Engine;
let uncached: Engine;

beforeAll(async () => {
  [cached, uncached] = await Promise.all([createEngine({ corpusDir: BUNDLED_CORPUS }), createEngine({ corpusDir: BUNDLED_CORPUS, answerCache: 0 })]);
});

// A first question, then the follow-ups that lean on it.
const TURNS = ['How much is InvestAI meant to mobilise?', 'and the US?', 'source?', 'who announced it?'];

describe('answer cache', () => {
  it('gives the answers computing them anew gives, follow-ups included, however often asked', () => {
    const expected = TURNS.map((q) => uncached.ask(q, { conversation: 'reference' }));
    // The follow-up really leans on its first question (a stand-alone "and the US?" is answered otherwise).
    expect(expected[1]).not.toEqual(uncached.ask('and the US?'));
    for (let round = 0; round < 3; round++) {
      expect(TURNS.map((q) => cached.ask(q, { conversation: `round-${round}` }))).toEqual(expected);
    }
    // Without a conversation too.
    expect(cached.ask(TURNS[0]!)).toEqual(uncached.ask(TURNS[0]!));
    expect(cached.ask(TURNS[0]!)).toEqual(expected[0]);
  });

  it('a question first asked outside any conversation still gives a follow-up its subject when asked within one', async () => {
    const engine = await createEngine({ corpusDir: BUNDLED_CORPUS });
    engine.ask(TURNS[0]!);
    engine.ask(TURNS[0]!, { conversation: 'later' });
    uncached.ask(TURNS[0]!, { conversation: 'ref-later' });
    expect(engine.ask(TURNS[1]!, { conversation: 'later' })).toEqual(uncached.ask(TURNS[1]!, { conversation: 'ref-later' }));
    // The conversation it was worked out in is not left behind.
    expect(engine.conversationCount()).toBe(1);
  });

  it('a question asked within a conversation with an earlier turn is not taken from the cache', () => {
    const alone = cached.ask('who announced it?');
    cached.ask('How much is InvestAI meant to mobilise?', { conversation: 'ctx' });
    const inContext = cached.ask('who announced it?', { conversation: 'ctx' });
    uncached.ask('How much is InvestAI meant to mobilise?', { conversation: 'ctx' });
    expect(inContext).toEqual(uncached.ask('who announced it?', { conversation: 'ctx' }));
    expect(inContext).not.toEqual(alone);
  });

  it("a caller changing an answer does not change the next caller's", () => {
    const first = cached.ask('When was the summit?');
    const expected = structuredClone(first);
    first.quotes.length = 0;
    (first as { answer: string }).answer = 'changed';
    expect(cached.ask('When was the summit?')).toEqual(expected);
  });
});

describe('AnswerCache', () => {
  const answer = (text: string) => compose.help(text, []);

  it('keeps the most recently used answers, at most its size', () => {
    const cache = new AnswerCache(2);
    cache.set('a', { answer: answer('A') });
    cache.set('b', { answer: answer('B') });
    expect(cache.get('a')?.answer.answer).toBe('A');
    cache.set('c', { answer: answer('C') });
    // "b" was the least recently used.
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.answer.answer).toBe('A');
    expect(cache.get('c')?.answer.answer).toBe('C');
    expect(cache.count).toBe(2);
  });

  it('of size 0 keeps nothing', () => {
    const cache = new AnswerCache(0);
    cache.set('a', { answer: answer('A') });
    expect(cache.get('a')).toBeUndefined();
    expect(cache.count).toBe(0);
  });
});
