/**
 * Live reload through a running Discord bot (real discord.js, fake Discord):
 * /ask answers from a document added after start, and a broken document
 * added next is skipped with one warning line and it keeps answering from the rest.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { liveEngine, type LiveEngine, type ReloadResult } from '../../adapters/shared/live-corpus/index.js';
import { startHarness, type Harness } from '../discord/harness.js';
import { askInteraction } from '../discord/fake-discord/index.js';
import { waitForEdit } from '../discord/wire.js';
import { waitFor } from '../helpers/wait-for.js';
import { captureLogger } from '../question-log/fixtures.js';
import { createEngine } from '../../src/index.js';
import { BROKEN_DOC, buildFresh, harbourCorpus, LIGHTHOUSE_DOC, LIGHTHOUSE_QUESTION, LIGHTHOUSE_QUOTE } from './fixtures.js';

const corpus = harbourCorpus();
let live: LiveEngine | undefined;
let h: Harness | undefined;
afterAll(async () => {
  await h?.stop();
  live?.close();
  corpus.remove();
});

describe('live corpus reload (Discord)', () => {
  it('answers /ask from a document added after start, and keeps answering when a broken one follows', async () => {
    const logger = captureLogger();
    const build = (dir: string | undefined) => createEngine({ ...(dir ? { corpusDir: dir } : {}), snapshot: false, onWarning: (line) => logger.warn({}, line) });
    live = liveEngine(await buildFresh(corpus.dir), { corpusDir: corpus.dir, logger, build, watch: { debounceMs: 100 } });
    h = await startHarness({ engine: live.engine, env: { CORPUS_DIR: corpus.dir, DISCORD_RATE_LIMIT: '1000' } });
    const reloads: ReloadResult[] = [];
    live.engine.onReload((r) => reloads.push(r));
    const ask = async () => {
      const edit = await waitForEdit(h!.fake, h!.fake.sendInteraction(askInteraction(LIGHTHOUSE_QUESTION)));
      return JSON.stringify(edit.body);
    };

    expect(await ask()).not.toContain(LIGHTHOUSE_QUOTE);
    corpus.write('lighthouse.md', LIGHTHOUSE_DOC);
    await waitFor(() => reloads.find((r) => r.ok), { what: 'the reload' });
    expect(await ask()).toContain(LIGHTHOUSE_QUOTE);

    corpus.write('broken.md', BROKEN_DOC);
    await waitFor(() => reloads.length >= 2, { what: 'the reload after the broken document' });
    expect(reloads.every((r) => r.ok && r.documents === 2)).toBe(true);
    expect(await ask()).toContain(LIGHTHOUSE_QUOTE);
    const warnings = logger.lines.filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toMatch(/^corpus warning in .*broken\.md/);
  });
});
