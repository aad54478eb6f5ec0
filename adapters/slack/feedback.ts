/**
 * 👍 / 👎 on Slack: Block Kit buttons, a "what was wrong?" modal after 👎,
 * and a private acknowledgement. Recording the vote is the shared feedback
 * extension's (shared/feedback/feedback.ts); only Slack's payloads live here.
 */
import type { App } from '@slack/bolt';
import { FEEDBACK_DOWN, FEEDBACK_UP, type Feedback } from '../shared/feedback/feedback.js';
import { MAX_NOTE_CHARS, NOTE_FORM_LABEL, NOTE_FORM_PLACEHOLDER, NOTE_FORM_TITLE } from '../shared/feedback/texts.js';
import type { OfferedAction, Pipeline } from '../shared/pipeline.js';
import { slackUser } from './conversation.js';
import type { SlackSender } from './delivery.js';
import { renderNotice, type Block, type SlackMessage } from './render.js';

export const FEEDBACK_UP_ACTION = 'feedback_up';
export const FEEDBACK_DOWN_ACTION = 'feedback_down';
export const FEEDBACK_NOTE_VIEW = 'feedback_note';
const NOTE_BLOCK = 'note';
const NOTE_INPUT = 'note';

type ActionsBlock = Extract<Block, { type: 'actions' }>;

/** The feedback key among a reply's actions, if the pipeline offered 👍/👎. */
export const feedbackKey = (actions: readonly OfferedAction[]): string | undefined => actions.find((a) => a.name === FEEDBACK_UP || a.name === FEEDBACK_DOWN)?.key;

/** The message with 👍/👎 buttons carrying `key` (added to its last row of buttons, else as a new row). */
export function withFeedbackButtons(message: SlackMessage, key: string | undefined): SlackMessage {
  if (!key) return message;
  const buttons: ActionsBlock['elements'] = [
    { type: 'button', text: { type: 'plain_text', text: '👍', emoji: true }, action_id: FEEDBACK_UP_ACTION, value: key },
    { type: 'button', text: { type: 'plain_text', text: '👎', emoji: true }, action_id: FEEDBACK_DOWN_ACTION, value: key },
  ];
  const blocks = [...(message.blocks ?? [])];
  const last = blocks[blocks.length - 1];
  if (last?.type === 'actions') blocks[blocks.length - 1] = { ...last, elements: [...last.elements, ...buttons] };
  else blocks.push({ type: 'actions', elements: buttons });
  return { ...message, blocks };
}

/** What the note form needs back on submission. */
interface NoteMeta {
  key: string;
  channel?: string;
  thread_ts?: string;
}

/** The "what was wrong?" modal; private_metadata carries the answer's key and where to thank. */
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

type Fields = Record<string, any>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** The voter as the pipeline knows askers, so one person has one vote. */
function voterOf(body: Fields): string | undefined {
  const user = str(body.user?.id);
  return user ? slackUser(str(body.team?.id) ?? str(body.user?.team_id) ?? 'T', user) : undefined;
}

export function registerFeedback(app: App, deps: { feedback: Feedback; pipeline: Pipeline; sender: SlackSender }): void {
  const { feedback, pipeline, sender } = deps;
  const thank = async (body: Fields, text: string, meta?: Partial<NoteMeta>) => {
    const channel = meta?.channel ?? str(body.channel?.id) ?? str(body.container?.channel_id);
    const user = str(body.user?.id);
    if (!channel || !user) return;
    const thread_ts = meta?.thread_ts ?? str(body.container?.thread_ts) ?? str(body.message?.thread_ts);
    await sender.postEphemeral({ channel, user, ...(thread_ts ? { thread_ts } : {}) }, renderNotice(text), { conversation: `slack:feedback:${channel}`, deliveryId: `feedback:${str(body.trigger_id) ?? user}` });
  };
  const vote = (key: string, user: string, choice: 'up' | 'down', note?: string) =>
    feedback.vote(pipeline, { key, user, surface: 'slack:feedback', vote: choice, ...(note ? { note } : {}) });

  app.action(FEEDBACK_UP_ACTION, async ({ ack, body, action }) => {
    await ack();
    const b = body as unknown as Fields;
    const key = str((action as Fields).value);
    const voter = voterOf(b);
    if (!key || !voter) return;
    await pipeline.track(async () => thank(b, (await vote(key, voter, 'up')).text));
  });

  app.action(FEEDBACK_DOWN_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const b = body as unknown as Fields;
    const key = str((action as Fields).value);
    const voter = voterOf(b);
    if (!key || !voter) return;
    await pipeline.track(async () => {
      // The vote counts at once; the note, if any, comes with the form.
      const outcome = await vote(key, voter, 'down');
      const meta: NoteMeta = { key, channel: str(b.channel?.id) ?? str(b.container?.channel_id), thread_ts: str(b.container?.thread_ts) ?? str(b.message?.thread_ts) };
      if (outcome.status !== 'ok') return thank(b, outcome.text, meta);
      try {
        const trigger = str(b.trigger_id);
        if (!trigger) throw new Error('no trigger_id');
        await client.views.open({ trigger_id: trigger, view: noteModal(meta) as never });
      } catch (error) {
        // No form (expired trigger, Slack down): the vote stands and is still acknowledged.
        pipeline.logger.warn({ err: error }, 'could not open the feedback form');
        await thank(b, outcome.text, meta);
      }
    });
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
    if (!str(meta.key) || !voter) return;
    const note = str((view.state.values as Fields)[NOTE_BLOCK]?.[NOTE_INPUT]?.value)?.trim() || undefined;
    await pipeline.track(async () => thank(b, (await vote(meta.key, voter, 'down', note)).text, meta));
  });
}
