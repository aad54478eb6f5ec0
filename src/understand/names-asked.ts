/**
 * Questions that ask for a name ("what is the new initiative called?", "the
 * name of the mayor"), and the kinds of name they want.
 */
import type { AnalyzedQuestion } from './question.js';

export const NAME_ASKED = /\b(?:the name of|what(?:'s|’s|s| is| was) (?:it|that|this|the [\p{L}'’-]+(?: [\p{L}'’-]+){0,5}) called|what (?:is|was|are) [\p{L}'’-]+(?: [\p{L}'’-]+){0,5} called|what(?:'s|’s|s| is| was) (?:the )?name of)\b/iu;

/** The kinds of name a name question wants: a person's for a person, a programme's or body's for a scheme. */
export function wantedNameKinds(q: AnalyzedQuestion): string[] {
  if (q.entities.some((e) => !e.adjective && e.entity.kind === 'person') || /\b(?:person|people|president|minister|ceo|chief|director|leader|spokes\w*|official|author|guy|woman|man)\b/i.test(q.text)) return ['person'];
  if (/\b(?:initiative|project|programme|program|plan|scheme|fund|company|firm|group|coalition|alliance|agreement|deal|pact|partnership|body|agency|organi[sz]ation)\b/i.test(q.text)) return ['programme', 'organisation', 'group'];
  return ['person', 'organisation', 'programme', 'group', 'event'];
}

