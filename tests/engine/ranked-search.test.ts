/**
 * rankedSearch reads minisearch's private tables to score without its
 * per-result objects: it must rank and score exactly as `index.search` does
 * (an OR of terms with term and field boosts), with documents holding every
 * group of terms first, and keep doing so from one search to the next.
 */
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { INDEX_OPTIONS, type IndexedRecord } from '../../src/knowledge/knowledge.js';
import { documentsWith, rankedSearch, type TermQuery } from '../../src/knowledge/ranked-search.js';

const STEMS = ['invest', 'fund', 'gigafactori', 'comput', 'europ', 'billion', '200', 'plan', 'talent', 'chip', 'cloud', 'bridg'];
const ENTITIES = ['investai', 'eu', 'france', 'stargate', 'lumen-bridge'];

function generator(seed: number) {
  let x = seed;
  return (n: number) => (x = (x * 1103515245 + 12345) & 0x7fffffff) % n;
}

/** Documents of uneven length (BM25's length normalisation matters), some naming entities. */
function documents(count: number, seed: number): IndexedRecord[] {
  const next = generator(seed);
  return Array.from({ length: count }, (_, id) => ({
    id,
    text: Array.from({ length: 1 + next(20) }, () => STEMS[next(STEMS.length)]).join(' '),
    ents: Array.from({ length: next(3) }, () => ENTITIES[next(ENTITIES.length)]).join(' '),
  }));
}

const FIELDS = { text: 1, ents: 1.5 };

/** What the engine did before: minisearch's search, then a stable partition by groups held. */
function expected(index: MiniSearch<IndexedRecord>, queries: TermQuery[], groups?: string[][]) {
  const boosts = new Map(queries.map((q) => [q.term, q.boost]));
  const results = index.search(
    { combineWith: 'OR', queries: queries.map((q) => q.term) },
    { fields: Object.keys(FIELDS), boost: FIELDS, tokenize: (t: string) => t.split(' '), processTerm: (t: string) => t, boostTerm: (t: string) => boosts.get(t)! },
  );
  const every = (r: (typeof results)[number]) => !groups || groups.every((g) => g.some((t) => r.queryTerms.includes(t)));
  return [...results.filter(every), ...results.filter((r) => !every(r))].map((r) => ({ id: r.id as number, score: r.score, everyGroup: every(r) }));
}

function randomQuery(next: (n: number) => number): { queries: TermQuery[]; groups: string[][] } {
  const pool = [...STEMS, ...ENTITIES, 'absent'];
  const terms = [...new Set(Array.from({ length: 1 + next(6) }, () => pool[next(pool.length)]!))];
  const queries = terms.map((term) => ({ term, boost: [1, 0.35, 1.2][next(3)]! }));
  const groups: string[][] = [];
  for (const term of terms) {
    if (groups.length && next(2) === 0) groups[groups.length - 1]!.push(term);
    else groups.push([term]);
  }
  return { queries, groups };
}

function expectSame(actual: { id: unknown; score: number; everyGroup: boolean }[], wanted: { id: number; score: number; everyGroup: boolean }[]) {
  expect(actual.map((h) => h.id)).toEqual(wanted.map((h) => h.id));
  actual.forEach((h, i) => {
    expect(h.score).toBeCloseTo(wanted[i]!.score, 9);
    expect(h.everyGroup).toBe(wanted[i]!.everyGroup);
  });
}

describe('rankedSearch', () => {
  it.each([1, 2, 3, 4])('ranks and scores as index.search does, over 60 random queries in a row (seed %i)', (seed) => {
    const index = new MiniSearch<IndexedRecord>(INDEX_OPTIONS);
    index.addAll(documents(500, seed));
    const next = generator(seed * 7919);
    for (let i = 0; i < 60; i++) {
      const { queries, groups } = randomQuery(next);
      const useGroups = next(2) === 0;
      const limit = [1, 10, 40, 1000][next(4)]!;
      const wanted = expected(index, queries, useGroups ? groups : undefined);
      const got = rankedSearch(index, queries, { fields: FIELDS, ...(useGroups ? { groups } : {}), limit });
      expect(got.matched).toBe(wanted.length);
      expectSame(got.hits, wanted.slice(0, limit));
    }
  });

  it('keeps minisearch order for equal scores (identical documents)', () => {
    const index = new MiniSearch<IndexedRecord>(INDEX_OPTIONS);
    index.addAll(Array.from({ length: 30 }, (_, id) => ({ id, text: id % 2 ? 'plan fund' : 'fund plan', ents: '' })));
    const queries = [{ term: 'plan', boost: 1 }, { term: 'fund', boost: 1 }];
    expectSame(rankedSearch(index, queries, { fields: FIELDS, limit: 12 }).hits, expected(index, queries).slice(0, 12));
  });

  it('refuses an index with discarded documents (minisearch rescores them as it cleans up), and serves it again once vacuumed', async () => {
    const index = new MiniSearch<IndexedRecord>(INDEX_OPTIONS);
    index.addAll(documents(200, 11));
    for (const id of [3, 4, 50, 199]) index.discard(id);
    const queries = [{ term: 'invest', boost: 1 }, { term: 'eu', boost: 1.2 }];
    expect(() => rankedSearch(index, queries, { fields: FIELDS, limit: 500 })).toThrow(/discarded/);
    await index.vacuum();
    const got = rankedSearch(index, queries, { fields: FIELDS, limit: 500 });
    expect(got.hits.map((h) => h.id)).not.toContain(50);
    expectSame(got.hits, expected(index, queries));
  });

  it('uses the BM25 parameters the index was made with', () => {
    const index = new MiniSearch<IndexedRecord>({ ...INDEX_OPTIONS, searchOptions: { ...INDEX_OPTIONS.searchOptions, bm25: { k: 2, b: 0.2, d: 0 } } });
    index.addAll(documents(300, 5));
    const queries = [{ term: 'chip', boost: 1 }, { term: 'france', boost: 1 }];
    expectSame(rankedSearch(index, queries, { fields: FIELDS, limit: 300 }).hits, expected(index, queries));
  });

  it('finds nothing for terms the index lacks, and a limit of 0 returns no hit', () => {
    const index = new MiniSearch<IndexedRecord>(INDEX_OPTIONS);
    index.addAll(documents(50, 2));
    expect(rankedSearch(index, [{ term: 'absent', boost: 1 }], { fields: FIELDS, limit: 10 })).toEqual({ hits: [], matched: 0 });
    const none = rankedSearch(index, [{ term: 'fund', boost: 1 }], { fields: FIELDS, limit: 0 });
    expect(none.hits).toEqual([]);
    expect(none.matched).toBeGreaterThan(0);
  });
});

describe('documentsWith', () => {
  it('lists the documents naming any of the terms in a field, in index order', () => {
    const docs = documents(300, 8);
    const index = new MiniSearch<IndexedRecord>(INDEX_OPTIONS);
    index.addAll(docs);
    const wanted = docs.filter((d) => String(d.ents).split(' ').some((e) => e === 'france' || e === 'stargate')).map((d) => d.id);
    expect(wanted.length).toBeGreaterThan(10);
    expect(documentsWith(index, ['france', 'stargate'], 'ents')).toEqual(wanted);
    expect(documentsWith(index, ['france'], 'nofield')).toEqual([]);
  });
});
