import { describe, expect, it } from 'vitest';
import { canBeNonNoun, isEnglishWord, lemmaCandidates } from '../../src/text/word-classes.js';

describe('word classes from WordNet', () => {
  it('knows English words of every class, first and last of the index included', () => {
    for (const w of ['a', 'lunch', 'launch', 'china', 'weather', 'zymurgy', 'hopes', 'planned', 'studies']) expect(isEnglishWord(w), w).toBe(true);
  });

  it('does not know misspellings, acronyms or other scripts', () => {
    for (const w of ['investia', 'stargte', 'gpus', 'qwzx', 'ümlaut', '']) expect(isEnglishWord(w), w).toBe(false);
  });

  it('tells words that can be verbs or adjectives from nouns only', () => {
    expect(canBeNonNoun('hopes')).toBe(true);
    expect(canBeNonNoun('worth')).toBe(true);
    expect(canBeNonNoun('china')).toBe(false);
    expect(canBeNonNoun('electricity')).toBe(false);
  });

  it('derives base forms', () => {
    expect(lemmaCandidates('planned')).toContain('plan');
    expect(lemmaCandidates('studies')).toContain('study');
    expect(lemmaCandidates('making')).toContain('make');
  });
});
