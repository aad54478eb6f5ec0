/**
 * Messages: @mentions in server channels and threads, and every direct
 * message. Message -> engine -> reply.
 */
import type { Message } from 'discord.js';
import { rateLimitMessage } from '../shared/rate-limit.js';
import type { BotContext, Surface } from './context.js';
import { FAILURE_TEXT, plain, renderAnswer, type DiscordPayload } from './render.js';
import { sendAnswer, type PayloadWithChart } from './chart-attach.js';

/** Discord accepts nonces of up to 25 characters. */
const MAX_NONCE_LENGTH = 25;

export async function handleMessage(ctx: BotContext, message: Message, botId: string): Promise<void> {
  // Never answer a bot (ourselves included), a webhook or a system notice: two bots can loop forever.
  if (message.author.bot || message.author.id === botId || message.webhookId !== null || message.system) return;
  const inDm = !message.inGuild();
  if (!inDm && !message.mentions.users.has(botId)) return;
  if (!ctx.handled.add(`message:${message.id}`, true)) {
    ctx.logger.warn({ message: message.id }, 'ignored a replayed message');
    return;
  }

  const { conversation, surface } = messageConversation(ctx, message, inDm);
  const decision = ctx.limiter.take(message.author.id);
  if (!decision.allowed) {
    ctx.logger.info({ conversation, user: message.author.id }, 'rate limited');
    // A message cannot be answered privately; one notice per window, then silence.
    if (ctx.notices.take(message.author.id).allowed) {
      await ctx.deliver('rate-limit notice', conversation, () => reply(message, plain(rateLimitMessage(decision.retryAfterMs))));
    }
    return;
  }

  const question = stripMention(message.content, botId);
  const answer = ctx.ask(question, conversation, surface);
  const payload = answer ? renderAnswer(answer, { answerKey: ctx.remember(answer) }) : plain(FAILURE_TEXT);
  ctx.chains.set(message.id, conversation);
  const sent = await sendAnswer(ctx, 'answer (reply)', conversation, payload, answer, (p) => reply(message, p));
  if (sent) ctx.chains.set(sent.id, conversation);
}

/**
 * The conversation a message belongs to: its DM channel, its thread, or the
 * reply chain it continues (a reply to a question or to one of our answers).
 */
export function messageConversation(ctx: BotContext, message: Message, inDm: boolean): { conversation: string; surface: Surface } {
  if (inDm) return { conversation: `discord:dm:${message.channelId}`, surface: 'dm' };
  if (message.channel.isThread()) return { conversation: `discord:thread:${message.channelId}`, surface: 'thread' };
  const replyTo = message.reference?.messageId;
  const chained = replyTo !== undefined ? ctx.chains.get(replyTo) : undefined;
  return { conversation: chained ?? `discord:chain:${message.id}`, surface: 'mention' };
}

/** Removes the bot's own mention(s), leaving the question. */
export function stripMention(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim();
}

/**
 * Replies with a reference to the question. The nonce is derived from the
 * question's id and enforced, so a retried send cannot post a second answer.
 */
function reply(message: Message, payload: DiscordPayload | PayloadWithChart): Promise<Message> {
  return message.reply({
    ...payload,
    nonce: message.id.slice(-MAX_NONCE_LENGTH),
    enforceNonce: true,
    failIfNotExists: false,
  });
}
