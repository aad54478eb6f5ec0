/**
 * `npm run slack` as a real process (the spawning smoke tests of this
 * surface): the launcher, the worker pool and real signals. On SIGINT in HTTP
 * mode the answer in flight finishes and the process exits 0; with Slack out
 * of reach, the operator reads one short line per attempt and a clear last
 * line. Everything else about start-up and shutdown runs in-process in
 * service.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlack } from './fake-slack.js';
import { FAKE_APP_TOKEN, FAKE_BOT_TOKEN, FAKE_SIGNING_SECRET } from './harness.js';
import { envelope, mention, nextTs, postEvent } from './slack-requests.js';
import { freePort } from '../helpers/free-port.js';
import { waitFor } from '../helpers/wait-for.js';

interface Running {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts `npm run slack` (through the launcher) with only the given environment; killed after 2 minutes at most (a safety net for a hang). */
function runMain(env: Record<string, string>): Running {
  const child = spawn(process.execPath, ['adapters/shared/launch.mjs', 'adapters/slack/main'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', QUESTION_LOG: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  child.stdout!.resume();
  const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
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
  it('on SIGINT in HTTP mode, finishes the answer in flight, closes the server and exits 0', async () => {
    fake = await FakeSlack.start({ botToken: FAKE_BOT_TOKEN });
    // One worker thread: the pool is real, and the smoke test leaves the other core to the rest of the suite.
    running = runMain({ SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0', HOST: '127.0.0.1', ANSWER_WORKERS: '1' });
    const listening = await waitFor(() => messages(running!.stderr()).find((m) => m.msg === 'Slack adapter listening on /slack/events'), { what: 'the adapter to listen' });
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

describe('Slack out of reach at start-up', () => {
  it('well-formed tokens and a loopback port that refuses connections: one line per attempt, no stack trace, a clear last line, exit 1', async () => {
    const port = await freePort();
    running = runMain({ SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_APP_TOKEN: FAKE_APP_TOKEN, SLACK_API_URL: `http://127.0.0.1:${port}/api/`, ANSWER_WORKERS: '0' });
    expect(await running.exited).toBe(1);
    const stderr = running.stderr();
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const attempts = lines.slice(0, 4).map((l) => JSON.parse(l) as Record<string, any>);
    expect(attempts.map((a) => a.attempt ?? a.attempts)).toEqual([1, 2, 3, 4]);
    expect(attempts.map((a) => a.msg)).toEqual([
      ...Array(3).fill('auth.test failed (connection failed (ECONNREFUSED)); retrying'),
      'giving up on auth.test: connection failed (ECONNREFUSED) (after 4 attempts)',
    ]);
    expect(attempts[0]!.err).toEqual({ name: 'WebAPIRequestError', message: `A request error occurred: fetch failed: connect ECONNREFUSED 127.0.0.1:${port}`, code: 'ECONNREFUSED' });
    expect(lines[4]).toBe('slack: Slack did not answer auth.test: connection failed (ECONNREFUSED) (after 4 attempts)');
    expect(stderr).not.toMatch(/\s+at |"stack"/);
    expect(stderr).not.toContain(FAKE_BOT_TOKEN);
    expect(stderr).not.toContain(FAKE_APP_TOKEN);
  });
});
