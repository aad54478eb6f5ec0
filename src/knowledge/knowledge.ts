/**
 * Everything computed once from a corpus: annotated passages (sentences with
 * their entities, speaker, amounts, time expressions), the figures, the
 * vocabulary, and the minisearch index over both. Nothing here runs per question.
 */
import MiniSearch from 'minisearch';
import { CorpusError } from '../errors.js';
import type { Corpus, LoadedFigure } from '../corpus/load.js';
import type { CorpusDocument } from '../corpus/document.js';
import { processTerm, stemWord, terms, termsOfTokens, tokenize } from '../text/analyze.js';
import { findMoney, hasNumber, hasTimeExpression, amountSpellings, type Amount, type Currency } from '../text/quantities.js';
import type { Sentence } from '../text/segment.js';
import { FuzzyWords } from '../text/fuzzy.js';
import { EntityMatcher } from './entities.js';
import { Lexicon } from './lexicon.js';
import { mergeKnowledge } from './curation.js';
import { extractGuarded } from '../extract/guard.js';

export interface Passage {
  /** Position in Knowledge.passages, also its search id. */
  id: number;
  doc: CorpusDocument;
  sentence: Sentence;
  /** Entities named in the sentence itself. */
  entities: Set<string>;
  /** Entities named as nouns of kind place ("in Paris"), which can answer "where?". */
  places: Set<string>;
  /** Entities of the surrounding sentences in the paragraph, for sentences that say "she" or "it". */
  context: Set<string>;
  /** Entities of the previous paragraph: a quotation or topic often runs on. */
  nearby: Set<string>;
  /** Who says these words, where the document attributes them. */
  speaker?: string;
  money: Amount[];
  hasTime: boolean;
  hasNumber: boolean;
  /** Names a venue ("at the plenary meeting") or a capitalised place ("in Bilbao"), which can answer a general "where?". */
  venue: boolean;
  /** Part of a signed social-media post (also found by "post" and "tweet"). */
  post: boolean;
  /** A line about the document rather than its subject ("The report was updated…", "Check out…"). */
  boilerplate: boolean;
  /** The signature line of a post ("— Name (@handle) date"): metadata more than content. */
  signature: boolean;
}

export interface FigureEntry {
  /** Search id: passages come first, figures after. */
  id: number;
  figure: LoadedFigure;
  doc: CorpusDocument;
  entities: Set<string>;
  stems: Set<string>;
  /** Stems of the figure's own description and keywords (not of its quote or entity names). */
  keywords: Set<string>;
  /** The first figure listed for its main subject: the one a bare "how much is X?" means. */
  headline: boolean;
}

export interface Knowledge {
  corpus: Corpus;
  passages: Passage[];
  figures: FigureEntry[];
  matcher: EntityMatcher;
  lexicon: Lexicon;
  /** Folded words and stems that occur anywhere in the corpus, searchable by spelling. */
  vocabulary: FuzzyWords;
  /** How much a stem or entity id tells passages apart: log(1 + N / passages holding it)^1.5. */
  weight(key: string): number;
  /** Passages that hold a stem or entity id (in their words, entities, context or speaker). */
  frequency(key: string): number;
  frequencies: ReadonlyMap<string, number>;
  /** Id of each document's first passage: passages follow their document's sentences one for one. */
  firstPassage: ReadonlyMap<CorpusDocument, number>;
  index: MiniSearch<IndexedRecord>;
}

/** What minisearch indexes: the sentence (or figure description) and the entity ids it names. */
export interface IndexedRecord {
  id: number;
  /** Search terms in order, with repeats (BM25 counts them), or the same space-separated. */
  text: readonly string[] | string;
  ents: readonly string[] | string;
}

// Most sentences name no entity, place or amount: they share these empty values (never mutated).
export const NONE: Set<string> = new Set();
export const NO_AMOUNTS: Amount[] = [];
const hasDigit = (text: string) => /\d/.test(text);

// "in Bilbao", "near Paris": a capitalised name after a place preposition, months and weekdays aside.
export const NAMED_PLACE =
  /\b(?:in|at|near|outside)\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|The|This|That|These|Those|Our|Its|Their|His|Her|AI)\b)\p{Lu}[\p{Ll}-]+(?:\s+\p{Lu}[\p{Ll}-]+)?/u;
