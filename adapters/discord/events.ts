/**
 * Discord events -> the shared pipeline: @mentions and DMs, /ask, and the
 * answer buttons. Only Discord's own concerns live here: which messages
 * count, reply chains, deferring, nonces, and a reply to every interaction,
 * even one the bot cannot read.
 */
import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type ModalSubmitInteraction, type Interaction, type Message, type RepliableInteraction } from 'discord.js';
import type { Logger } from '../shared/logger.js';
import { EXPIRED_TEXT, FORBIDDEN_TEXT, type Pipeline } from '../shared/pipeline.js';
import { withRetries, type Outcome, type RetryPolicy } from '../shared/retry.js';
import type { Feedback } from '../shared/feedback/feedback.js';
import type { ChartExtension } from '../shared/chart/extension.js';
import { sendWithChart, withAttachedChart, type PayloadWithChart } from './chart-attach.js';
import { isFeedbackInteraction, noteModal, noteOf, parseFeedbackId } from './feedback.js';
import { ASK_COMMAND, EPHEMERAL_OPTION, QUESTION_OPTION } from './commands.js';
import { chainConversation, chainKey, discordUser, dmConversation, slashConversation, threadConversation } from './conversation.js';
import { classify, describeError, isAlreadyAcknowledged } from './delivery.js';
import { buttonsFor, parseCustomId, plain, renderFigures, renderMoreSources, renderReply } from './render.js';

/** Discord accepts nonces of up to 25 characters. */
const MAX_NONCE_LENGTH = 25;
/** How long a reply chain stays one conversation. */
const CHAIN_MEMORY_MS = 60 * 60_000;

export const UNKNOWN_COMMAND_TEXT = 'I only know `/ask`. Try `/ask question:How much is InvestAI?`';
export const UNREADABLE_TEXT = 'I could not read that. Please use `/ask question:<your question>`.';
export const UNKNOWN_BUTTON_TEXT = 'That button is not one of mine, or it no longer works. Please ask again.';

export interface DiscordEvents {
  pipeline: Pipeline;
  /** Records 👍/👎; without it feedback buttons are never offered. */
  feedback?: Feedback;
  /** Draws the chart shown with "Show the figures"; no chart there without it. */
  charts?: ChartExtension;
  logger: Logger;
  retry?: Partial<RetryPolicy> & { sleep?: (ms: number) => Promise<void> };
}

/** Sends with the shared retry helper, logging as Discord's errors are best described. */
function send<T>(deps: DiscordEvents, what: string, conversation: string, call: () => Promise<T>): Promise<Outcome<T>> {
  const { sleep, ...policy } = deps.retry ?? {};
  return withRetries(call, { what, conversation, logger: deps.logger, policy, classify, describe: describeError, ...(sleep ? { sleep } : {}) });
}

export async function onMessage(deps: DiscordEvents, message: Message, botId: string): Promise<void> {
  // Never answer a bot (ourselves included), a webhook or a system notice: two bots can loop forever.
  if (message.author.bot || message.author.id === botId || message.webhookId !== null || message.system) return;
  const inDm = !message.inGuild();
  if (!inDm && !message.mentions.users.has(botId)) return;
  const { pipeline } = deps;
  const { conversation, surface } = await messageConversation(pipeline, message, inDm);
  const remember = (id: string) => pipeline.store.set(chainKey(id), conversation, CHAIN_MEMORY_MS);
  await pipeline.handle(
    { surface, eventId: `discord:message:${message.id}`, user: discordUser(message.author.id), conversation, question: stripMention(message.content, botId), private: false, notify: 'once', offer: (a) => buttonsFor(a) },
    {
      async send(reply) {
        const outcome =
          reply.kind === 'answer'
            ? await sendWithChart(renderReply(reply), reply.attachments, (payload, what) => send(deps, `${what} (reply)`, conversation, () => replyTo(message, payload)), (why, msg) => deps.logger.warn({ ...why, conversation }, msg))
            : await send(deps, `${reply.kind} (reply)`, conversation, () => replyTo(message, renderReply(reply)));
        if (outcome.ok && surface === 'discord:mention') {
          await remember(message.id);
          if (outcome.value) await remember(outcome.value.id);
        }
        return outcome;
      },
    },
  );
}

