/**
 * Knowledge as compact JSON, for snapshots. JSON.parse is several times faster
 * than v8.deserialize on this shape, so passages are stored as tuples, shared
 * sets (a paragraph's entities) once, and sentence texts not at all: they are
 * slices of their document's body and are sliced again on restore.
 */
import MiniSearch from 'minisearch';
import type { CorpusDocument } from '../corpus/document.js';
import type { Corpus } from '../corpus/load.js';
import type { Currency } from '../text/quantities.js';
import { FuzzyWords } from '../text/fuzzy.js';
import { EntityMatcher } from './entities.js';
import { assemble, INDEX_OPTIONS, NO_AMOUNTS, NONE, type FigureEntry, type IndexedRecord, type Knowledge, type Passage } from './knowledge.js';
import { Lexicon } from './lexicon.js';

type Money = [value: number, currency: Currency | 0, start: number, end: number];
type StoredPassage = [
  doc: number,
  sentence: number,
  entities: number,
  places: number,
  context: number,
  nearby: number,
  speaker: string | 0,
  money: Money[] | 0,
  flags: number,
];

interface StoredDocument extends Omit<CorpusDocument, 'paragraphs' | 'sentences'> {
  paragraphs: [start: number, end: number][];
  sentences: [start: number, end: number, paragraph: number, indexInParagraph: number][];
}

export interface StoredKnowledge {
  corpus: Omit<Corpus, 'documents'>;
  documents: StoredDocument[];
  /** Entity-id sets shared by many passages (a paragraph's entities), stored once. */
  sets: string[][];
  passages: StoredPassage[];
  figures: (Omit<FigureEntry, 'doc' | 'figure' | 'entities' | 'stems' | 'keywords'> & { doc: number; figure: number; entities: string[]; stems: string[]; keywords: string[] })[];
  vocabulary: string[];
  frequency: [string, number][];
  index: ReturnType<MiniSearch['toJSON']>;
}

const FLAGS = ['hasTime', 'hasNumber', 'venue', 'post', 'signature', 'boilerplate'] as const;

export function encodeKnowledge(k: Knowledge): string {
  const { documents, ...corpus } = k.corpus;
  const docIndex = new Map(documents.map((d, i) => [d, i]));
  const sentenceIndex = new Map(documents.flatMap((d) => d.sentences.map((s, j) => [s, j] as const)));
  const sets: string[][] = [];
  const setIndex = new Map<Set<string>, number>();
  const setRef = (set: Set<string>) => {
    let i = setIndex.get(set);
    if (i === undefined) {
      i = sets.push([...set]) - 1;
      setIndex.set(set, i);
    }
    return i;
  };
  const stored: StoredKnowledge = {
    corpus,
    documents: documents.map(({ paragraphs, sentences, ...d }) => ({
      ...d,
      paragraphs: paragraphs.map((p) => [p.start, p.end]),
      sentences: sentences.map((s) => [s.start, s.end, s.paragraph, s.indexInParagraph]),
    })),
    sets,
    passages: k.passages.map((p) => [
      docIndex.get(p.doc)!,
      sentenceIndex.get(p.sentence)!,
      setRef(p.entities),
      setRef(p.places),
      setRef(p.context),
      setRef(p.nearby),
      p.speaker ?? 0,
      p.money.length ? p.money.map((m) => [m.value, m.currency ?? 0, m.start, m.end]) : 0,
      FLAGS.reduce((bits, flag, i) => bits | (p[flag] ? 1 << i : 0), 0),
    ]),
    figures: k.figures.map((f) => ({
      ...f,
      doc: docIndex.get(f.doc)!,
      figure: k.corpus.figures.indexOf(f.figure),
      entities: [...f.entities],
      stems: [...f.stems],
      keywords: [...f.keywords],
    })),
    vocabulary: k.vocabulary.words(),
    frequency: [...k.frequencies],
    index: k.index.toJSON(),
  };
  return JSON.stringify(stored);
}

export function decodeKnowledge(json: string): Knowledge {
  const stored = JSON.parse(json) as StoredKnowledge;
  const documents: CorpusDocument[] = stored.documents.map((d) => ({
    ...d,
    paragraphs: d.paragraphs.map(([start, end], i) => ({ start, end, number: i + 1 })),
    sentences: d.sentences.map(([start, end, paragraph, indexInParagraph]) => ({ start, end, paragraph, indexInParagraph, text: d.body.slice(start, end) })),
  }));
  const corpus: Corpus = { ...stored.corpus, documents };
  const sets = stored.sets.map((ids) => (ids.length ? new Set(ids) : NONE));
  const passages: Passage[] = stored.passages.map(([doc, sentence, entities, places, context, nearby, speaker, money, flags], id) => {
    const p: Passage = {
      id,
      doc: documents[doc]!,
      sentence: documents[doc]!.sentences[sentence]!,
      entities: sets[entities]!,
      places: sets[places]!,
      context: sets[context]!,
      nearby: sets[nearby]!,
      speaker: speaker || undefined,
      money: money ? money.map(([value, currency, start, end]) => ({ value, start, end, ...(currency ? { currency } : {}) })) : NO_AMOUNTS,
      hasTime: false,
      hasNumber: false,
      venue: false,
      post: false,
      signature: false,
      boilerplate: false,
    };
    FLAGS.forEach((flag, i) => (p[flag] = (flags & (1 << i)) !== 0));
    return p;
  });
  const vocabulary = new FuzzyWords();
  for (const w of stored.vocabulary) vocabulary.set(w, true);
  return assemble(
    {
      corpus,
      passages,
      figures: stored.figures.map((f) => ({
        ...f,
        doc: documents[f.doc]!,
        figure: corpus.figures[f.figure]!,
        entities: new Set(f.entities),
        stems: new Set(f.stems),
        keywords: new Set(f.keywords),
      })),
      matcher: new EntityMatcher(corpus.entities),
      lexicon: new Lexicon(corpus.lexicon),
      vocabulary,
      index: MiniSearch.loadJS<IndexedRecord>(stored.index, INDEX_OPTIONS),
    },
    new Map(stored.frequency),
  );
}
