import type { App } from '@slack/bolt';
import type { Answer, Engine } from '../../src/index.js';
import type { Logger } from '../shared/logger.js';
import { rateLimitMessage, type RateLimiter } from '../shared/rate-limit.js';
import type { SlackChartUploader } from './chart-upload.js';
import type { Delivery, SlackSender } from './delivery.js';
import type { ExpiringMap } from '../shared/expiring-map.js';
import { questionFromSlack } from './markup.js';
import { renderAnswer, renderHelp, renderNotice, SHARE_ACTION_ID, withShareButton, type SlackMessage } from './render.js';

/** An /ask answer kept until its "Share in channel" button is pressed. */
export interface PendingShare {
  answer: Answer;
  question: string;
  shared: boolean;
}

export interface ListenerDeps {
  engine: Engine;
  sender: SlackSender;
  logger: Logger;
  limiter: RateLimiter;
  /** Event ids already taken, so Slack's retries are answered once. */
  seenEvents: ExpiringMap<string, true>;
  /** Users already told they are rate limited in the current window. */
  notified: ExpiringMap<string, true>;
  shares: ExpiringMap<string, PendingShare>;
  /** Uploads an answer's chart after the answer; no charts when absent. */
  charts?: SlackChartUploader;
  /** Runs one answer, counted as in flight until it settles (for graceful shutdown). */
  track(work: () => Promise<void>): Promise<void>;
  newId(): string;
  now(): number;
}

/** Loose view of an event payload: Bolt's unions are wider than what we read. */
type Fields = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const HELP = /^(help|\?|usage)?$/i;

