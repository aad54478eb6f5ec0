/**
 * 👍 / 👎 on every Slack answer: Block Kit buttons, a "what was wrong?" modal
 * after 👎, and a private acknowledgement. Votes go to the question log.
 */
import type { App } from '@slack/bolt';
import type { QuestionLog } from '../shared/question-log/index.js';
import { MAX_NOTE_CHARS, NOTE_FORM_LABEL, NOTE_FORM_PLACEHOLDER, NOTE_FORM_TITLE, THANKS_DOWN, THANKS_NOTE, THANKS_UP } from '../shared/feedback/texts.js';
import type { Logger } from '../shared/logger.js';
import type { SlackSender } from './delivery.js';
import { renderNotice, type Block, type SlackMessage } from './render.js';

export const FEEDBACK_UP_ACTION = 'feedback_up';
export const FEEDBACK_DOWN_ACTION = 'feedback_down';
export const FEEDBACK_NOTE_VIEW = 'feedback_note';
const NOTE_BLOCK = 'note';
const NOTE_INPUT = 'note';

type ActionsBlock = Extract<Block, { type: 'actions' }>;

/** The message with 👍/👎 buttons carrying `answerId` (added to its last row of buttons, else as a new row). */
export function withFeedbackButtons(message: SlackMessage, answerId: string | undefined): SlackMessage {
  if (!answerId) return message;
  const buttons: ActionsBlock['elements'] = [
    { type: 'button', text: { type: 'plain_text', text: '👍', emoji: true }, action_id: FEEDBACK_UP_ACTION, value: answerId },
    { type: 'button', text: { type: 'plain_text', text: '👎', emoji: true }, action_id: FEEDBACK_DOWN_ACTION, value: answerId },
  ];
  const blocks = [...(message.blocks ?? [])];
  const last = blocks[blocks.length - 1];
  if (last?.type === 'actions') blocks[blocks.length - 1] = { ...last, elements: [...last.elements, ...buttons] };
  else blocks.push({ type: 'actions', elements: buttons });
  return { ...message, blocks };
}

/** The "what was wrong?" modal; private_metadata carries what the submission needs. */
export function noteModal(meta: NoteMeta): Record<string, unknown> {
  return {
    type: 'modal',
    callback_id: FEEDBACK_NOTE_VIEW,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: NOTE_FORM_TITLE },
    submit: { type: 'plain_text', text: 'Send' },
    close: { type: 'plain_text', text: 'Skip' },
    blocks: [
      {
        type: 'input',
        block_id: NOTE_BLOCK,
        optional: true,
        label: { type: 'plain_text', text: NOTE_FORM_LABEL },
        element: { type: 'plain_text_input', action_id: NOTE_INPUT, multiline: true, max_length: MAX_NOTE_CHARS, placeholder: { type: 'plain_text', text: NOTE_FORM_PLACEHOLDER } },
      },
    ],
  };
}

interface NoteMeta {
  answerId: string;
  channel?: string;
  thread_ts?: string;
}

export interface FeedbackDeps {
  log: QuestionLog;
  sender: SlackSender;
  logger: Logger;
}

type Fields = Record<string, any>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The same user key the question was logged with, so one person has one vote. */
function voterOf(body: Fields): string | undefined {
  const user = str(body.user?.id);
  const team = str(body.team?.id) ?? str(body.user?.team_id) ?? 'T';
  return user ? `${team}:${user}` : undefined;
}

export function registerFeedback(app: App, deps: FeedbackDeps): void {
  const thank = async (body: Fields, text: string, meta?: NoteMeta) => {
    const channel = meta?.channel ?? str(body.channel?.id) ?? str(body.container?.channel_id);
    const user = str(body.user?.id);
    if (!channel || !user) return;
    const thread_ts = meta?.thread_ts ?? str(body.container?.thread_ts) ?? str(body.message?.thread_ts);
    await deps.sender.postEphemeral({ channel, user, ...(thread_ts ? { thread_ts } : {}) }, renderNotice(text), { conversation: `slack:feedback:${channel}`, deliveryId: `feedback:${str(body.trigger_id) ?? user}` });
  };

  app.action(FEEDBACK_UP_ACTION, async ({ ack, body, action }) => {
    await ack();
    const b = body as unknown as Fields;
    const answerId = str((action as Fields).value);
    const voter = voterOf(b);
    if (!answerId || !voter) return;
    deps.log.vote({ answerId, user: voter, vote: 'up' });
    await thank(b, THANKS_UP);
  });

  app.action(FEEDBACK_DOWN_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const b = body as unknown as Fields;
    const answerId = str((action as Fields).value);
    const voter = voterOf(b);
    if (!answerId || !voter) return;
    // The vote counts at once; the note, if any, comes with the form.
    deps.log.vote({ answerId, user: voter, vote: 'down' });
    const meta: NoteMeta = { answerId, channel: str(b.channel?.id) ?? str(b.container?.channel_id), thread_ts: str(b.container?.thread_ts) ?? str(b.message?.thread_ts) };
    const trigger = str(b.trigger_id);
    try {
      if (!trigger) throw new Error('no trigger_id');
      await client.views.open({ trigger_id: trigger, view: noteModal(meta) as never });
    } catch (error) {
      // No form (expired trigger, Slack down): the vote stands and is still acknowledged.
      deps.logger.warn({ err: error }, 'could not open the feedback form');
      await thank(b, THANKS_DOWN, meta);
    }
  });

  app.view(FEEDBACK_NOTE_VIEW, async ({ ack, body, view }) => {
    await ack();
    const b = body as unknown as Fields;
    let meta: NoteMeta;
    try {
      meta = JSON.parse(view.private_metadata) as NoteMeta;
    } catch {
      return;
    }
    const voter = voterOf(b);
    if (!str(meta.answerId) || !voter) return;
    const note = str((view.state.values as Fields)[NOTE_BLOCK]?.[NOTE_INPUT]?.value)?.trim() || undefined;
    deps.log.vote({ answerId: meta.answerId, user: voter, vote: 'down', ...(note ? { note } : {}) });
    await thank(b, note ? THANKS_NOTE : THANKS_DOWN, meta);
  });
}
