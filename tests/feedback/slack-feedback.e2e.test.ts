/**
 * Slack feedback details through the real Bolt app and the fake Slack: /ask
 * and shared answers carry the buttons, one vote per person (a second click
 * changes it), a form that cannot open still leaves the vote counted and
 * thanked, and a forged button key stores nothing. Buttons carry the
 * pipeline's random answer key; the log's id stays on the server.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/index.js';
import { QuestionLog } from '../../adapters/shared/question-log/index.js';
import { THANKS_DOWN, THANKS_UP } from '../../adapters/shared/feedback/texts.js';
import { Feedback } from '../../adapters/shared/feedback/feedback.js';
import { FEEDBACK_DOWN_ACTION, FEEDBACK_UP_ACTION } from '../../adapters/slack/feedback.js';
import { SHARE_ACTION_ID } from '../../adapters/slack/render.js';
import { EXPIRED_TEXT, FORBIDDEN_TEXT } from '../../adapters/shared/pipeline.js';
import { FAKE_SIGNING_SECRET, startSlack, type Harness } from '../slack/harness.js';
import { feedbackClick, postAction, postCommand, shareClick, slashCommand, viewSubmission } from '../slack/slack-requests.js';
import { waitFor } from '../helpers/wait-for.js';
import { captureLogger, tempDir } from '../question-log/fixtures.js';

const tmp = tempDir('qa-slack-fb-');
const file = join(tmp.dir, 'log.sqlite');
let engine: Engine;
let log: QuestionLog;
let h: Harness;
beforeAll(async () => {
  engine = await createEngine();
  log = new QuestionLog({ target: { kind: 'sqlite', file }, logger: captureLogger(), flushMs: 10 }).start();
  h = await startSlack({ mode: 'http', engine, feedback: new Feedback(log), env: { SLACK_RATE_LIMIT: '1000' } });
});
afterAll(async () => {
  await h.stop();
  await log.close();
  tmp.remove();
});

const votes = async () => {
  await log.flush();
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('select answer_id, vote, note from feedback order by voted_at').all() as { answer_id: string; vote: number; note: string | null }[];
  } finally {
    db.close();
  }
};
/** The log's id for the answer to `question` (the buttons never show it). */
const answerIdOf = async (question: string) => {
  await log.flush();
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('select id from questions where question = ?').get(question) as { id: string }).id;
  } finally {
    db.close();
  }
};
const thanksTo = (user: string) => h.fake.messages.filter((m) => m.method === 'chat.postEphemeral' && m.user === user).map((m) => m.text);

