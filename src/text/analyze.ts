/**
 * Text analysis shared by the index and the questions: tokenise, fold case
 * and quotes, drop stopwords, unify British/American spelling, stem.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords.js';
import { fold, isAscii } from './normalize.js';
import { entryOf } from './wording.js';

export const STOPWORDS: ReadonlySet<string> = new Set([
  ...naturalStopwords,
  // "where's", "how's", "when's": a question word or pronoun with a clitic 's is as empty as the word.
  ...naturalStopwords.map((w: string) => `${w}'s`),
  // Contractions and fillers the list lacks.
  "it's", "that's", "what's", "who's", "i'm", "don't", "doesn't", 'does', 'do', 'did', 'done',
  'will', 'would', 'shall', 'should', 'may', 'might', 'must', 'us', 'me', 'please', 'tell', 'ok', 'okay',
  'yes', 'no', 'not', 'nor', 'much', 'many', 'which', 'whom', 'whose', 'via', 'per', 'also', 'just', 'really',
  "isn't", "aren't", "wasn't", "weren't", "didn't", "won't", "can't", "couldn't", "wouldn't", "shouldn't", "haven't", "hasn't", "hadn't",
  "they're", "you're", "we're", "i've", "we've", "they've", "you've", "i'd", "i'll", "he's", "she's", "there's", "here's", "let's",
]);

/** Tokens in reading order: folded words and numbers, currency symbols as words. */
export function tokenize(text: string): string[] {
  let folded = fold(text);
  const ascii = isAscii(folded);
  // Amounts need rewriting only where there are digits or currency signs.
  if (/[\d€$£]/.test(folded)) {
    folded = folded
      .replace(/[€$£]/g, (c) => CURRENCY_WORDS[c]!)
      // "200bn", "1.5tn", "500m": number, then the scale as a word.
      .replace(/(\d)(bn|b|tn|trn|m|mn|k)\b/g, (_, d: string, s: string) => `${d} ${SCALE_WORDS[s] ?? s}`)
      // Digit group separators: 112,000 -> 112000.
      .replace(/(\d),(?=\d{3}\b)/g, '$1');
  }
  return folded.match(ascii ? ASCII_TOKEN : TOKEN) ?? [];
}

const TOKEN = /[\p{L}\p{N}]+(?:[.'][\p{L}\p{N}]+)*/gu;
// The same tokens for plain ASCII text (most of it), without the cost of Unicode classes.
const ASCII_TOKEN = /[a-z0-9]+(?:[.'][a-z0-9]+)*/g;
const CURRENCY_WORDS: Record<string, string> = { '€': ' eur ', $: ' usd ', '£': ' gbp ' };

const SCALE_WORDS: Record<string, string> = { bn: 'billion', b: 'billion', tn: 'trillion', trn: 'trillion', m: 'million', mn: 'million', k: 'thousand' };

// Words whose spelling differs on either side of the Atlantic, and currency names.
const SPELLING: Record<string, string> = {
  euro: 'eur', euros: 'eur', dollar: 'usd', dollars: 'usd', modelling: 'modeling', modelled: 'modeled',
  programme: 'program', programmes: 'programs', centre: 'center', centres: 'centers', labour: 'labor',
};

// Stems are asked for the same few thousand words again and again: remember them.
const STEM_CACHE_LIMIT = 500_000;
const stemCache = new Map<string, string>();

/** One word to its index form: spelling unified, then stemmed. */
export function stemWord(word: string): string {
  let stem = stemCache.get(word);
  if (stem === undefined) {
    stem = computeStem(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stem);
  }
  return stem;
}

function computeStem(word: string): string {
  let w = entryOf(SPELLING, word) ?? word.replace(/'s$/, '');
  // mobilise/mobilize, organisation/organization: fold -is- to -iz- before stemming.
  w = w.replace(/(\w{3})is(e|es|ed|ing|ation|ations)$/, '$1iz$2');
  if (/^\d/.test(w)) return w;
  const stem = PorterStemmer.stem(w);
  // "use"/"used" -> "us" would collide with the country: a short stem gets its "e" back.
  return stem.length < 3 && w.length > stem.length ? `${stem}e` : stem;
}

/** Search terms of a text: tokens without stopwords, stemmed. */
export function terms(text: string): string[] {
  return termsOfTokens(tokenize(text));
}

/** The same, from tokens already made. */
export function termsOfTokens(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    if (STOPWORDS.has(token) || (token.length < 2 && !/\d/.test(token))) continue;
    out.push(stemWord(token));
  }
  return out;
}

/** The same pipeline for one already-tokenised term (minisearch's processTerm). */
export function processTerm(token: string): string | null {
  const t = fold(token);
  if (STOPWORDS.has(t) || (t.length < 2 && !/\d/.test(t))) return null;
  return stemWord(t);
}
