/**
 * Chooses what to answer: a figure, a comparison, a sum, passages, or an
 * honest "the sources don't say" naming what is missing.
 */
import type { Answer } from '../answer.js';
import * as compose from '../compose/compose.js';
import type { LoadedEntity } from '../corpus/load.js';
import type { FigureEntry, Knowledge } from '../knowledge/knowledge.js';
import { terms } from '../text/analyze.js';
import { MISSING_THRESHOLD, type AnalyzedQuestion } from '../understand/question.js';
import { FIGURE_TYPES, retrieve, type Candidate, type RetrieveOptions } from '../generate/retrieve.js';
import { mustFit, NAMES_WANTED } from '../score/type-fit.js';
import type { Explanation } from '../engine/types.js';
import { answerWithSources, figuresById, rankForDigest } from '../compose/sources.js';
import { describedEntity, NAME_ASKED, namesAnother, roleAsked } from '../generate/names.js';
import { announcingPassages, digestFigures } from '../generate/digest.js';
import { HANDLE_ASKED, HANDLE_WORDS, handleGiven } from '../generate/handles.js';
import { pickFiguresForParts } from '../generate/parts.js';
import { spokenSubjects } from '../generate/occasion.js';
import { decideClaim, occasionWord } from '../generate/claim.js';
import { confidenceOf, joinOr, missingMessage, round, subjectOf, suggestionsFor } from './abstain.js';
import { capitalise, escapeRegExp } from '../text/wording.js';

export interface DecideOptions {
  /** Least coverage of the question a passage needs to answer it. Default 0.4. */
  minCoverage?: number;
  /** Further quotes must score at least this share of the best one. Default 0.8. */
  companionRatio?: number;
  /** Most quotes from passages. Default 3. */
  maxPassageQuotes?: number;
  retrieve?: RetrieveOptions;
}

/** "tl;dr", "summary", "key numbers", "main announcements", "what happened": a digest, not a search. */
const DIGEST_ASKED = /\b(?:summary|summari[sz]e|overview|recap|gist|rundown|highlights|(?:key|main|big|major|biggest|important)\s+(?:[a-z]+\s+)?(?:numbers|figures|points|facts|takeaways|announcements)|what (?:was|got|were the things) announced|what happened|all the (?:numbers|figures))\b/i;

const GRAND_TOTAL = /\b(?:in total|in all|altogether|all together|combined|total (?:amount|money|sum|funding|investment)|all the money|add(?:ed)? up|overall)\b/i;
const SHARE_ASKED = /\b(?:what|which|how (?:big|large) (?:a|of a))\s+(?:share|fraction|proportion|percentage|part|portion|chunk|slice)\s+of\b|\bhow much of\b/i;
const FRACTION = /\b(three quarters|three-quarters|half|a third|one third|two thirds|a quarter|one quarter|(\d{1,3})\s*(?:%|per ?cent))\s+of\b/i;
const FRACTION_VALUE: Record<string, number> = { 'three quarters': 0.75, 'three-quarters': 0.75, half: 0.5, 'a third': 1 / 3, 'one third': 1 / 3, 'two thirds': 2 / 3, 'a quarter': 0.25, 'one quarter': 0.25 };

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
  const best = scored.sort((a, b) => b.score - a.score)[0];
  return best && best.score > 0 && best.score > (scored[1]?.score ?? 0) ? { part: best.f, total } : undefined;
}