describe('Slack feedback', () => {
  it('puts 👍/👎 beside Share on an /ask answer, and on the answer once shared', async () => {
    await postCommand(h.url, FAKE_SIGNING_SECRET, slashCommand({ text: 'How much is InvestAI?', channel: 'C800', user: 'U80', responseUrl: h.fake.responseUrl('ask-fb') }));
    const reply = await waitFor(() => h.fake.responses.find((r) => r.id === 'ask-fb'), { what: 'the /ask reply' });
    const row = reply.body.blocks.at(-1);
    expect(row.elements.map((e: any) => e.action_id)).toEqual([SHARE_ACTION_ID, FEEDBACK_UP_ACTION, FEEDBACK_DOWN_ACTION]);
    const key = row.elements[1].value;
    expect(row.elements[2].value).toBe(key);

    await postAction(h.url, FAKE_SIGNING_SECRET, shareClick({ value: row.elements[0].value, channel: 'C800', user: 'U80', responseUrl: h.fake.responseUrl('share-fb') }));
    const shared = await waitFor(() => h.fake.responses.find((r) => r.id === 'share-fb'), { what: 'the shared answer' });
    const sharedButtons = shared.body.blocks.filter((b: any) => b.type === 'actions').flatMap((b: any) => b.elements);
    expect(sharedButtons.map((e: any) => e.action_id)).toEqual([FEEDBACK_UP_ACTION, FEEDBACK_DOWN_ACTION]);
    // Shared, the answer is public: its buttons get a new key anyone may use, recorded against the same answer.
    const publicKey = sharedButtons[0].value;
    expect(publicKey).not.toBe(key);
    await postAction(h.url, FAKE_SIGNING_SECRET, feedbackClick({ actionId: FEEDBACK_UP_ACTION, value: publicKey, channel: 'C800', user: 'U89', responseUrl: h.fake.responseUrl('x') }));
    await waitFor(() => thanksTo('U89').length === 1, { what: 'the thanks for 👍 on the shared answer' });
    expect(thanksTo('U89')[0]).toContain(THANKS_UP);
    const answerId = await answerIdOf('How much is InvestAI?');
    expect((await votes()).filter((v) => v.answer_id === answerId)).toEqual([{ answer_id: answerId, vote: 1, note: null }]);
  });

  it('keeps one vote per person: 👍 then 👎 leaves one 👎; a form that cannot open still thanks privately', async () => {
    await postCommand(h.url, FAKE_SIGNING_SECRET, slashCommand({ text: 'How much did Stargate promise?', channel: 'C801', user: 'U81', responseUrl: h.fake.responseUrl('ask-vote') }));
    const reply = await waitFor(() => h.fake.responses.find((r) => r.id === 'ask-vote'), { what: 'the /ask reply' });
    const key = reply.body.blocks.at(-1).elements[1].value as string;
    const answerId = await answerIdOf('How much did Stargate promise?');
    // The asker votes: the buttons of a private /ask answer are the asker's alone.
    const click = (actionId: string) => postAction(h.url, FAKE_SIGNING_SECRET, feedbackClick({ actionId, value: key, channel: 'C801', user: 'U81', responseUrl: h.fake.responseUrl('x') }));

    await click(FEEDBACK_UP_ACTION);
    await waitFor(() => thanksTo('U81').length === 1, { what: 'the thanks for 👍' });
    expect(thanksTo('U81')[0]).toContain(THANKS_UP);

    h.fake.failNext('views.open', { kind: 'platform', error: 'expired_trigger_id' });
    await click(FEEDBACK_DOWN_ACTION);
    await waitFor(() => thanksTo('U81').length === 2, { what: 'the thanks for 👎 without a form' });
    expect(thanksTo('U81')[1]).toContain(THANKS_DOWN);
    expect((await votes()).filter((v) => v.answer_id === answerId)).toEqual([{ answer_id: answerId, vote: -1, note: null }]);

    // The form submitted empty: still one 👎, no note.
    await click(FEEDBACK_DOWN_ACTION);
    const opened = await waitFor(() => h.fake.views.at(-1), { what: 'the form' });
    await postAction(h.url, FAKE_SIGNING_SECRET, viewSubmission({ view: opened.view, user: 'U81', values: { note: { note: '   ' } } }));
    await waitFor(() => thanksTo('U81').length === 3, { what: 'the thanks after the empty form' });
    expect(thanksTo('U81')[2]).toContain(THANKS_DOWN);
    expect((await votes()).filter((v) => v.answer_id === answerId)).toEqual([{ answer_id: answerId, vote: -1, note: null }]);
  });

  it('stores nothing for a button value that is not one of its answer keys, and says so privately', async () => {
    const before = (await votes()).length;
    await postAction(h.url, FAKE_SIGNING_SECRET, feedbackClick({ actionId: FEEDBACK_UP_ACTION, value: `${'x'.repeat(70)}' OR 1=1`, channel: 'C802', user: 'U83', responseUrl: h.fake.responseUrl('y') }));
    await waitFor(() => thanksTo('U83').length === 1, { what: 'the notice for the forged vote' });
    expect(thanksTo('U83')[0]).toContain(EXPIRED_TEXT);
    expect(await votes()).toHaveLength(before);
  });

  it('refuses a vote on a private answer by anyone but its asker', async () => {
    await postCommand(h.url, FAKE_SIGNING_SECRET, slashCommand({ text: 'How much is InvestAI?', channel: 'C803', user: 'U84', responseUrl: h.fake.responseUrl('ask-own') }));
    const reply = await waitFor(() => h.fake.responses.find((r) => r.id === 'ask-own'), { what: 'the /ask reply' });
    const before = (await votes()).length;
    await postAction(h.url, FAKE_SIGNING_SECRET, feedbackClick({ actionId: FEEDBACK_UP_ACTION, value: reply.body.blocks.at(-1).elements[1].value, channel: 'C803', user: 'U85', responseUrl: h.fake.responseUrl('z') }));
    await waitFor(() => thanksTo('U85').length === 1, { what: 'the refusal' });
    expect(thanksTo('U85')[0]).toContain(FORBIDDEN_TEXT);
    expect(await votes()).toHaveLength(before);
  });
});
