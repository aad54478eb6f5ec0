import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { EntitySchema, FigureRecordSchema } from '../../src/corpus/schemas.js';
import { extractKnowledge } from '../../src/extract/index.js';
import { segmentDocument } from '../../src/text/segment.js';
import type { CorpusDocument } from '../../src/corpus/document.js';

function doc(id: string, body: string, published?: string): CorpusDocument {
  return { id, title: id, file: `${id}.md`, meta: published ? { published } : {}, body, ...segmentDocument(body) };
}

// Pieces of news text, numbers and punctuation, shuffled into documents nobody wrote.
const piece = fc.constantFrom(
  'The Northport Council', 'said', 'Dr.', 'Mr. Jan Achterberg', '€40 million', 'between 3 and 5 billion euros', '40%', '12 delegates',
  'on Tuesday', 'last week', '4/3/2026', 'Feb. 12', 'by 2030', 'over five years', '(NPC)', '@NorthportCouncil', '“', '”', ',', '.', '?', ';',
  '\n', '\n\n', '- ', '| a | b |', '**Bold.**', 'the regional council pledged', 'It', 'half a billion euros', 'approx.', 'U.S.', ' ', '—', 'x'.repeat(40),
);

describe('any text', () => {
  it('never throws, and every record validates with its quote a verbatim slice', () => {
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 60 }).map((p) => p.join(' ')), { minLength: 1, maxLength: 3 }), fc.boolean(), (bodies, dated) => {
        const docs = bodies.filter((b) => /[\p{L}\p{N}]/u.test(b)).map((b, i) => doc(`d${i}`, b, dated ? '2026-03-03' : undefined));
        const k = extractKnowledge(docs);
        const body = new Map(docs.map((d) => [d.id, d.body]));
        const ids = new Set(k.entities.map((e) => e.id));
        for (const f of k.figures) {
          const { at, alsoAt, ...record } = f;
          FigureRecordSchema.parse(record);
          expect(body.get(at.documentId)!.slice(at.start, at.end)).toBe(f.quote);
          expect(alsoAt).toEqual([]);
          for (const ref of [f.who, ...f.subjects]) if (ref) expect(ids.has(ref)).toBe(true);
        }
        for (const e of k.entities) {
          const { definitionAt, ...record } = e;
          z.array(EntitySchema).parse([record]);
          definitionAt.forEach((at, i) => expect(body.get(at.documentId)!.slice(at.start, at.end)).toBe(e.definition[i]));
        }
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('handles no documents and documents without sentences', () => {
    expect(extractKnowledge([])).toEqual({ entities: [], figures: [], corrections: [] });
    const empty: CorpusDocument = { id: 'e', title: 'e', file: 'e.md', meta: {}, body: '', paragraphs: [], sentences: [] };
    expect(extractKnowledge([empty]).figures).toEqual([]);
  });
});
