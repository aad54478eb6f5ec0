/**
 * Features of a proposal, for the learned ranking: what the question is
 * (its type, the words the corpus lacks), how well the proposal's evidence
 * covers it (exactly, by stem, through stand-ins, by similar words; names
 * and numbers exactly; in the sentence, its paragraph, its neighbour), whether
 * it holds the kind of fact asked for, how the retrievers ranked it, and
 * the signals of its kind. Every former gate of the engine is one of these,
 * weighed by the model instead of deciding alone.
 */
import { PROPOSAL_KINDS, PROPOSAL_SIGNALS, type Proposal } from '../generate/proposal.js';
import type { Candidate } from '../generate/measure.js';
import { FIGURE_TYPES } from '../generate/measure.js';
import { asksHandle, mustFit, NAMES_WANTED, needsFit } from '../generate/type-fit.js';
import { askedFigure } from '../generate/sentence-figures.js';
import { NAME_ASKED, namesAnother } from '../generate/names.js';
import { passageAt, stemsOf, type Knowledge, type Passage } from '../knowledge/knowledge.js';
import { passageText } from '../knowledge/passage-text.js';
import { STOPWORDS, terms, tokenize } from '../text/analyze.js';
import { CALENDAR_WORD, escapeRegExp } from '../text/wording.js';
import type { AnalyzedQuestion, QuestionType } from '../understand/question.js';
import { MISSING_THRESHOLD } from '../understand/question.js';

/**
 * Question-level features read off all the proposals at once: the best any
 * of them does on a measure (the most coverage, the fewest uncovered telling
 * words, whether any holds the kind of fact asked or every subject). They say
 * how answerable the question is, whichever proposal answers.
 */
const AGGREGATES: readonly (readonly [string, string, 'max' | 'min'])[] = [
  ['cov', 'q_best_cov', 'max'],
  ['exact_cov', 'q_best_exact', 'max'],
  ['similar_cov', 'q_best_similar', 'max'],
  ['uncovered', 'q_least_uncovered', 'min'],
  ['uncovered_named', 'q_least_uncovered_named', 'min'],
  ['type_fit', 'q_any_type_fit', 'max'],
  ['every_subject', 'q_any_every_subject', 'max'],
  ['subject_held', 'q_any_subject_held', 'max'],
  ['new_fact', 'q_any_new_fact', 'max'],
  ['hand', 'q_best_hand', 'max'],
];

const QUESTION_TYPES: readonly QuestionType[] = ['how_much', 'how_many', 'how_long', 'when', 'where', 'who', 'why', 'yes_no', 'compare', 'total', 'what', 'keywords'];
const FIT_TYPES: readonly QuestionType[] = ['how_much', 'how_many', 'how_long', 'when', 'where', 'who', 'why'];

/** The features, in the model's order. */
export const FEATURE_NAMES: readonly string[] = [
  'bias',
  // The question.
  'q_unknown',
  'q_unknown_name',
  'q_missing',
  'q_unseen_event',
  'q_nothing',
  'q_conversion',
  'q_content',
  'q_money',
  // What the best proposals hold, over all of them: whether anything found holds the subject, the kind of fact asked, the telling words.
  ...AGGREGATES.map(([, name]) => name),
  // How far each proposal is from the best on a measure (0 for the best): rank among the question's own proposals.
  ...AGGREGATES.map(([from]) => `gap_${from}`),
  ...QUESTION_TYPES.map((t) => `q_${t}`),
  // The evidence.
  'no_evidence',
  'cov',
  'word_cov',
  'entity_fit',
  'names_held',
  'every_subject',
  'type_fit',
  'fit_needed_missing',
  'fit_required_missing',
  ...FIT_TYPES.map((t) => `fit_${t}`),
  'subject_held',
  'event_held',
  'names_another',
  'hand',
  'hand_rank',
  'search',
  'fused',
  'r_question',
  'r_plain',
  'r_entity',
  'r_similar',
  'r_neighbour',
  'exact_cov',
  'bigram',
  'novel',
  'uncovered',
  'uncovered_named',
  'para_cov',
  'prev_cov',
  'title_cov',
  'similar_cov',
  'density',
  'new_fact',
  'number_missing',
  'same_amount',
  'len',
  'short',
  'question_mark',
  'boilerplate',
  'signature',
  'pronoun_led',
  'after_question',
  'heading',
  'first_sentence',
  // Figures.
  'fig_fit',
  'fig_headline',
  'fig_what_cov',
  'fig_near',
  'fig_subject',
  'money_unasked',
  ...[...FIGURE_TYPES].map((t) => `fig_${t}`),
  // The kind of proposal (a sentence is the base) and its signals.
  ...PROPOSAL_KINDS.filter((kind) => kind !== 'sentence').map((kind) => `k_${kind}`),
  ...PROPOSAL_SIGNALS.map((s) => `s_${s}`),
];

