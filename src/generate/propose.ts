/**
 * Every way the sources could answer a question, as proposals on one
 * footing: each retrieved sentence and figure, and where the question has
 * their shape, a definition, a checked claim, a comparison, a sum, a total,
 * a share of a total or its breakdown, a digest, a name, a role, a handle.
 * Nothing here decides: what used to be a gate is a signal or a measure the
 * learned ranking weighs (score/), and the decision abstains (decide/).
 */
import * as compose from '../compose/compose.js';
import { answerWithSources, figuresById, rankForDigest } from '../compose/sources.js';
import type { LoadedEntity } from '../corpus/load.js';
import { passageAt, type FigureEntry, type Knowledge, type Passage } from '../knowledge/knowledge.js';
import { terms } from '../text/analyze.js';
import { capitalise, escapeRegExp } from '../text/wording.js';
import type { AnalyzedQuestion } from '../understand/question.js';
import { claimProposals } from './claim.js';
import { announcingPassages, digestFigures } from './digest.js';
import { HANDLE_ASKED, handleGiven } from './handles.js';
import { describedEntity, NAME_ASKED, roleAsked } from './names.js';
import { documentDetailsProposal } from './document-details.js';
import { pickFiguresForParts } from './parts.js';
import type { Proposal } from './proposal.js';
import { FIGURE_TYPES, measurePassage, retrieve, type Candidate, type RetrieveOptions } from './retrieve.js';
import { askedFigure } from './sentence-figures.js';
import { answerClaim, claimOf, judgeClaim } from './verify.js';

/** "tl;dr", "summary", "key numbers", "main announcements", "what happened": a digest, not a search. */
export const DIGEST_ASKED = /\b(?:summary|summari[sz]e|overview|recap|gist|rundown|highlights|tl;?dr|(?:key|main|big|major|biggest|important)\s+(?:[a-z]+\s+)?(?:numbers|figures|points|facts|takeaways|announcements)|what (?:was|got|were the things) announced|what happened|all the (?:numbers|figures))\b/i;

