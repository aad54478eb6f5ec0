/**
 * Privacy of the question log, as an operator runs the bot: `npm run slack`'s
 * entry point as a process against the fake Slack. With QUESTION_LOG=off the
 * database file is never even created; with the log on, the file holds the
 * question but not the raw Slack user, team or channel ids.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../slack/fake-slack.js';
import { FAKE_APP_TOKEN, FAKE_BOT_TOKEN } from '../slack/harness.js';
import { envelope, mention, nextTs } from '../slack/slack-requests.js';
import { waitFor } from '../helpers/wait-for.js';
import { tempDir } from '../question-log/fixtures.js';

const tmp = tempDir('qa-privacy-');
afterAll(() => tmp.remove());

const USER = 'URAWPERSON9';
const CHANNEL = 'CRAWROOM42';
const QUESTION = 'How much is InvestAI?';

/** Runs the Slack bot in Socket Mode, asks one question, stops it with SIGTERM; returns its exit code. */
async function askOnce(env: Record<string, string>): Promise<number | null> {
  const fake = await FakeSlack.start({ botToken: FAKE_BOT_TOKEN, appToken: FAKE_APP_TOKEN });
  const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/slack/main.ts'], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_APP_TOKEN: FAKE_APP_TOKEN, SLACK_API_URL: fake.apiUrl, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // A safety net for a hang, not a measure of speed.
  const guard = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => (clearTimeout(guard), resolve(code))));
  try {
    await waitFor(() => fake.connectedSockets > 0, { what: 'the bot to connect' });
    const ts = nextTs();
    fake.sendSocketEvent(envelope(mention({ channel: CHANNEL, user: USER, ts, text: `<@UBOT> ${QUESTION}` })));
    await waitFor(() => fake.messagesIn(CHANNEL, ts)[0], { what: 'the answer' });
    child.kill('SIGTERM');
    return await exited;
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await fake.close();
  }
}

describe('question log privacy (process)', () => {
  it('QUESTION_LOG=off stores nothing: the database file is never created', async () => {
    const file = join(tmp.dir, 'off.sqlite');
    expect(await askOnce({ QUESTION_LOG: 'off', SUMMIT_QA_DB: file })).toBe(0);
    expect(existsSync(file)).toBe(false);
  });

  it('with the log on, the question is stored and the raw user and channel ids are nowhere in the file', async () => {
    const file = join(tmp.dir, 'on.sqlite');
    expect(await askOnce({ SUMMIT_QA_DB: file })).toBe(0);
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('select surface, question, user_hash from questions').all() as any[];
    db.close();
    expect(rows).toEqual([{ surface: 'slack', question: QUESTION, user_hash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    const bytes = ['', '-wal'].map((s) => (existsSync(file + s) ? readFileSync(file + s).toString('latin1') : '')).join('');
    expect(bytes).toContain(QUESTION);
    for (const raw of [USER, CHANNEL, 'T1:URAWPERSON9']) expect(bytes).not.toContain(raw);
  });
});
