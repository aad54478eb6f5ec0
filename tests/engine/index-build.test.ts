/**
 * The index is built with its term entries remembered for the build
 * (addAllRememberingTerms): it must be exactly the index minisearch's own
 * addAll builds from the same documents, and search the same.
 */
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { addAllRememberingTerms, INDEX_OPTIONS, type IndexedRecord } from '../../src/knowledge/knowledge.js';

/** Documents whose words share prefixes in every way the radix tree splits and joins them. */
function documents(count: number, seed: number): IndexedRecord[] {
  const stems = ['in', 'inv', 'invest', 'investor', 'investment', 'i', 'a', 'ab', 'abc', 'b', 'ba', 'band', 'bandwidth', 'gigafactori', 'giga', 'g', '200', '2000', '20'];
  let x = seed;
  const next = () => (x = (x * 1103515245 + 12345) & 0x7fffffff);
  return Array.from({ length: count }, (_, id) => ({
    id,
    text: Array.from({ length: 1 + (next() % 12) }, () => stems[next() % stems.length]).join(' '),
    ents: next() % 3 === 0 ? `entity-${next() % 5}` : '',
  }));
}

describe('index build with remembered term entries', () => {
  it.each([1, 2, 3])('is the same index addAll builds (seed %i)', (seed) => {
    const docs = documents(400, seed);
    const plain = new MiniSearch<IndexedRecord>(INDEX_OPTIONS);
    plain.addAll(docs);
    const remembered = new MiniSearch<IndexedRecord>(INDEX_OPTIONS);
    addAllRememberingTerms(remembered, docs);
    expect(JSON.stringify(remembered)).toBe(JSON.stringify(plain));
    for (const q of ['invest', 'in', 'giga band', 'entity-2', '200 abc']) expect(remembered.search(q)).toEqual(plain.search(q));
  });

  it('documents given as lists of terms index as their space-separated text does', () => {
    const docs = documents(300, 5);
    const asText = new MiniSearch<IndexedRecord>(INDEX_OPTIONS);
    asText.addAll(docs);
    const asLists = new MiniSearch<IndexedRecord>(INDEX_OPTIONS);
    asLists.addAll(docs.map((d) => ({ id: d.id, text: String(d.text).split(' ').filter(Boolean), ents: String(d.ents).split(' ').filter(Boolean) })));
    expect(JSON.stringify(asLists)).toBe(JSON.stringify(asText));
  });

  it('leaves the index as minisearch made it: later additions still reach the tree', () => {
    const docs = documents(50, 9);
    const index = new MiniSearch<IndexedRecord>(INDEX_OPTIONS);
    addAllRememberingTerms(index, docs);
    index.add({ id: 1000, text: 'zebra', ents: '' });
    expect(index.search('zebra').map((r) => r.id)).toEqual([1000]);
    expect(Object.prototype.hasOwnProperty.call((index as unknown as { _index: object })._index, 'fetch')).toBe(false);
  });
});
