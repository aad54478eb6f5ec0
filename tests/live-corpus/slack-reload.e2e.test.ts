/**
 * Live reload through a running Slack bot (real Bolt, fake Slack): a document
 * added to CORPUS_DIR after start is answered from within 5 s of the file
 * appearing; a broken document added next leaves the bot answering from the rest.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { liveEngine, type LiveEngine, type ReloadResult } from '../../adapters/shared/live-corpus/index.js';
import { loadSlackConfig } from '../../adapters/slack/config.js';
import { FAKE_BOT_TOKEN, FAKE_SIGNING_SECRET, startSlack, type Harness } from '../slack/harness.js';
import { envelope, mention, nextTs, postEvent } from '../slack/slack-requests.js';
import { waitFor } from '../helpers/wait-for.js';
import { captureLogger } from '../question-log/fixtures.js';
import { BROKEN_DOC, buildFresh, harbourCorpus, LIGHTHOUSE_DOC, LIGHTHOUSE_QUESTION, LIGHTHOUSE_QUOTE } from './fixtures.js';

const corpus = harbourCorpus();
let live: LiveEngine | undefined;
let h: Harness | undefined;
afterAll(async () => {
  await h?.stop();
  live?.close();
  corpus.remove();
});

describe('live corpus reload (Slack)', () => {
  it('answers from a document added after start, and keeps answering when a broken one follows', { timeout: 30_000 }, async () => {
    // The corpus comes from CORPUS_DIR, as in production.
    const { corpusDir } = loadSlackConfig({ SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET, CORPUS_DIR: corpus.dir });
    const logger = captureLogger();
    live = liveEngine(await buildFresh(corpusDir), { corpusDir, logger, build: buildFresh, watch: { debounceMs: 100 } });
    h = await startSlack({ mode: 'http', engine: live.engine, env: { SLACK_RATE_LIMIT: '1000', CORPUS_DIR: corpus.dir } });
    const reloads: ReloadResult[] = [];
    live.engine.onReload((r) => reloads.push(r));

    const ask = async (channel: string, timeoutMs = 5000) => {
      const ts = nextTs();
      await postEvent(h!.url, FAKE_SIGNING_SECRET, envelope(mention({ channel, user: 'U1', text: `<@UBOT> ${LIGHTHOUSE_QUESTION}`, ts })));
      return waitFor(() => h!.fake.messagesIn(channel, ts)[0], { what: `the answer in ${channel}`, timeoutMs });
    };
    const before = await ask('C1');
    expect(before.text).not.toContain(LIGHTHOUSE_QUOTE);

    const appeared = Date.now();
    corpus.write('lighthouse.md', LIGHTHOUSE_DOC);
    const deadline = () => Math.max(1, appeared + 5000 - Date.now());
    await waitFor(() => reloads.find((r) => r.ok), { what: 'the reload after the new document', timeoutMs: deadline() });
    const after = await ask('C2', deadline());
    expect(after.text).toContain(LIGHTHOUSE_QUOTE);
    expect(live.engine.documents).toHaveLength(2);

    corpus.write('broken.md', BROKEN_DOC);
    await waitFor(() => reloads.find((r) => !r.ok), { what: 'the failed reload after the broken document', timeoutMs: 5000 });
    const still = await ask('C3');
    expect(still.text).toContain(LIGHTHOUSE_QUOTE);
    expect(live.engine.documents).toHaveLength(2);
    const failures = logger.lines.filter((l) => l.level === 'warn');
    expect(failures).toHaveLength(1);
    expect(failures[0]!.msg).toContain('broken.md');
    expect(logger.lines.find((l) => l.level === 'info')!.msg).toMatch(/^corpus reloaded: 2 documents in \d+ ms$/);
  });
});