const VENUE_HINT = /meeting|summit|conference|session|plenary|forum|district|quarter|area|zone|site|campus|hall|building|headquarters/i;
export const VENUE = /\b(?:at|in)\s+(?:the\s+|today[’']s\s+)?(?:[\p{L}’'-]+\s+){0,4}(?:meeting|summit|conference|session|plenary|forum|district|quarter|area|zone|site|campus|hall|building|headquarters)\b/iu;
const BOILERPLATE = /^(?:the (?:report|article|story|post) (?:was|has been) updated|check out|read (?:more|the full)|subscribe|sign up|follow us|click here|related:|advertisement|banner:?$)/i;
/** Stems a signed post's sentences are also found by. */
const POST_STEMS = ['post', 'tweet'];

const REPORTED_SPEECH = /^(?:She|He)\s+(?:said|says|suggests|suggested|insisted|insists|added|adds|told|argued|argues|noted|stressed|warned)\b/;

const SPEECH_TAG = /\b(?:said|says|adds|added|told|insisted|insists|stated|explained|noted|announced)\b/;

export interface KnowledgeOptions {
  /** Extract figures and entities from the documents (beside any curated ones). Default true. */
  extract?: boolean;
  /**
   * Most sentences read for extraction, documents taken in order; past it the
   * rest of a very large corpus is searched but not mined for figures, so a
   * start never waits minutes. Default 10,000 (about 3.5 s here).
   */
  extractBudget?: number;
  /** Told when the budget left documents out, with how many. */
  onExtractLimit?: (skippedDocuments: number, budget: number) => void;
  /** One line per document served without extracted figures and names because extraction failed on it. Default: the line on stderr. */
  onWarning?: (line: string) => void;
  /** Called as documents are annotated, for a progress indicator. */
  onProgress?: (done: number, total: number) => void;
}

const DEFAULT_EXTRACT_BUDGET = 10_000;

function withinBudget(documents: CorpusDocument[], options: KnowledgeOptions): CorpusDocument[] {
  const budget = options.extractBudget ?? DEFAULT_EXTRACT_BUDGET;
  let sentences = 0;
  const kept = documents.filter((d) => (sentences += d.sentences.length) <= budget);
  if (kept.length < documents.length) options.onExtractLimit?.(documents.length - kept.length, budget);
  return kept;
}

