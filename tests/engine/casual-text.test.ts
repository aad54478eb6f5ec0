/**
 * Chat writing to plain English (src/text/casual.ts) and how telling an
 * English word is (src/text/english.ts): the text-level steps that let the
 * bot read "u gonna tell me the govt plan pls" as a question.
 */
import { describe, expect, it } from 'vitest';
import { normalizeCasual, spellAmounts } from '../../src/text/casual.js';
import { correctEnglish, englishRank, informativeness } from '../../src/text/english.js';
import { sanitizeQuestion } from '../../src/text/normalize.js';
import { STOPWORDS } from '../../src/text/analyze.js';
import { HARBOUR_FIXTURE, openRefusing } from '../helpers/fixtures.js';

describe('sanitizeQuestion', () => {
  it('reads a phone’s apostrophe inside a word as the keyboard’s, and leaves quotation marks alone', () => {
    expect(sanitizeQuestion('what’s it called? why didn’t they sign von der leyen’s plan')).toBe("what's it called? why didn't they sign von der leyen's plan");
    expect(sanitizeQuestion('the initiative it’s ‘building on’')).toBe("the initiative it's ‘building on’");
  });
});

describe('normalizeCasual', () => {
  it.each([
    ['hey u gonna tell me the govt plan pls', 'hey you going to tell me the government plan please'],
    ['wanna know wat ppl said', 'want to know what people said'],
    ['tryna find the infra budget', 'trying to find the infrastructure budget'],
    ['whos paying for it tho', 'who is paying for it though'],
  ])('expands chat forms: %s', (casual, plain) => {
    expect(normalizeCasual(casual)).toBe(plain);
  });

  it('expands a form only as a whole word', () => {
    // "u" inside "bus" and "r" inside "for" are letters, not words.
    expect(normalizeCasual('the bus for u')).toBe('the bus for you');
    expect(normalizeCasual('ur plan')).toBe('your plan');
    expect(normalizeCasual('your plan')).toBe('your plan');
  });

  it('drops tone markers that carry no content', () => {
    expect(normalizeCasual('lol ngl how much was it tbh')).toBe('how much was it');
  });

  it('strips emoji, shortcodes and emoticons, keeping the words around them', () => {
    expect(normalizeCasual('how much 🚀🚀 is the terminal :rocket: :) <3')).toBe('how much is the terminal');
    expect(normalizeCasual('EU plan 🇪🇺👍🏽')).toBe('EU plan');
  });

  it('reads hashtags as words and keeps the case of names', () => {
    expect(normalizeCasual('#Northport #harbour budget')).toBe('Northport harbour budget');
  });

  it('turns chat scales into words and "tl;dr" into a request for a summary', () => {
    expect(normalizeCasual('is it 500bn or 20 bil')).toBe('is it 500 billion or 20 billion');
    expect(normalizeCasual('tl;dr pls')).toBe('summary please');
    expect(normalizeCasual('tldr')).toBe('summary');
  });

  it('shortens emphasis and repeated question marks', () => {
    expect(normalizeCasual('sooo how much??!!')).toBe('so how much?');
  });

  it('takes extra forms from its options, over the built-in ones', () => {
    expect(normalizeCasual('wen moon', { forms: { wen: 'when' } })).toBe('when moon');
    expect(normalizeCasual('u there', { forms: { u: '' } })).toBe('there');
  });
});

describe('spellAmounts', () => {
  it.each([
    ['half a trillion dollars', '500 billion dollars'],
    ['fifty billion euros', '50 billion euros'],
    ['twenty-five million', '25 million'],
    ['0.2 trillion', '200 billion'],
    ['three hundred million', '300 million'],
    ['a quarter of a million', '250 thousand'],
    ['a billion', '1 billion'],
  ])('%s -> %s', (words, digits) => {
    expect(spellAmounts(words)).toBe(digits);
  });

  it('leaves numbers without a scale and ordinary text alone', () => {
    expect(spellAmounts('seven chips over four years')).toBe('seven chips over four years');
    expect(spellAmounts('€40 million for a terminal')).toBe('€40 million for a terminal');
  });
});

describe('informativeness from English word frequency', () => {
  it('gives the commonest words nothing', () => {
    for (const w of ['the', 'thing', 'hey', 'gonna']) expect(informativeness(w), w).toBe(0);
  });

  it('gives words the list lacks (names, jargon) full weight', () => {
    expect(englishRank('gpus')).toBeUndefined();
    expect(informativeness('gpus')).toBe(1);
    expect(informativeness('xyzzyq')).toBe(1);
  });

  it('rises as a word gets rarer', () => {
    const ordered = ['thing', 'bucks', 'exchange', 'electricity', 'dredging'];
    const weights = ordered.map(informativeness);
    for (let i = 1; i < weights.length; i++) expect(weights[i]!, ordered[i]).toBeGreaterThan(weights[i - 1]!);
    for (const w of weights) expect(w).toBeLessThanOrEqual(1);
  });

  it('ignores case', () => {
    expect(englishRank('Japan')).toBe(englishRank('japan'));
    expect(englishRank('japan')).toBeDefined();
  });
});

describe('correctEnglish', () => {
  it.each([
    ['acess', 'access'],
    ['anounce', 'announce'],
    ['monye', 'money'],
  ])('%s -> %s', (typo, word) => {
    expect(correctEnglish(typo)).toBe(word);
  });

  it('leaves alone real words, short words, and what is not a plain word', () => {
    expect(correctEnglish('money')).toBeUndefined();
    expect(correctEnglish('teh')).toBeUndefined();
    expect(correctEnglish('x1yz')).toBeUndefined();
    expect(correctEnglish('Qwzxplorf')).toBeUndefined();
  });
});

describe('a question word with a clitic', () => {
  it('is as empty as the word: "where\'s", "how\'s", "when\'s" are stopwords, a name\'s possessive is not', () => {
    for (const w of ["where's", "how's", "when's", "why's", "there's"]) expect(STOPWORDS.has(w)).toBe(true);
    expect(STOPWORDS.has("calder's")).toBe(false);
  });

  it('is never the word a refusal names, on the bundled corpus and on another', async () => {
    for (const dir of [undefined, HARBOUR_FIXTURE]) {
      const refusing = await openRefusing(dir);
      for (const q of ["where's the lunch gonna be served?", "how's the weather on the day?"]) expect(refusing.ask(q).answer).not.toMatch(/where's|how's/);
    }
  });
});
