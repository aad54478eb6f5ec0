/**
 * A passage's words in the forms the ranking reads them (tokens in order,
 * their set, search terms in order), worked out the first time a question
 * needs them and kept: candidates recur from question to question, and
 * nothing is stored for passages no question reaches.
 */
import { terms, tokenize } from '../text/analyze.js';
import type { Passage } from './knowledge.js';

interface PassageText {
  tokens: string[];
  tokenSet: Set<string>;
  terms: string[];
}

const cache = new WeakMap<Passage, PassageText>();

export function passageText(p: Passage): PassageText {
  let text = cache.get(p);
  if (!text) {
    const tokens = tokenize(p.sentence.text);
    cache.set(p, (text = { tokens, tokenSet: new Set(tokens), terms: terms(p.sentence.text) }));
  }
  return text;
}
