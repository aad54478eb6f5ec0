/**
 * `npm run slack` as a real process against the fake Slack: graceful shutdown
 * on SIGTERM/SIGINT with an answer in flight (it finishes, exit 0), and
 * start-up faults (a rejected token, an unreadable corpus) that exit 1 with
 * one clear message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlack } from './fake-slack.js';
import { FAKE_APP_TOKEN, FAKE_BOT_TOKEN, FAKE_SIGNING_SECRET, SECRETS } from './harness.js';
import { envelope, mention, nextTs, postEvent } from './slack-requests.js';
import { waitFor } from '../helpers/wait-for.js';

interface Running {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts adapters/slack/main.ts with only the given environment; killed after 20 s at most. */
function runMain(env: Record<string, string>): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/slack/main.ts'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', QUESTION_LOG: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  child.stdout!.resume();
  const guard = setTimeout(() => child.kill('SIGKILL'), 20_000);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => (clearTimeout(guard), resolve(code))));
  return { child, stderr: () => stderr, exited };
}

const messages = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, any>);

let fake: FakeSlack | undefined;
let running: Running | undefined;
afterEach(async () => {
  if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
  await running?.exited;
  await fake?.close();
  fake = running = undefined;
});

describe('graceful shutdown', () => {
  it('on SIGTERM in Socket Mode, finishes the answer in flight, closes the socket and exits 0', async () => {
    fake = await FakeSlack.start({ botToken: FAKE_BOT_TOKEN, appToken: FAKE_APP_TOKEN });
    running = runMain({ SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_APP_TOKEN: FAKE_APP_TOKEN, SLACK_API_URL: fake.apiUrl });
    await waitFor(() => fake!.connectedSockets > 0, { timeoutMs: 15_000, what: 'the adapter to connect' });

    fake.failNext('chat.postMessage', { kind: 'hang', ms: 1000, delivered: true });
    const ts = nextTs();
    fake.sendSocketEvent(envelope(mention({ channel: 'CP1', user: 'U1', ts, text: '<@UBOT> How much is InvestAI?' })));
    await waitFor(() => fake!.callsOf('chat.postMessage').length === 1, { what: 'the answer to be on its way' });
    running.child.kill('SIGTERM');

    expect(await running.exited).toBe(0);
    const log = messages(running.stderr()).map((m) => m.msg);
    expect(log.indexOf('shutting down')).toBeGreaterThan(-1);
    expect(log.indexOf('answered')).toBeGreaterThan(log.indexOf('shutting down'));
    expect(log.at(-1)).toBe('Slack adapter stopped');
    expect(log).not.toContain('stopped with answers still in flight');
    expect(fake.messagesIn('CP1', ts)).toHaveLength(1);
    await waitFor(() => fake!.connectedSockets === 0, { what: 'the socket to close' });
  });

  it('on SIGINT in HTTP mode, finishes the answer in flight, closes the server and exits 0', async () => {
    fake = await FakeSlack.start({ botToken: FAKE_BOT_TOKEN });
    running = runMain({ SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0', HOST: '127.0.0.1' });
    const listening = await waitFor(() => messages(running!.stderr()).find((m) => m.msg === 'Slack adapter listening on /slack/events'), {
      timeoutMs: 15_000,
      what: 'the adapter to listen',
    });
    const url = `http://127.0.0.1:${listening.port}/slack/events`;

    fake.failNext('chat.postMessage', { kind: 'hang', ms: 1000, delivered: true });
    const ts = nextTs();
    expect((await postEvent(url, FAKE_SIGNING_SECRET, envelope(mention({ channel: 'CP2', user: 'U1', ts, text: '<@UBOT> How much is InvestAI?' })))).status).toBe(200);
    await waitFor(() => fake!.callsOf('chat.postMessage').length === 1);
    running.child.kill('SIGINT');

    expect(await running.exited).toBe(0);
    const log = messages(running.stderr()).map((m) => m.msg);
    expect(log.indexOf('answered')).toBeGreaterThan(log.indexOf('shutting down'));
    expect(log.at(-1)).toBe('Slack adapter stopped');
    await expect(fetch(url, { method: 'POST' })).rejects.toThrow();
  });
});

describe('start-up faults', () => {
  it('exits 1 with one clear message when Slack rejects the bot token, without printing it', async () => {
    fake = await FakeSlack.start({ botToken: 'xoxb-the-token-slack-knows' });
    running = runMain({ SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, HOST: '127.0.0.1', PORT: '0' });
    expect(await running.exited).toBe(1);
    expect(running.stderr()).toBe('configuration error:\n  - SLACK_BOT_TOKEN was rejected by Slack (invalid_auth)\n');
  });

  it('exits 1 with one clear message when the corpus directory cannot be read', async () => {
    running = runMain({ SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_APP_TOKEN: FAKE_APP_TOKEN, SLACK_API_URL: 'http://127.0.0.1:9/api/', CORPUS_DIR: '/nonexistent/corpus' });
    expect(await running.exited).toBe(1);
    const stderr = running.stderr();
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('/nonexistent/corpus');
    expect(stderr).not.toMatch(/\n\s+at /);
    for (const secret of SECRETS) expect(stderr).not.toContain(secret);
  });
});
