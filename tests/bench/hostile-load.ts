/**
 * Loads a corpus of one ordinary document and one hostile one (see
 * tests/corpus/hostile-documents.ts) the way a surface does, and prints the
 * load time, the warnings and whether the ordinary document still answers.
 * Run under `/usr/bin/time -v` for the peak memory:
 *
 *   /usr/bin/time -v npx tsx tests/bench/hostile-load.ts html|pdf|pdf-graphics|txt|none
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../../src/index.js';
import { deeplyNestedHtml, largeText, sharedStreamPdf } from '../corpus/hostile-documents.js';

const which = process.argv[2] ?? 'none';
const dir = mkdtempSync(join(tmpdir(), 'summit-qa-hostile-'));
try {
  writeFileSync(join(dir, 'good.md'), '# Harbour tram\n\nThe harbour tram opens in June, the council said on Monday.\n');
  if (which === 'html') writeFileSync(join(dir, 'deep.html'), deeplyNestedHtml());
  else if (which === 'pdf') writeFileSync(join(dir, 'shared.pdf'), sharedStreamPdf());
  else if (which === 'pdf-graphics') writeFileSync(join(dir, 'shared.pdf'), sharedStreamPdf({ text: false }));
  else if (which === 'txt') writeFileSync(join(dir, 'large.txt'), largeText());
  else if (which !== 'none') throw new Error(`unknown case ${which}: html, pdf, pdf-graphics, txt or none`);
  const warnings: string[] = [];
  const started = performance.now();
  const engine = await createEngine({ corpusDir: dir, snapshot: false, onWarning: (line) => warnings.push(line) });
  const loadMs = performance.now() - started;
  const answer = engine.ask('When does the harbour tram open?');
  console.log(JSON.stringify({ case: which, loadMs: Math.round(loadMs), documents: engine.documents.map((d) => `${d.id} (${d.sentences} sentences)`), answered: answer.answered, warnings: warnings.map((w) => w.split(dir).join('DIR')) }, null, 1));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