/**
 * The conversation a message belongs to: its DM channel, its thread, or the
 * reply chain it continues (a reply to a question or to one of our answers).
 */
async function messageConversation(pipeline: Pipeline, message: Message, inDm: boolean): Promise<{ conversation: string; surface: string }> {
  if (inDm) return { conversation: dmConversation(message.channelId), surface: 'discord:dm' };
  if (message.channel.isThread()) return { conversation: threadConversation(message.channelId), surface: 'discord:thread' };
  const replyTo = message.reference?.messageId;
  const chained = replyTo !== undefined ? await pipeline.store.get(chainKey(replyTo)) : undefined;
  return { conversation: chained ?? chainConversation(message.id), surface: 'discord:mention' };
}

/** Removes the bot's own mention(s), leaving the question. */
export function stripMention(content: string, botId: string): string {
  return content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').trim();
}

/** Replies with a reference to the question; the enforced nonce makes a retried send post once. */
function replyTo(message: Message, payload: PayloadWithChart): Promise<Message> {
  return message.reply({ ...payload, nonce: message.id.slice(-MAX_NONCE_LENGTH), enforceNonce: true, failIfNotExists: false });
}

export async function onInteraction(deps: DiscordEvents, interaction: Interaction): Promise<void> {
  if (interaction.isChatInputCommand() && interaction.commandName === ASK_COMMAND) return onAsk(deps, interaction);
  if (!(await deps.pipeline.firstDelivery(`discord:interaction:${interaction.id}`))) return;
  if ((interaction.isButton() || interaction.isModalSubmit()) && isFeedbackInteraction(interaction)) return onFeedback(deps, interaction);
  if (interaction.isButton()) return onButton(deps, interaction);
  if (interaction.isAutocomplete()) {
    await interaction.respond([]).catch((error: unknown) => deps.logger.warn({ err: describeError(error) }, 'could not answer an autocomplete'));
    return;
  }
  // Anything else (another command, a menu, a form): never leave "interaction failed" behind.
  if (interaction.isRepliable()) {
    deps.logger.info({ type: interaction.type, command: interaction.isCommand() ? interaction.commandName : undefined }, 'an interaction the bot does not handle; told the user');
    await replyPrivately(deps, interaction, plain(interaction.isCommand() ? UNKNOWN_COMMAND_TEXT : UNKNOWN_BUTTON_TEXT), 'unknown interaction');
  }
}

async function onAsk(deps: DiscordEvents, interaction: ChatInputCommandInteraction): Promise<void> {
  const question = stringOption(interaction, QUESTION_OPTION);
  const ephemeral = interaction.options.data.find((o) => o.name === EPHEMERAL_OPTION)?.value === true;
  const channel = interaction.channel;
  const conversation = channel?.isThread()
    ? threadConversation(channel.id)
    : !interaction.inGuild()
      ? dmConversation(interaction.channelId ?? interaction.user.id)
      : slashConversation(interaction.channelId, interaction.user.id);
  if (question === undefined) {
    if (!(await deps.pipeline.firstDelivery(`discord:interaction:${interaction.id}`))) return;
    deps.logger.info({ conversation }, '/ask without a readable question; told the user');
    await replyPrivately(deps, interaction, plain(UNREADABLE_TEXT), 'unreadable /ask');
    return;
  }
  await deps.pipeline.handle(
    { surface: 'discord:slash', eventId: `discord:interaction:${interaction.id}`, user: discordUser(interaction.user.id), conversation, question, private: ephemeral, notify: 'always', offer: (a) => buttonsFor(a) },
    {
      // Acknowledge first: Discord drops interactions not acknowledged within 3 s.
      async acknowledge() {
        const outcome = await send(deps, 'deferred reply', conversation, async () => {
          try {
            await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
          } catch (error) {
            // A retry after a lost response: the first attempt did acknowledge it.
            if (!isAlreadyAcknowledged(error)) throw error;
            interaction.deferred = true;
          }
        });
        return outcome.ok;
      },
      send(reply) {
        const rendered = renderReply(reply, { question });
        const attachments = reply.kind === 'answer' ? reply.attachments : [];
        return sendWithChart<unknown>(
          rendered,
          attachments,
          (payload, what) =>
            interaction.deferred
              ? send(deps, `${reply.kind === 'answer' ? what : reply.kind} (edit of the deferred reply)`, conversation, () => interaction.editReply(payload))
              : replyPrivately(deps, interaction, payload, `${reply.kind} (private reply)`),
          (why, msg) => deps.logger.warn({ ...why, conversation }, msg),
        );
      },
    },
  );
}

