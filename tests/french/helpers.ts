/**
 * The French lexicons the French tests read with: FreeDict's as installed
 * (Debian's dict-freedict-fra-eng and dict-freedict-eng-fra, which .ci/run
 * installs), and one with no dictionary at all (cognate rules only).
 */
import { existsSync } from 'node:fs';
import { DEFAULT_FREEDICT_DIR, loadFrenchLexicon } from '../../src/understand/french/index.js';

const dir = process.env.FREEDICT_DIR ?? DEFAULT_FREEDICT_DIR;
/** Whether FreeDict's French–English dictionary is installed here. */
export const dictionaryInstalled = existsSync(`${dir}/freedict-fra-eng.index`);
if (!dictionaryInstalled) console.warn(`FreeDict's French–English dictionary is not in ${dir}: the tests that need it are skipped (apt-get install dict-freedict-fra-eng dict-freedict-eng-fra)`);

export const withDictionary = () => loadFrenchLexicon();
export const cognatesOnly = () => loadFrenchLexicon({ dictionaries: false });
