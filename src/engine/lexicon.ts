/**
 * Vocabulary bridges from the corpus lexicon, stemmed once at load so the
 * question path only looks words up.
 */
import type { LexiconRecord } from '../corpus/schemas.js';
import { stemWord, tokenize } from '../text/analyze.js';

const NONE: readonly string[] = Object.freeze([]);

export class Lexicon {
  private readonly related = new Map<string, readonly string[]>();
  private readonly frame = new Set<string>();

  constructor(record: LexiconRecord) {
    for (const group of record.synonyms) {
      // Stems of two letters ("uses" -> "us") collide with names; they bridge nothing.
      const stems = [...new Set(group.flatMap((w) => tokenize(w)).map(stemWord))].filter((s) => s.length > 2);
      for (const s of stems) {
        const merged = new Set([...(this.related.get(s) ?? []), ...stems.filter((other) => other !== s)]);
        this.related.set(s, Object.freeze([...merged]));
      }
    }
    for (const w of record.frame) for (const t of tokenize(w)) this.frame.add(stemWord(t));
  }

  /** Stems that stand in for this one (not including itself). */
  expand(stem: string): readonly string[] {
    return this.related.get(stem) ?? NONE;
  }

  /** Whether a word only frames a question. */
  isFrame(stem: string): boolean {
    return this.frame.has(stem);
  }
}
