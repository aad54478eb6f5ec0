/**
 * Ranked search over the minisearch index without minisearch's per-result
 * objects. `index.search` builds, for every matching document, a result
 * object, its term and match lists, and a sorted array of all of them; a
 * question whose words are common in a 100,000-sentence corpus matches
 * thousands of passages, and the engine reads the best two hundred. This
 * scores the same way (minisearch's BM25+, its field and term boosts, and its
 * bonus for documents matching more query terms) into typed arrays reused
 * from one search to the next, and keeps only the best.
 *
 * It reads the index's own tables (postings, field lengths), which minisearch
 * keeps private: tests/engine/ranked-search.test.ts checks it returns what
 * `index.search` returns, so a minisearch upgrade that changes them fails there.
 */
import type MiniSearch from 'minisearch';

/** A term searched for, with its boost (minisearch's `boostTerm`). */
export interface TermQuery {
  term: string;
  boost: number;
}

export interface RankedSearchOptions {
  /** Fields searched, with their boosts, in order (minisearch's `fields` and `boost`). */
  fields: Readonly<Record<string, number>>;
  /**
   * Groups of the terms: a document holding a term of every group ranks
   * before any that does not (its score unchanged). Default: none.
   */
  groups?: readonly (readonly string[])[];
  /** Hits returned at most, best first. */
  limit: number;
}

export interface RankedHit {
  /** The document's id, as it was indexed. */
  id: unknown;
  /** Its score, as `index.search` gives it. */
  score: number;
  /** Holds a term of every group (true when no groups were given). */
  everyGroup: boolean;
}

export interface RankedResult {
  hits: RankedHit[];
  /** Documents that matched at all. */
  matched: number;
}

/** The parts of minisearch's index read here (private in its types). */
interface IndexTables {
  _index: { get(term: string): Map<number, Map<number, number>> | undefined };
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _documentIds: Map<number, unknown>;
  _nextId: number;
  _options: { searchOptions?: { bm25?: Bm25 } };
}

interface Bm25 {
  k: number;
  b: number;
  d: number;
}

/** minisearch's defaults (defaultBM25params). */
const DEFAULT_BM25: Bm25 = { k: 1.2, b: 0.7, d: 0.5 };

/** Per-document working arrays, kept for the next search on the same index. */
interface Scratch {
  score: Float64Array;
  /** Distinct query terms matched. */
  terms: Uint16Array;
  /** Last term (+1) counted for the document, so a term matched in two fields counts once. */
  termStamp: Int32Array;
  /** Groups held, and the last group (+1) counted. */
  groups: Uint16Array;
  groupStamp: Int32Array;
  /** Documents touched, in the order first matched (minisearch's order for equal scores)… */
  touched: Int32Array;
  /** …and each one's place in that order. */
  first: Int32Array;
}

const scratchByIndex = new WeakMap<object, Scratch>();

function scratchFor(index: IndexTables): Scratch {
  const size = index._nextId + 1;
  let s = scratchByIndex.get(index);
  if (!s || s.score.length < size) {
    s = {
      score: new Float64Array(size),
      terms: new Uint16Array(size),
      termStamp: new Int32Array(size),
      groups: new Uint16Array(size),
      groupStamp: new Int32Array(size),
      touched: new Int32Array(size),
      first: new Int32Array(size),
    };
    scratchByIndex.set(index, s);
  }
  return s;
}

/** minisearch's BM25+ term score (calcBM25Score). */
function bm25(termFreq: number, matching: number, total: number, fieldLength: number, avgFieldLength: number, p: Bm25): number {
  const idf = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return idf * (p.d + (termFreq * (p.k + 1)) / (termFreq + p.k * (1 - p.b + (p.b * fieldLength) / avgFieldLength)));
}

/**
 * The best documents for an OR of the terms, scored as `index.search` scores
 * them, ranked by (every group held, score), ties in the order minisearch
 * leaves them.
 */