export function buildKnowledge(curated: Corpus, options: KnowledgeOptions = {}): Knowledge {
  // Figures and entities come from every document; the curated files add to them and win ties.
  // A document extraction fails on is served without its figures and names, not a failed start; its warning is kept with the corpus's (and its snapshot's).
  const extracted = options.extract === false ? undefined : extractGuarded(withinBudget(curated.documents, options));
  for (const line of extracted?.warnings ?? []) (options.onWarning ?? ((l: string) => process.stderr.write(`${l}\n`)))(line);
  const corpus = extracted ? mergeKnowledge(extracted.warnings.length ? { ...curated, warnings: [...(curated.warnings ?? []), ...extracted.warnings] } : curated, extracted) : curated;
  const matcher = new EntityMatcher(corpus.entities);
  const lexicon = new Lexicon(corpus.lexicon);
  // Collected in a plain Set first: the radix tree is built once from the distinct words.
  const words = new Set<string>();
  const passages: Passage[] = [];
  // Each passage's search terms, in order and with repeats (BM25 counts them), kept only until indexed.
  const passageTerms: string[][] = [];
  const frequency = new Map<string, number>();
  const count = (key: string) => frequency.set(key, (frequency.get(key) ?? 0) + 1);
  const warn = options.onWarning ?? ((l: string) => process.stderr.write(`${l}\n`));
  const unindexed: string[] = [];
  corpus.documents.forEach((doc, i) => {
    // A document whose annotation fails is left out of the index with a warning, not a failed start.
    // (Its passages are reported only once the whole document is annotated, so a failure leaves nothing half-counted.)
    const before = passages.length;
    try {
      annotateDocument(doc, matcher, passages, (p, tokens, terms) => {
      for (const t of tokens) words.add(t);
      for (const t of terms) words.add(t);
      passageTerms.push(terms);
      // How many passages hold each stem and entity id (each counted once per passage).
      const stems = new Set(terms);
      if (p.post) for (const s of POST_STEMS) stems.add(s);
      for (const stem of stems) count(stem);
      for (const id of p.context) if (!stems.has(id)) count(id);
      for (const id of p.entities) if (!p.context.has(id) && !stems.has(id)) count(id);
      if (p.speaker && !p.context.has(p.speaker) && !p.entities.has(p.speaker) && !stems.has(p.speaker)) count(p.speaker);
      });
    } catch (error) {
      passages.length = before;
      const line = new CorpusError({ file: doc.file }, `the document could not be indexed (${error instanceof Error ? `${error.name}: ${error.message}` : String(error)})`).warning('document skipped');
      unindexed.push(line);
      warn(line);
    }
    options.onProgress?.(i + 1, corpus.documents.length);
  });
  if (unindexed.length) corpus.warnings = [...(corpus.warnings ?? []), ...unindexed];
  for (const e of corpus.entities) for (const name of [e.name, ...e.aliases, ...e.adjectives]) for (const t of tokenize(name)) words.add(t).add(stemWord(t));
  // A signed post is found by "post" and "tweet" (its index terms): a question using them asks about something the corpus has.
  if (passages.some((p) => p.post)) for (const s of POST_STEMS) words.add(s);

  const byDoc = new Map(corpus.documents.map((d) => [d.id, d]));
  // The first figure of each main subject and kind, found in one pass (a search per figure is quadratic).
  const headlines = new Set<LoadedFigure>();
  const seenHeadline = new Set<string>();
  for (const f of corpus.figures) {
    const key = f.subjects[0] === undefined ? undefined : `${f.subjects[0]}\0${f.kind}`;
    if (key !== undefined && !seenHeadline.has(key)) {
      seenHeadline.add(key);
      headlines.add(f);
    }
  }
  const figureTerms: string[][] = [];
  const termsOfFigure = figureTermsMaker(matcher);
  const figures: FigureEntry[] = corpus.figures.map((figure, i) => {
    const figureTermList = termsOfFigure(figure);
    figureTerms.push(figureTermList);
    return {
      id: passages.length + i,
      figure,
      doc: byDoc.get(figure.document)!,
      entities: new Set([...figure.subjects, ...(figure.who ? [figure.who] : [])]),
      stems: new Set(figureTermList),
      keywords: new Set(terms([figure.what, ...figure.keywords].join(' '))),
      headline: headlines.has(figure),
    };
  });
  for (const f of figures) for (const s of f.stems) words.add(s);
  const vocabulary = new FuzzyWords();
  for (const w of words) vocabulary.set(w, true);

  const index = new MiniSearch<IndexedRecord>(INDEX_OPTIONS);
  addAllRememberingTerms(index, [
    ...passages.map((p, i) => ({ id: p.id, text: passageTerms[i]!, ents: p.post ? [...p.entities, ...POST_STEMS] : [...p.entities] })),
    ...figures.map((f, i) => ({ id: f.id, text: figureTerms[i]!, ents: [...f.entities] })),
  ]);
  return assemble({ corpus, passages, figures, matcher, lexicon, vocabulary, index }, frequency);
}

/**
 * index.addAll, with each term's entry in the index's radix tree remembered
 * for the length of the build: minisearch walks the tree from its root for
 * every word of every document, which was most of the time spent indexing.
 * An entry, once made, stays the same object as the tree grows, so the
 * result is the index addAll builds (tested against it).
 */
export function addAllRememberingTerms<T>(index: MiniSearch<T>, documents: readonly T[]): void {
  const tree = (index as unknown as { _index: { fetch: (key: string, initial: () => unknown) => unknown } })._index;
  const walk = tree.fetch;
  const entries = new Map<string, unknown>();
  tree.fetch = function (key, initial) {
    let entry = entries.get(key);
    if (entry === undefined) entries.set(key, (entry = walk.call(this, key, initial)));
    return entry;
  };
  try {
    index.addAll(documents);
  } finally {
    // Back to the tree's own method, from its prototype.
    delete (tree as { fetch?: unknown }).fetch;
  }
}

export const INDEX_OPTIONS = {
  fields: ['text', 'ents'],
  // Documents arrive analysed already: lists of stems and entity ids, handed through as they are
  // (no string to join and split again); space-separated text is split.
  stringifyField: (value: unknown) => value as string,
  tokenize: (text: string | readonly string[]) => (typeof text === 'string' ? text.split(' ').filter(Boolean) : (text as string[])),
  processTerm: (term: string) => term,
  // A plain index.search(question) analyses the question the same way as the documents.
  searchOptions: { tokenize, processTerm },
};

/** The signature line of the post a passage is part of ("— Name (@handle) date"): it dates and signs the whole post. */
export function signatureOf(k: Knowledge, p: Passage): Passage | undefined {
  if (!p.post) return undefined;
  for (let i = p.id; i < k.passages.length; i++) {
    const next = k.passages[i]!;
    if (next.doc !== p.doc || !next.post) return undefined;
    if (next.signature) return next;
  }
  return undefined;
}

