/**
 * Questions that ask for a name ("what is the new initiative called?",
 * "the name of the mayor"): only a name the question does not
 * already hold answers them, and of the kind asked for.
 */
import type { LoadedEntity } from '../corpus/load.js';
import type { Knowledge, Passage } from './knowledge.js';
import type { AnalyzedQuestion } from './question.js';
import type { Candidate } from './retrieve.js';
import { escapeRegExp } from '../text/wording.js';

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
 * name of the mayor" wants a person's name, not the town's).
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


const ROLE = /\b(?:who(?:'s| is| was| will be)?|which person)\b.*?\b(run(?:s|ning)?|lead(?:s|ing)?|head(?:s|ing)?|chair(?:s|ing)?|direct(?:s|ing)?|manag(?:es|ing)|in charge of|boss of|ceo of|chief executive of|director of|founder of|president of)\b/i;

/**
 * "Who runs the LCA?", "who's the CEO of X?": a person whose description
 * (from the documents or the curated files) places them at the head of the
 * organisation named. When nobody is described so, nobody is made up.
 */
export function roleAsked(q: AnalyzedQuestion, k: Knowledge): { person?: LoadedEntity; naming: Passage[]; verb: string; of: string } | undefined {
  const m = ROLE.exec(q.text);
  const org = q.entities.find((e) => !e.adjective && ['organisation', 'programme', 'event', 'group'].includes(e.entity.kind));
  if (!m || !org) return undefined;
  const forms = [org.entity.name, ...org.entity.aliases].map((f) => f.toLowerCase()).filter((f) => f.length >= 2);
  // One pattern for all the organisation's names, built once rather than for every person tried.
  const named = new RegExp(`\\b(?:${forms.map(escapeRegExp).join('|')})\\b`, 'i');
  const person = k.corpus.entities.find((e) => e.kind === 'person' && e.description && named.test(e.description));
  const naming = person ? k.passages.filter((p) => p.entities.has(person.id) && p.entities.has(org.entity.id)).slice(0, 2) : [];
  return { ...(person ? { person } : {}), naming, verb: m[1]!.toLowerCase(), of: org.entity.name };
}
