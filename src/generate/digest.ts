/**
 * What a digest ("tl;dr", "key numbers") is made of: the main figures, most
 * important first, and a sentence announcing something that is not an amount.
 */
import type { FigureEntry, Knowledge, Passage } from '../knowledge/knowledge.js';
import type { AnalyzedQuestion } from '../understand/question.js';
import { rankForDigest } from '../compose/sources.js';
import { documentsWith } from '../knowledge/ranked-search.js';

/** An announcement said in words: a sentence with such a verb that holds no amount. */
const ANNOUNCING = /\b(?:announc\w*|launch\w*|unveil\w*|introduc\w*|present(?:s|ed)|set up|creat(?:e|es|ed|ing)|establish\w*)\b/i;

/**
 * Sentences announcing something that is not an amount, about the question's
 * subject when it names one, the most telling first: for a digest, beside its figures.
 */
export function announcingPassages(q: AnalyzedQuestion, k: Knowledge, figures: FigureEntry[]): Passage[] {
  const ids = q.entities.filter((e) => !e.adjective).map((e) => e.entity.id);
  const quoted = new Set(figures.slice(0, 6).map((f) => `${f.doc.id}:${f.figure.at.start}`));
  const fits = (p: Passage) => p.money.length === 0 && ANNOUNCING.test(p.sentence.text) && !quoted.has(`${p.doc.id}:${p.sentence.start}`) && (ids.length === 0 || ids.some((id) => p.entities.has(id) || p.speaker === id));
  // A bounded look: the first fitting sentences of the corpus. In a large one, those about the subject
  // are found through the index (sentences naming it; not those it only speaks) rather than by reading it all.
  const found: Passage[] = [];
  const looked = ids.length && k.passages.length > ANNOUNCING_READ_AT_MOST ? passagesNaming(k, ids) : k.passages;
  for (let i = 0; i < looked.length && i < ANNOUNCING_READ_AT_MOST && found.length < ANNOUNCING_LOOKED_AT; i++) {
    if (fits(looked[i]!)) found.push(looked[i]!);
  }
  // What the figures already cover is no news: the sentence naming the most else goes first.
  const covered = new Set(figures.slice(0, 6).flatMap((f) => [...f.entities]));
  const news = (p: Passage) => [...p.entities].filter((id) => !covered.has(id) && !ids.includes(id)).length;
  return found.sort((a, b) => news(b) - news(a)).slice(0, 1);
}

const ANNOUNCING_LOOKED_AT = 50;
/** Passages read at most in that look, so a large corpus never costs a scan of all of it. */
const ANNOUNCING_READ_AT_MOST = 5_000;

/** Passages whose sentence names one of these entities, in corpus order. */
export function passagesNaming(k: Knowledge, ids: string[]): Passage[] {
  return (documentsWith(k.index, ids, 'ents') as number[])
    .filter((id) => id < k.passages.length)
    .sort((a, b) => a - b)
    .map((id) => k.passages[id]!);
}

/** The figures of a digest: about the question's subject when it names one, most important first (see sources.ts). */
export function digestFigures(q: AnalyzedQuestion, k: Knowledge): FigureEntry[] {
  const ids = new Set(q.entities.map((e) => e.entity.id));
  const about = ids.size ? rankForDigest(k.figures.filter((f) => [...ids].some((id) => f.entities.has(id))), k) : [];
  return about.length ? about : rankForDigest(k.figures, k);
}

