/**
 * Extraction time and output size on the synthetic corpus at growing sizes:
 * the time per 1,000 sentences should stay flat (linear indexing).
 *
 *   npx tsx tests/bench/extract-scale.ts [10000 50000 100000]
 */
import { performance } from 'node:perf_hooks';
import { loadCorpus } from '../../src/corpus/load.js';
import { extractKnowledge } from '../../src/extract/index.js';
import { segmentDocument } from '../../src/text/segment.js';
import { ensureSynthCorpus } from './synth-corpus.js';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
for (const sentences of sizes.length ? sizes : [10_000, 50_000, 100_000]) {
  const manifest = ensureSynthCorpus({ sentences });
  const corpus = await loadCorpus(manifest.dir);
  const count = corpus.documents.reduce((n, d) => n + d.sentences.length, 0);
  extractKnowledge(corpus.documents.slice(0, 20)); // warm-up
  // Baseline in the same run: splitting the same documents into paragraphs and sentences.
  const t0 = performance.now();
  for (const d of corpus.documents) segmentDocument(d.body);
  const baseline = performance.now() - t0;
  const rssBefore = process.memoryUsage().rss;
  const t = performance.now();
  const k = extractKnowledge(corpus.documents);
  const ms = performance.now() - t;
  const rss = process.memoryUsage().rss;
  console.log(`${count} sentences: ${Math.round(ms)} ms (${((ms / count) * 1000).toFixed(0)} ms per 1,000 sentences, ${(ms / baseline).toFixed(1)}x segmentation), ${k.figures.length} figures, ${k.entities.length} entities, RSS +${Math.round((rss - rssBefore) / 1e6)} MB`);
}
