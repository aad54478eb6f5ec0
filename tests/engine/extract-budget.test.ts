/**
 * Extraction at index time is bounded: a corpus larger than the budget is
 * searched whole, but only its first documents (in order, up to the budget
 * of sentences) are mined for figures, and the start says so once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../src/index.js';
import { tempCorpus, type TempCorpus } from '../helpers/corpus.js';

let corpus: TempCorpus | undefined;
afterEach(() => corpus?.remove());

describe('extraction budget', () => {
  it('mines the documents within the budget, searches all, and notes the rest once', async () => {
    corpus = tempCorpus();
    corpus.write('a-first.md', '# First\n\nThe ferry cost €12 million to build.\n');
    corpus.write('b-second.md', '# Second\n\nThe bridge cost €30 million to build.\n');
    const notes: string[] = [];
    const engine = await createEngine({ corpusDir: corpus.dir, snapshot: false, extractBudget: 2, onWarning: (line) => notes.push(line) });
    expect(engine.figures.map((f) => f.display)).toEqual(['€12 million']);
    expect(notes.filter((n) => /extracted from the first 2 sentences; 1 later documents/.test(n))).toHaveLength(1);
    // The second document is still searched and quoted.
    const a = engine.ask('How much did the bridge cost?');
    expect(a.answered).toBe(true);
    expect(a.quotes[0]!.text).toContain('€30 million');
  });

  it('mines everything by default', async () => {
    corpus = tempCorpus();
    corpus.write('a-first.md', '# First\n\nThe ferry cost €12 million to build.\n');
    corpus.write('b-second.md', '# Second\n\nThe bridge cost €30 million to build.\n');
    const engine = await createEngine({ corpusDir: corpus.dir, snapshot: false, onWarning: () => undefined });
    expect(engine.figures.map((f) => f.display).sort()).toEqual(['€12 million', '€30 million']);
  });
});
