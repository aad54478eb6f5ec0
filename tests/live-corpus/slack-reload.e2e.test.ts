/**
 * Live reload through a running Slack bot, started as `npm run slack` starts
 * it (the service in-process, answers from a worker pool) against the fake
 * Slack: a document added to CORPUS_DIR after start is answered once the
 * reload it sets off is logged, the pool's workers swapped for ones holding
 * the new index; a broken document added next is skipped with one warning
 * line and the bot keeps answering from the rest. The test waits for the
 * reload's log line, not for a time: how soon it comes is the bench's concern.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { slackService } from '../../adapters/slack/service.js';
import { runInProcess, type InProcess } from '../helpers/service-io.js';
import { waitFor } from '../helpers/wait-for.js';
import { FakeSlack } from '../slack/fake-slack.js';
import { FAKE_APP_TOKEN, FAKE_BOT_TOKEN } from '../slack/harness.js';
import { envelope, mention, nextTs } from '../slack/slack-requests.js';
import { BROKEN_DOC, harbourCorpus, LIGHTHOUSE_DOC, LIGHTHOUSE_QUESTION, LIGHTHOUSE_QUOTE } from './fixtures.js';

const corpus = harbourCorpus();
let fake: FakeSlack | undefined;
let run: InProcess | undefined;
afterAll(async () => {
  run?.signal('SIGTERM');
  await run?.exited;
  await fake?.close();
  corpus.remove();
});

describe('live corpus reload (Slack, worker pool)', () => {
  it('answers from a document added after start, and keeps answering when a broken one follows', async () => {
    fake = await FakeSlack.start({ botToken: FAKE_BOT_TOKEN, appToken: FAKE_APP_TOKEN });
    run = runInProcess(slackService, { SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_APP_TOKEN: FAKE_APP_TOKEN, SLACK_API_URL: fake.apiUrl, ANSWER_WORKERS: '1', CORPUS_DIR: corpus.dir, QUESTION_LOG: 'off' });
    await waitFor(() => fake!.connectedSockets > 0, { what: 'the adapter to connect' });
    const reloads = () => run!.logs().filter((l) => /^corpus reloaded/.test(l.msg));

    const ask = async (channel: string) => {
      const ts = nextTs();
      fake!.sendSocketEvent(envelope(mention({ channel, user: 'U1', text: `<@UBOT> ${LIGHTHOUSE_QUESTION}`, ts })));
      return waitFor(() => fake!.messagesIn(channel, ts)[0], { what: `the answer in ${channel}` });
    };
    const before = await ask('C1');
    expect(before.text).not.toContain(LIGHTHOUSE_QUOTE);

    corpus.write('lighthouse.md', LIGHTHOUSE_DOC);
    await waitFor(() => reloads().length >= 1, { what: 'the reload after the new document' });
    expect(reloads()[0]!.msg).toMatch(/^corpus reloaded: 2 documents in \d+ ms$/);
    const after = await ask('C2');
    expect(after.text).toContain(LIGHTHOUSE_QUOTE);

    corpus.write('broken.md', BROKEN_DOC);
    await waitFor(() => reloads().length >= 2, { what: 'the reload after the broken document' });
    expect(reloads()[1]!.msg).toMatch(/^corpus reloaded: 2 documents in \d+ ms$/);
    const warnings = run.logs().filter((l) => l.level >= 40 || l.level === 'warn');
    expect(warnings.map((l) => l.msg)).toEqual([expect.stringMatching(/^corpus warning in .*broken\.md/)]);
    const still = await ask('C3');
    expect(still.text).toContain(LIGHTHOUSE_QUOTE);
  });
});
