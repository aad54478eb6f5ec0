/**
 * Measures a candidate passage or figure against an analysed question:
 * coverage of the question's words (rare words weigh more), the entities it
 * is about (in its sentence, its paragraph, as speaker), whether it holds the
 * kind of fact the question asks for (type-fit.ts), and a hand-weighted score
 * of these. The measures are features of the learned ranking (score/), and
 * the special answers (claims, names, handles) pick their evidence by them.
 */
import type { AnalyzedQuestion, QuestionType } from '../understand/question.js';
import { passageAt, stemsOf, type FigureEntry, type Knowledge, type Passage } from '../knowledge/knowledge.js';
import { escapeRegExp } from '../text/wording.js';
import { figureFits, needsFit, passageFits } from './type-fit.js';
import { occasionPassages, SPEAKING, type SpokenOf } from './occasion.js';

/** Rank (from 1) of a candidate in each retriever's list; 0 when that retriever did not find it. */
export interface RetrieverRanks {
  /** The question's own words and entities, misspellings mapped, with their stand-ins. */
  question: number;
  /** Every word of the question as typed, as a plain search would take it. */
  plain: number;
  /** The entities the question names, alone. */
  entity: number;
  /** Words of similar meaning (word vectors) to the question's words the corpus lacks. */
  similar: number;
  /** The sentence before or after a top candidate: "It opened in 1932." */
  neighbour: number;
}

/** Types whose answer is a figure when one fits. */
export const FIGURE_TYPES: ReadonlySet<QuestionType> = new Set(['how_much', 'how_many', 'how_long', 'when', 'compare', 'total']);

export const NO_RANKS: RetrieverRanks = { question: 0, plain: 0, entity: 0, similar: 0, neighbour: 0 };

export interface Candidate {
  kind: 'sentence' | 'figure';
  passage?: Passage;
  figure?: FigureEntry;
  searchScore: number;
  /** Share of the question's words (and entities) the candidate covers, 0..1. */
  coverage: number;
  /** Share of the question's entities the candidate is about, 0..1 (1 when it names none). */
  entityFit: number;
  /** Share (by weight) of the question's words other than entities that the candidate covers; 1 when there are none. */
  wordCoverage: number;
  /** Holds the kind of fact the question asks for. */
  typeFit: boolean;
  /** Holds every name the question writes ("Germany"). */
  namesHeld: boolean;
  /** Names every subject of a question that has several (in the sentence, its paragraph, or as speaker), and covers its topic. */
  everySubject: boolean;
  /** The hand-weighted score of these measures: one feature of the learned ranking, and the order special answers pick evidence in. */
  score: number;
  /** How the retrievers ranked it: reciprocal-rank fusion over them, and each one's rank (from 1; 0 when it did not find it). */
  fused: number;
  ranks: RetrieverRanks;
  /** Its place (from 1) in the pool the retrievers' lists were fused into; 0 when brought in otherwise. */
  pool: number;
  /** Why it scored so; empty unless asked for. */
  reasons: string[];
}

/**
 * Words that name the kind of answer wanted ("which city", "what date"): the
 * type check stands for them, so they do not count against coverage.
 */
const TYPE_WORDS: Partial<Record<QuestionType, ReadonlySet<string>>> = {
  where: new Set(['citi', 'countri', 'place', 'locat', 'venu', 'town', 'held', 'hold', 'host', 'take']),
  when: new Set(['date', 'dai', 'time', 'month', 'year', 'week', 'happen', 'take', 'place']),
  who: new Set(['person', 'peopl', 'compani', 'organ', 'organiz', 'offici', 'leader', 'name']),
  how_much: new Set(['amount', 'monei', 'cost', 'size', 'valu', 'worth', 'budget', 'much', 'big', 'larg', 'total', 'fund', 'figur', 'number']),
  how_many: new Set(['number', 'count', 'mani']),
  how_long: new Set(['long', 'durat', 'period', 'timefram', 'year']),
  why: new Set(['reason', 'purpos', 'use', 'point']),
};

/** What judging needs from the question, worked out once rather than for every candidate. */
export interface QuestionView {
  words: { stem: string; weight: number; expansions: readonly string[]; topic: boolean; name: boolean; word: string }[];
  wordWeight: number;
  entities: { id: string; weight: number; definite?: RegExp }[];
  entityWeight: number;
  asksForWords: boolean;
  /** Subjects with two or more named: the specific ones must all be there. */
  specific: string[];
  several: boolean;
  /** "What did X say…": those X. */
  speakers: string[];
  /** Subjects a person the question names speaks of: held where that person speaks (occasion.ts). */
  spoken: Map<string, SpokenOf>;
  /** The passages introducing that speaking, before the person's words on the subject. */
  occasions: Set<Passage>;
  topicStart: number;
  hasTopic: boolean;
  reasons: boolean;
}

