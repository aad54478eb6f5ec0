/**
 * What a question asks: its type, the entities and amounts it names, its
 * search terms with their vocabulary expansions, and the words the corpus
 * has never seen.
 */
import { STOPWORDS, stemWord, tokenize } from '../text/analyze.js';
import { fold } from '../text/normalize.js';
import { findMoney, findMoneyWithElidedScale, type Amount } from '../text/quantities.js';
import { allowedTypos } from '../text/fuzzy.js';
import { canBeNonNoun, canBeNoun, canBeVerb, isEnglishWord } from '../text/word-classes.js';
import { correctEnglish, englishRank, informativeness } from '../text/english.js';
import { dominantClass, idiomSpans, isNameOnly, relatedWords, verbsOfNoun } from '../text/wordnet.js';
import { MAX_FUZZY_WORDS, type EntityMention } from '../knowledge/entities.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { CALENDAR_WORD, escapeRegExp } from '../text/wording.js';

export type QuestionType =
  | 'how_much' // an amount of money
  | 'how_many' // a count
  | 'how_long' // a duration
  | 'when'
  | 'where'
  | 'who'
  | 'why'
  | 'yes_no'
  | 'compare'
  | 'total' // a sum of several amounts
  | 'what' // definitions, descriptions, anything else
  | 'keywords'; // no question form at all: "stargate budget?"

export interface Term {
  stem: string;
  /** The word as the user typed it. */
  word: string;
  /** Known to the corpus (exactly, by a close spelling, or through the lexicon). */
  known: boolean;
  /** Part of an entity's name ("von der leyen"): the entity stands for it. */
  inEntity: boolean;
  /** Unknown, but a verb, adjective or adverb ("hopes", "worth"): phrasing, not a missing subject. */
  phrasing: boolean;
  /** Taken over from an earlier question of the conversation: it counts for less. */
  carried?: boolean;
  /** Names the topic of a "what did X say about …" question: the answer must be about it. */
  topic?: boolean;
  /**
   * How much the word tells what is asked, 0..1: 1 for corpus words and for
   * names; for other words, how rare they are in English ("thing" 0, "GPUs" 1).
   */
  informative: number;
  /** Known only through a related English word (WordNet): it counts for less. */
  paraphrase?: boolean;
  /** Unknown and a name ("Japan", "Nvidia", "GPUs"): a thing the sources would have to name to answer. */
  named?: boolean;
  /** Written capitalised inside the question ("Germany"): a name the answer must hold. */
  capitalised?: boolean;
}

export interface AnalyzedQuestion {
  text: string;
  type: QuestionType;
  entities: EntityMention[];
  /** Amounts written in the question ("$500bn"). */
  amounts: Amount[];
  terms: Term[];
  /** Lexicon expansions of the terms, stems not already among them. */
  expansions: string[];
  /** Names the corpus never uses, as typed, merged into phrases ("Champions League"): the sources cannot answer about them. */
  unknown: string[];
  /** Telling words the corpus never uses, whatever their class ("lunch", "spread"): named when nothing answers. */
  missing: string[];
  /** "it", "they", "that": refers back to an earlier question. */
  hasReference: boolean;
  /** "What is the population of Northport?": the thing asked of the subject, which the answer must name itself. */
  head?: string;
  /** Figures of the previous answer that a follow-up ("how does that compare to X?") builds on. */
  carriedFigures?: string[];
}

export interface AnalyzeOptions {
  /** The question is a statement put up for checking ("X was on Monday, right?"). */
  claim?: boolean;
}

/** An unknown word at least this informative is a subject the sources lack, not phrasing. */
export const MISSING_THRESHOLD = 0.5;
/** Rank in English word frequency (SUBTLEX) a spelling correction may reach: past it, words are too rare to be what someone meant to type. */
const CORRECTION_MAX_RANK = 30_000;

