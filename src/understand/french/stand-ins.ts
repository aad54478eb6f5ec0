/**
 * The other English senses of a French reading as stand-ins the English
 * engine can search beside the words it was given, the way it searches a
 * corpus lexicon's synonyms: "entreprises" read as "enterprises" stands in
 * for "companies" and "businesses" too. The reading's English text keeps
 * one word per French word, so the question's shape is read as before; the
 * stand-ins reach the search through the lexicon's expand(), which both the
 * question analysis (a word is known when a stand-in is) and the retrieval
 * (stand-ins searched at the expansion weight) already consult.
 */
import { stemWord, tokenize } from '../../text/analyze.js';
import type { Knowledge } from '../../knowledge/knowledge.js';
import type { Lexicon } from '../../knowledge/lexicon.js';
import type { FrenchReading } from './read.js';

export interface StandInOptions {
  /** Most stand-ins kept per word, in the reading's order of likelihood. Default 4. */
  perWord?: number;
}

/** Sources whose alternatives are other senses of the same French word (not names, numbers or grammar). */
const SENSE_SOURCES = new Set(['dictionary', 'cognate', 'phrase']);

/**
 * Stems of the reading's English words and the stems of their other senses
 * ("enterpris" -> ["compani", "busi", "firm"]). Only one-word senses: a
 * phrase's words would each stand in alone.
 */
export function frenchStandIns(reading: FrenchReading, options: StandInOptions = {}): Map<string, string[]> {
  const perWord = options.perWord ?? 4;
  const out = new Map<string, string[]>();
  for (const word of reading.words) {
    if (!SENSE_SOURCES.has(word.source)) continue;
    const chosen = tokenize(word.english);
    if (chosen.length !== 1) continue;
    const stem = stemWord(chosen[0]!);
    const stems = word.alternatives
      .map((alternative) => tokenize(alternative))
      .filter((tokens) => tokens.length === 1)
      .map((tokens) => stemWord(tokens[0]!))
      .filter((s, i, all) => s !== stem && s.length > 2 && all.indexOf(s) === i)
      .slice(0, perWord);
    if (stems.length) out.set(stem, [...new Set([...(out.get(stem) ?? []), ...stems])]);
  }
  return out;
}

/** A lexicon that also expands each stem to its stand-ins; the corpus lexicon itself is left as it is. */
export function lexiconWithStandIns(lexicon: Lexicon, standIns: ReadonlyMap<string, readonly string[]>): Lexicon {
  const overlay = Object.create(lexicon) as Lexicon;
  overlay.expand = (stem: string) => {
    const own = lexicon.expand(stem);
    const more = standIns.get(stem);
    return more ? [...new Set([...own, ...more])] : own;
  };
  return overlay;
}

/** The knowledge as one French question should see it: the same corpus, its lexicon widened by the reading's stand-ins. */
export function knowledgeWithStandIns(k: Knowledge, standIns: ReadonlyMap<string, readonly string[]>): Knowledge {
  if (standIns.size === 0) return k;
  const overlay = Object.create(k) as Knowledge;
  overlay.lexicon = lexiconWithStandIns(k.lexicon, standIns);
  return overlay;
}