export function viewOf(q: AnalyzedQuestion, k: Knowledge, spoken: Map<string, SpokenOf>, reasons: boolean): QuestionView {
  // Coverage of the question's content words and entities, each weighted by
  // how rare it is in the corpus: "monopoly" tells passages apart, "EU" hardly.
  const typeWords = TYPE_WORDS[q.type];
  // Words that only frame a question count for nothing, unless the question has no other words nor
  // names ("was the article updated?"): then they are what it asks about, as the search takes them.
  const framingOnly = q.entities.length === 0 && q.terms.every((t) => k.lexicon.isFrame(t.stem) || !t.known);
  // Asking the occasion of someone's words ("the bridge pitch"), the word for the speaking is what the speaker's presence stands for.
  const occasionWord = (t: { word: string }) => spoken.size > 0 && SPEAKING.test(t.word);
  const words = q.terms
    .filter((t) => !t.inEntity && (framingOnly || !k.lexicon.isFrame(t.stem)) && !typeWords?.has(t.stem) && !occasionWord(t))
    .map((t) => ({ stem: t.stem, weight: termWeight(t, k) * (t.carried ? CARRIED_WEIGHT : 1), expansions: k.lexicon.expand(t.stem), topic: Boolean(t.topic && t.known), name: Boolean(t.capitalised && t.known), word: t.word }));
  const entities = [...new Set(q.entities.map((e) => e.entity.id))].map((id) => {
    // "the European gigafactories": an adjective only qualifies the subject.
    const onlyAdjective = q.entities.every((e) => e.entity.id !== id || e.adjective);
    // "the Lumen bridge": a passage saying "the bridge" just after naming Lumen is about it.
    const mention = q.entities.find((e) => e.entity.id === id);
    const head = mention ? /^\s+([\p{L}-]{3,})/u.exec(q.text.slice(mention.end))?.[1]?.toLowerCase() : undefined;
    const definite = head && !STOP_HEADS.has(head) ? new RegExp(`\\b(?:the|this|that|its)\\s+${head.replace(/[^\p{L}-]/gu, '')}\\b`, 'iu') : undefined;
    return { id, weight: k.weight(id) * (onlyAdjective ? ADJECTIVE_WEIGHT : ENTITY_WEIGHT), definite };
  });
  const asksForWords = SPEECH_QUESTION.test(q.text);
  // With two subjects or more ("what did Macron say about gigafactories"), each must be there, at least in the paragraph.
  // (Subjects the corpus talks about everywhere, such as the EU in an EU article, go without saying.)
  const subjects = [...new Set(q.entities.filter((e) => !e.adjective).map((e) => e.entity.id))];
  return {
    words,
    wordWeight: words.reduce((n, w) => n + w.weight, 0),
    entities,
    entityWeight: entities.reduce((n, e) => n + e.weight, 0),
    asksForWords,
    specific: subjects.filter((id) => k.frequency(id) <= SPECIFIC_SHARE * k.passages.length),
    several: subjects.length >= 2,
    speakers: asksForWords ? subjects.filter((id) => ['person', 'organisation', 'group'].includes(k.matcher.get(id)?.kind ?? '')) : [],
    spoken,
    occasions: new Set([...spoken.values()].flatMap((s) => occasionPassages(k, s, () => true))),
    topicStart: topicStartOf(q),
    hasTopic: words.some((w) => w.topic),
    reasons,
  };
}