const stemCache = new WeakMap<Passage, Set<string>>();

/**
 * A passage's search stems. Worked out when first asked for (only candidates
 * of a question ever are), not stored: that keeps memory and snapshots small.
 */
export function stemsOf(p: Passage): Set<string> {
  let stems = stemCache.get(p);
  if (!stems) {
    stems = new Set(terms(p.sentence.text));
    if (p.post) for (const s of POST_STEMS) stems.add(s);
    stemCache.set(p, stems);
  }
  return stems;
}

export function assemble(parts: Omit<Knowledge, 'weight' | 'frequency' | 'frequencies' | 'firstPassage'>, frequency: Map<string, number>): Knowledge {
  const n = Math.max(1, parts.passages.length);
  const firstPassage = new Map<CorpusDocument, number>();
  for (const p of parts.passages) if (!firstPassage.has(p.doc)) firstPassage.set(p.doc, p.id);
  return {
    ...parts,
    weight: (key) => Math.log(1 + n / (frequency.get(key) ?? 1)) ** 1.5,
    frequency: (key) => frequency.get(key) ?? 0,
    frequencies: frequency,
    firstPassage,
  };
}

/** The passage whose sentence holds a body offset of a document (a binary search, not a scan). */
export function passageAt(k: Knowledge, doc: CorpusDocument, offset: number): Passage | undefined {
  const first = k.firstPassage.get(doc);
  if (first === undefined) return undefined;
  let lo = 0;
  let hi = doc.sentences.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (doc.sentences[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? undefined : k.passages[first + found];
}

/** What a figure is found by: its description, keywords, amount spellings and the names of its entities. */
/**
 * What a figure is found by, as search terms: its description, keywords,
 * amount spellings, quote and the names of its entities. The terms of a name
 * and of an amount's spellings are worked out once per build, not per figure.
 */
function figureTermsMaker(matcher: EntityMatcher): (f: LoadedFigure) => string[] {
  const ofEntity = new Map<string, string[]>();
  const ofAmount = new Map<string, string[]>();
  const entityTerms = (id: string) => {
    let list = ofEntity.get(id);
    if (!list) {
      const e = matcher.get(id);
      ofEntity.set(id, (list = e ? terms([e.name, ...e.aliases].join(' ')) : []));
    }
    return list;
  };
  const amountTerms = (amount: number, currency: Currency | undefined) => {
    const key = `${amount} ${currency ?? ''}`;
    let list = ofAmount.get(key);
    if (!list) ofAmount.set(key, (list = terms(amountSpellings(amount, currency).join(' '))));
    return list;
  };
  return (f) => [
    ...terms([f.what, f.display, ...f.keywords, f.quote].join(' ')),
    ...(f.amount !== undefined && f.kind === 'money' ? amountTerms(f.amount, f.currency) : []),
    ...[...f.subjects, ...(f.who ? [f.who] : [])].flatMap(entityTerms),
  ];
}

function annotateDocument(doc: CorpusDocument, matcher: EntityMatcher, out: Passage[], onPassage: (p: Passage, tokens: string[], terms: string[]) => void): void {
  let lastPerson: string | undefined;
  const firstOfDoc = out.length;
  let previousEntities = new Set<string>();
  let next = 0; // sentences are in paragraph order: walk them alongside
  const pending: [Passage, string[], string[]][] = [];
  for (const paragraph of doc.paragraphs) {
    const text = doc.body.slice(paragraph.start, paragraph.end);
    const mentions = matcher.findInDocument(text);
    const paragraphEntities = new Set(mentions.map((m) => m.entity.id));
    const personBefore = lastPerson;
    for (const m of mentions) if (m.entity.kind === 'person') lastPerson = m.entity.id;
    const speaker = attributeSpeaker(text, mentions, personBefore ?? lastPerson);
    while (next < doc.sentences.length && doc.sentences[next]!.paragraph === paragraph.number) {
      const sentence = doc.sentences[next++]!;
      const from = sentence.start - paragraph.start;
      const to = sentence.end - paragraph.start;
      const own = mentions.filter((m) => m.start >= from && m.end <= to);
      const inQuotation = speaker !== undefined && isInsideQuotation(doc.body, paragraph.start, sentence.start);
      // Reported speech: "She said private sector capital would be needed…".
      const reported = REPORTED_SPEECH.test(sentence.text) ? (personBefore ?? lastPerson) : undefined;
      const tokens = tokenize(sentence.text);
      const sentenceTerms = termsOfTokens(tokens);
      const passage: Passage = {
        id: out.length,
        doc,
        sentence,
        entities: own.length ? new Set(own.flatMap((m) => [m.entity.id, ...matcher.placesOf(m.entity.id)])) : NONE,
        places: own.some((m) => m.entity.kind === 'place' && !m.adjective) ? new Set(own.filter((m) => m.entity.kind === 'place' && !m.adjective).map((m) => m.entity.id)) : NONE,
        context: paragraphEntities,
        nearby: previousEntities,
        speaker: inQuotation ? speaker : reported,
        money: hasDigit(sentence.text) ? findMoney(sentence.text) : NO_AMOUNTS,
        hasTime: hasTimeExpression(sentence.text),
        hasNumber: hasNumber(sentence.text),
        venue: (VENUE_HINT.test(sentence.text) && VENUE.test(sentence.text)) || NAMED_PLACE.test(sentence.text),
        post: false,
        signature: false,
        boilerplate: BOILERPLATE.test(sentence.text),
      };
      out.push(passage);
      pending.push([passage, tokens, sentenceTerms]);
    }
    attributeSignedPost(text, mentions, out, firstOfDoc);
    previousEntities = paragraphEntities;
  }
  // Reported once the document is annotated: a signature further down marks the post above it.
  for (const [p, tokens, terms] of pending) onPassage(p, tokens, terms);
}

/** The speaker of quoted words in a paragraph: "…,” von der Reyen said" or "…,” she adds". */
function attributeSpeaker(text: string, mentions: ReturnType<EntityMatcher['findInDocument']>, recentPerson: string | undefined): string | undefined {
  if (!/[\u201C\u201D"]/.test(text) || !SPEECH_TAG.test(text)) return undefined;
  const tag = /[\u201D"]\s*,?\s*([^.\u201C"]{0,60}?)\b(?:said|says|adds|added|told|insisted|stated)\b/.exec(text);
  const named = mentions.find((m) => m.entity.kind === 'person' && tag && text.indexOf(tag[1]!) <= m.start && m.start < (tag.index ?? 0) + tag[0].length);
  if (named) return named.entity.id;
  if (tag && /\b(?:she|he)\b/i.test(tag[1]!)) return recentPerson;
  return mentions.find((m) => m.entity.kind === 'person')?.entity.id ?? recentPerson;
}

/** Whether an offset lies between an opening quotation mark and its closing one. */
function isInsideQuotation(body: string, from: number, offset: number): boolean {
  let open = false;
  for (let i = from; i <= offset && i < body.length; i++) {
    const c = body[i];
    if (c === '\u201C') open = true;
    else if (c === '\u201D') open = false;
  }
  if (open) return true;
  // A sentence that itself opens a quotation.
  return body[offset - 1] === '\u201C' || body[offset] === '\u201C';
}

/** "— Ursula von der Leyen (@vonderleyen) February 11, 2025" signs the short paragraphs just above it. */
function attributeSignedPost(text: string, mentions: ReturnType<EntityMatcher['findInDocument']>, passages: Passage[], firstOfDoc: number): void {
  if (!/^[\u2014\u2013-]\s/.test(text)) return;
  const person = mentions.find((m) => m.entity.kind === 'person');
  if (!person) return;
  const paragraphNumber = passages[passages.length - 1]?.sentence.paragraph ?? 0;
  let paragraph = paragraphNumber - 1;
  for (let taken = 0; taken < 3 && paragraph >= 1; taken++, paragraph--) {
    const inParagraph = passages.slice(firstOfDoc).filter((p) => p.sentence.paragraph === paragraph);
    const length = inParagraph.reduce((n, p) => n + p.sentence.text.length, 0);
    if (!inParagraph.length || length > 200 || inParagraph.some((p) => /[\u201C\u201D]/.test(p.sentence.text))) break;
    for (const p of inParagraph) markPost(p, person.entity.id);
  }
  // The signature dates the whole post: what the post names is what its signature line is about.
  const post = passages.slice(firstOfDoc).filter((x) => x.post);
  for (const p of passages.slice(firstOfDoc).filter((x) => x.sentence.paragraph === paragraphNumber)) {
    markPost(p, person.entity.id);
    p.signature = true;
    // A new set: the paragraph's is shared with its other passages (and an empty one with every passage).
    p.context = new Set([...p.context, ...post.flatMap((other) => [...other.entities])]);
  }
}

function markPost(p: Passage, author: string): void {
  p.speaker = author;
  p.post = true;
}
