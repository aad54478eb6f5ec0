/**
 * Slack events -> the shared pipeline: mentions, DMs, /ask and the share
 * button. Only Slack's own concerns live here (which events count, where a
 * reply goes, response_url); everything else is the pipeline's.
 */
import type { App } from '@slack/bolt';
import type { Answer } from '../../src/index.js';
import { FORBIDDEN_TEXT, type Pipeline, type Reply } from '../shared/pipeline.js';
import { askConversation, dmConversation, mentionConversation, slackUser } from './conversation.js';
import type { SlackSender } from './delivery.js';
import type { SlackChartUploader } from './chart-upload.js';
import { withFeedbackButtons } from './feedback.js';
import { questionFromSlack } from './markup.js';
import { renderAnswer, renderNotice, renderReply, SHARE_ACTION, SHARE_ACTION_ID } from './render.js';

/** Loose view of an event payload: Bolt's unions are wider than what we read. */
type Fields = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const SHARE_EXPIRED_TEXT = 'This answer has expired. Ask again with /ask.';

/** Share is offered under private answers that answer, never under refusals. */
const offerShare = (answer: Answer) => (answer.kind === 'answer' && answer.answered ? [SHARE_ACTION] : []);

export function registerEvents(app: App, pipeline: Pipeline, sender: SlackSender, charts?: SlackChartUploader): void {
  /** A public answer's chart goes into its thread after it (private answers cannot carry files). */
  const withChart = async <T extends { ok: boolean }>(outcome: T, reply: Reply, target: { channel: string; thread_ts?: string }, conversation: string): Promise<T> => {
    if (outcome.ok && reply.kind === 'answer' && charts) await charts.post(target, reply.attachments, conversation);
    return outcome;
  };
  app.event('app_mention', async ({ event, body, context }) => {
    const ev = event as unknown as Fields;
    const channel = str(ev.channel);
    const user = str(ev.user);
    // Other bots (and our own echoes) are never answered: no bot-to-bot loops.
    if (!channel || !user || str(ev.bot_id) || user === context.botUserId) return;
    if (channel.startsWith('D')) return; // a DM mention also arrives as a message event
    const team = str((body as Fields).team_id) ?? 'T';
    const threadTs = str(ev.thread_ts) ?? str(ev.ts)!;
    const conversation = mentionConversation(team, channel, threadTs);
    const deliveryId = eventKey(body as Fields);
    await pipeline.handle(
      { surface: 'slack:mention', eventId: `slack:${deliveryId}`, user: slackUser(team, user), conversation, question: questionFromSlack(str(ev.text) ?? '', context.botUserId), private: false, notify: 'once' },
      {
        send: (reply) => {
          const meta = { conversation, deliveryId };
          // A rate-limit notice in a channel goes only to the asker.
          return reply.kind === 'notice'
            ? sender.postEphemeral({ channel, user, thread_ts: threadTs }, renderReply(reply), meta)
            : sender.postMessage({ channel, thread_ts: threadTs }, renderReply(reply), meta).then((outcome) => withChart(outcome, reply, { channel, thread_ts: threadTs }, conversation));
        },
      },
    );
  });

  app.event('message', async ({ event, body, context }) => {
    const ev = event as unknown as Fields;
    if (ev.channel_type !== 'im') return;
    const channel = str(ev.channel);
    const user = str(ev.user);
    // Edits, deletions, joins and bot posts all carry a subtype or a bot_id.
    if (!channel || !user || str(ev.subtype) || str(ev.bot_id) || user === context.botUserId) return;
    const team = str((body as Fields).team_id) ?? 'T';
    const conversation = dmConversation(team, channel);
    const deliveryId = eventKey(body as Fields);
    const threadTs = str(ev.thread_ts);
    await pipeline.handle(
      // A DM is seen by its one user, but it is not a private answer: it stays one conversation.
      { surface: 'slack:dm', eventId: `slack:${deliveryId}`, user: slackUser(team, user), conversation, question: questionFromSlack(str(ev.text) ?? '', context.botUserId), private: false, notify: 'once' },
      {
        send: (reply) => {
          const target = threadTs ? { channel, thread_ts: threadTs } : { channel };
          return sender.postMessage(target, renderReply(reply), { conversation, deliveryId }).then((outcome) => withChart(outcome, reply, target, conversation));
        },
      },
    );
  });

  app.command('/ask', async ({ command, ack }) => {
    await ack();
    const team = command.team_id || 'T';
    const conversation = askConversation(team, command.channel_id, command.user_id);
    const meta = { conversation, deliveryId: `ask:${command.trigger_id}` };
    await pipeline.handle(
      { surface: 'slack:ask', eventId: `slack:ask:${command.trigger_id}`, user: slackUser(team, command.user_id), conversation, question: questionFromSlack(command.text ?? ''), private: true, notify: 'always', offer: offerShare },
      { send: (reply) => sender.respond(command.response_url, { response_type: 'ephemeral', ...renderReply(reply) }, meta) },
    );
  });

  app.action(SHARE_ACTION_ID, async ({ ack, body, action }) => {
    await ack();
    const b = body as unknown as Fields;
    const responseUrl = str(b.response_url);
    const key = str((action as unknown as Fields).value);
    const team = str((b.team as Fields | undefined)?.id) ?? 'T';
    const user = str((b.user as Fields | undefined)?.id);
    const channel = str((b.channel as Fields | undefined)?.id) ?? 'unknown';
    if (!responseUrl || !key || !user) return;
    const conversation = `slack:share:${channel}`;
    const meta = { conversation, deliveryId: `share:${key}` };
    const notice = (reply: Reply & { kind: 'notice' }) => sender.respond(responseUrl, { response_type: 'ephemeral', replace_original: false, ...renderNotice(reply.text) }, meta);
    await pipeline.track(async () => {
      const found = await pipeline.lookupAction(key, slackUser(team, user), 'slack:share');
      if (found.status !== 'ok') {
        await notice({ kind: 'notice', reason: found.status, text: found.status === 'expired' ? SHARE_EXPIRED_TEXT : FORBIDDEN_TEXT });
        return;
      }
      // Claimed before posting so a double click cannot post twice.
      if (!(await pipeline.actions.claim(key, SHARE_ACTION))) {
        await notice({ kind: 'notice', reason: 'done', text: 'This answer is already shared in the channel.' });
        return;
      }
      const { record } = found;
      // Shared, the answer is public: its 👍/👎 get a key anyone in the channel may use, with the same log id.
      const votable = record.extra?.answerId !== undefined;
      const publicKey = votable ? await pipeline.actions.keep({ ...record, private: false }) : undefined;
      const message = withFeedbackButtons(renderAnswer(record.answer, { footer: `Shared from /ask. Question: ${record.question}`, reserveBlocks: votable ? 1 : 0 }), publicKey);
      const delivery = await sender.respond(responseUrl, { response_type: 'in_channel', delete_original: true, ...message }, meta);
      if (!delivery.ok) await pipeline.actions.release(key, SHARE_ACTION);
      else pipeline.logger.info({ conversation, surface: 'slack:share' }, 'answer shared');
    });
  });
}

function eventKey(body: Fields): string {
  return str(body.event_id) ?? `${str((body.event as Fields | undefined)?.channel)}:${str((body.event as Fields | undefined)?.ts)}`;
}
