/**
 * Extraction no document can take down (src/extract/guard.ts): a document
 * extraction fails on is served without its figures and names, with one
 * warning naming its file and the reason, and the others are extracted as
 * if it were not there.
 */
import { describe, expect, it } from 'vitest';
import type { CorpusDocument } from '../../src/corpus/document.js';
import { extractGuarded } from '../../src/extract/guard.js';
import { extractKnowledge, type ExtractOptions } from '../../src/extract/index.js';
import { buildKnowledge } from '../../src/knowledge/knowledge.js';
import { documentFrom } from './documents.js';

const alpha = documentFrom('alpha.md', 'Alpha Systems pledged €5 billion on Monday.\n');
const beta = documentFrom('beta.md', 'Beta Partners raised €7 million in March.\n');
const gamma = documentFrom('gamma.md', 'Gamma Works hired 40 engineers in Lisbon.\n');
const delta = documentFrom('delta.md', 'Delta Labs opened a €2 million office.\n');

/** extractKnowledge, failing as a bug would on the documents `fails` picks out from those it is given. */
function failingOn(fails: (docs: CorpusDocument[]) => boolean, calls: CorpusDocument[][] = []) {
  return (docs: CorpusDocument[], options: ExtractOptions) => {
    calls.push(docs);
    if (fails(docs)) throw new TypeError("Cannot read properties of undefined (reading 'toLowerCase')");
    return extractKnowledge(docs, options);
  };
}

const figureDocs = (k: { figures: { document: string }[] }) => [...new Set(k.figures.map((f) => f.document))].sort();

describe('extractGuarded', () => {
  it('without a failure: one run, the same as extractKnowledge, and no warning', () => {
    const calls: CorpusDocument[][] = [];
    const k = extractGuarded([alpha, beta], { extract: failingOn(() => false, calls) });
    expect(calls).toHaveLength(1);
    expect(k).toEqual({ ...extractKnowledge([alpha, beta]), warnings: [] });
  });

  it('a document that fails on its own is left out, with one warning line naming its file and the reason', () => {
    const k = extractGuarded([alpha, beta, gamma], { extract: failingOn((docs) => docs.includes(beta)) });
    expect(figureDocs(k)).toEqual(['alpha', 'gamma']);
    expect(k.warnings).toEqual([
      "corpus warning in beta.md: figures and names could not be extracted (TypeError: Cannot read properties of undefined (reading 'toLowerCase')) (document served without extracted figures and names)",
    ]);
  });

  it('a failure only two documents make together: the one whose addition fails is left out', () => {
    // Each alone extracts; beta with delta does not (as an adjective in one and its place in the other once did).
    const k = extractGuarded([alpha, beta, gamma, delta], { extract: failingOn((docs) => docs.includes(beta) && docs.includes(delta)) });
    expect(figureDocs(k)).toEqual(['alpha', 'beta', 'gamma']);
    expect(k.warnings).toHaveLength(1);
    expect(k.warnings[0]).toMatch(/^corpus warning in delta\.md: figures and names could not be extracted \(TypeError: /);
  });

  it('past maxSearches, nothing is extracted and every document is named', () => {
    // Any two documents together fail: the one search leaves beta out (alpha and beta are the shortest failing prefix), and alpha and gamma still fail.
    const k = extractGuarded([alpha, beta, gamma], { maxSearches: 1, extract: failingOn((docs) => docs.length >= 2) });
    expect(k.figures).toEqual([]);
    expect(k.entities).toEqual([]);
    expect(k.warnings.map((w) => w.split(':')[0])).toEqual(['corpus warning in beta.md', 'corpus warning in alpha.md', 'corpus warning in gamma.md']);
  });

  it('something thrown that is not an Error is reported as it is', () => {
    const k = extractGuarded([alpha], {
      extract: () => {
        throw 'out of cheese';
      },
    });
    expect(k.warnings).toEqual(['corpus warning in alpha.md: figures and names could not be extracted (out of cheese) (document served without extracted figures and names)']);
  });
});

describe('buildKnowledge', () => {
  it('a document extraction fails on still serves its text, the start goes on, and its warning is kept with the corpus', () => {
    // Its metadata throws when extraction reads the date: it stands for any bug extraction meets in a document.
    const broken: CorpusDocument = {
      ...beta,
      meta: new Proxy(beta.meta, {
        get(target, key) {
          if (key === 'published') throw new TypeError('a bug met in this document');
          return Reflect.get(target, key);
        },
      }),
    };
    const lines: string[] = [];
    const k = buildKnowledge({ dir: '.', documents: [alpha, broken, gamma], figures: [], entities: [], lexicon: { synonyms: [], frame: [] } }, { onWarning: (line) => lines.push(line) });
    expect(lines).toEqual(['corpus warning in beta.md: figures and names could not be extracted (TypeError: a bug met in this document) (document served without extracted figures and names)']);
    expect(k.corpus.warnings).toEqual(lines);
    expect(k.passages.some((p) => p.doc.id === 'beta' && p.sentence.text.includes('€7 million'))).toBe(true);
    expect([...new Set(k.figures.map((f) => f.figure.document))].sort()).toEqual(['alpha', 'gamma']);
  });
});