export const GRAND_TOTAL = /\b(?:in total|in all|altogether|all together|combined|total (?:amount|money|sum|funding|investment)|all the money|add(?:ed)? up|overall)\b/i;
const SHARE_ASKED = /\b(?:what|which|how (?:big|large) (?:a|of a))\s+(?:share|fraction|proportion|percentage|part|portion|chunk|slice)\s+of\b|\bhow much of\b/i;
const FRACTION = /\b(three quarters|three-quarters|half|a third|one third|two thirds|a quarter|one quarter|(\d{1,3})\s*(?:%|per ?cent))\s+of\b/i;
const FRACTION_VALUE: Record<string, number> = { 'three quarters': 0.75, 'three-quarters': 0.75, half: 0.5, 'a third': 1 / 3, 'one third': 1 / 3, 'two thirds': 2 / 3, 'a quarter': 0.25, 'one quarter': 0.25 };
export const BREAKDOWN = /\b(?:break(?:s|ing)? ?down|breakdown|made up of|split(?:s| up)?|consist|parts? of|who(?:'s| is)? putting in what|where (?:does|is) (?:it|that|the money) (?:come|coming) from)\b/i;

export interface ProposeOptions {
  retrieve?: RetrieveOptions;
  /** Companion quotes with a sentence answer at most. Default 3 (with the first). */
  maxPassageQuotes?: number;
}

/** The candidates retrieved for a question and every proposal made from them. */
export interface Proposed {
  candidates: Candidate[];
  proposals: Proposal[];
}

export function propose(q: AnalyzedQuestion, k: Knowledge, options: ProposeOptions = {}): Proposed {
  const candidates = retrieve(q, k, options.retrieve);
  const proposals: Proposal[] = [];
  const claim = q.type === 'yes_no' ? claimOf(q, k) : undefined;
  // Sentences propose; a figure answers through the sentence that states it (sentence-figures.ts).
  for (const c of candidates) if (c.passage) proposals.push(sentenceProposal(q, k, c, claim, options));
  if (claim) proposals.push(...claimProposals(q, k, claim, options.retrieve).map((p) => ({ ...p, signals: { ...p.signals, shape: 1 } })));
  // Every special answer is weighed by its evidence too: its first passage, or its first figure's sentence.
  for (const found of specialProposals(q, k, candidates)) {
    // A definition fits the shape only when nothing but the entity is asked about; every other special kind is made only for its shape.
    const special = { ...found, signals: { ...found.signals, shape: found.kind === 'definition' ? (found.signals.only_entity ?? 0) : found.kind === 'role' ? (found.signals.role_found ?? 0) : 1 } };
    const passage = special.passages?.[0] ?? (special.figures?.[0] ? passageAt(k, special.figures[0].doc, special.figures[0].figure.at.start) : undefined);
    proposals.push(passage && !special.evidence ? { ...special, evidence: measurePassage(q, k, passage, candidates) } : special);
  }
  return { candidates, proposals };
}

export function sentenceProposal(q: AnalyzedQuestion, k: Knowledge, c: Candidate, claim: ReturnType<typeof claimOf> | undefined, options: ProposeOptions): Proposal {
  const p = c.passage!;
  const max = options.maxPassageQuotes ?? 3;
  // For a yes/no question, what the sentence tells of the claim: it states the asked value, contradicts it, or is silent.
  const verdict = claim ? judgeClaim(claim, p, k, q).verdict : undefined;
  return {
    kind: 'sentence',
    evidence: c,
    signals: verdict === 'yes' ? { claim_yes: 1 } : verdict === 'no' ? { claim_no: 1 } : verdict ? { claim_unsaid: 1 } : {},
    ref: `${p.doc.id} ¶${p.sentence.paragraph}`,
    text: p.sentence.text,
    compose: (confidence, companions) => {
      // A yes/no question answered from this sentence says what it tells of the claim.
      if (claim) return answerClaim(q, claim, [c], k, confidence);
      // Asked for a figure the sentence states: the figure leads, with its other sources.
      const figure = FIGURE_TYPES.has(q.type) || q.amounts.length ? askedFigure(q, k, p, stemsOfQuestion(q, k)) : undefined;
      if (figure) return answerWithSources(figure.figure, k, confidence);
      const more = companions.filter((x) => x.passage && x.passage !== p).map((x) => x.passage!);
      return compose.answerFromPassages(q, [p, ...more].slice(0, max), k, confidence);
    },
  };
}

/** The question's content words with their weights and stand-ins (for picking a sentence's figure). */
export function stemsOfQuestion(q: AnalyzedQuestion, k: Knowledge): { stem: string; weight: number; expansions: readonly string[] }[] {
  return q.terms.filter((t) => !t.inEntity && !k.lexicon.isFrame(t.stem)).map((t) => ({ stem: t.stem, weight: k.vocabulary.has(t.stem) ? k.weight(t.stem) : 1, expansions: k.lexicon.expand(t.stem) }));
}

/** The answers of a particular shape the question has: each a proposal with its signals. */
function specialProposals(q: AnalyzedQuestion, k: Knowledge, candidates: Candidate[]): Proposal[] {
  const out: Proposal[] = [];
  if (DIGEST_ASKED.test(q.text)) {
    const digest = digestFigures(q, k);
    out.push({
      kind: 'digest',
      figures: digest,
      signals: { digest_figures: digest.length ? 1 : 0 },
      ref: 'digest',
      text: `${digest.length} figures`,
      compose: () => compose.answerDigest(digest, k, announcingPassages(q, k, digest)),
    });
  }
  const share = shareOfTotal(q, k);
  if (share) {
    out.push({ kind: 'share', figures: [share.part, share.total], signals: { parts: 2, same_currency: 1 }, ref: `share ${share.part.figure.id}`, text: share.part.figure.display, compose: (confidence) => compose.answerShare(share.part, share.total, k, confidence) });
  }
  const total = BREAKDOWN.test(q.text) ? k.figures.find((f) => f.figure.parts.length >= 2 && q.amounts.some((a) => a.value === f.figure.amount)) : undefined;
  const parts = total ? total.figure.parts.map((id) => figuresById(k).get(id)).filter((f): f is FigureEntry => !!f) : [];
  if (parts.length >= 2) {
    out.push({ kind: 'breakdown', figures: parts, signals: { parts: parts.length, same_currency: sameCurrency(parts) }, ref: `breakdown ${total!.figure.id}`, text: total!.figure.display, compose: (confidence) => compose.answerSum(parts, k, confidence) });
  }
  if (q.type === 'compare' || q.type === 'total') {
    // "How does that compare to Stargate?": the figure just given is the first side.
    const carried = (q.carriedFigures ?? []).map((id) => figuresById(k).get(id)).filter((f): f is FigureEntry => !!f);
    const picked = [...carried, ...pickFiguresForParts(q, k).filter((f) => !carried.includes(f))];
    if (picked.length >= 2) {
      const kind = q.type === 'compare' ? 'comparison' : 'sum';
      out.push({
        kind,
        figures: picked,
        signals: { parts: picked.length, same_currency: sameCurrency(picked) },
        ref: `${kind} ${picked.map((f) => f.figure.id).join(', ')}`,
        text: picked.map((f) => f.figure.display).join(' / '),
        compose: (confidence) => (kind === 'comparison' ? compose.answerComparison(picked[0]!, picked[1]!, k, confidence) : compose.answerSum(picked, k, confidence)),
      });
    }
  }
  const role = roleAsked(q, k);
  if (role) {
    const person = role.person;
    out.push({
      kind: 'role',
      passages: role.naming,
      signals: { role_found: person ? 1 : 0 },
      ref: `role ${person?.id ?? 'none'}`,
      text: person?.name ?? '',
      compose: (confidence) => (person ? compose.answerDefinition(person, k, confidence, role.naming) : compose.notFound(`The sources don't say who ${role.verb} ${role.of}.`, [])),
    });
  }
  if (GRAND_TOTAL.test(q.text) && new Set(q.entities.filter((e) => !e.adjective).map((e) => e.entity.id)).size < 2) {
    const pool = grandTotalFigures(q, k);
    if (pool.length >= 2) out.push({ kind: 'grand_total', figures: pool, signals: { parts: pool.length, same_currency: sameCurrency(pool) }, ref: 'total', text: `${pool.length} figures`, compose: (confidence) => compose.answerGrandTotal(pool, k, confidence) });
  }
  const defined = definitionProposal(q, k, candidates);
  if (defined) out.push(defined);
  if (HANDLE_ASKED.test(q.text)) {
    const given = handleGiven(q, k, candidates);
    if (given && 'handle' in given) {
      const whose = given.person ? ` (${given.person.name})` : '';
      out.push({ kind: 'handle', passages: [given.passage], signals: { handle_given: 1 }, ref: `handle ${given.handle}`, text: given.handle, compose: (confidence) => compose.answerFromPassagesWithLead(`${given.handle}${whose}, as the source gives it.`, [given.passage], k, q, confidence) });
    }
  }
  if (NAME_ASKED.test(q.text)) {
    const described = describedEntity(q, k, candidates);
    if (described) {
      out.push({
        kind: 'name',
        named: described.entity.id,
        passages: [described.passage],
        signals: { described: described.share },
        ref: `name ${described.entity.id}`,
        text: described.entity.name,
        compose: (confidence) => compose.answerFromPassagesWithLead(`${capitalise(described.entity.name)}, according to the source: ${compose.clip(described.passage.sentence.text, 200)}`, [described.passage], k, q, confidence),
      });
    }
  }
  const details = documentDetailsProposal(q, k, candidates);
  if (details) out.push(details);
  return out;
}

function sameCurrency(figures: FigureEntry[]): number {
  return new Set(figures.map((f) => f.figure.currency ?? '')).size === 1 ? 1 : 0;
}

/**
 * A part of a stated total the question picks out: by what it names ("what
 * part of the €65m did the council give?") or by its size ("60% of the €65m").
 */
function shareOfTotal(q: AnalyzedQuestion, k: Knowledge): { part: FigureEntry; total: FigureEntry } | undefined {
  const fraction = FRACTION.exec(q.text);
  if (!SHARE_ASKED.test(q.text) && !fraction) return undefined;
  const total = k.figures.find((f) => f.figure.parts.length >= 2 && f.figure.amount !== undefined && q.amounts.some((a) => Math.abs(a.value - f.figure.amount!) <= 0.01 * a.value));
  if (!total) return undefined;
  const parts = total.figure.parts.map((id) => figuresById(k).get(id)).filter((f): f is FigureEntry => !!f && f.figure.amount !== undefined);
  if (fraction) {
    const wanted = (fraction[2] ? Number(fraction[2]) / 100 : FRACTION_VALUE[fraction[1]!.toLowerCase()] ?? 0) * total.figure.amount!;
    const part = parts.find((f) => Math.abs(f.figure.amount! - wanted) <= 0.1 * wanted);
    return part ? { part, total } : undefined;
  }
  // The part the question names: its entities and words, as for a sum's parts.
  const stems = new Set(terms(q.text));
  const ids = new Set(q.entities.map((e) => e.entity.id));
  const scored = parts.map((f) => ({ f, score: [...f.keywords].filter((w) => stems.has(w)).length + [...f.entities].filter((id) => ids.has(id) && f.figure.subjects[0] === id).length }));
  const top = scored.sort((a, b) => b.score - a.score)[0];
  return top && top.score > 0 && top.score > (scored[1]?.score ?? 0) ? { part: top.f, total } : undefined;
}

/**
 * The amounts a grand total adds: money figures about the question's subject
 * (all of them when it names none), without a part of a stated total that is
 * itself in the pool, without corrected figures, each value once.
 */
function grandTotalFigures(q: AnalyzedQuestion, k: Knowledge): FigureEntry[] {
  const ids = q.entities.filter((e) => !e.adjective).map((e) => e.entity.id);
  const money = rankForDigest(k.figures.filter((f) => f.figure.kind === 'money' && f.figure.amount !== undefined && (ids.length === 0 || ids.some((id) => f.entities.has(id)))), k);
  const partIds = new Set(money.flatMap((f) => f.figure.parts));
  return money.filter((f) => !partIds.has(f.figure.id));
}

/**
 * "What are AI gigafactories?", "stargate", "who is von der Leyen?": one
 * entity asked about, with what the corpus data says it is. Signals whether
 * nothing else is asked of it.
 */
function definitionProposal(q: AnalyzedQuestion, k: Knowledge, candidates: Candidate[]): Proposal | undefined {
  const ids = new Set(q.entities.map((e) => e.entity.id));
  if (ids.size !== 1) return undefined;
  const entity = k.corpus.entities.find((e) => ids.has(e.id));
  if (!entity || (q.type === 'who' && entity.kind !== 'person')) return undefined;
  // Without defining sentences, the passages that name the entity are the evidence.
  // Of a person, a sentence giving a title before the name ("Mayor Ines Calder") says most of who they are.
  const titled = entity.kind === 'person' ? titleBefore(entity) : undefined;
  const naming = candidates
    .filter((c) => c.passage?.entities.has(entity.id))
    .map((c) => c.passage!)
    .sort((a, b) => Number(titled?.test(b.sentence.text) ?? false) - Number(titled?.test(a.sentence.text) ?? false))
    .slice(0, 2);
  const defined = entity.definitionAt.length > 0 || entity.description !== undefined;
  if (!defined && naming.length === 0) return undefined;
  // (Words that tell nothing, unknown to the corpus and among the commonest in English, do not count.)
  const allowed = q.type === 'who' ? ROLE_WORDS : entity.kind === 'person' ? PERSON_DEFINITION_WORDS : DEFINITION_WORDS;
  const otherWords = q.terms.filter((t) => !t.inEntity && !k.lexicon.isFrame(t.stem) && !allowed.has(t.stem) && (t.known || t.informative > 0));
  const shape = q.type === 'what' || q.type === 'keywords' || q.type === 'why' || q.type === 'who';
  return {
    kind: 'definition',
    passages: naming,
    signals: { defined: defined ? 1 : 0, only_entity: shape && otherWords.length === 0 ? 1 : 0 },
    ref: `definition ${entity.id}`,
    text: entity.description ?? entity.name,
    compose: (confidence) => compose.answerDefinition(entity, k, confidence, naming as Passage[]),
  };
}

const DEFINITION_WORDS = new Set(['defin', 'mean', 'exactli', 'realli', 'use', 'purpos', 'point']);
/** Of a person, asking for a title, job, role or position asks who they are. */
const PERSON_DEFINITION_WORDS = new Set([...DEFINITION_WORDS, 'titl', 'job', 'role', 'posit', 'offic', 'rank']);
/** "Who leads / heads / runs X?" asks who X is when X names a person's office. */
const ROLE_WORDS = new Set(['lead', 'head', 'run', 'chair', 'presid', 'charg', 'boss', 'exactli', 'realli']);

/** A capitalised word or two right before a person's first name: a title ("EU President Ursula…"). */
function titleBefore(person: LoadedEntity): RegExp | undefined {
  const first = person.name.split(/\s+/)[0];
  return first ? new RegExp(`(?<![.!?]\\s)\\b\\p{Lu}[\\p{L}.-]*(?:\\s+\\p{Lu}[\\p{L}.-]*)?\\s+${escapeRegExp(first)}\\b`, 'u') : undefined;
}