// Question phrasing, matched on the folded question. Compound forms ("how
// much", "which city") count wherever they stand; a bare wh-word counts only
// when it is the question's first (so "what does X mean when…" is a what).
const PLACE_NOUNS = '(?:city|cities|country|countries|place|places|location|locations|venue|venues|town|towns|region|regions)';
const TYPE_RULES: [QuestionType, RegExp][] = [
  ['compare', /\b(?:compare[sd]?|comparison|versus|vs\.?|difference between|differ|(?:bigger|larger|smaller|more|less|higher|lower)(?: \w+){0,4} than|against)\b|\bwhich (?:is|was|one is) (?:bigger|larger|smaller|higher|lower|more|less)\b/],
  ['total', /\b(?:in total|total of|combined|altogether|sum of|add(?:ed)? up|adds up|put together|together with|plus)\b/],
  ['how_long', /\bhow long\b|\bover (?:how many|what) (?:years|period)\b|\b(?:duration|timeframe|time frame|how many years)\b/],
  ['when', /\b(?:what|which) (?:date|day|month|year|time)\b|\bon what\b|\bwhat time\b|^(?:the )?(?:date|day|time) of\b/],
  ['where', new RegExp(`\\b(?:in|at) (?:which|what) ${PLACE_NOUNS}\\b|\\b(?:which|what) ${PLACE_NOUNS}\\b`)],
  ['how_much', /\bhow much\b|\bhow big\b|\bhow large\b|\bhow many (?:billions?|millions?|euros|dollars)\b/],
  // Money words make an amount question unless a when/where/who/why leads ("When will the money be spent?").
  ['how_much', /\b(?:amount|budget|cost|costs|price|size|value|worth|funding|money)\b|\b(?:investment|spending|funding|money) (?:target|goal|total)\b|\boverall (?:target|total|amount|sum)\b/],
  // "How deep / tall / far…?" asks for a measure: a number, like a count.
  ['how_many', /\bhow many\b|\bnumber of\b|\bhow (?:deep|tall|high|far|wide|heavy|old|fast|hot|cold|long is the|many people)\b/],
  ['who', /\b(?:which|what) (?:\w+ )?(?:person|persons|people|company|companies|firms?|organi[sz]ations?|officials?|leaders?|investors?|partners?|members?|players?)\b/],
  ['why', /\bwhat for\b|\bused for\b|\bpurpose of\b|\bpoint of\b|\breason\b|\bin order to\b|\bwhat (?:\w+ )*(?:for)\?*$/],
  ['yes_no', /^(?:is|are|was|were|does|do|did|will|would|can|could|has|have|had|should|shall)\b/],
];
const HEAD_OF = /\b(?:what|which|who)(?:'s|\s+is|\s+are|\s+was|\s+were)\s+(?:the|its|their|his|her)\s+([a-z]+)\s+of\b/;
const CLEFT = /^(?:is|was|were|are)\s+(?:it|that|this)\s+(?:[\w'-]+\s+){1,4}(?:who|that|which)\b/;
const BARE_WH: Record<string, QuestionType> = { when: 'when', where: 'where', who: 'who', whom: 'who', whose: 'who', why: 'why' };
const FIRST_WH = /\b(what|which|who|whom|whose|when|where|why|how)\b/;

// Words after which the next word is used as a noun.
const NOUN_CONTEXT = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'my', 'your', 'its', 'their', 'his', 'her', 'our', 'many', 'much', 'few', 'several', 'any', 'some', 'each', 'every', 'no', 'what', 'which', 'whose', 'of', 'about']);

const DEMONSTRATIVES = new Set(['that', 'this', 'these', 'those']);
const COPULAS = new Set(['is', 'was', 'are', 'were', 'be', 'been', "isn't", "wasn't", 'does', 'did', 'do', 'will', 'would', 'can', 'could']);

// Words after which an unknown word right after a name reads as that name's verb ("InvestAI hopes to…").
const VERB_FOLLOWERS = new Set(['to', 'a', 'an', 'the', 'about', 'for', 'in', 'on', 'with', 'from', 'at', 'by', 'of', 'that', 'it', 'its', 'their', 'this', 'up', 'out', 'into', 'over']);

// Words that open a verb's object ("favour a…", "boost the…"), and modals before a verb ("will boost").
const OBJECT_START = new Set(['a', 'an', 'the', 'this', 'these', 'those', 'its', 'their', 'his', 'our', 'my', 'your']);
const MODALS = new Set(['will', 'would', 'can', 'could', 'should', 'might', 'must', 'may', 'shall', 'cannot', "won't", "wouldn't", "can't", "couldn't", "shouldn't"]);

const REFERENCE_WORDS = new Set(['it', 'its', 'they', 'them', 'their', 'that', 'this', 'those', 'these', 'he', 'she', 'her', 'him', 'his', 'there']);

export function questionType(folded: string, amounts: Amount[], entityCount: number): QuestionType {
  // "Was it the mayor who signed it?": a cleft asks yes or no, whatever wh-word it holds.
  if (CLEFT.test(folded)) return 'yes_no';
  // "Does the council expect tolls to cover it?": a question opening with a verb, with no wh-word in it, asks yes or no.
  if (/^(?:is|are|was|were|does|do|did|will|would|can|could|has|have|had|should)\b/.test(folded) && !FIRST_WH.test(folded) && !/\b(?:or|versus|vs|than|compared?)\b/.test(folded)) return 'yes_no';
  const firstWh = FIRST_WH.exec(folded)?.[1];
  for (const [type, rule] of TYPE_RULES) {
    if (!rule.test(folded)) continue;
    // "total" only when more than one thing is being added; otherwise it asks for an amount.
    if (type === 'total' && entityCount < 2 && !/\bplus\b|\badd(?:ed)? up\b/.test(folded)) continue;
    // "How many … in total?" counts; it adds no amounts.
    if (type === 'total' && /\bhow many\b/.test(folded)) continue;
    if (type === 'compare' && entityCount < 2 && !/\bcompare|\bversus\b|\bvs\b/.test(folded)) continue;
    // A yes/no opening does not win over a wh-question inside it ("Is it known when...").
    if (type === 'yes_no' && firstWh && BARE_WH[firstWh]) break;
    if (type === 'how_much' && !rule.source.includes('how') && firstWh && BARE_WH[firstWh]) continue;
    return type;
  }
  if (firstWh && BARE_WH[firstWh]) return BARE_WH[firstWh]!;
  if (firstWh || /\b(?:describe|explain|tell me|define)\b/.test(folded)) return 'what';
  if (amounts.length > 0) return 'how_much';
  return 'keywords';
}

export function analyzeQuestion(text: string, knowledge: Knowledge, options: AnalyzeOptions = {}): AnalyzedQuestion {
  const folded = fold(text);
  const entities = dedupeEntities(knowledge.matcher.findInQuestion(text, (w) => STOPWORDS.has(w) || knowledge.vocabulary.has(w), MAX_FUZZY_WORDS));
  const amounts = findMoneyWithElidedScale(text);
  const asked = questionType(folded, amounts, new Set(entities.map((e) => e.entity.id)).size);
  // A statement put up for checking asks whether it is so, whatever words it uses.
  const type = options.claim && !['compare', 'total'].includes(asked) ? 'yes_no' : asked;

  const words = text.match(/\p{L}+/gu) ?? [];
  const titleCase = words.length > 2 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length > 0.6;
  const insideEntity = (start: number) => entities.some((e) => start >= e.start && start < e.end);
  const terms: Term[] = [];
  // "What did the mayor say about tolls?": the words after "about" name what the answer must be about.
  const topicMatch = /\b(?:say|said|says|tell|told|think|thinks|claim|claims|tweet|tweeted|post|posted|write|wrote|mention|mentioned)\b.*?\babout\b/i.exec(text);
  const topicStart = topicMatch ? topicMatch.index + topicMatch[0].length : -1;
  const tokenRe = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
  // A word repeated counts once: the work per question stays bounded whatever its text.
  const seen = new Set<string>();
  // So do the words looked up as misspellings of corpus words.
  const fuzzy = { left: MAX_FUZZY_WORDS };
  // Idioms that qualify ("on the table", "at least"): their words are phrasing, whatever the corpus lacks.
  // (Looked up only when the question has a word the corpus lacks: most never do.)
  let idioms: { start: number; end: number }[] | undefined;
  const inIdiom = (at: number) => (idioms ??= idiomSpans(text)).some((sp) => sp.start <= at && at < sp.end);
  for (const m of text.matchAll(tokenRe)) {
    const word = m[0];
    const token = tokenize(word)[0];
    if (!token || STOPWORDS.has(token) || (token.length < 2 && !/\d/.test(token)) || seen.has(token)) continue;
    seen.add(token);
    if (seen.size > MAX_QUESTION_TERMS) break;
    const inEntity = insideEntity(m.index);
    const recognised: Recognised = inEntity ? { known: true, stem: stemWord(token), informative: 1 } : recognise(token, stemWord(token), knowledge, fuzzy);
    const { known, stem } = recognised;
    const before = text.slice(0, m.index).trim().split(/\s+/).pop()?.toLowerCase() ?? '';
    // A capitalised word inside the question is a name, whatever else it could be;
    // a word after "the", "many", "what"... is used as a noun.
    const name = m.index > 0 && !titleCase && /^\p{Lu}/u.test(word);
    // ("a purely public thing": an adverb after "a" is still an adverb.)
    // ("was that paid back": after a verb, "that" is a pronoun, not a determiner.)
    const beforeBefore = text.slice(0, m.index).trim().split(/\s+/).slice(-2, -1)[0]?.toLowerCase() ?? '';
    const pronoun = DEMONSTRATIVES.has(before) && COPULAS.has(beforeBefore);
    // Right after a name ("champions league"), a word not followed by "to", "about"… continues
    // the name: the question is about something else that shares the first word.
    const after = text.slice(m.index + word.length).trim().split(/\s+/)[0]?.toLowerCase().replace(/[^\p{L}]/gu, '') ?? '';
    // ("the shared compute": a participle before a corpus noun qualifies it; it is not the noun.)
    const qualifies = !known && /(?:ed|ing)$/.test(token) && canBeNonNoun(token) && after.length > 2 && !STOPWORDS.has(after) && knowledge.vocabulary.has(stemWord(after));
    const usedAsNoun = NOUN_CONTEXT.has(before.replace(/['’]s$/, '')) && !pronoun && !qualifies && (known || canBeNoun(recognised.corrected ?? token));
    const continuesName =
      !known &&
      entities.some((e) => !e.adjective && e.end <= m.index && /^[\s-]*$/.test(text.slice(e.end, m.index))) &&
      !VERB_FOLLOWERS.has(after) &&
      canBeNoun(token);
    // Word-class look-ups use the word as meant ("acheive" is "achieve").
    const meant = recognised.corrected ?? token;
    // "does the EU favour a closed…", "will it boost the…": before an object, or after a modal, a word is used as a verb,
    // not as the subject the sources would lack. (An everyday one, "use", "run", weighs nothing either way.)
    const usedAsVerb = !known && !usedAsNoun && recognised.informative >= MISSING_THRESHOLD && (OBJECT_START.has(after) || MODALS.has(before)) && canBeVerb(meant);
    // Phrasing is a verb or adjective as people mostly use it ("rate" and "exchange" are mostly nouns),
    // or a verb form ("pooled", "rushing").
    const phrasing =
      (!known && !name && !usedAsNoun && !continuesName && !/\d/.test(token) && canBeNonNoun(meant) && (/(?:ed|ing)$/.test(meant) || usedAsVerb || dominantClass(meant) !== 'noun')) ||
      (!known && !name && inIdiom(m.index));
    const topic = topicStart >= 0 && m.index > topicStart;
    // A capitalised unknown word is a name: as telling as any. A noun used as one ("the lunch") is a topic,
    // unless it is one of the commonest words ("the thing", "the bit"), which say nothing.
    const rank = known ? undefined : englishRank(meant);
    const topicNoun = !known && usedAsNoun && rank !== undefined && rank > FILLER_NOUN_RANK && canBeNoun(meant);
    // Words about the documents themselves ("the author", "the analysis") say nothing about what is asked.
    const documentWord = !known && DOCUMENT_WORDS.has(token);
    const informative = documentWord ? 0 : known || name ? 1 : topicNoun ? Math.max(recognised.informative, MISSING_THRESHOLD) : recognised.informative;
    // A word unknown to the corpus and to English is a name or a term of art ("Nvidia", "GPUs"); so is one English
    // knows only as a name, however it is written ("germany", "berlin"; a weekday is no name the sources lack).
    const named = !known && !phrasing && (name || (rank === undefined && !/\d/.test(token) && !recognised.corrected && !isEnglishWord(token)) || (isNameOnly(token) && !CALENDAR_WORD.test(token)));
    terms.push({ stem, word, known, inEntity, phrasing, informative, ...(topic ? { topic } : {}), ...(recognised.paraphrase ? { paraphrase: true } : {}), ...(named ? { named } : {}), ...(name && !inEntity ? { capitalised: true } : {}) });
  }
  settleAlternatives(text, terms);
  const stems = new Set(terms.map((t) => t.stem));
  const expansions = [...new Set(terms.flatMap((t) => knowledge.lexicon.expand(t.stem)))].filter((s) => !stems.has(s));
  const hasReference = (folded.match(/[a-z']+/g) ?? []).some((w) => REFERENCE_WORDS.has(w));
  // Names and telling nouns the corpus never uses: the sources cannot answer about them.
  const missing = unknownPhrases(text, terms.filter((t) => (t.named || t.informative >= MISSING_THRESHOLD) && !DOCUMENT_WORDS.has(t.word.toLowerCase())), knowledge);
  const unknown = missing;
  // "the X of Y": X is what is asked of Y; a word merely related to X ("money" for "capital") does not answer it.
  const headWord = HEAD_OF.exec(folded)?.[1];
  const headTerm = headWord ? terms.find((t) => t.word.toLowerCase() === headWord && t.known && !t.inEntity && !knowledge.lexicon.isFrame(t.stem)) : undefined;
  return { text, type, entities, amounts, terms, expansions, unknown, missing, hasReference, ...(headTerm ? { head: headTerm.stem } : {}) };
}

/**
 * "Is it closed or collaborative?", "open or closed to small lines?", "a closed
 * or collaborative approach to IP?", "in Paris or in London?": two one-word
 * alternatives ending a question (the second may repeat the first's
 * preposition; before the noun they qualify and a phrase of a preposition).
 */
export const ALTERNATIVES = /\b([\p{L}-]{3,})\s+or\s+(?:(?:in|at|on|to|by|for|from|with)\s+)?([\p{L}-]{3,})(?:\s+[\p{L}-]+)?(?:\s+(?:to|for|in|on|at|by|with|from|of)\b[^?.!]*)?\s*[?.!]*\s*$/iu;

/**
 * "Paris or London?": of two alternatives, one the sources use, the other is
 * an option the answer rules out, not a name the sources lack.
 */
function settleAlternatives(text: string, terms: Term[]): void {
  const offered = ALTERNATIVES.exec(text);
  if (!offered) return;
  const pair = [offered[1]!, offered[2]!].map((word) => terms.find((t) => t.word.toLowerCase() === word.toLowerCase()));
  if (!pair.some((t) => t?.known)) return;
  for (const t of pair) {
    if (!t || t.known) continue;
    delete t.named;
    delete t.capitalised;
  }
}

/**
 * Words about the documents themselves ("a quote", "the title", "the article"):
 * any corpus has what they refer to, whether or not it uses the word.
 */
const DOCUMENT_WORDS: ReadonlySet<string> = new Set([
  'article', 'articles', 'text', 'source', 'sources', 'document', 'documents', 'doc', 'docs', 'quote', 'quotes', 'quotation', 'title', 'titles',
  'headline', 'headlines', 'heading', 'subheading', 'paragraph', 'paragraphs', 'passage', 'line', 'lines', 'sentence', 'word', 'words', 'wording',
  'story', 'piece', 'report', 'page', 'link', 'links', 'citation', 'excerpt', 'summary', 'mention', 'mentions', 'author', 'writer',
  'analysis', 'blog', 'column', 'op-ed', 'editorial', 'interview', 'transcript', 'release', 'notice', 'sheet', 'factsheet', 'brief', 'briefing',
]);

/** A noun at least this rare in English is a topic when used as a noun; commoner ones ("thing", "bit") are filler. */
const FILLER_NOUN_RANK = 600;

/** A word at least this telling may be taken for a related corpus word. */
const PARAPHRASE_MIN_INFORMATIVE = 0.3;

/** Most distinct words of a question looked at: the rest of a very long message adds nothing but cost. */
export const MAX_QUESTION_TERMS = 40;

interface Recognised {
  known: boolean;
  stem: string;
  informative: number;
  paraphrase?: boolean;
  /** The ordinary English word this one is a misspelling of. */
  corrected?: string;
}

/**
 * Whether the corpus knows a word: as written, through the lexicon, as a
 * misspelling of one of its words, or through a related English word. For a
 * misspelling or a related word, `stem` is the corpus's own stem, so the
 * search looks up the word the user meant. An unknown word gets its
 * informativeness in general English.
 */
function recognise(token: string, stem: string, k: Knowledge, fuzzy: { left: number }): Recognised {
  // Numbers and their scales are amounts, checked as amounts, never missing words.
  if (/^\d/.test(token) || /^(?:thousand|million|billion|trillion)s?$/.test(token)) return { known: true, stem, informative: 1 };
  if (k.vocabulary.has(token) || k.vocabulary.has(stem)) return { known: true, stem, informative: 1 };
  if (k.lexicon.isFrame(stem) || k.lexicon.expand(stem).some((s) => k.vocabulary.has(s))) return { known: true, stem, informative: 1 };
  if (token.length < 4) return { known: false, stem, informative: informativeness(token) };
  // A real English word is what the user meant, however close to a corpus word ("lunch", "launch"),
  // but it may be another form of a corpus word ("response", "respond"), or a related word ("woo", "court").
  if (isEnglishWord(token)) return knownThroughEnglish(token, stem, k);
  const near = token.length >= 5 && fuzzy.left-- > 0 ? (k.vocabulary.near(token)[0] ?? (stem !== token ? k.vocabulary.near(stem, allowedTypos(token.length))[0] : undefined)) : undefined;
  if (near) return { known: true, stem: stemWord(near.word), informative: 1 };
  // A misspelt ordinary word ("wether", "acess"): what it would be, correctly spelt.
  // Only to a word in common use: a rare one a letter away ("invidia" for "nvidia") is likelier a wrong guess at a name.
  const corrected = correctEnglish(token);
  if (corrected && (englishRank(corrected) ?? Infinity) <= CORRECTION_MAX_RANK) {
    const correctedStem = stemWord(corrected);
    if (k.vocabulary.has(corrected) || k.vocabulary.has(correctedStem)) return { known: true, stem: correctedStem, informative: 1 };
    return { ...knownThroughEnglish(corrected, correctedStem, k), corrected };
  }
  // An English word WordNet does not list as such ("forgot", "outta"): as telling as it is common.
  return { known: false, stem, informative: englishRank(token) !== undefined ? informativeness(token) : 1 };
}

function inflections(word: string): string[] {
  const stem = word.endsWith('e') ? word.slice(0, -1) : word;
  return [word, `${word}s`, `${word}es`, `${stem}ed`, `${stem}ing`, `${stem}er`, `${stem}ers`];
}

/** Forms only a verb takes ("speaking", "announced"), not a noun's plural. */
function verbForms(verb: string): string[] {
  const stem = verb.endsWith('e') ? verb.slice(0, -1) : verb;
  return [`${stem}ing`, `${stem}ed`];
}

function knownThroughEnglish(token: string, stem: string, k: Knowledge): Recognised {
  const form = relatedForm(stem, k);
  if (form) return { known: true, stem: form, informative: 1 };
  // Verbs and adjectives are phrasing and may be said in other words ("woo", "court"); a noun the corpus
  // lacks is a subject it lacks ("league" is no "conference").
  // Common words ("first", "going") have too many senses to stand for another word.
  const wordClass = informativeness(token) >= PARAPHRASE_MIN_INFORMATIVE ? dominantClass(token) : undefined;
  // …but a noun naming the act of a verb the corpus uses as a verb ("speech": "speaking", "spoke") says what it does.
  if (wordClass === 'noun') {
    const verb = verbsOfNoun(token).find((v) => verbForms(v).some((w) => k.vocabulary.has(w)));
    if (verb) return { known: true, stem: stemWord(verb), informative: 1, paraphrase: true };
  }
  const related = wordClass && wordClass !== 'noun' ? relatedWords(token, [wordClass]) : [];
  for (const word of related) {
    if (word.includes(' ')) continue;
    // The related word itself, or an inflection of it, must be in the corpus: a shared stem alone
    // is too loose ("terminate" and "terminal").
    // …or a word the corpus's lexicon ties to one it uses ("monopolise" to "monopoly").
    const relatedStem = stemWord(word);
    // A word that only frames questions ("make", "get") carries none of the meaning: no stand-in.
    if (k.lexicon.isFrame(relatedStem)) continue;
    if (inflections(word).some((w) => k.vocabulary.has(w)) || k.lexicon.expand(relatedStem).some((x) => k.vocabulary.has(x))) return { known: true, stem: relatedStem, informative: 1, paraphrase: true };
  }
  return { known: false, stem, informative: informativeness(token) };
}

/**
 * A corpus stem that is another form of this one: they share a prefix of at
 * least six letters that is most (80%) of the longer ("respons"/"respond"),
 * so that "investigation" is not taken for "invest".
 */
function relatedForm(stem: string, k: Knowledge): string | undefined {
  if (stem.length < 6) return undefined;
  let best: string | undefined;
  for (const candidate of k.vocabulary.withPrefix(stem.slice(0, 6))) {
    let shared = 0;
    while (shared < stem.length && shared < candidate.length && stem[shared] === candidate[shared]) shared++;
    if (shared >= 0.8 * Math.max(stem.length, candidate.length) && (!best || candidate.length < best.length)) best = candidate;
  }
  return best;
}

/** Unknown words, widened to the capitalised run they stand in ("Champions League"). */
function unknownPhrases(text: string, terms: Term[], k: Knowledge): string[] {
  const out: string[] = [];
  for (const t of terms) {
    if (t.known || t.phrasing || t.informative < MISSING_THRESHOLD || k.lexicon.isFrame(t.stem)) continue;
    let phrase = t.word;
    if (/^\p{Lu}/u.test(t.word)) {
      const run = new RegExp(`(?:\\p{Lu}[\\p{L}'’-]*\\s+)*${escapeRegExp(t.word)}(?:\\s+\\p{Lu}[\\p{L}'’-]*)*`, 'u').exec(text);
      if (run && !/^(?:What|Who|When|Where|Why|How|Which|Is|Are|Does|Do|Did|Will|Can|In|On|The)\b/.test(run[0])) phrase = run[0];
    }
    if (!out.some((p) => p.includes(phrase) || phrase.includes(p))) out.push(phrase);
    else if (!out.includes(phrase)) out.splice(out.findIndex((p) => phrase.includes(p)), 1, phrase);
  }
  return out;
}


function dedupeEntities(mentions: EntityMention[]): EntityMention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => (seen.has(m.entity.id) ? false : (seen.add(m.entity.id), true)));
}
