/**
 * The team's loop end to end, for any database: a Slack mention and a Discord
 * /ask are answered with 👍/👎 buttons through the real Bolt and discord.js
 * against the loopback fakes; 👎 with a note and 👍 are clicked on each; then
 * `npm run --silent report -- --json` (a real child process) reads the votes
 * back from the same database.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import type { Engine } from '../../src/index.js';
import { QuestionLog, type DatabaseTarget, type KeySource } from '../../adapters/shared/question-log/index.js';
import { THANKS_NOTE, THANKS_UP } from '../../adapters/shared/feedback/texts.js';
import { Feedback } from '../../adapters/shared/feedback/feedback.js';
import { FEEDBACK_DOWN_ACTION, FEEDBACK_UP_ACTION } from '../../adapters/slack/feedback.js';
import { FAKE_SIGNING_SECRET, startSlack } from '../slack/harness.js';
import { envelope, feedbackClick, mention, nextTs, postAction, postEvent, viewSubmission } from '../slack/slack-requests.js';
import { startHarness } from '../discord/harness.js';
import { alice, askInteraction, bob, buttonInteraction, modalSubmitInteraction } from '../discord/fake-discord/index.js';
import { waitForCallback, waitForEdit } from '../discord/wire.js';
import { waitFor } from '../helpers/wait-for.js';
import { captureLogger } from '../question-log/fixtures.js';

const run = promisify(execFile);

export const SLACK_QUESTION = 'How much is InvestAI?';
export const DISCORD_QUESTION = 'How much did Stargate promise?';
export const SLACK_NOTE = 'The amount is right but the date is missing';
export const DISCORD_NOTE = 'I asked about the promise, not the total';

/** Environment that points the report at the database. */
export function reportEnv(target: DatabaseTarget): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, SUMMIT_QA_DB: _db, QUESTION_LOG: _off, ...rest } = process.env;
  return target.kind === 'sqlite' ? { ...rest, SUMMIT_QA_DB: target.file } : { ...rest, DATABASE_URL: target.url };
}

export async function runReport(target: DatabaseTarget, args: string[] = []): Promise<any> {
  const { stdout } = await run('npm', ['run', '--silent', 'report', '--', '--json', ...args], { env: reportEnv(target), timeout: 60_000 });
  return JSON.parse(stdout);
}

export async function feedbackLoop(engine: Engine, target: DatabaseTarget, key?: KeySource): Promise<void> {
  const log = new QuestionLog({ target, logger: captureLogger(), flushMs: 20, ...(key ? { key } : {}) }).start();
  try {
    await slackPart(engine, log);
    await discordPart(engine, log);
    await log.flush();
    expect(log.stats()).toMatchObject({ unsaved: 0, queued: 0 });
  } finally {
    await log.close();
  }

  const report = await runReport(target);
  expect(report.questions).toBe(2);
  expect(report.answered).toBe(2);
  expect(report.feedback).toEqual({ up: 2, down: 2 });
  expect(report.perSurface.map((s: any) => s.surface).sort()).toEqual(['discord', 'slack']);
  const slackDown = report.downvoted.find((d: any) => d.question === SLACK_QUESTION);
  const discordDown = report.downvoted.find((d: any) => d.question === DISCORD_QUESTION);
  expect(slackDown).toMatchObject({ count: 1, up: 1, notes: [SLACK_NOTE], answer: engine.ask(SLACK_QUESTION).answer });
  expect(discordDown).toMatchObject({ count: 1, up: 1, notes: [DISCORD_NOTE], answer: engine.ask(DISCORD_QUESTION).answer });
}

