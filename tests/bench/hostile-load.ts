/**
 * Loading a corpus of one ordinary document and one hostile one (see
 * tests/corpus/hostile-documents.ts) the way a surface does. Two steps, so
 * that the peak memory of the load is not the generator's:
 *
 *   npx tsx tests/bench/hostile-load.ts write html|pdf|pdf-graphics|pdf-12mb|pdf-graphics-12mb|txt|none DIR
 *   /usr/bin/time -v npx tsx tests/bench/hostile-load.ts load DIR
 *
 * `load` prints the load time, the documents, the warnings and whether the
 * ordinary document still answers; /usr/bin/time gives the peak memory.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../../src/index.js';
import { deeplyNestedHtml, largeText, sharedStreamPdf } from '../corpus/hostile-documents.js';

const [step, ...rest] = process.argv.slice(2);

if (step === 'write') {
  const [which, dir] = rest;
  if (!which || !dir) throw new Error('usage: write html|pdf|pdf-graphics|pdf-12mb|pdf-graphics-12mb|txt|none DIR');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'good.md'), '# Harbour tram\n\nThe harbour tram opens in June, the council said on Monday.\n');
  if (which === 'html') writeFileSync(join(dir, 'deep.html'), deeplyNestedHtml());
  else if (which === 'pdf') writeFileSync(join(dir, 'shared.pdf'), sharedStreamPdf());
  else if (which === 'pdf-graphics') writeFileSync(join(dir, 'shared.pdf'), sharedStreamPdf({ text: false }));
  // Streams within maxPdfStreamBytes: the text limit, then the time limit, are what stop these.
  else if (which === 'pdf-12mb') writeFileSync(join(dir, 'shared.pdf'), sharedStreamPdf({ streamBytes: 12 * 1024 * 1024 }));
  else if (which === 'pdf-graphics-12mb') writeFileSync(join(dir, 'shared.pdf'), sharedStreamPdf({ streamBytes: 12 * 1024 * 1024, text: false }));
  else if (which === 'txt') writeFileSync(join(dir, 'large.txt'), largeText());
  else if (which !== 'none') throw new Error(`unknown case ${which}: html, pdf, pdf-graphics, pdf-12mb, pdf-graphics-12mb, txt or none`);
} else if (step === 'load') {
  const [dir] = rest;
  if (!dir) throw new Error('usage: load DIR');
  const warnings: string[] = [];
  const started = performance.now();
  const engine = await createEngine({ corpusDir: dir, snapshot: false, onWarning: (line) => warnings.push(line) });
  const loadMs = performance.now() - started;
  const answer = engine.ask('When does the harbour tram open?');
  console.log(JSON.stringify({ loadMs: Math.round(loadMs), documents: engine.documents.map((d) => `${d.id} (${d.sentences} sentences)`), answered: answer.answered, warnings: warnings.map((w) => w.split(dir).join('DIR')) }, null, 1));
} else {
  throw new Error('usage: write CASE DIR, then load DIR');
}
