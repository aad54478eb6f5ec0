/**
 * Reloading the answer pool: new workers load the changed corpus while the
 * old ones keep answering, then take over; a question already being answered
 * finishes on the old index. The question in flight waits on a gate the test
 * opens, so nothing depends on timing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createAnswerPool, type AnswerPool } from '../../adapters/shared/answer-pool.js';
import { newGate, openGate } from '../helpers/gated-engine.js';
import { waitFor } from '../helpers/wait-for.js';
import { harbourCorpus, LIGHTHOUSE_DOC, LIGHTHOUSE_QUESTION, LIGHTHOUSE_QUOTE } from './fixtures.js';

const ENGINE_MODULE = new URL('../helpers/gated-engine.ts', import.meta.url).href;
const corpus = harbourCorpus();
const gate = newGate();
let pool: AnswerPool | undefined;
afterAll(async () => {
  openGate(gate);
  await pool?.close();
  corpus.remove();
});

const quoted = (answer: { quotes: { text: string }[] }) => answer.quotes.map((q) => q.text).join('\n');

describe('answer pool reload', () => {
  it('swaps in workers holding the new index; the question in flight finishes on the old one', { timeout: 40_000 }, async () => {
    pool = createAnswerPool({ threads: 1, corpusDir: corpus.dir, engineModule: ENGINE_MODULE, extra: { gate } });
    expect(await pool.documents()).toBe(1);

    const inFlight = pool.ask({ question: `SLOW${LIGHTHOUSE_QUESTION}`, history: [] });
    await waitFor(() => Atomics.load(gate, 1) === 1, { timeoutMs: 15_000, what: 'the slow question to hold its worker' });

    corpus.write('lighthouse.md', LIGHTHOUSE_DOC);
    expect(await pool.reload()).toBe(2);
    expect(await pool.documents()).toBe(2);
    // Answered by the new workers while the old one is still busy.
    expect(quoted(await pool.ask({ question: LIGHTHOUSE_QUESTION, history: [] }))).toContain(LIGHTHOUSE_QUOTE);

    openGate(gate);
    expect(quoted(await inFlight)).not.toContain(LIGHTHOUSE_QUOTE);
  });
});