const BREAKDOWN = /\b(?:break(?:s|ing)? ?down|breakdown|made up of|split(?:s| up)?|consist|parts? of|who(?:'s| is)? putting in what|where (?:does|is) (?:it|that|the money) (?:come|coming) from)\b/i;
const CONVERSION = /\bin\s+(euros?|dollars?|pounds?|yen|yuan)\b/i;
const currencyOf = (word: string) => (/^euro/i.test(word) ? 'EUR' : /^dollar/i.test(word) ? 'USD' : /^pound/i.test(word) ? 'GBP' : word.toUpperCase());

export function decide(q: AnalyzedQuestion, k: Knowledge, ex: Explanation, options: DecideOptions = {}): Answer {
  const minCoverage = options.minCoverage ?? 0.4;
  // A digest is of the sources: words about its format ("3 bullets", "for standup") do not stop it; a name the sources lack does.
  if (DIGEST_ASKED.test(q.text) && !q.terms.some((t) => !t.known && t.capitalised)) {
    const digest = digestFigures(q, k);
    ex.decision = `digest of ${digest.length} figures`;
    return compose.answerDigest(digest, k, announcingPassages(q, k, digest));
  }
  if (q.type === 'yes_no') return decideClaim(q, k, ex, minCoverage, options.retrieve);
  // "How does the 200bn break down?": a stated total's parts.
  // "What part of the €65m is the council's?", "60% of the €65m comes from whom?": a part of a stated total.
  const share = shareOfTotal(q, k);
  if (share) {
    ex.decision = `share ${share.part.figure.id} of ${share.total.figure.id}`;
    return compose.answerShare(share.part, share.total, k, 0.8);
  }
  const total = BREAKDOWN.test(q.text) ? k.figures.find((f) => f.figure.parts.length >= 2 && q.amounts.some((a) => a.value === f.figure.amount)) : undefined;
  const parts = total ? total.figure.parts.map((id) => figuresById(k).get(id)).filter((f): f is FigureEntry => !!f) : [];
  if (parts.length >= 2) {
    ex.decision = `breakdown of ${total!.figure.id}`;
    return compose.answerSum(parts, k, 0.85);
  }
  // "How much is the $112bn in euros?": the sources convert nothing.
  const conversion = CONVERSION.exec(q.text);
  const currencyOfAmount = (a: { value: number; currency?: string }) => a.currency ?? k.figures.find((f) => f.figure.amount !== undefined && Math.abs(f.figure.amount - a.value) <= 0.01 * a.value)?.figure.currency;
  if (conversion && q.amounts.some((a) => currencyOfAmount(a) !== undefined && currencyOfAmount(a) !== currencyOf(conversion[1]!))) {
    ex.decision = 'abstain: currency conversion';
    return compose.notFound(`The sources give no exchange rate, so they can't say what that is in ${conversion[1]!.toLowerCase()}.`, suggestionsFor(q, k));
  }
  // Asking for a handle, the words for it and for the platform are what is asked, not a missing subject.
  const unknown = (HANDLE_ASKED.test(q.text) ? q.unknown.filter((u) => !HANDLE_WORDS.test(u)) : q.unknown).filter((u) => !occasionWord(q, k, u));
  if (unknown.length > 0) {
    ex.decision = `abstain: unknown ${unknown.join(', ')}`;
    return compose.notFound(`The sources don't mention ${joinOr(unknown)}.`, suggestionsFor(q, k));
  }
  // "When will X be finished?": if the corpus never uses the event's word, it cannot date it. "Which firm
  // will build X?": nor name who does a deed it never speaks of (there the verb is the question, not phrasing).
  const unseenEvent =
    q.type === 'when' || q.type === 'who'
      ? q.terms.find((t) => !t.known && !k.lexicon.isFrame(t.stem) && (t.informative >= MISSING_THRESHOLD || (q.type === 'who' && t.phrasing && t.informative > 0)))
      : undefined;
  if (unseenEvent) {
    ex.decision = `abstain: ${q.type}-question about an event the corpus never mentions (${unseenEvent.word})`;
    return compose.notFound(`The sources don't say ${q.type}: they say nothing about “${unseenEvent.word}” for ${subjectOf(q)}.`, suggestionsFor(q, k));
  }
  const knownContent = q.terms.some((t) => t.known && !k.lexicon.isFrame(t.stem));
  if (!knownContent && q.entities.length === 0 && q.amounts.length === 0) {
    ex.decision = 'abstain: nothing to search for';
    return compose.notFound("I couldn't find anything in that question to look up in the sources.", suggestionsFor(q, k));
  }

  const candidates = retrieve(q, k, options.retrieve);
  if (options.retrieve?.reasons) ex.candidates = candidates.slice(0, 8).map((c) => ({
    kind: c.kind,
    ref: c.passage ? `${c.passage.doc.id} ¶${c.passage.sentence.paragraph}` : `figure ${c.figure!.figure.id}`,
    text: c.passage ? c.passage.sentence.text : `${c.figure!.figure.display}: ${c.figure!.figure.what}`,
    searchScore: round(c.searchScore),
    score: round(c.score),
    reasons: c.reasons,
  }));

  if (q.type === 'compare' || q.type === 'total') {
    // "How does that compare to Stargate?": the figure just given is the first side.
    const carried = (q.carriedFigures ?? []).map((id) => figuresById(k).get(id)).filter((f): f is FigureEntry => !!f);
    const picked = [...carried, ...pickFiguresForParts(q, k).filter((f) => !carried.includes(f))];
    if (picked.length >= 2) {
      ex.decision = `${q.type} of figures ${picked.map((f) => f.figure.id).join(', ')}`;
      return q.type === 'compare' ? compose.answerComparison(picked[0]!, picked[1]!, k, 0.85) : compose.answerSum(picked, k, 0.85);
    }
  }

  const role = roleAsked(q, k);
  // Otherwise a passage must name the person (NAMES_WANTED takes role questions as asking for a person).
  if (role?.person) {
    ex.decision = `role: ${role.person.id}`;
    return compose.answerDefinition(role.person, k, 0.85, role.naming);
  }

  // "How much money was announced in total?", naming no parts: every amount in scope, by currency.
  if (GRAND_TOTAL.test(q.text) && new Set(q.entities.filter((e) => !e.adjective).map((e) => e.entity.id)).size < 2) {
    const pool = grandTotalFigures(q, k);
    if (pool.length >= 2) {
      ex.decision = `total of ${pool.length} figures`;
      return compose.answerGrandTotal(pool, k, 0.75);
    }
  }

  const defined = definitionAsked(q, k);
  if (defined) {
    ex.decision = `definition of ${defined.id}`;
    // Without defining sentences, the passages that name the entity are the evidence.
    // Of a person, a sentence giving a title before the name ("Mayor Ines Calder") says most of who they are.
    const titled = defined.kind === 'person' ? titleBefore(defined) : undefined;
    const naming = candidates
      .filter((c) => c.passage?.entities.has(defined.id))
      .map((c) => c.passage!)
      .sort((a, b) => Number(titled?.test(b.sentence.text) ?? false) - Number(titled?.test(a.sentence.text) ?? false))
      .slice(0, 2);
    if (defined.definitionAt.length || naming.length) return compose.answerDefinition(defined, k, 0.9, naming);
  }

  // "What's her twitter handle?": an @-name, from the line of a document that gives it.
  if (HANDLE_ASKED.test(q.text)) {
    const given = handleGiven(q, k, candidates);
    if (given && 'handle' in given) {
      ex.decision = `handle ${given.handle}`;
      const whose = given.person ? ` (${given.person.name})` : '';
      return compose.answerFromPassagesWithLead(`${given.handle}${whose}, as the source gives it.`, [given.passage], k, q, 0.85);
    }
    if (given) {
      ex.decision = `abstain: no handle for ${given.none.id}`;
      return compose.notFound(`The sources give no handle for ${given.none.name}.`, suggestionsFor(q, k));
    }
  }

  // "What is the name of…?", "what's it called?": only a name answers, never a figure.
  const nameAsked = NAME_ASKED.test(q.text);
  // "What's the new investment initiative called?": the name whose entity the question describes.
  const described = nameAsked ? describedEntity(q, k, candidates) : undefined;
  if (described) {
    ex.decision = `name: ${described.entity.id}`;
    ex.named = described.entity.id;
    return compose.answerFromPassagesWithLead(`${capitalise(described.entity.name)}, according to the source: ${compose.clip(described.passage.sentence.text, 200)}`, [described.passage], k, q, 0.8);
  }
  const figure = nameAsked ? undefined : bestFigure(q, candidates, k);
  if (figure) {
    ex.decision = `figure ${figure.figure!.figure.id}`;
    return answerWithSources(figure.figure!, k, confidenceOf(figure));
  }

  // A date, place or amount must be said of the subject: in its sentence or paragraph, not only nearby.
  // An amount belongs to what its own sentence names: there, the subject must be in the sentence.
  const needed = q.type === 'how_much' || q.type === 'how_many' ? 1 : MIN_SUBJECT_FIT;
  const subjectHeld = (c: Candidate) => !mustFit(q.type) || q.entities.every((e) => e.adjective) || c.entityFit >= needed;
  // A date or place must also be about what the question asks ("open", "finished"), not only its subject.
  // "Which firm will dredge the channel?": names said of the deed asked about, not of the subject alone.
  const eventHeld = (c: Candidate) => (q.type !== 'when' && q.type !== 'where' && !(q.type === 'who' && NAMES_WANTED.test(q.text))) || c.wordCoverage >= MIN_EVENT_COVERAGE;
  // "Which companies…?" is answered by names or not at all.
  const fitRequired = mustFit(q.type) || (q.type === 'who' && NAMES_WANTED.test(q.text));
  const sentences = candidates.filter(
    (c) => c.kind === 'sentence' && c.coverage >= minCoverage && c.everySubject && (c.typeFit || !fitRequired) && subjectHeld(c) && eventHeld(c) && (!nameAsked || namesAnother(q, c, k)),
  );
  // Where a kind of answer is preferred but not required (a reason for "why"), a fitting sentence close to the best goes first.
  const fitting = sentences.findIndex((c) => c.typeFit);
  if (fitting > 0 && sentences[fitting]!.score >= sentences[0]!.score * PREFER_FIT_RATIO) sentences.unshift(...sentences.splice(fitting, 1));
  const top = sentences[0];
  if (!top) {
    ex.decision = `abstain: no passage fits (${q.type})${q.missing.length ? `; missing ${q.missing.join(', ')}` : ''}`;
    return compose.notFound(q.missing.length ? `The sources don't mention ${joinOr(q.missing)}.` : missingMessage(q, k), suggestionsFor(q, k));
  }
  const ratio = options.companionRatio ?? 0.8;
  const max = options.maxPassageQuotes ?? 3;
  const chosen = [top, ...sentences.slice(1).filter((c) => c.score >= top.score * ratio && c.coverage >= top.coverage * 0.75)].slice(0, max);
  ex.decision = `passages ${chosen.map((c) => `¶${c.passage!.sentence.paragraph}`).join(', ')}`;
  return compose.answerFromPassages(q, chosen.map((c) => c.passage!), k, confidenceOf(top));
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

/** The figure that answers, when the question asks for one and a figure about its subject fits. */
function bestFigure(q: AnalyzedQuestion, candidates: Candidate[], k: Knowledge): Candidate | undefined {
  // For a date or a place, a place the question names must be the figure's own ("when does the Northport terminal open?"), not its paragraph's.
  const places = q.type === 'when' || q.type === 'where' ? q.entities.filter((e) => !e.adjective && e.entity.kind === 'place') : [];
  const ownPlace = (c: Candidate, e: (typeof places)[number]) => c.figure!.entities.has(e.entity.id) || terms(e.entity.name).every((t) => c.figure!.stems.has(t));
  const figures = candidates.filter((c) => c.kind === 'figure' && c.typeFit && c.namesHeld && places.every((e) => ownPlace(c, e)));
  // Of the figures of an amount the question states, one about what it names ("20 billion or 50: which is InvestAI's?").
  const ofAmount = figures.filter((c) => q.amounts.some((a) => a.value === c.figure!.figure.amount));
  const sameAmount = ofAmount.find((c) => c.entityFit >= 0.5) ?? ofAmount[0];
  if (sameAmount) return sameAmount;
  if (FIGURE_TYPES.has(q.type)) {
    // A date is of the event asked about ("finished"), not only of its subject.
    // …and the figure's own sentence names the subject: the date beside it in the paragraph may be another event's.
    const subjects = q.entities.filter((e) => !e.adjective).map((e) => e.entity.id);
    // (A topic the person asked about speaks of is held by a date of that person speaking: occasion.ts.)
    const spoken = spokenSubjects(q, k);
    const ownSubject = (c: Candidate, id: string) => {
      const s = spoken.get(id);
      return c.figure!.entities.has(id) || (s !== undefined && s.documents.has(c.figure!.doc.id) && c.figure!.entities.has(s.speaker));
    };
    const eventHeld = (c: Candidate) => q.type !== 'when' || (c.wordCoverage >= MIN_EVENT_COVERAGE && subjects.every((id) => ownSubject(c, id)));
    const fitting = figures.find((c) => c.entityFit >= 0.5 && c.coverage >= MIN_FIGURE_COVERAGE && eventHeld(c));
    if (fitting || q.type !== 'how_many') return fitting;
    // "How many countries…?": a count of that very noun is the answer, said however the rest is worded.
    const counted = countedNouns(q.text);
    // A rare counted noun ("GPU-hours") says what is counted on its own; a common one ("people") needs the subject too.
    const rare = (t: string) => k.frequency(t) <= RARE_COUNTED_NOUN;
    return counted.length
      ? figures.find((c) => {
          // The counted noun is the figure's own head noun: "GPU-hours" counts hours, not GPUs.
          const shown = terms(c.figure!.figure.display);
          const head = shown[shown.length - 1];
          return c.coverage >= MIN_COUNTED_COVERAGE && head !== undefined && counted.includes(head) && (c.entityFit >= 0.5 || counted.some((t) => shown.includes(t) && rare(t)));
        })
      : undefined;
  }
  const best = figures[0];
  if (!best) return undefined;
  // Other questions take a figure only when it is clearly what they are about ("goal of InvestAI").
  const topOverall = candidates[0];
  return topOverall === best && best.entityFit >= 0.5 && best.coverage >= 0.6 ? best : undefined;
}

/**
 * "What are AI gigafactories?", "stargate", "who is von der Leyen?", "who
 * leads the Commission?": one entity and nothing else asked about it, and
 * the corpus data says what it is.
 */
function definitionAsked(q: AnalyzedQuestion, k: Knowledge): LoadedEntity | undefined {
  if (q.type !== 'what' && q.type !== 'keywords' && q.type !== 'why' && q.type !== 'who') return undefined;
  const ids = new Set(q.entities.map((e) => e.entity.id));
  if (ids.size !== 1) return undefined;
  const entity = k.corpus.entities.find((e) => ids.has(e.id));
  if (!entity || (!entity.definitionAt.length && !entity.description)) return undefined;
  if (q.type === 'who' && entity.kind !== 'person') return undefined;
  // "What's her title?", "what job does X have?": of a person, what they are.
  const allowed = q.type === 'who' ? ROLE_WORDS : entity.kind === 'person' ? PERSON_DEFINITION_WORDS : DEFINITION_WORDS;
  // (Words that tell nothing, unknown to the corpus and among the commonest in English, do not count.)
  const otherWords = q.terms.filter((t) => !t.inEntity && !k.lexicon.isFrame(t.stem) && !allowed.has(t.stem) && (t.known || t.informative > 0));
  return otherWords.length === 0 ? entity : undefined;
}

const DEFINITION_WORDS = new Set(['defin', 'mean', 'exactli', 'realli', 'use', 'purpos', 'point']);
/** A capitalised word or two right before a person's first name: a title ("EU President Ursula…"). */
function titleBefore(person: LoadedEntity): RegExp | undefined {
  const first = person.name.split(/\s+/)[0];
  return first ? new RegExp(`(?<![.!?]\\s)\\b\\p{Lu}[\\p{L}.-]*(?:\\s+\\p{Lu}[\\p{L}.-]*)?\\s+${escapeRegExp(first)}\\b`, 'u') : undefined;
}

/** Of a person, asking for a title, job, role or position asks who they are. */
const PERSON_DEFINITION_WORDS = new Set([...DEFINITION_WORDS, 'titl', 'job', 'role', 'posit', 'offic', 'rank']);
/** "Who leads / heads / runs X?" asks who X is when X names a person's office. */
const ROLE_WORDS = new Set(['lead', 'head', 'run', 'chair', 'presid', 'charg', 'boss', 'exactli', 'realli']);

/** Share of the question's entities a passage must hold (in its sentence or paragraph) to give a date, place or amount. */
const MIN_SUBJECT_FIT = 0.6;
/** Share of the question's other words a passage must cover to give a date or place. */
const MIN_EVENT_COVERAGE = 0.5;
/** A fitting sentence within this share of the best one's score is preferred to it. */
const PREFER_FIT_RATIO = 0.9;
/** A counted noun in at most this many passages is specific enough to find its count without the subject. */
const RARE_COUNTED_NOUN = 3;

/** Least coverage for a count of the very noun a "how many" question counts. */
const MIN_COUNTED_COVERAGE = 0.25;

/** What a "how many" question counts, as search stems of the two words after it: "how many ships docked" -> ship, dock. */
function countedNouns(text: string): string[] {
  const m = /\bhow many\s+([\p{L}-]+(?:\s+[\p{L}-]+)?)/iu.exec(text);
  return m ? terms(m[1]!) : [];
}

/** Least coverage of the question for a figure to answer it. */
const MIN_FIGURE_COVERAGE = 0.5;


