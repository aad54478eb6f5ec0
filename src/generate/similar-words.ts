/**
 * Corpus words of similar meaning (word vectors) to the telling words of a
 * question the corpus does not use ("bankroll" when the sources say
 * "finance"), for the retriever that searches them.
 */
import type { Knowledge } from '../knowledge/knowledge.js';
import { stemWord } from '../text/analyze.js';
import type { WordVectors } from '../text/word-vectors.js';
import type { AnalyzedQuestion } from '../understand/question.js';

/** Question words looked up at most: each costs a pass over the corpus's words. */
const WORDS_LOOKED_UP = 2;
/** Similar corpus words searched per question word. */
const PER_WORD = 2;
/** Least cosine for a corpus word to stand in. */
const MIN_SIMILARITY = 0.55;

/** The corpus's words that have vectors, with their rows, worked out at the first question that needs them. */
const corpusWords = new WeakMap<object, { words: string[]; rows: Int32Array }>();

function wordsOf(k: Knowledge, vectors: WordVectors): { words: string[]; rows: Int32Array } {
  let found = corpusWords.get(k.index);
  if (!found) {
    const words = k.vocabulary.words().filter((w) => /^\p{L}{3,}$/u.test(w) && vectors.has(w));
    corpusWords.set(k.index, (found = { words, rows: Int32Array.from(words, (w) => vectors.row(w)) }));
  }
  return found;
}

/** Stems of corpus words like the question's unknown telling words, for a search. */
export function similarWordsFinder(vectors: WordVectors): (q: AnalyzedQuestion, k: Knowledge) => string[] {
  return (q, k) => {
    const unknown = q.terms
      // A name is no word with synonyms: "Japan" is not "Europe", however alike their vectors.
      .filter((t) => !t.known && !t.inEntity && !t.named && !t.capitalised && t.informative > 0 && vectors.has(t.word.toLowerCase()))
      .sort((a, b) => b.informative - a.informative)
      .slice(0, WORDS_LOOKED_UP);
    if (!unknown.length) return [];
    const { words, rows } = wordsOf(k, vectors);
    return [...new Set(unknown.flatMap((t) => vectors.nearestOfRows(t.word.toLowerCase(), rows, words, PER_WORD, MIN_SIMILARITY).map((n) => stemWord(n.word))))];
  };
}
