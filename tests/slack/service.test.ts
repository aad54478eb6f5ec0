/**
 * `npm run slack` in-process (shared/service.ts with the Slack service): bad
 * configuration, a rejected token and an unreadable corpus stop with one clear
 * message and exit 1; SIGTERM finishes the answer in flight and exits 0.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { slackService } from '../../adapters/slack/service.js';
import { runInProcess } from '../helpers/service-io.js';
import { waitFor } from '../helpers/wait-for.js';
import { FakeSlack } from './fake-slack.js';
import { FAKE_APP_TOKEN, FAKE_BOT_TOKEN, FAKE_SIGNING_SECRET, SECRETS } from './harness.js';
import { envelope, mention, nextTs } from './slack-requests.js';

let fake: FakeSlack | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('bad configuration', () => {
  it('prints one clear message and exits 1 when variables are missing', async () => {
    const run = runInProcess(slackService, {});
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toBe(
      'slack: configuration error:\n  - SLACK_BOT_TOKEN is not set\n  - SLACK_SIGNING_SECRET is not set (HTTP mode needs it; or set SLACK_APP_TOKEN to use Socket Mode)\n',
    );
  });

  it('names a malformed token without printing it or a stack trace', async () => {
    const run = runInProcess(slackService, { SLACK_BOT_TOKEN: 'not-a-bot-token-secret', SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toBe('slack: configuration error:\n  - SLACK_BOT_TOKEN is invalid: must be a bot token (starts with xoxb-)\n');
  });

  it('refuses an unknown LOG_LEVEL with the message every surface gives', async () => {
    const run = runInProcess(slackService, { SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET, LOG_LEVEL: 'verbose' });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toBe('slack: configuration error:\n  - LOG_LEVEL is invalid: must be one of fatal, error, warn, info, debug, trace, silent\n');
  });
});

describe('start-up faults', () => {
  it('exits 1 with one clear message when Slack rejects the bot token, without printing it', async () => {
    fake = await FakeSlack.start({ botToken: 'xoxb-the-token-slack-knows' });
    const run = runInProcess(slackService, { SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, HOST: '127.0.0.1', PORT: '0', ANSWER_WORKERS: '0' });
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toBe('slack: configuration error:\n  - SLACK_BOT_TOKEN was rejected by Slack (invalid_auth)\n');
  });

  it('exits 1 with one clear message when the corpus directory cannot be read (from the worker pool)', async () => {
    const run = runInProcess(slackService, { SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_APP_TOKEN: FAKE_APP_TOKEN, SLACK_API_URL: 'http://127.0.0.1:9/api/', CORPUS_DIR: '/nonexistent/corpus', ANSWER_WORKERS: '1' });
    expect(await run.exited).toBe(1);
    const stderr = run.stderr();
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^slack: corpus error in \/nonexistent\/corpus/);
    expect(stderr).not.toMatch(/\n\s+at /);
    for (const secret of SECRETS) expect(stderr).not.toContain(secret);
  });
});

describe('graceful shutdown', () => {
  it('on SIGTERM in Socket Mode, finishes the answer in flight, closes the socket and exits 0', async () => {
    fake = await FakeSlack.start({ botToken: FAKE_BOT_TOKEN, appToken: FAKE_APP_TOKEN });
    const run = runInProcess(slackService, { SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_APP_TOKEN: FAKE_APP_TOKEN, SLACK_API_URL: fake.apiUrl, ANSWER_WORKERS: '0' });
    await waitFor(() => fake!.connectedSockets > 0, { what: 'the adapter to connect' });
    fake.failNext('chat.postMessage', { kind: 'hang', ms: 300, delivered: true });
    const ts = nextTs();
    fake.sendSocketEvent(envelope(mention({ channel: 'CP1', user: 'U1', ts, text: '<@UBOT> How much is InvestAI?' })));
    await waitFor(() => fake!.callsOf('chat.postMessage').length === 1, { what: 'the answer to be on its way' });
    run.signal('SIGTERM');
    expect(await run.exited).toBe(0);
    const log = run.logs().map((m) => m.msg);
    expect(log.indexOf('answered')).toBeGreaterThan(log.indexOf('shutting down'));
    expect(log.at(-1)).toBe('Slack adapter stopped');
    expect(log).not.toContain('stopped with answers still in flight');
    expect(fake.messagesIn('CP1', ts)).toHaveLength(1);
    await waitFor(() => fake!.connectedSockets === 0, { what: 'the socket to close' });
  });
});