const INDEX = new Map(FEATURE_NAMES.map((name, i) => [name, i]));

/** What features need of the question, worked out once for all its proposals. */
export interface QuestionFeatures {
  q: AnalyzedQuestion;
  /** Question-level features, by index. */
  base: Map<number, number>;
  /** Content words as typed (folded), with their weights. */
  tokens: { token: string; weight: number }[];
  tokenWeight: number;
  /** Content stems (not entity names), with weights and informativeness. */
  stems: { stem: string; weight: number; informative: number; named: boolean; expansions: readonly string[] }[];
  stemWeight: number;
  informativeWeight: number;
  /** Adjacent content stems of the question. */
  bigrams: string[];
  /** Stems of the whole question, for what a sentence adds. */
  all: Set<string>;
  nameAsked: boolean;
  fitRequired: boolean;
  /** Numbers and years written in the question, as tokens. */
  numbers: string[];
  /** Every token of the question, and its content stems as a set. */
  askedTokens: Set<string>;
  stemSet: Set<string>;
  /** Similar-meaning coverage of a passage's words, when word vectors are loaded. */
  similar?: (q: QuestionFeatures, p: Passage) => number;
}

/** Share of the question's entities a passage must hold (in its sentence or paragraph) to give a date, place or amount. */
const MIN_SUBJECT_FIT = 0.6;
/** Share of the question's other words a passage must cover to give a date or place. */
const MIN_EVENT_COVERAGE = 0.5;

const CONVERSION = /\bin\s+(euros?|dollars?|pounds?|yen|yuan)\b/i;
const currencyOf = (word: string) => (/^euro/i.test(word) ? 'EUR' : /^dollar/i.test(word) ? 'USD' : /^pound/i.test(word) ? 'GBP' : word.toUpperCase());

/** "How much is the $112bn in euros?": an amount asked in a currency other than its own. */
export function asksConversion(q: AnalyzedQuestion, k: Knowledge): string | undefined {
  const conversion = CONVERSION.exec(q.text);
  if (!conversion) return undefined;
  const currencyOfAmount = (a: { value: number; currency?: string }) => a.currency ?? k.figures.find((f) => f.figure.amount !== undefined && Math.abs(f.figure.amount - a.value) <= 0.01 * a.value)?.figure.currency;
  return q.amounts.some((a) => currencyOfAmount(a) !== undefined && currencyOfAmount(a) !== currencyOf(conversion[1]!)) ? conversion[1]!.toLowerCase() : undefined;
}

