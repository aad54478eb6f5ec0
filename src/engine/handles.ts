/**
 * "What's her twitter handle?": the @-name a document gives for the one
 * asked about, or word that none is given.
 */
import type { LoadedEntity } from '../corpus/load.js';
import { passagesNaming } from './digest.js';
import type { Knowledge, Passage } from './knowledge.js';
import type { AnalyzedQuestion } from './question.js';
import type { Candidate } from './retrieve.js';

/** A question for a social-media name: "handle", "username", "account", or an "@". */
export const HANDLE_ASKED = /\b(?:handle|user\s?name|acc(?:oun)?t)\b|(?:^|\s)@(?:\s|$)/i;
const HANDLE = /(?<![\p{L}\p{N}.])@[A-Za-z0-9_]{2,30}\b/u;
export const HANDLE_WORDS = /^(?:handles?|user\s?names?|acc(?:oun)?ts?|twitter|x|bluesky|mastodon|threads|instagram|insta|linkedin|social(?: media)?)$/i;

/**
 * The handle a document gives: of the one the question names (a person
 * first), from the passages naming them or signed by them; else from the best
 * retrieved passage that gives one. Names someone none is given for.
 */
export function handleGiven(q: AnalyzedQuestion, k: Knowledge, candidates: Candidate[]): { handle: string; passage: Passage; person?: LoadedEntity } | { none: LoadedEntity } | undefined {
  const named = [...new Set(q.entities.filter((e) => !e.adjective).map((e) => e.entity.id))]
    .map((id) => k.corpus.entities.find((e) => e.id === id))
    .filter((e): e is LoadedEntity => e !== undefined && e.kind !== 'place')
    .sort((a, b) => Number(b.kind === 'person') - Number(a.kind === 'person'));
  for (const entity of named) {
    const alias = entity.aliases.find((a) => a.startsWith('@') && HANDLE.test(a));
    const theirs = [...passagesNaming(k, [entity.id]), ...k.passages.filter((p) => p.speaker === entity.id && p.signature)].filter((p) => HANDLE.test(p.sentence.text));
    const passage = theirs.find((p) => !alias || p.sentence.text.includes(alias)) ?? theirs[0];
    if (passage) return { handle: alias && passage.sentence.text.includes(alias) ? alias : HANDLE.exec(passage.sentence.text)![0], passage, person: entity };
  }
  if (named.length) return { none: named[0]! };
  const passage = candidates.find((c) => c.passage && HANDLE.test(c.passage.sentence.text))?.passage;
  if (!passage) return undefined;
  const owner = passage.speaker ? k.corpus.entities.find((e) => e.id === passage.speaker) : undefined;
  return { handle: HANDLE.exec(passage.sentence.text)![0], passage, ...(owner ? { person: owner } : {}) };
}

