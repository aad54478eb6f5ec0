/**
 * Questions that ask for a name ("what is the new initiative called?",
 * "the name of the French president"): only a name the question does not
 * already hold answers them, and of the kind asked for.
 */
import type { Knowledge } from './knowledge.js';
import type { AnalyzedQuestion } from './question.js';
import type { Candidate } from './retrieve.js';

export const NAME_ASKED = /\b(?:the name of|what(?:'s| is| was) (?:it|that|this|the [\p{L}-]+(?: [\p{L}-]+){0,3}) called|what (?:is|was|are) [\p{L}-]+(?: [\p{L}-]+){0,4} called)\b/iu;

/** The kinds of name a name question wants: a person's for a person, a programme's or body's for a scheme. */
export function wantedNameKinds(q: AnalyzedQuestion): string[] {
  if (q.entities.some((e) => !e.adjective && e.entity.kind === 'person') || /\b(?:person|people|president|minister|ceo|chief|director|leader|spokes\w*|official|author|guy|woman|man)\b/i.test(q.text)) return ['person'];
  if (/\b(?:initiative|project|programme|program|plan|scheme|fund|company|firm|group|coalition|alliance|agreement|deal|pact|partnership|body|agency|organi[sz]ation)\b/i.test(q.text)) return ['programme', 'organisation', 'group'];
  return ['person', 'organisation', 'programme', 'group', 'event'];
}

/**
 * Whether a passage gives a name the question lacks: an entity it does not
 * name itself, of the same kind as its subject when that is a person ("the
 * name of the French president" wants a person's name, not the summit's).
 */
export function namesAnother(q: AnalyzedQuestion, c: Candidate, k: Knowledge): boolean {
  const asked = new Set(q.entities.map((e) => e.entity.id));
  const kinds = wantedNameKinds(q);
  // The name may stand in the sentence or just before it in its paragraph ("InvestAI… This aims to mobilise €200 billion").
  return [...c.passage!.entities, ...c.passage!.context].some((id) => {
    const kind = k.matcher.get(id)?.kind;
    return !asked.has(id) && kind !== undefined && kinds.includes(kind);
  });
}

