/**
 * The chat surfaces read the per-document reading limits from the
 * environment (CORPUS_MAX_*), as `npm run slack` starts (the service
 * in-process, against the fake Slack on 127.0.0.1): a limit set there reaches
 * the engine whether it answers on the main thread or in the worker pool's
 * threads, and a reload of the corpus keeps it; a bad value is one message
 * naming the variable, and exit 1.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { slackService } from '../../adapters/slack/service.js';
import { tempCorpus, type TempCorpus } from '../helpers/corpus.js';
import { CUT_QUESTION, CUT_QUOTE, CUT_WARNING, KEPT_QUESTION, KEPT_QUOTE, LONG_DOC, LONG_DOC_NAME, SMALL_TEXT_LIMIT } from '../helpers/long-document.js';
import { runInProcess, type InProcess } from '../helpers/service-io.js';
import { waitFor } from '../helpers/wait-for.js';
import { FakeSlack } from './fake-slack.js';
import { FAKE_APP_TOKEN, FAKE_BOT_TOKEN, FAKE_SIGNING_SECRET, SECRETS } from './harness.js';
import { envelope, mention, nextTs } from './slack-requests.js';

let fake: FakeSlack | undefined;
let run: InProcess | undefined;
let corpus: TempCorpus | undefined;
afterEach(async () => {
  run?.signal('SIGTERM');
  await run?.exited;
  await fake?.close();
  corpus?.remove();
  fake = run = corpus = undefined;
});

describe('CORPUS_MAX_* on a chat surface', () => {
  it('a bad value is listed with the other problems in one message naming the variable, and exit 1', async () => {
    const bad = runInProcess(slackService, { SLACK_BOT_TOKEN: 'not-a-bot-token-secret', SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET, CORPUS_MAX_PDF_STREAM_BYTES: '-5', CORPUS_MAX_PDF_MS: '30s' });
    expect(await bad.exited).toBe(1);
    expect(bad.stderr()).toBe(
      [
        'slack: configuration error:',
        '  - SLACK_BOT_TOKEN is invalid: must be a bot token (starts with xoxb-)',
        '  - CORPUS_MAX_PDF_STREAM_BYTES is invalid: must be a whole number of bytes from 1 up, digits only (default 16777216)',
        '  - CORPUS_MAX_PDF_MS is invalid: must be a whole number of milliseconds from 1 up, digits only (default 30000)',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['in the worker pool', '1'],
    ['on the main thread', '0'],
  ])('CORPUS_MAX_TEXT_CHARS cuts a long document %s, at the start and after a reload', async (_where, workers) => {
    corpus = tempCorpus();
    corpus.write(LONG_DOC_NAME, LONG_DOC);
    fake = await FakeSlack.start({ botToken: FAKE_BOT_TOKEN, appToken: FAKE_APP_TOKEN });
    run = runInProcess(slackService, {
      SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
      SLACK_APP_TOKEN: FAKE_APP_TOKEN,
      SLACK_API_URL: fake.apiUrl,
      ANSWER_WORKERS: workers,
      CORPUS_DIR: corpus.dir,
      CORPUS_MAX_TEXT_CHARS: String(SMALL_TEXT_LIMIT),
      QUESTION_LOG: 'off',
    });
    await waitFor(() => fake!.connectedSockets > 0, { what: 'the adapter to connect' });
    const cutWarnings = () => run!.logs().filter((l) => CUT_WARNING.test(l.msg));
    const reloads = () => run!.logs().filter((l) => /^corpus reloaded/.test(l.msg));
    const ask = async (channel: string, question: string) => {
      const ts = nextTs();
      fake!.sendSocketEvent(envelope(mention({ channel, user: 'U1', text: `<@UBOT> ${question}`, ts })));
      return (await waitFor(() => fake!.messagesIn(channel, ts)[0], { what: `the answer in ${channel}` })).text ?? '';
    };

    expect(cutWarnings()).toHaveLength(1);
    expect(await ask('C1', KEPT_QUESTION)).toContain(KEPT_QUOTE);
    expect(await ask('C2', CUT_QUESTION)).not.toContain(CUT_QUOTE);

    // Another document: the reload builds every engine again, with the same limit.
    corpus.write('note.md', '# A note\n\nThe harbour office opens at eight.\n');
    await waitFor(() => reloads().length >= 1, { what: 'the reload after the new document' });
    expect(reloads()[0]!.msg).toMatch(/^corpus reloaded: 2 documents in \d+ ms$/);
    expect(cutWarnings()).toHaveLength(2);
    expect(await ask('C3', CUT_QUESTION)).not.toContain(CUT_QUOTE);
    for (const secret of SECRETS) expect(run.stderr()).not.toContain(secret);
  });
});