/** Registers the adapter's listeners: mentions, DMs, /ask and its share button. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  const { logger } = deps;

  app.event('app_mention', async ({ event, body, context }) => {
    const ev = event as unknown as Fields;
    const channel = str(ev.channel);
    const user = str(ev.user);
    // Other bots (and our own echoes) are never answered: no bot-to-bot loops.
    if (!channel || !user || str(ev.bot_id) || user === context.botUserId) return;
    if (channel.startsWith('D')) return; // a DM mention also arrives as a message event
    if (!firstDelivery(deps, body as Fields, context.retryNum)) return;
    const team = str((body as Fields).team_id) ?? 'T';
    const threadTs = str(ev.thread_ts) ?? str(ev.ts)!;
    const conversation = `slack:${team}:${channel}:${threadTs}`;
    await deps.track(async () => {
      const question = questionFromSlack(str(ev.text) ?? '', context.botUserId);
      const meta = { conversation, deliveryId: eventKey(body as Fields) };
      const reply = compose(deps, question, conversation, `${team}:${user}`);
      if (reply === 'silent') return;
      const delivery = reply.limited
        ? await deps.sender.postEphemeral({ channel, user, thread_ts: threadTs }, reply.message, meta)
        : await deps.sender.postMessage({ channel, thread_ts: threadTs }, reply.message, meta);
      report(logger, delivery, conversation, 'mention', question);
      if (delivery.ok && reply.answer) await deps.charts?.post({ channel, thread_ts: threadTs }, reply.answer, conversation);
    });
  });

  app.event('message', async ({ event, body, context }) => {
    const ev = event as unknown as Fields;
    if (ev.channel_type !== 'im') return;
    const channel = str(ev.channel);
    const user = str(ev.user);
    // Edits, deletions, joins and bot posts all carry a subtype or a bot_id.
    if (!channel || !user || str(ev.subtype) || str(ev.bot_id) || user === context.botUserId) return;
    if (!firstDelivery(deps, body as Fields, context.retryNum)) return;
    const team = str((body as Fields).team_id) ?? 'T';
    const conversation = `slack:${team}:${channel}`;
    await deps.track(async () => {
      const question = questionFromSlack(str(ev.text) ?? '', context.botUserId);
      const reply = compose(deps, question, conversation, `${team}:${user}`);
      if (reply === 'silent') return;
      const threadTs = str(ev.thread_ts);
      const target = threadTs ? { channel, thread_ts: threadTs } : { channel };
      const delivery = await deps.sender.postMessage(target, reply.message, { conversation, deliveryId: eventKey(body as Fields) });
      report(logger, delivery, conversation, 'dm', question);
      if (delivery.ok && reply.answer) await deps.charts?.post(target, reply.answer, conversation);
    });
  });

  app.command('/ask', async ({ command, ack }) => {
    await ack();
    const team = command.team_id || 'T';
    const conversation = `slack:${team}:${command.channel_id}:ask:${command.user_id}`;
    await deps.track(async () => {
      const question = questionFromSlack(command.text ?? '');
      const meta = { conversation, deliveryId: `ask:${command.trigger_id}` };
      // /ask is explicit, so a rate-limited user is always told (privately).
      const reply = compose(deps, question, conversation, `${team}:${command.user_id}`, { alwaysNotify: true });
      if (reply === 'silent') return;
      let message = reply.message;
      if (reply.answer) {
        const token = deps.newId();
        deps.shares.set(token, { answer: reply.answer, question, shared: false });
        message = withShareButton(renderAnswer(reply.answer, { reserveBlocks: 1 }), token);
      }
      const delivery = await deps.sender.respond(command.response_url, { response_type: 'ephemeral', ...message }, meta);
      report(logger, delivery, conversation, 'ask', question);
    });
  });

  app.action(SHARE_ACTION_ID, async ({ ack, body, action }) => {
    await ack();
    const b = body as unknown as Fields;
    const responseUrl = str(b.response_url);
    const token = str((action as unknown as Fields).value);
    const channel = str((b.channel as Fields | undefined)?.id) ?? 'unknown';
    const conversation = `slack:share:${channel}`;
    if (!responseUrl || !token) return;
    await deps.track(async () => {
      const meta = { conversation, deliveryId: `share:${token}` };
      const pending = deps.shares.get(token);
      if (!pending || pending.shared) {
        const notice = pending ? 'This answer is already shared in the channel.' : 'This answer has expired. Ask again with /ask.';
        await deps.sender.respond(responseUrl, { response_type: 'ephemeral', replace_original: false, ...renderNotice(notice) }, meta);
        return;
      }
      // Marked before posting so a double click cannot post twice.
      pending.shared = true;
      const footer = `Shared from /ask. Question: ${pending.question}`;
      const message = renderAnswer(pending.answer, { footer });
      const delivery = await deps.sender.respond(responseUrl, { response_type: 'in_channel', delete_original: true, ...message }, meta);
      if (!delivery.ok) pending.shared = false;
      report(logger, delivery, conversation, 'share', pending.question);
    });
  });
}

type Reply = { message: SlackMessage; answer?: Answer; limited: boolean } | 'silent';

/** Turns a question into the message to send: usage, a rate-limit notice, or the engine's answer. */
function compose(deps: ListenerDeps, question: string, conversation: string, userKey: string, options: { alwaysNotify?: boolean } = {}): Reply {
  const decision = deps.limiter.take(userKey);
  if (!decision.allowed) {
    // One notice per user per window: a flood must not turn into a flood of notices.
    if (!options.alwaysNotify && !deps.notified.add(userKey, true)) {
      deps.logger.info({ conversation }, 'rate limited; notice already sent');
      return 'silent';
    }
    deps.logger.info({ conversation, retryAfterMs: decision.retryAfterMs }, 'rate limited');
    return { message: renderNotice(rateLimitMessage(decision.retryAfterMs)), limited: true };
  }
  if (HELP.test(question.trim())) return { message: renderHelp(deps.engine.examples), limited: false };
  let answer: Answer;
  try {
    answer = deps.engine.ask(question, { conversation });
  } catch (error) {
    // The engine promises never to throw; if it does, say so rather than stay silent.
    deps.logger.error({ err: error, conversation }, 'engine failed on a question');
    return { message: renderNotice('Sorry, something went wrong while answering. Please try again.'), limited: false };
  }
  return { message: renderAnswer(answer), answer, limited: false };
}

/** Marks an event as taken; false for a repeat delivery of one already taken. */
function firstDelivery(deps: ListenerDeps, body: Fields, retryNum: number | undefined): boolean {
  const key = eventKey(body);
  if (deps.seenEvents.add(key, true)) return true;
  deps.logger.info({ event: key, retryNum }, 'repeated delivery of an event already answered; ignored');
  return false;
}

function eventKey(body: Fields): string {
  return str(body.event_id) ?? `${str((body.event as Fields | undefined)?.channel)}:${str((body.event as Fields | undefined)?.ts)}`;
}

function report(logger: Logger, delivery: Delivery, conversation: string, surface: string, question: string): void {
  if (delivery.ok) logger.info({ conversation, surface, attempts: delivery.attempts }, 'answered');
  else logger.error({ conversation, surface, questionChars: question.length, reason: delivery.reason }, 'question could not be answered');
}