export function judge(q: AnalyzedQuestion, k: Knowledge, v: QuestionView, c: { passage?: Passage; figure?: FigureEntry; searchScore: number; fused: number; ranks: RetrieverRanks; pool: number }): Candidate {
  const stems = c.passage ? stemsOf(c.passage) : c.figure!.stems;
  const direct = c.passage?.entities ?? c.figure!.entities;
  // A figure's sentence sits in a paragraph too: "The company employs 2,300 people" is about the company named before.
  const holder = c.passage ?? passageAt(k, c.figure!.doc, c.figure!.figure.at.start);
  // "It follows a memorandum…" opening a paragraph goes on about what the paragraph before named.
  const pronounLed = holder !== undefined && PRONOUN_LED.test(holder.sentence.text);
  const context = pronounLed ? new Set([...holder!.context, ...holder!.nearby]) : (holder?.context ?? NO_ENTITIES);
  const speaker = holder?.speaker;
  // Reasons are only written down when someone will read them (explain): answering skips the strings.
  const reasons: string[] | undefined = v.reasons ? [] : undefined;
  const holds = (w: QuestionView['words'][number]) => (stems.has(w.stem) ? 1 : w.expansions.some((s) => stems.has(s)) ? 0.7 : 0);

  let covered = 0;
  let topicHeld = !v.hasTopic;
  // A name the question writes ("Germany") must be there: another country's figure is no answer.
  let namesHeld = true;
  for (const w of v.words) {
    let h = holds(w);
    // A name just before ("The Lumen bridge opened… The bridge cost…") counts as a named entity in the paragraph does.
    if (w.name && h === 0) {
      if (nameNearby(w.word, holder)) h = CONTEXT_CREDIT;
      else namesHeld = false;
    }
    covered += h * w.weight;
    if (w.stem === q.head && !stems.has(w.stem)) namesHeld = false;
    // "…say about Y": Y (its words or their stand-ins) must be there.
    if (w.topic && h > 0) topicHeld = true;
  }
  // "What day was X's speech about Y?": where the document has X speak of Y, X speaking stands for both.
  const doc = c.passage?.doc ?? c.figure!.doc;
  const spokenOf = (id: string) => {
    const s = v.spoken.get(id);
    return s !== undefined && s.documents.has(doc.id) && (direct.has(s.speaker) || speaker === s.speaker);
  };
  let entityScore = 0;
  let entityHits = 0;
  for (const { id, weight, definite } of v.entities) {
    // "What did the mayor say…": her own words count as much as her name.
    const saidBy = v.asksForWords && speaker === id;
    const near = context.has(id) || speaker === id || c.passage?.nearby.has(id);
    const referred = near && definite !== undefined && holder !== undefined && definite.test(holder.sentence.text);
    // Introducing the speaking of it, a sentence is about the subject spoken of as much as one naming it.
    const introduced = spokenOf(id) && c.passage !== undefined && v.occasions.has(c.passage);
    const hit = direct.has(id) || saidBy || referred || introduced ? 1 : context.has(id) || speaker === id || spokenOf(id) ? 0.6 : c.passage?.nearby.has(id) ? 0.4 : 0;
    entityScore += hit * weight;
    entityHits += hit;
  }
  const wordWeight = v.wordWeight;
  const total = wordWeight + v.entityWeight;
  const coverage = total === 0 ? 0 : (covered + entityScore) / total;
  const entityFit = v.entities.length === 0 ? 1 : entityHits / v.entities.length;
  const wordCoverage = wordWeight === 0 ? 1 : covered / wordWeight;
  // A quotation runs on: a speaker's words may be about what the paragraph before named.
  const quotedOn = (id: string) => speaker !== undefined && c.passage?.nearby.has(id) === true;
  if (!topicHeld) topicHeld = q.entities.some((e) => e.start >= v.topicStart && (direct.has(e.entity.id) || context.has(e.entity.id) || quotedOn(e.entity.id)));
  // "What did X say…": X must speak or be named in the sentence itself.
  const everySubject =
    (!v.several || v.specific.every((id) => direct.has(id) || context.has(id) || speaker === id || quotedOn(id) || spokenOf(id))) &&
    v.speakers.every((id) => direct.has(id) || speaker === id || !c.passage) &&
    topicHeld &&
    namesHeld;
  const entityIds = v.entities;
  if (covered) reasons?.push(`words ${covered.toFixed(1)}/${wordWeight.toFixed(1)}`);
  if (entityIds.length) reasons?.push(`entities ${entityHits.toFixed(1)}/${entityIds.length}`);
  reasons?.push(`coverage ${coverage.toFixed(2)}`);

  const typeFit = c.passage ? passageFits(q, c.passage, k, v.spoken) : figureFits(q, c.figure!);
  if (typeFit) reasons?.push(`fits ${q.type}`);

  // Entities already weigh in through coverage; search score breaks ties between equally covering passages.
  let score = 0.2 * c.searchScore + 0.8 * coverage;
  if (typeFit) score += 0.2;
  else if (needsFit(q.type)) score -= 0.3;
  if (c.passage && c.passage.sentence.text.length < 30) {
    score -= 0.2;
    reasons?.push('fragment');
  }
  // A question asserts nothing ("does the declaration get signed today?").
  if (c.passage && /\?["”’)]*\s*$/.test(c.passage.sentence.text)) {
    score -= QUESTION_PENALTY;
    reasons?.push('a question');
  }
  if (c.passage?.boilerplate) {
    score -= 0.2;
    reasons?.push('boilerplate');
  }
  if (c.passage?.signature && q.type !== 'when') {
    score -= 0.35;
    reasons?.push('signature line');
  }
  if (c.figure) {
    // The figures file lists an entity's headline figure first: it wins a tie.
    if (c.figure.headline) {
      score += 0.1;
      reasons?.push('headline figure');
    }
    if (FIGURE_TYPES.has(q.type) && typeFit) score += 0.15;
    else score -= 0.15;
    if (q.amounts.some((a) => a.value === c.figure!.figure.amount)) {
      score += 0.4;
      reasons?.push('same amount');
    }
  }
  // "the 200 billion euro initiative": a sentence stating the very amount is about the same thing.
  if (c.passage && q.amounts.length && c.passage.money.some((m) => q.amounts.some((a) => Math.abs(a.value - m.value) <= 0.01 * a.value))) {
    score += 0.3;
    reasons?.push('same amount');
  }
  // "Where was her bridge speech?": the sentence introducing her speaking, not a later one naming a venue.
  if (c.passage && v.occasions.has(c.passage)) {
    score += OCCASION_BONUS;
    reasons?.push('introduces the speaking');
  }
  // Between equals, the sentence that names more (entities, amounts) says more.
  if (c.passage) score += 0.002 * Math.min(3, c.passage.entities.size + c.passage.money.length);
  if (!everySubject) {
    score -= 0.5;
    reasons?.push('misses a subject');
  }
  return { kind: c.passage ? 'sentence' : 'figure', passage: c.passage, figure: c.figure, searchScore: c.searchScore, coverage, entityFit, wordCoverage, typeFit, everySubject, namesHeld, score, fused: c.fused, ranks: c.ranks, pool: c.pool, reasons: reasons ?? [] };
}

/** Words after a name that are not its head noun ("InvestAI is…", "Stargate and…"). */
const STOP_HEADS = new Set(['and', 'the', 'for', 'was', 'were', 'are', 'has', 'have', 'had', 'will', 'would', 'did', 'does', 'with', 'from', 'that', 'this', 'about', 'announce', 'announced', 'say', 'said', 'itself', 'own']);

const PRONOUN_LED = /^(?:It|They|This|These|He|She|Its|Their)\b/;

/** What a sentence that is itself a question loses: it is seldom the answer. */
const QUESTION_PENALTY = 0.3;

/** What introducing the speaking a question asks the occasion of adds to a passage's score. */
const OCCASION_BONUS = 0.25;

/** Credit for what a passage's context holds rather than the passage itself. */
const CONTEXT_CREDIT = 0.6;

/** How far back a name may stand and still be what "the bridge" or "it" refers to. */
const NAME_WINDOW = 600;

/** Whether a name stands in the document's title or shortly before the passage ("The Lumen bridge opened… The bridge cost…"). */
function nameNearby(word: string, p: Passage | undefined): boolean {
  if (!p) return false;
  const re = new RegExp(`\\b${escapeRegExp(word)}\\b`, 'i');
  return re.test(p.doc.title) || re.test(p.doc.body.slice(Math.max(0, p.sentence.start - NAME_WINDOW), p.sentence.end));
}

/**
 * How much a question word counts: its rarity in the corpus; for a word the
 * corpus only has through the lexicon, the rarity of its best stand-in.
 */
function termWeight(t: { stem: string; known: boolean; informative: number; paraphrase?: boolean; phrasing: boolean }, k: Knowledge): number {
  // An unknown word counts against coverage as much as it tells: filler hardly; a telling noun as much as
  // the rarest corpus word, since no passage holds it; an unseen verb or adjective as phrasing.
  if (!t.known) return t.informative * (t.phrasing ? PHRASING_WEIGHT : k.weight(UNSEEN));
  if (k.vocabulary.has(t.stem)) return k.weight(t.stem) * (t.paraphrase ? PARAPHRASE_WEIGHT : 1);
  const standIns = k.lexicon.expand(t.stem).filter((s) => k.vocabulary.has(s));
  return standIns.length ? Math.max(...standIns.map((s) => k.weight(s))) : PHRASING_WEIGHT;
}

/** Entities are what a question is about: they count more than its other words. */
const ENTITY_WEIGHT = 1.5;
const ADJECTIVE_WEIGHT = 0.5;

/** An entity in at most this share of passages is specific: a question naming it with another wants both. */
const SPECIFIC_SHARE = 0.2;

const NO_ENTITIES: ReadonlySet<string> = new Set();

/** Where the topic of a "say about" question starts in its text (Infinity when it has none). */
function topicStartOf(q: AnalyzedQuestion): number {
  const m = /\babout\b/i.exec(q.text);
  return q.terms.some((t) => t.topic) && m ? m.index : Infinity;
}

/** Questions about what someone said: the speaker of a quotation is its subject. */
const SPEECH_QUESTION = /\b(?:say|said|says|tell|told|think|thinks|claim|claims|argue|argues|insist|insists|tweet|tweeted|post|posted|announce|announced)\b/i;

/** Share of its weight a word keeps when carried over from an earlier question. */
const CARRIED_WEIGHT = 0.3;

/** A key no passage holds: its weight is that of the rarest possible word. */
const UNSEEN = '\u0000unseen';

/** Weight of an unseen verb or adjective: it counts against coverage, but less than a rare corpus word. */
const PHRASING_WEIGHT = 1;
/** Share of its weight a word keeps when the corpus has it only as a related word ("woo" for "court"). */
const PARAPHRASE_WEIGHT = 0.6;

