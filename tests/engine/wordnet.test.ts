/**
 * WordNet look-ups (src/text/wordnet.ts): related words reach a corpus that
 * says the same thing in other words; the dominant word class decides what
 * may be paraphrased (verbs and adjectives, not nouns); which words are names only.
 */
import { describe, expect, it } from 'vitest';
import { dominantClass, idiomSpans, isNameOnly, relatedWords, verbsOfNoun } from '../../src/text/wordnet.js';

describe('verbsOfNoun', () => {
  it('gives the verb a noun names the act of, through links from that very noun', () => {
    expect(verbsOfNoun('speech')).toContain('speak');
    expect(verbsOfNoun('announcement')).toEqual(['announce']);
    expect(verbsOfNoun('speeches')).toContain('speak');
    // "address" shares a sense with "speech", but is no form of it.
    expect(verbsOfNoun('speech')).not.toContain('address');
  });

  it('gives nothing for a noun that names no act, or a word that is no noun', () => {
    expect(verbsOfNoun('agenda')).toEqual([]);
    expect(verbsOfNoun('japan')).toEqual([]);
    expect(verbsOfNoun('quickly')).toEqual([]);
  });
});

describe('relatedWords', () => {
  it('gives synonyms and derived forms of a verb', () => {
    const woo = relatedWords('woo');
    // Only the commonest sense is taken: its synonym, and the noun derived from it.
    expect(woo).toContain('court');
    expect(woo).toContain('wooer');
    expect(woo).not.toContain('woo');
  });

  it('gives the forms derived from the word itself, not from its synonyms', () => {
    const speak = relatedWords('speak');
    expect(speak).toContain('speech');
    expect(speak).toContain('talk');
    // "utterance" derives from the synonym "utter", "piggy" from "pig": no form of the word asked.
    expect(speak).not.toContain('utterance');
    expect(relatedWords('hog')).toEqual(['pig']);
  });

  it('gives similar adjectives', () => {
    expect(relatedWords('big')).toContain('large');
  });

  it('reads inflected forms through their lemma', () => {
    expect(relatedWords('wooing')).toContain('court');
    expect(relatedWords('pledged')).toContain('plight');
  });

  it('keeps to the word classes asked for', () => {
    const asVerb = relatedWords('court', ['verb']);
    expect(asVerb).toContain('woo');
    expect(asVerb).not.toContain('tribunal');
    expect(relatedWords('court', ['noun'])).toContain('tribunal');
  });

  it('writes multi-word entries with spaces', () => {
    expect(relatedWords('start').some((w) => w.includes(' '))).toBe(true);
    expect(relatedWords('start').some((w) => w.includes('_'))).toBe(false);
  });

  it('gives nothing for what is not a word', () => {
    expect(relatedWords('x1yz')).toEqual([]);
    expect(relatedWords('')).toEqual([]);
    expect(relatedWords('qwzxplorf')).toEqual([]);
  });
});

describe('dominantClass', () => {
  it.each([
    ['woo', 'verb'],
    ['league', 'noun'],
    ['terminal', 'noun'],
    ['homegrown', 'adj'],
    ['quickly', 'adv'],
  ])('%s is mostly a %s', (word, pos) => {
    expect(dominantClass(word)).toBe(pos);
  });

  it('knows nothing of a non-word', () => {
    expect(dominantClass('qwzxplorf')).toBeUndefined();
  });
});

describe('idioms that qualify', () => {
  it('finds the adjectives and adverbs WordNet lists as several words', () => {
    const found = (text: string) => idiomSpans(text).map((s) => text.slice(s.start, s.end));
    expect(found('how many euros did the port put on the table?')).toContain('on the table');
    expect(found('how much will the council spend at least')).toContain('at least');
    expect(found('how much is the terminal')).toEqual([]);
  });
});

describe('isNameOnly', () => {
  it('is true of a word WordNet knows only as a name, whose commonest sense is written with a capital', () => {
    for (const word of ['germany', 'berlin', 'London', 'uk']) expect(isNameOnly(word), word).toBe(true);
  });

  it('is false of a word with another class, a lower-case first sense, a short word not in capitals, or none', () => {
    // "japan" is also a verb (to lacquer); "tesla" is first a unit; "mon" is written "Mon"; "zzyzx" is not in WordNet.
    for (const word of ['japan', 'tesla', 'capital', 'gist', 'mon', 'zzyzx', 'run']) expect(isNameOnly(word), word).toBe(false);
  });
});
