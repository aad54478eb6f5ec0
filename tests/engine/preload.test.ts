/**
 * The English word lists load on first use, or at start when asked
 * (preloadWordLists, as the REPL, Slack and Discord ask): then no question
 * pays for reading them.
 */
import { describe, expect, it, vi } from 'vitest';
import { HARBOUR_FIXTURE } from '../helpers/fixtures.js';

/** The engine and the word-list modules, freshly loaded: other tests in this thread may have loaded the lists. */
async function fresh() {
  vi.resetModules();
  const [{ createEngine }, english, wordnet] = await Promise.all([import('../../src/index.js'), import('../../src/text/english.js'), import('../../src/text/wordnet.js')]);
  return { createEngine, englishWordsLoaded: english.englishWordsLoaded, wordNetFilesRead: wordnet.wordNetFilesRead };
}

describe('word lists at start', () => {
  it('are not read by an engine that was not asked to', async () => {
    const { createEngine, englishWordsLoaded, wordNetFilesRead } = await fresh();
    const engine = await createEngine({ corpusDir: HARBOUR_FIXTURE, snapshot: false });
    expect(englishWordsLoaded()).toBe(false);
    expect(wordNetFilesRead()).toBe(0);
    // A question with a word the corpus lacks reads them then.
    engine.ask('will they woo the terminal operators?');
    expect(englishWordsLoaded()).toBe(true);
  });

  it('are all read at start when asked', async () => {
    const { createEngine, englishWordsLoaded, wordNetFilesRead } = await fresh();
    const engine = await createEngine({ corpusDir: HARBOUR_FIXTURE, snapshot: false, preloadWordLists: true });
    expect(englishWordsLoaded()).toBe(true);
    expect(wordNetFilesRead()).toBe(8);
    expect(engine.ask('how many GPUs will the terminal have?').answered).toBe(false);
  });
});