/** The string value of an option, or undefined when it is missing or not a string. */
function stringOption(interaction: ChatInputCommandInteraction, name: string): string | undefined {
  const value = interaction.options.data.find((o) => o.name === name)?.value;
  return typeof value === 'string' ? value : undefined;
}

async function onButton(deps: DiscordEvents, interaction: ButtonInteraction): Promise<void> {
  const parsed = parseCustomId(interaction.customId);
  if (!parsed) {
    deps.logger.info({ customIdChars: interaction.customId.length }, 'a button the bot cannot read; told the user');
    await replyPrivately(deps, interaction, plain(UNKNOWN_BUTTON_TEXT), 'unknown button');
    return;
  }
  const found = await deps.pipeline.lookupAction(parsed.answerKey, discordUser(interaction.user.id), `discord:button:${parsed.action}`);
  let payload: PayloadWithChart =
    found.status === 'forbidden'
      ? plain(FORBIDDEN_TEXT)
      : found.status === 'expired'
        ? plain(EXPIRED_TEXT)
        : parsed.action === 'more'
          ? renderMoreSources(found.record.answer)
          : renderFigures(found.record.answer);
  if (found.status === 'ok' && parsed.action === 'figures' && deps.charts) {
    const chart = deps.charts.attachmentFor(found.record.answer);
    if (chart) payload = await withAttachedChart(payload, [chart]);
  }
  // Shown only to whoever clicked, so a busy channel is not filled with expansions.
  await replyPrivately(deps, interaction, payload, `button ${parsed.action}`);
}

/** 👍 and the note form are thanked privately; 👎 counts at once and opens the form (which must be the first reply). */
async function onFeedback(deps: DiscordEvents, interaction: ButtonInteraction | ModalSubmitInteraction): Promise<void> {
  const parsed = parseFeedbackId(interaction.customId)!;
  if (!deps.feedback) {
    await replyPrivately(deps, interaction, plain(UNKNOWN_BUTTON_TEXT), 'feedback without a log');
    return;
  }
  const choice = parsed.action === 'up' ? 'up' : 'down';
  const note = interaction.isModalSubmit() ? noteOf(interaction) : undefined;
  const outcome = await deps.feedback.vote(deps.pipeline, { key: parsed.key, user: discordUser(interaction.user.id), surface: 'discord:feedback', vote: choice, ...(note ? { note } : {}) });
  if (interaction.isButton() && parsed.action === 'down' && outcome.status === 'ok') {
    const button = interaction;
    await send(deps, 'feedback form', `discord:interaction:${interaction.id}`, () => button.showModal(noteModal(parsed.key) as never));
    return;
  }
  await replyPrivately(deps, interaction, plain(outcome.text), `feedback ${parsed.action}`);
}

/** An ephemeral reply; a retry that finds it already sent counts as sent. */
function replyPrivately(deps: DiscordEvents, interaction: RepliableInteraction, payload: PayloadWithChart, what: string): Promise<Outcome<void>> {
  return send(deps, what, `discord:interaction:${interaction.id}`, async () => {
    try {
      await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
    } catch (error) {
      if (!isAlreadyAcknowledged(error)) throw error;
      interaction.replied = true;
    }
  });
}
