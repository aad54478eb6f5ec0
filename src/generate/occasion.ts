/**
 * The occasion of someone's words. A report introduces a speech once
 * ("Speaking at the transport forum in Leeds on Thursday, the mayor…") and quotes
 * it after; the topic is in the quotes, the day and place in the
 * introduction. So a question about when or where a person spoke about a
 * topic ("what day was the mayor's bridge speech?") is answered by what a
 * document says of that person speaking, where the same document has the
 * person speak of the topic.
 */
import type { AnalyzedQuestion } from '../understand/question.js';
import type { Knowledge, Passage } from '../knowledge/knowledge.js';
import { passagesNaming } from './digest.js';

/** Words asking about an occasion of speaking rather than a deed. */
export const SPEAKING = /\b(?:speech(?:es)?|talk(?:s|ed)?|remarks|address|keynote|pitch|presentation|spoke|speak(?:s|ing)?|said|say(?:s)?)\b/i;

/** A subject spoken of: by whom, and in which documents, with where their first words on it start in each. */
export interface SpokenOf {
  speaker: string;
  documents: ReadonlyMap<string, number>;
}

/**
 * The question's subjects a person speaks of, when it asks when, where or
 * whether about an occasion of speaking: the person it names, or, naming
 * none ("was the bridge speech on Tuesday?"), the one person the sources
 * have speak of the subject.
 */
export function spokenSubjects(q: AnalyzedQuestion, k: Knowledge): Map<string, SpokenOf> {
  // Asked for by the search, the figure check and the claim check of one question: worked out once.
  let spoken = spokenCache.get(q);
  if (!spoken) spokenCache.set(q, (spoken = findSpokenSubjects(q, k)));
  return spoken;
}

const spokenCache = new WeakMap<AnalyzedQuestion, Map<string, SpokenOf>>();

function findSpokenSubjects(q: AnalyzedQuestion, k: Knowledge): Map<string, SpokenOf> {
  const spoken = new Map<string, SpokenOf>();
  if ((q.type !== 'when' && q.type !== 'where' && q.type !== 'yes_no') || !SPEAKING.test(q.text)) return spoken;
  const named = [...new Set(q.entities.filter((e) => !e.adjective).map((e) => e.entity.id))];
  const people = named.filter((id) => k.matcher.get(id)?.kind === 'person');
  for (const id of named) {
    if (people.includes(id)) continue;
    const speaking = passagesNaming(k, [id]).filter((p) => p.speaker !== undefined && (!people.length || people.includes(p.speaker)));
    const speakers = [...new Set(speaking.map((p) => p.speaker!))];
    if (speakers.length !== 1) continue;
    // In corpus order: the first passage of each document is the speaker's first words on the subject there.
    const documents = new Map<string, number>();
    for (const p of speaking) if (!documents.has(p.doc.id)) documents.set(p.doc.id, p.sentence.start);
    spoken.set(id, { speaker: speakers[0]!, documents });
  }
  return spoken;
}

/**
 * Where a document introduces the speaking: the passages naming the speaker
 * before their first words about the subject that say when or where (the
 * nearest first).
 */
export function occasionPassages(k: Knowledge, s: SpokenOf, wanted: (p: Passage) => boolean): Passage[] {
  return passagesNaming(k, [s.speaker])
    .filter((p) => s.documents.has(p.doc.id) && p.sentence.start < s.documents.get(p.doc.id)! && wanted(p))
    .reverse();
}