export function questionFeatures(q: AnalyzedQuestion, k: Knowledge, similar?: QuestionFeatures['similar']): QuestionFeatures {
  const base = new Map<number, number>();
  const set = (name: string, value: number) => {
    if (value !== 0) base.set(INDEX.get(name)!, value);
  };
  set('bias', 1);
  set('q_unknown', Math.min(3, q.unknown.length) / 3);
  set('q_missing', Math.min(3, q.missing.length) / 3);
  // A name the corpus never uses ("Japan", "Nvidia"), told apart from an unknown everyday word (slang, a paraphrase).
  // (A weekday or month is a date put forward, not a name: "was it on Monday?" is checked, not refused.)
  set('q_unknown_name', Math.min(2, q.terms.filter((t) => !t.known && !t.inEntity && (t.named || t.capitalised) && !CALENDAR_WORD.test(t.word)).length) / 2);
  const unseen = (q.type === 'when' || q.type === 'who') && q.terms.some((t) => !t.known && !k.lexicon.isFrame(t.stem) && (t.informative >= MISSING_THRESHOLD || (q.type === 'who' && t.phrasing && t.informative > 0)));
  set('q_unseen_event', unseen ? 1 : 0);
  const knownContent = q.terms.filter((t) => t.known && !k.lexicon.isFrame(t.stem));
  set('q_nothing', !knownContent.length && q.entities.length === 0 && q.amounts.length === 0 ? 1 : 0);
  set('q_conversion', asksConversion(q, k) ? 1 : 0);
  set('q_content', Math.min(1, knownContent.length / 6));
  set('q_money', MONEY_ASKED.test(q.text) || q.amounts.length > 0 ? 1 : 0);
  set(`q_${q.type}`, 1);

  const content = q.terms.filter((t) => !t.inEntity && !k.lexicon.isFrame(t.stem));
  // A word carried over from the question before ("how much" of "…and the US?") counts for less than the new subject.
  const carried = (t: { carried?: boolean }) => (t.carried ? CARRIED_SHARE : 1);
  const stems = content.map((t) => ({
    stem: t.stem,
    weight: (k.vocabulary.has(t.stem) ? k.weight(t.stem) : k.weight('\u0000unseen')) * carried(t),
    informative: t.informative * carried(t),
    named: Boolean(t.named || t.capitalised),
    expansions: k.lexicon.expand(t.stem),
  }));
  const tokens = [...new Set(tokenize(q.text).filter((w) => !STOPWORDS.has(w) && w.length > 1))].map((token) => ({ token, weight: k.weight(terms(token)[0] ?? token) }));
  const ordered = terms(q.text).filter((s) => stems.some((x) => x.stem === s) || q.entities.length > 0);
  const bigrams: string[] = [];
  for (let i = 1; i < ordered.length; i++) bigrams.push(`${ordered[i - 1]} ${ordered[i]}`);
  return {
    q,
    base,
    tokens,
    tokenWeight: tokens.reduce((n, t) => n + t.weight, 0),
    stems,
    stemWeight: stems.reduce((n, s) => n + s.weight, 0),
    informativeWeight: stems.reduce((n, s) => n + s.informative, 0),
    bigrams,
    all: new Set(terms(q.text)),
    nameAsked: NAME_ASKED.test(q.text),
    numbers: [...new Set(tokenize(q.text).filter((t) => /^\d/.test(t)))],
    askedTokens: new Set(tokenize(q.text)),
    stemSet: new Set(stems.map((st) => st.stem)),
    fitRequired: mustFit(q.type) || (q.type === 'who' && NAMES_WANTED.test(q.text)) || asksHandle(q),
    ...(similar ? { similar } : {}),
  };
}

/** Share of its weight a word keeps when carried over from an earlier question (as in the hand-weighted measures). */
const CARRIED_SHARE = 0.3;

/** Words that ask about money, not some other quantity ("how much power"). */
const MONEY_ASKED = /[€$£]|\b(?:money|cost|costs|costing|budget|price|prices|priced|fund|funds|funding|funded|invest\w*|pay|paid|paying|spend\w*|spent|worth|euros?|dollars?|pounds?|cash|financ\w*|fee|fees|salary|revenue|grant|grants|loan|capital|valu\w*|afford|cheap|expensive|bill)\b/i;

const PRONOUN_LED = /^(?:It|They|This|These|He|She|Its|Their|That|Those|We|Our)\b/;

/** The index of a feature named by a prefix and a kind or signal ("k_" + "claim"), without building the name each time. */
const PREFIXED = new Map<string, Map<string, number>>();
function prefixed(prefix: string, name: string): number {
  let names = PREFIXED.get(prefix);
  if (!names) PREFIXED.set(prefix, (names = new Map()));
  let i = names.get(name);
  if (i === undefined) {
    i = INDEX.get(prefix + name);
    if (i === undefined) throw new Error(`no feature ${prefix}${name}`);
    names.set(name, i);
  }
  return i;
}

const UNCOVERED_NAMED = INDEX.get('uncovered_named')!;

