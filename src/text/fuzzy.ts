/**
 * A set of words that also answers "which word is this a misspelling of?",
 * fast enough for every question: minisearch's radix tree proposes words
 * within a Levenshtein distance, and only those few are checked with
 * optimal string alignment (so a swapped pair of letters counts as one mistake).
 */
import SearchableMap from 'minisearch/SearchableMap';
import { typoDistance } from './edit-distance.js';

/** Most typing mistakes forgiven in a word of this length: none under 5 letters. */
export function allowedTypos(length: number): number {
  return length >= 8 ? 2 : length >= 5 ? 1 : 0;
}

export class FuzzyWords<T = true> {
  private readonly map = new SearchableMap<T>();

  set(word: string, value: T): this {
    this.map.set(word, value);
    return this;
  }

  get(word: string): T | undefined {
    return this.map.get(word);
  }

  has(word: string): boolean {
    return this.map.has(word);
  }

  get size(): number {
    return this.map.size;
  }

  words(): string[] {
    return [...this.map.keys()];
  }

  /** Words starting with `prefix`. */
  withPrefix(prefix: string): string[] {
    return [...this.map.atPrefix(prefix).keys()];
  }

  /**
   * Words within the typos allowed for `word`'s length (or `maxTypos`), closest
   * first, the word itself included when present.
   */
  near(word: string, maxTypos = allowedTypos(word.length)): { word: string; value: T; typos: number }[] {
    if (maxTypos <= 0) {
      const value = this.map.get(word);
      return value === undefined ? [] : [{ word, value, typos: 0 }];
    }
    // A transposition is two Levenshtein edits: ask for one more, then measure properly.
    const out: { word: string; value: T; typos: number }[] = [];
    for (const [candidate, [value]] of this.map.fuzzyGet(word, maxTypos + 1)) {
      const typos = candidate === word ? 0 : typoDistance(word, candidate);
      if (typos <= maxTypos) out.push({ word: candidate, value, typos });
    }
    return out.sort((a, b) => a.typos - b.typos);
  }
}
