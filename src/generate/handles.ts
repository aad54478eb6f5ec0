/**
 * "What's her twitter handle?": the @-name a document gives for the one
 * asked about, or word that none is given.
 */
import type { EntityRecord } from '../corpus/schemas.js';
import { passagesNaming } from './digest.js';
import type { Knowledge, Passage } from '../knowledge/knowledge.js';
import type { AnalyzedQuestion } from '../understand/question.js';
import type { Candidate } from './retrieve.js';

import { HANDLE } from './handle-pattern.js';

export { HANDLE_ASKED } from './handle-pattern.js';
export const HANDLE_WORDS = /^(?:handles?|user\s?names?|acc(?:oun)?ts?|twitter|x|bluesky|mastodon|threads|instagram|insta|linkedin|social(?: media)?)$/i;

/**
 * The handle a document gives: of the one the question names (a person
 * first), from the passages naming them (a post's signature line names its
 * author); else from the best retrieved passage that gives one. Names
 * someone none is given for.
 */
export function handleGiven(q: AnalyzedQuestion, k: Knowledge, candidates: Candidate[]): { handle: string; passage: Passage; person?: EntityRecord } | { none: EntityRecord } | undefined {
  const named = [...new Set(q.entities.filter((e) => !e.adjective).map((e) => e.entity.id))]
    .map((id) => k.matcher.get(id))
    .filter((e): e is EntityRecord => e !== undefined && e.kind !== 'place')
    .sort((a, b) => Number(b.kind === 'person') - Number(a.kind === 'person'));
  for (const entity of named) {
    const alias = entity.aliases.find((a) => a.startsWith('@') && HANDLE.test(a));
    const theirs = passagesNaming(k, [entity.id]).filter((p) => HANDLE.test(p.sentence.text));
    const passage = theirs.find((p) => !alias || p.sentence.text.includes(alias)) ?? theirs[0];
    if (passage) return { handle: alias && passage.sentence.text.includes(alias) ? alias : HANDLE.exec(passage.sentence.text)![0], passage, person: entity };
  }
  if (named.length) return { none: named[0]! };
  const passage = candidates.find((c) => c.passage && HANDLE.test(c.passage.sentence.text))?.passage;
  if (!passage) return undefined;
  const owner = passage.speaker ? k.matcher.get(passage.speaker) : undefined;
  return { handle: HANDLE.exec(passage.sentence.text)![0], passage, ...(owner ? { person: owner } : {}) };
}

