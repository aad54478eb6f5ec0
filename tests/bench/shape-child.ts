/**
 * One shape measurement in a fresh process (run by shapes.ts): builds a
 * document of the given shape and size, segments and indexes it, and prints
 * `SHAPE_RESULT {json}` with the times and the peak resident memory.
 */
import { buildDocument } from '../../src/corpus/document.js';
import { markdownFromText } from '../../src/corpus/readers/markdown.js';
import { buildKnowledge } from '../../src/knowledge/knowledge.js';
import { shapeText, type ShapeName } from './shape-text.js';

export interface ShapeResult {
  shape: ShapeName;
  mb: number;
  sentences: number;
  segmentMs: number;
  indexMs: number;
  totalMs: number;
  peakRssMb: number;
}

const [shape, mb] = [process.argv[2] as ShapeName, Number(process.argv[3])];
const body = shapeText(shape, mb);
const t0 = performance.now();
const doc = buildDocument(`${shape}.md`, markdownFromText(`${shape}.md`, body));
const t1 = performance.now();
buildKnowledge({ dir: '.', documents: [doc], figures: [], entities: [], lexicon: { synonyms: [], frame: [] }, warnings: [] });
const t2 = performance.now();
const result: ShapeResult = {
  shape,
  mb: body.length / 2 ** 20,
  sentences: doc.sentences.length,
  segmentMs: t1 - t0,
  indexMs: t2 - t1,
  totalMs: t2 - t0,
  peakRssMb: process.resourceUsage().maxRSS / 1024,
};
process.stdout.write(`SHAPE_RESULT ${JSON.stringify(result)}\n`);
