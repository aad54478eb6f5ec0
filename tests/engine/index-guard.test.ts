/**
 * A document whose indexing fails (a bug meeting text nobody foresaw) is
 * left out of the index with one warning line naming its file; the others
 * are indexed and answer as before.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCorpus } from '../../src/corpus/load.js';
import { readCorpus } from '../../src/corpus/read.js';
import { buildKnowledge } from '../../src/knowledge/knowledge.js';
import { EntityMatcher } from '../../src/knowledge/entities.js';
import { tempCorpus } from '../helpers/corpus.js';

afterEach(() => vi.restoreAllMocks());

describe('indexing, one document at a time', () => {
  it('skips the document that fails, warns once naming it, and indexes the rest', async () => {
    const corpus = tempCorpus();
    corpus.write('good.md', '---\ntitle: Good\n---\nThe bridge opened in 1932 after four years of work.\n');
    corpus.write('odd.md', '---\ntitle: Odd\n---\nThis text trips the indexer: QUIRK.\n');
    const parsed = await parseCorpus(await readCorpus(corpus.dir));
    const find = EntityMatcher.prototype.findInDocument;
    vi.spyOn(EntityMatcher.prototype, 'findInDocument').mockImplementation(function (this: EntityMatcher, text: string) {
      if (text.includes('QUIRK')) throw new TypeError('cannot read properties of undefined');
      return find.call(this, text);
    });
    const warnings: string[] = [];
    const k = buildKnowledge(parsed, { onWarning: (line) => warnings.push(line) });
    expect(warnings.filter((w) => /odd\.md/.test(w))).toEqual([expect.stringMatching(/could not be indexed \(TypeError: cannot read properties of undefined\).*document skipped/)]);
    expect(k.passages.map((p) => p.doc.title)).toEqual(['Good']);
    expect(k.corpus.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/odd\.md/)]));
    corpus.remove();
  });
});
