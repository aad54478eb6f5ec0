/**
 * Extraction time for awkward document shapes, in ms per MB next to the
 * forum corpus in the same run: one huge paragraph, thousands of list lines,
 * a single line of several MB. Linear extraction keeps ms per MB about flat.
 *
 *   npx tsx tests/bench/extract-shapes.ts
 */
import { performance } from 'node:perf_hooks';
import type { CorpusDocument } from '../../src/corpus/document.js';
import { extractKnowledge } from '../../src/extract/index.js';
import { segmentDocument } from '../../src/text/segment.js';
import { forumDocuments } from '../extract/documents.js';

const forum = forumDocuments();
const sentences = forum.flatMap((d) => d.sentences.map((s) => s.text));

function doc(id: string, body: string, mode: 'blocks' | 'lines' = 'blocks'): CorpusDocument {
  return { id, title: id, file: `${id}.md`, meta: { published: '2026-03-04' }, body, ...segmentDocument(body, mode) };
}

/** One paragraph and one sentence spanning the whole body: the worst case for per-sentence work. */
function oneSentence(id: string, body: string): CorpusDocument {
  return { id, title: id, file: `${id}.md`, meta: { published: '2026-03-04' }, body, paragraphs: [{ start: 0, end: body.length, number: 1 }], sentences: [{ start: 0, end: body.length, paragraph: 1, indexInParagraph: 0, text: body }] };
}

function repeat(bytes: number, join: string, prefix = ''): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const s = prefix + sentences[i % sentences.length]!;
    parts.push(s);
    size += s.length + join.length;
  }
  return parts.join(join);
}

const shapes: [string, () => CorpusDocument[]][] = [
  ['forum corpus (baseline)', () => forum],
  ['1 MB, one paragraph', () => [doc('one-paragraph', repeat(1e6, ' '))]],
  ['1 MB of list lines', () => [doc('list-lines', repeat(1e6, '\n', '- '), 'lines')]],
  ['10 MB single line read as one sentence', () => [oneSentence('single-line', repeat(1e7, ' ').replace(/[.!?]/g, ','))]],
];

extractKnowledge(forum); // warm-up
for (const [name, make] of shapes) {
  const docs = make();
  const mb = docs.reduce((n, d) => n + d.body.length, 0) / 1e6;
  const t = performance.now();
  const k = extractKnowledge(docs, { maxFiguresPerDocument: Number.POSITIVE_INFINITY });
  const ms = performance.now() - t;
  console.log(`${name}: ${mb.toFixed(2)} MB in ${Math.round(ms)} ms = ${Math.round(ms / mb)} ms/MB (${k.figures.length} figures, ${k.entities.length} entities)`);
}
