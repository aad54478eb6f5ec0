/**
 * A question that first describes its subject, then asks about it ("the
 * firm building the warehouse, how much did it promise?", "the person who
 * announced the terminal, is she the mayor?"): the subject is the
 * name the best evidence for the description gives beside what the
 * description itself names, of the kind its head noun asks for.
 */
import type { EntityRecord } from '../corpus/schemas.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { analyzeQuestion } from '../understand/question.js';
import { retrieve } from './retrieve.js';
import { NAME_ASKED } from './names.js';

/** "the X …, <question>": a description, then a question that refers back to it. */
const DESCRIBED = /^(?<description>(?:the|that|this)\s+[^,?]{6,}?)\s*(?:,|:|\s[—–-])\s*(?<question>(?:so\s+|and\s+)?(?:how|what|who|whom|when|where|which|why|did|does|do|is|was|were|will|would|can|could)\b.*)$/is;

/** A question that refers back to something ("that one", "it", "they"). */
const REFERENCE = /\b(?:it|its|that one|this one|they|them|their|he|she|him|her)\b/i;

/** The kinds of entity a description's head noun can refer to. */
const HEAD_KINDS: { noun: RegExp; kinds: string[] }[] = [
  { noun: /^(?:person|people|guy|woman|man|speaker|official|politician|leader|one who)$/i, kinds: ['person'] },
  { noun: /^(?:initiative|project|programme|program|plan|scheme|fund|pact|deal|package)$/i, kinds: ['programme', 'organisation', 'group'] },
  { noun: /^(?:company|firm|group|coalition|alliance|body|agency|organi[sz]ation|country|government)$/i, kinds: ['organisation', 'group', 'place', 'programme'] },
  { noun: /^(?:thing|one|stuff|announcement)$/i, kinds: ['programme', 'organisation', 'group', 'event', 'person'] },
];

/** Passages and figures of the description's search whose names are looked at, best first. */
const LOOKED_AT = 3;

export interface DescribedSubject {
  entity: EntityRecord;
  description: string;
  question: string;
}

export function describedSubject(text: string, k: Knowledge): DescribedSubject | undefined {
  const m = DESCRIBED.exec(text.trim());
  // "…, what's it called?" asks for the name of what is described: a name question (names.ts) as it stands.
  if (!m?.groups || !REFERENCE.test(m.groups.question!) || NAME_ASKED.test(m.groups.question!)) return undefined;
  const description = m.groups.description!;
  const words = description.split(/\s+/).slice(1, 4).map((w) => w.replace(/[^\p{L}]/gu, ''));
  const kinds = words.map((w) => HEAD_KINDS.find((h) => h.noun.test(w))?.kinds).find(Boolean);
  if (!kinds) return undefined;
  const q = analyzeQuestion(description, k);
  const named = new Set(q.entities.map((e) => e.entity.id));
  const found = retrieve({ ...q, type: 'what' }, k).filter((c) => c.coverage >= MIN_COVERAGE);
  for (const c of found.slice(0, LOOKED_AT)) {
    // A sentence's names and speaker; a figure's subjects.
    const p = c.passage;
    const ids = (p ? [...p.entities, ...(p.speaker ? [p.speaker] : [])] : [...c.figure!.entities]).filter((id) => !named.has(id));
    const entity = ids.map((id) => k.matcher.get(id)).find((e) => e !== undefined && kinds.includes(e.kind));
    if (entity) return { entity, description, question: m.groups.question! };
  }
  return undefined;
}

/** Share of the description's words a passage or figure must hold to say who or what it describes. */
const MIN_COVERAGE = 0.4;
