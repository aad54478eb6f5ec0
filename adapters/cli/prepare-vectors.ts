/**
 * Run by `npm ci` / `npm install` (the package's prepare step): compacts the
 * word vectors once, so no start pays for it. Never fails the install: without
 * the vectors package, the engine runs without that feature and says so.
 */
import { existsSync } from 'node:fs';
import { compactWordVectors, defaultVectorFile } from '../../src/text/word-vectors.js';

const file = defaultVectorFile();
if (!existsSync(file)) {
  const started = Date.now();
  try {
    compactWordVectors(file);
    process.stderr.write(`word vectors compacted to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } catch (error) {
    process.stderr.write(`word vectors not prepared (${(error as Error).message}); the engine will try again at start\n`);
  }
}
