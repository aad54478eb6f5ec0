/**
 * Questions that ask for a name ("what is the new initiative called?",
 * "the name of the mayor"): only a name the question does not
 * already hold answers them, and of the kind asked for.
 */
import type { LoadedEntity } from '../corpus/load.js';
import { passageAt, type Knowledge, type Passage } from '../knowledge/knowledge.js';
import { terms } from '../text/analyze.js';
import type { AnalyzedQuestion } from '../understand/question.js';
import type { Candidate } from './retrieve.js';
import { escapeRegExp } from '../text/wording.js';
import { wantedNameKinds } from '../understand/names-asked.js';

export { NAME_ASKED, wantedNameKinds } from '../understand/names-asked.js';

/** Nouns for a scheme rather than a body. */
const PROGRAMME_NOUN = /\b(?:initiative|project|programme|program|plan|scheme|fund|pact|deal)\b/i;

/** Words of a name question that ask for the name rather than say what is named. */
const NAMING_STEMS = new Set(['call', 'name', 'known', 'titl']);

/** Share of the question's descriptive words (by weight) an entity's profile must hold to be the one named. */
const MIN_DESCRIBED = 0.5;

const profiles = new WeakMap<object, Map<string, Set<string>>>();

/**
 * What the corpus says each entity is, as stems: its name and aliases, its
 * description and defining sentences, and what its figures measure.
 * Worked out once per corpus, at the first name question.
 */
function profilesOf(k: Knowledge): Map<string, Set<string>> {
  let byId = profiles.get(k.index);
  if (!byId) {
    const texts = new Map(k.corpus.entities.map((e) => [e.id, [e.name, ...e.aliases, e.description ?? '', ...e.definition]]));
    for (const f of k.figures) for (const id of f.figure.subjects) texts.get(id)?.push(f.figure.what);
    byId = new Map([...texts].map(([id, t]) => [id, new Set(terms(t.join(' ')))]));
    profiles.set(k.index, byId);
  }
  return byId;
}

/**
 * "What's the new investment initiative called?": of the names of the kind
 * asked for, the one whose profile (profilesOf) holds most of what the
 * question says of it, when that is most of it; between equals, one of the
 * kind its noun names, then one the search ranked higher. With the passage
 * to cite: the best candidate that names it, or its defining sentence.
 */
export function describedEntity(q: AnalyzedQuestion, k: Knowledge, candidates: Candidate[]): { entity: LoadedEntity; passage: Passage; share: number } | undefined {
  const asked = new Set(q.entities.map((e) => e.entity.id));
  const kinds = wantedNameKinds(q);
  const words = q.terms.filter((t) => !t.inEntity && t.known && !k.lexicon.isFrame(t.stem) && !NAMING_STEMS.has(t.stem));
  const total = words.reduce((n, t) => n + k.weight(t.stem), 0);
  if (total === 0) return undefined;
  // Where each name first stands among the candidates (those it never stands in come after).
  const rankOf = new Map<string, number>();
  candidates.forEach((c, i) => {
    for (const id of c.passage ? [...c.passage.entities, ...c.passage.context] : c.figure!.entities) if (!rankOf.has(id)) rankOf.set(id, i);
  });
  const preferred = PROGRAMME_NOUN.test(q.text) ? 'programme' : undefined;
  const all = profilesOf(k);
  const scored = k.corpus.entities
    .filter((e) => !asked.has(e.id) && kinds.includes(e.kind))
    .map((e) => {
      const profile = all.get(e.id)!;
      const held = words.reduce((n, t) => n + k.weight(t.stem) * (profile.has(t.stem) ? 1 : k.lexicon.expand(t.stem).some((x) => profile.has(x)) ? 0.7 : 0), 0);
      return { entity: e, share: held / total, kindFirst: e.kind === preferred ? 0 : 1, rank: rankOf.get(e.id) ?? Infinity };
    })
    .filter((x) => x.share > 0)
    .sort((a, b) => b.share - a.share || a.kindFirst - b.kindFirst || a.rank - b.rank);
  const best = scored[0];
  if (!best || best.share < MIN_DESCRIBED) return undefined;
  const entity = best.entity;
  const defining = entity.definitionAt[0];
  const definingDoc = defining && k.corpus.documents.find((d) => d.id === defining.documentId);
  const passage =
    candidates.find((c) => c.passage?.entities.has(entity.id) || c.passage?.context.has(entity.id))?.passage ??
    (definingDoc ? passageAt(k, definingDoc, defining!.start) : undefined) ??
    k.passages.find((p) => p.entities.has(entity.id));
  return passage ? { entity, passage, share: best.share } : undefined;
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
