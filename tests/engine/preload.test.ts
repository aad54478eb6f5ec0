/**
 * The English word lists load on first use, or at start when asked
 * (preloadWordLists, as the REPL, Slack and Discord ask): then no question
 * pays for reading them.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/index.js';
import { englishWordsLoaded } from '../../src/text/english.js';
import { wordNetFilesRead } from '../../src/text/wordnet.js';
import { HARBOUR_FIXTURE } from '../helpers/fixtures.js';

describe('word lists at start', () => {
  // One sequence in one module state (vitest gives each test file its own).
  it('load only when asked, then all of them', async () => {
    await createEngine({ corpusDir: HARBOUR_FIXTURE, snapshot: false });
    expect(englishWordsLoaded()).toBe(false);
    expect(wordNetFilesRead()).toBe(0);
    const engine = await createEngine({ corpusDir: HARBOUR_FIXTURE, snapshot: false, preloadWordLists: true });
    expect(englishWordsLoaded()).toBe(true);
    expect(wordNetFilesRead()).toBe(8);
    // A question with words the corpus lacks is weighed with them, as before.
    expect(engine.ask('how many GPUs will the terminal have?').answered).toBe(false);
  });
});
