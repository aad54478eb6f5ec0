/** The engine holder: background rebuilds, atomic swap, failures keep the old corpus. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/index.js';
import { EngineHolder, isIgnoredName } from '../../adapters/shared/live-corpus/index.js';
import { captureLogger } from '../question-log/fixtures.js';
import { buildFresh, harbourCorpus, LIGHTHOUSE_DOC, LIGHTHOUSE_QUESTION } from './fixtures.js';
import { tempCorpus } from '../helpers/corpus.js';
import { CUT_QUOTE, KEPT_QUOTE, LONG_DOC, LONG_DOC_NAME, SMALL_TEXT_LIMIT } from '../helpers/long-document.js';

const corpus = harbourCorpus();
let harbour: Engine;
beforeAll(async () => {
  harbour = await buildFresh(corpus.dir);
});
afterAll(() => corpus.remove());

describe('EngineHolder', () => {
  it('answers from the old engine while the new one builds, then from the new one', async () => {
    const withLighthouse = harbourCorpus();
    withLighthouse.write('lighthouse.md', LIGHTHOUSE_DOC);
    const next = await buildFresh(withLighthouse.dir);
    withLighthouse.remove();
    let finish!: (e: Engine) => void;
    const logger = captureLogger();
    const holder = EngineHolder.around(harbour, { corpusDir: corpus.dir, logger, build: () => new Promise<Engine>((resolve) => (finish = resolve)) });

    const reloading = holder.reload();
    // A question arriving mid-build is answered by the engine that was current.
    expect(holder.ask(LIGHTHOUSE_QUESTION).answered).toBe(false);
    finish(next);
    const result = await reloading;
    expect(result).toMatchObject({ ok: true, documents: 2 });
    expect(holder.ask(LIGHTHOUSE_QUESTION).answered).toBe(true);
    expect(holder.documents).toHaveLength(2);
    expect(logger.lines).toEqual([{ level: 'info', obj: { documents: 2, ms: expect.any(Number) }, msg: expect.stringMatching(/^corpus reloaded: 2 documents in \d+ ms$/) }]);
  });

  it('keeps the old engine when the build fails, and says why in one line', async () => {
    const logger = captureLogger();
    const holder = EngineHolder.around(harbour, { logger, build: () => Promise.reject(new Error('broken.md: not a text file\n(it contains NUL bytes)')) });
    const result = await holder.reload();
    expect(result).toMatchObject({ ok: false, reason: 'broken.md: not a text file (it contains NUL bytes)' });
    expect(holder.engine).toBe(harbour);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]!.level).toBe('warn');
    expect(logger.lines[0]!.msg).not.toContain('\n');
    expect(logger.lines[0]!.msg).toContain('still serving the previous 1 document:');
  });

  it('folds reloads asked for during a build into one more build', async () => {
    let builds = 0;
    const gates: ((e: Engine) => void)[] = [];
    const holder = EngineHolder.around(harbour, { logger: captureLogger(), build: () => (builds++, new Promise<Engine>((resolve) => gates.push(resolve))) });
    const first = holder.reload();
    const second = holder.reload();
    const third = holder.reload();
    expect(second).toBe(third);
    gates.shift()!(harbour);
    await first;
    await new Promise((r) => setImmediate(r));
    gates.shift()!(harbour);
    await second;
    expect(builds).toBe(2);
  });

  it('the default build reads with the documentLimits given, so a reload keeps them', async () => {
    const long = tempCorpus();
    try {
      long.write(LONG_DOC_NAME, LONG_DOC);
      const holder = EngineHolder.around(harbour, { corpusDir: long.dir, logger: captureLogger(), documentLimits: { maxTextChars: SMALL_TEXT_LIMIT } });
      expect(await holder.reload()).toMatchObject({ ok: true, documents: 1 });
      const text = holder.documentText('harbour-history')!;
      expect(text.length).toBeLessThanOrEqual(SMALL_TEXT_LIMIT);
      expect(text).toContain(KEPT_QUOTE);
      expect(text).not.toContain(CUT_QUOTE);
    } finally {
      long.remove();
    }
  });

  it('ignores editor droppings when watching', () => {
    expect(isIgnoredName('.notes.md.swp')).toBe(true);
    expect(isIgnoredName('sub/draft.md~')).toBe(true);
    expect(isIgnoredName('lighthouse.md')).toBe(false);
  });
});
