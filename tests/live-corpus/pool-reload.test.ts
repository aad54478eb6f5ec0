/**
 * Reloading the answer pool: new workers load the changed corpus while the
 * old ones keep answering, then take over; a question already being answered
 * (or waiting for an old worker) finishes on the old index, and the old
 * workers stop only after that. Questions in flight wait on gates the test
 * opens, so nothing depends on timing.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnswerPool, type AnswerPool } from '../../adapters/shared/answer-pool.js';
import { heldCount, newGate, openGate } from '../helpers/gated-engine.js';
import { waitFor } from '../helpers/wait-for.js';
import { harbourCorpus, LIGHTHOUSE_DOC, LIGHTHOUSE_QUESTION, LIGHTHOUSE_QUOTE } from './fixtures.js';

const ENGINE_MODULE = new URL('../helpers/gated-engine.ts', import.meta.url).href;
/** Questions are held as long as the test needs: how long a reload takes on a busy machine is no concern here. */
const NO_BUDGET = Number.POSITIVE_INFINITY;
const corpus = harbourCorpus();
const gate = newGate();
let pool: AnswerPool | undefined;
afterAll(async () => {
  openGate(gate);
  openGate(gate, 'HOLD');
  await pool?.close();
  corpus.remove();
});

const quoted = (answer: { quotes: { text: string }[] }) => answer.quotes.map((q) => q.text).join('\n');

describe('answer pool reload', () => {
  it('swaps in workers holding the new index; the question in flight finishes on the old one', async () => {
    pool = createAnswerPool({ threads: 1, corpusDir: corpus.dir, engineModule: ENGINE_MODULE, extra: { gate }, timeBudgetMs: NO_BUDGET });
    expect(await pool.documents()).toBe(1);

    const inFlight = pool.ask({ question: `SLOW${LIGHTHOUSE_QUESTION}`, history: [] });
    await waitFor(() => Atomics.load(gate, 1) === 1, { what: 'the slow question to hold its worker' });

    corpus.write('lighthouse.md', LIGHTHOUSE_DOC);
    expect(await pool.reload()).toBe(2);
    expect(await pool.documents()).toBe(2);
    // Answered by the new workers while the old one is still busy.
    expect(quoted(await pool.ask({ question: LIGHTHOUSE_QUESTION, history: [] }))).toContain(LIGHTHOUSE_QUOTE);

    openGate(gate);
    expect(quoted(await inFlight)).not.toContain(LIGHTHOUSE_QUOTE);
  });

  it('with two threads, a reload loses no question: the old pool stops only after every question given to it is answered', async () => {
    const own = harbourCorpus();
    own.write('lighthouse.md', LIGHTHOUSE_DOC);
    const twoGate = newGate();
    const twoThreads = createAnswerPool({ threads: 2, corpusDir: own.dir, engineModule: ENGINE_MODULE, extra: { gate: twoGate }, timeBudgetMs: NO_BUDGET });
    try {
      expect(await twoThreads.documents()).toBe(2);
      // Both old threads hold a question, and a third waits in the old pool's queue.
      const slow = twoThreads.ask({ question: `SLOW${LIGHTHOUSE_QUESTION}`, history: [] });
      const held = twoThreads.ask({ question: `HOLD${LIGHTHOUSE_QUESTION}`, history: [] });
      const queued = twoThreads.ask({ question: LIGHTHOUSE_QUESTION, history: [] });
      await waitFor(() => heldCount(twoGate, 'SLOW') === 1 && heldCount(twoGate, 'HOLD') === 1, { what: 'both threads to hold a question' });

      rmSync(join(own.dir, 'lighthouse.md'));
      expect(await twoThreads.reload()).toBe(1);

      // One old thread finishes its question, then the queued one; the other is still held meanwhile.
      openGate(twoGate, 'SLOW');
      expect((await slow).answered).toBe(true);
      expect((await queued).answered).toBe(true);
      openGate(twoGate, 'HOLD');
      // Answered on the index it was asked of, which still had the document.
      expect(quoted(await held)).toContain(LIGHTHOUSE_QUOTE);
      expect(quoted(await twoThreads.ask({ question: LIGHTHOUSE_QUESTION, history: [] }))).not.toContain(LIGHTHOUSE_QUOTE);
    } finally {
      openGate(twoGate);
      openGate(twoGate, 'HOLD');
      await twoThreads.close();
      own.remove();
    }
  });

  it('closing the pool while a reload loads stops the new workers too: the reload fails instead of leaving a pool running', async () => {
    const own = harbourCorpus();
    const closing = createAnswerPool({ threads: 1, corpusDir: own.dir, engineModule: ENGINE_MODULE, extra: { gate: newGate() } });
    try {
      expect(await closing.documents()).toBe(1);
      const reloadFails = expect(closing.reload()).rejects.toThrow();
      await closing.close();
      await reloadFails;
    } finally {
      own.remove();
    }
  });
});