async function slackPart(engine: Engine, questionLog: QuestionLog): Promise<void> {
  const h = await startSlack({ mode: 'http', engine, feedback: new Feedback(questionLog), env: { SLACK_RATE_LIMIT: '1000' } });
  try {
    const ts = nextTs();
    await postEvent(h.url, FAKE_SIGNING_SECRET, envelope(mention({ channel: 'C700', user: 'U70', text: `<@UBOT> ${SLACK_QUESTION}`, ts })));
    const answer = await waitFor(() => h.fake.messagesIn('C700', ts)[0], { what: 'the Slack answer' });
    const buttons = answer.blocks!.filter((b) => b.type === 'actions').flatMap((b) => b.elements);
    const up = buttons.find((b: any) => b.action_id === FEEDBACK_UP_ACTION);
    const down = buttons.find((b: any) => b.action_id === FEEDBACK_DOWN_ACTION);
    expect(up?.text.text).toBe('👍');
    expect(down?.text.text).toBe('👎');
    expect(up.value).toBe(down.value);

    // 👎 opens the "what was wrong?" modal; its submission carries the note.
    await postAction(h.url, FAKE_SIGNING_SECRET, feedbackClick({ actionId: FEEDBACK_DOWN_ACTION, value: down.value, channel: 'C700', user: 'U71', threadTs: ts, responseUrl: h.fake.responseUrl('fb-1') }));
    const opened = await waitFor(() => h.fake.views[0], { what: 'the feedback modal' });
    expect(opened.view.title.text).toBe('What was wrong?');
    const res = await postAction(h.url, FAKE_SIGNING_SECRET, viewSubmission({ view: opened.view, user: 'U71', values: { note: { note: SLACK_NOTE } } }));
    expect(res.status).toBe(200);
    const noted = await waitFor(() => h.fake.messages.find((m) => m.method === 'chat.postEphemeral' && m.user === 'U71'), { what: 'the private thanks for the note' });
    expect(noted.text).toContain(THANKS_NOTE);
    expect(noted.thread_ts).toBe(ts);

    await postAction(h.url, FAKE_SIGNING_SECRET, feedbackClick({ actionId: FEEDBACK_UP_ACTION, value: up.value, channel: 'C700', user: 'U72', responseUrl: h.fake.responseUrl('fb-2') }));
    const thanked = await waitFor(() => h.fake.messages.find((m) => m.method === 'chat.postEphemeral' && m.user === 'U72'), { what: 'the private thanks for 👍' });
    expect(thanked.text).toContain(THANKS_UP);
    // Nothing about the votes was posted for everyone to see.
    expect(h.fake.messages.filter((m) => m.method === 'chat.postMessage')).toHaveLength(1);
  } finally {
    await h.stop();
  }
}

async function discordPart(engine: Engine, questionLog: QuestionLog): Promise<void> {
  const h = await startHarness({ engine, bot: { feedback: new Feedback(questionLog) } });
  try {
    const ask = h.fake.sendInteraction(askInteraction(DISCORD_QUESTION, { user: alice }));
    const edit = await waitForEdit(h.fake, ask);
    const buttons = edit.body.components.flatMap((row: any) => row.components);
    const up = buttons.find((b: any) => b.emoji?.name === '👍');
    const down = buttons.find((b: any) => b.emoji?.name === '👎');
    expect(up?.custom_id).toMatch(/^summitfb:up:/);
    expect(down?.custom_id).toMatch(/^summitfb:down:/);
    const original = [...h.fake.rest.messages.values()].find((m) => m.content === edit.body.content)!;

    const like = h.fake.sendInteraction(buttonInteraction(up.custom_id, original, { user: bob }));
    const liked = await waitForCallback(h.fake, like, 4);
    expect(liked.body.data).toMatchObject({ content: THANKS_UP, flags: 64 });

    const dislike = h.fake.sendInteraction(buttonInteraction(down.custom_id, original, { user: alice }));
    const modal = await waitForCallback(h.fake, dislike, 9);
    expect(modal.body.data.title).toBe('What was wrong?');
    const submit = h.fake.sendInteraction(modalSubmitInteraction(modal.body.data.custom_id, { note: DISCORD_NOTE }, { user: alice }));
    const noted = await waitForCallback(h.fake, submit, 4);
    expect(noted.body.data).toMatchObject({ content: THANKS_NOTE, flags: 64 });
  } finally {
    await h.stop();
  }
}