/** The names a question gives that the corpus never uses, each as a whole-word pattern. */
function unknownNamesOf(q: AnalyzedQuestion): RegExp[] {
  return q.terms.filter((t) => !t.known && !t.inEntity && (t.named || t.capitalised) && !CALENDAR_WORD.test(t.word)).map((t) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(t.word)}(?![\\p{L}\\p{N}])`, 'iu'));
}

/** The features of each proposal, as dense vectors in FEATURE_NAMES order. */
export function proposalFeatures(qf: QuestionFeatures, k: Knowledge, proposals: readonly Proposal[], candidates: readonly Candidate[]): Float64Array[] {
  const handRank = new Map(candidates.map((c, i) => [c, i]));
  // A passage's own features depend on the question and the passage only: several proposals quoting it share them.
  const ofPassage = new Map<Passage, number[]>();
  const unknownNames = unknownNamesOf(qf.q);
  const xs = proposals.map((p) => {
    const x = new Float64Array(FEATURE_NAMES.length);
    for (const [i, v] of qf.base) x[i] = v;
    const set = (name: string, value: number) => {
      x[INDEX.get(name)!] = value;
    };
    if (p.kind !== 'sentence') x[prefixed('k_', p.kind)] = 1;
    for (const signal in p.signals) x[prefixed('s_', signal)] = p.signals[signal as keyof typeof p.signals] ?? 0;
    const c = p.evidence;
    const passage = c ? (c.passage ?? (c.figure ? passageAt(k, c.figure.doc, c.figure.figure.at.start) : undefined)) : p.passages?.[0];
    if (!c && !passage) {
      set('no_evidence', 1);
      return x;
    }
    if (c) candidateFeatures(qf, k, c, set, handRank.get(c));
    if (passage) {
      let written = ofPassage.get(passage);
      if (!written) {
        const w: number[] = [];
        passageFeatures(qf, k, passage, (name, value) => w.push(INDEX.get(name)!, value));
        ofPassage.set(passage, (written = w));
      }
      for (let i = 0; i < written.length; i += 2) x[written[i]!] = written[i + 1]!;
    }
    // "Was it in Berlin?" -> "No: the sources say Paris, not Berlin.": a claim's answer that names the name the sources lack holds it.
    if (p.kind === 'claim' && unknownNames.length) {
      const held = unknownNames.filter((name) => name.test(p.text)).length;
      x[UNCOVERED_NAMED] = Math.max(0, x[UNCOVERED_NAMED]! - Math.min(2, held) / 2);
    }
    return x;
  });
  // The aggregates go on every proposal: they move the question as a whole towards an answer or none.
  for (const [from, to, how] of AGGREGATES) {
    const i = INDEX.get(from)!;
    const j = INDEX.get(to)!;
    let best = how === 'max' ? 0 : 1;
    for (const x of xs) best = how === 'max' ? Math.max(best, x[i]!) : Math.min(best, x[i]!);
    const gap = INDEX.get(`gap_${from}`)!;
    for (const x of xs) {
      x[j] = best;
      x[gap] = how === 'max' ? best - x[i]! : x[i]! - best;
    }
  }
  return xs;
}

function candidateFeatures(qf: QuestionFeatures, k: Knowledge, c: Candidate, set: (name: string, value: number) => void, rank: number | undefined): void {
  const q = qf.q;
  set('cov', c.coverage);
  set('word_cov', c.wordCoverage);
  set('entity_fit', c.entityFit);
  set('names_held', c.namesHeld ? 1 : 0);
  set('every_subject', c.everySubject ? 1 : 0);
  set('type_fit', c.typeFit ? 1 : 0);
  set('fit_needed_missing', needsFit(q.type) && !c.typeFit ? 1 : 0);
  set('fit_required_missing', qf.fitRequired && !c.typeFit ? 1 : 0);
  if (c.typeFit && FIT_TYPES.includes(q.type)) set(`fit_${q.type}`, 1);
  const needed = q.type === 'how_much' || q.type === 'how_many' ? 1 : MIN_SUBJECT_FIT;
  set('subject_held', !mustFit(q.type) || q.entities.every((e) => e.adjective) || c.entityFit >= needed ? 1 : 0);
  set('event_held', (q.type !== 'when' && q.type !== 'where' && !(q.type === 'who' && NAMES_WANTED.test(q.text))) || c.wordCoverage >= MIN_EVENT_COVERAGE ? 1 : 0);
  if (qf.nameAsked && c.passage) set('names_another', namesAnother(q, c, k) ? 1 : 0);
  set('hand', c.score);
  set('hand_rank', rank === undefined ? 0 : 1 / (1 + rank));
  set('search', c.searchScore);
  set('fused', c.fused * 30);
  const inverse = (r: number) => (r > 0 ? 1 / r : 0);
  set('r_question', inverse(c.ranks.question));
  set('r_plain', inverse(c.ranks.plain));
  set('r_entity', inverse(c.ranks.entity));
  set('r_similar', inverse(c.ranks.similar));
  set('r_neighbour', inverse(c.ranks.neighbour));
}

function passageFeatures(qf: QuestionFeatures, k: Knowledge, p: Passage, set: (name: string, value: number) => void): void {
  const q = qf.q;
  const text = p.sentence.text;
  const stems = stemsOf(p);
  const own = passageText(p);
  const words = own.tokenSet;
  // Exactly as typed (folded): names and numbers written alike.
  let exact = 0;
  for (const t of qf.tokens) if (words.has(t.token)) exact += t.weight;
  set('exact_cov', qf.tokenWeight ? exact / qf.tokenWeight : 0);
  // Word pairs of the question said together.
  if (qf.bigrams.length) {
    const ordered = own.terms;
    const pairs = new Set<string>();
    for (let i = 1; i < ordered.length; i++) pairs.add(`${ordered[i - 1]} ${ordered[i]}`);
    set('bigram', qf.bigrams.filter((b) => pairs.has(b)).length / qf.bigrams.length);
  }
  // What the sentence says beyond the question's own words: an answer adds something.
  let fresh = 0;
  for (const s of stems) if (!qf.all.has(s)) fresh++;
  set('novel', stems.size ? fresh / stems.size : 0);
  // Telling words of the question that neither the sentence nor its paragraph holds, by any of their forms.
  const paragraph = paragraphStems(k, p);
  const previous = k.passages[p.id - 1];
  const previousStems = previous && previous.doc === p.doc ? stemsOf(previous) : undefined;
  let uncovered = 0;
  let uncoveredNamed = 0;
  let inParagraph = 0;
  let inPrevious = 0;
  let inTitle = 0;
  const title = titleStems(p);
  for (const s of qf.stems) {
    const held = (set: ReadonlySet<string>) => set.has(s.stem) || s.expansions.some((x) => set.has(x));
    const here = held(stems);
    const around = held(paragraph);
    if (!here && !around) {
      uncovered += s.informative;
      if (s.named) uncoveredNamed++;
    }
    if (around) inParagraph += s.weight;
    if (previousStems && held(previousStems)) inPrevious += s.weight;
    if (held(title)) inTitle += s.weight;
  }
  set('uncovered', qf.informativeWeight ? uncovered / qf.informativeWeight : 0);
  set('uncovered_named', Math.min(2, uncoveredNamed) / 2);
  set('para_cov', qf.stemWeight ? inParagraph / qf.stemWeight : 0);
  set('prev_cov', qf.stemWeight ? inPrevious / qf.stemWeight : 0);
  set('title_cov', qf.stemWeight ? inTitle / qf.stemWeight : 0);
  if (qf.similar) set('similar_cov', qf.similar(qf, p));
  set('density', density(qf, own.terms));
  // The figure of the kind asked that the sentence states, and how well its own description fits the question.
  const figure = askedFigure(q, k, p, qf.stems);
  if (figure) {
    const f = figure.figure;
    set('fig_fit', 1);
    set('fig_headline', f.headline ? 1 : 0);
    set('fig_what_cov', figure.described);
    set('fig_near', figure.near);
    set('fig_subject', figure.subject);
    if (FIGURE_TYPES.has(q.type)) set(`fig_${q.type}`, 1);
    if (f.figure.kind === 'money' && !MONEY_ASKED.test(q.text) && q.amounts.length === 0) set('money_unasked', 1);
    if (q.amounts.some((a) => a.value === f.figure.amount)) set('same_amount', 1);
  }
  // A number or year the question states that neither the sentence nor its paragraph has ("in 1850" beside "in 1845").
  if (qf.numbers.length) {
    const around = paragraphTokens(k, p);
    set('number_missing', qf.numbers.filter((n) => !around.has(n)).length / qf.numbers.length);
  }
  set('new_fact', newFact(qf, k, p) ? 1 : 0);
  if (q.amounts.length && p.money.some((m) => q.amounts.some((a) => Math.abs(a.value - m.value) <= 0.01 * a.value))) set('same_amount', 1);
  set('len', Math.log1p(text.length) / 6);
  set('short', text.length < 30 ? 1 : 0);
  set('question_mark', /\?["”’)]*\s*$/.test(text) ? 1 : 0);
  set('boilerplate', p.boilerplate ? 1 : 0);
  set('signature', p.signature ? 1 : 0);
  set('pronoun_led', PRONOUN_LED.test(text) ? 1 : 0);
  // An answer in a transcript or FAQ follows the question put to it.
  if (previous && previous.doc === p.doc && /\?["”’)]*\s*$/.test(previous.sentence.text)) set('after_question', 1);
  set('heading', !/[.!?:;"”’)]\s*$/.test(text) && text.length < 100 ? 1 : 0);
  set('first_sentence', k.firstPassage.get(p.doc) === p.id ? 1 : 0);
}

/** How close together the question's words stand in the sentence: distinct words matched over the span they take. */
function density(qf: QuestionFeatures, ordered: readonly string[]): number {
  const wanted = qf.stemSet;
  if (wanted.size < 2) return 0;
  let first = -1;
  let last = -1;
  const found = new Set<string>();
  ordered.forEach((t, i) => {
    if (!wanted.has(t)) return;
    if (first < 0) first = i;
    last = i;
    found.add(t);
  });
  return found.size < 2 ? 0 : found.size / (last - first + 1);
}

const NUMBER_TOKEN = /^\d|^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen)/;
const TIME_TOKEN = /^(?:1[5-9]\d\d|20\d\d|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer|autumn|winter|today|yesterday|tomorrow)$/;

/**
 * Whether the sentence holds a fact of the kind asked that the question does
 * not already say: a number for how much or how many, a date for when, a
 * name of a person or body for who, a place for where.
 */
function newFact(qf: QuestionFeatures, k: Knowledge, p: Passage): boolean {
  const q = qf.q;
  const asked = qf.askedTokens;
  const fresh = passageText(p).tokens.filter((t) => !asked.has(t));
  switch (q.type) {
    case 'how_much':
    case 'how_many':
    case 'how_long':
    case 'compare':
    case 'total':
      return fresh.some((t) => NUMBER_TOKEN.test(t));
    case 'when':
      return fresh.some((t) => TIME_TOKEN.test(t));
    case 'who': {
      const named = new Set(q.entities.map((e) => e.entity.id));
      return [...p.entities, ...(p.speaker ? [p.speaker] : [])].some((id) => !named.has(id) && ['person', 'organisation', 'group'].includes(k.matcher.get(id)?.kind ?? '')) || /\b\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u.test(p.sentence.text.slice(1));
    }
    case 'where': {
      const named = new Set(q.entities.map((e) => e.entity.id));
      return [...p.places].some((id) => !named.has(id)) || p.venue;
    }
    default:
      return fresh.length > 0;
  }
}

const paragraphTokenCache = new WeakMap<Passage, Set<string>>();

/** Tokens of every sentence of a passage's paragraph. */
function paragraphTokens(k: Knowledge, p: Passage): Set<string> {
  let tokens = paragraphTokenCache.get(p);
  if (!tokens) {
    const doc = p.doc;
    const paragraph = doc.paragraphs.find((x) => x.number === p.sentence.paragraph);
    tokens = new Set(tokenize(paragraph ? doc.body.slice(paragraph.start, paragraph.end) : p.sentence.text));
    paragraphTokenCache.set(p, tokens);
  }
  return tokens;
}

const paragraphCache = new WeakMap<Passage, Set<string>>();

/** Stems of every sentence of a passage's paragraph. */
function paragraphStems(k: Knowledge, p: Passage): Set<string> {
  let stems = paragraphCache.get(p);
  if (!stems) {
    stems = new Set(stemsOf(p));
    for (let i = p.id - 1; i >= 0 && k.passages[i]!.doc === p.doc && k.passages[i]!.sentence.paragraph === p.sentence.paragraph; i--) for (const s of stemsOf(k.passages[i]!)) stems.add(s);
    for (let i = p.id + 1; i < k.passages.length && k.passages[i]!.doc === p.doc && k.passages[i]!.sentence.paragraph === p.sentence.paragraph; i++) for (const s of stemsOf(k.passages[i]!)) stems.add(s);
    paragraphCache.set(p, stems);
  }
  return stems;
}

const titleCache = new WeakMap<object, Set<string>>();

function titleStems(p: Passage): Set<string> {
  let stems = titleCache.get(p.doc);
  if (!stems) titleCache.set(p.doc, (stems = new Set(terms(p.doc.title))));
  return stems;
}