export function rankedSearch(miniSearch: MiniSearch, queries: readonly TermQuery[], options: RankedSearchOptions): RankedResult {
  // A discarded document's postings stay until minisearch cleans them up as it meets them,
  // changing scores as it goes: the engine's index never discards one, and this does not follow.
  if (miniSearch.dirtCount > 0) throw new Error('rankedSearch: the index has discarded documents; vacuum it first');
  const index = miniSearch as unknown as IndexTables;
  const s = scratchFor(index);
  const params = { ...DEFAULT_BM25, ...index._options.searchOptions?.bm25 };
  const fields = Object.entries(options.fields).map(([name, boost]) => ({ id: index._fieldIds[name], boost }));
  const total = index._documentCount;
  let count = 0;
  queries.forEach(({ term, boost }, t) => {
    const data = index._index.get(term);
    if (!data) return;
    for (const field of fields) {
      if (field.id === undefined) continue;
      const postings = data.get(field.id);
      if (!postings) continue;
      const matching = postings.size;
      const average = index._avgFieldLength[field.id]!;
      for (const [doc, termFreq] of postings) {
        const length = index._fieldLength.get(doc)![field.id]!;
        const add = boost * field.boost * bm25(termFreq, matching, total, length, average, params);
        if (s.termStamp[doc] === 0) {
          s.first[doc] = count;
          s.touched[count++] = doc;
        }
        if (s.termStamp[doc] !== t + 1) {
          s.termStamp[doc] = t + 1;
          s.terms[doc]!++;
        }
        s.score[doc]! += add;
      }
    }
  });
  const groups = options.groups ?? [];
  groups.forEach((group, g) => {
    for (const term of group) {
      const data = index._index.get(term);
      if (!data) continue;
      for (const field of fields) {
        const postings = field.id === undefined ? undefined : data.get(field.id);
        if (!postings) continue;
        for (const doc of postings.keys()) {
          if (s.terms[doc] === 0 || s.groupStamp[doc] === g + 1) continue;
          s.groupStamp[doc] = g + 1;
          s.groups[doc]!++;
        }
      }
    }
  });
  const hits = best(s, count, groups.length, options.limit).map((doc) => ({
    id: index._documentIds.get(doc),
    score: s.score[doc]! * s.terms[doc]!,
    everyGroup: s.groups[doc] === groups.length,
  }));
  // Leave the arrays as found for the next search.
  for (let i = 0; i < count; i++) {
    const doc = s.touched[i]!;
    s.score[doc] = 0;
    s.terms[doc] = 0;
    s.termStamp[doc] = 0;
    s.groups[doc] = 0;
    s.groupStamp[doc] = 0;
  }
  return { hits, matched: count };
}

/**
 * The `limit` best touched documents, best first: every group held, then
 * score (times terms matched, as minisearch's quality), then first matched.
 * A bounded heap keeps the worst of the best at its root.
 */
function best(s: Scratch, count: number, groupCount: number, limit: number): number[] {
  const final = (doc: number) => s.score[doc]! * s.terms[doc]!;
  // a ranks before b.
  const before = (a: number, b: number) => {
    const ga = s.groups[a] === groupCount;
    const gb = s.groups[b] === groupCount;
    if (ga !== gb) return ga;
    const fa = final(a);
    const fb = final(b);
    if (fa !== fb) return fa > fb;
    return s.first[a]! < s.first[b]!;
  };
  const heap: number[] = [];
  const siftUp = (i: number) => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[parent]!, heap[i]!)) break;
      [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
      i = parent;
    }
  };
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < heap.length && before(heap[worst]!, heap[l]!)) worst = l;
      if (r < heap.length && before(heap[worst]!, heap[r]!)) worst = r;
      if (worst === i) return;
      [heap[worst], heap[i]] = [heap[i]!, heap[worst]!];
      i = worst;
    }
  };
  for (let i = 0; i < count; i++) {
    const doc = s.touched[i]!;
    if (heap.length < limit) {
      heap.push(doc);
      siftUp(heap.length - 1);
    } else if (limit > 0 && before(doc, heap[0]!)) {
      heap[0] = doc;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (before(a, b) ? -1 : 1));
}

/** Ids of the documents holding any of the terms in the field, in the order they were indexed. */
export function documentsWith(miniSearch: MiniSearch, terms: readonly string[], field: string): unknown[] {
  const index = miniSearch as unknown as IndexTables;
  const fieldId = index._fieldIds[field];
  if (fieldId === undefined) return [];
  const docs = new Set<number>();
  for (const term of terms) {
    for (const doc of index._index.get(term)?.get(fieldId)?.keys() ?? []) if (index._documentIds.has(doc)) docs.add(doc);
  }
  return [...docs].sort((a, b) => a - b).map((doc) => index._documentIds.get(doc));
}
