/**
 * Slash command and button interactions: interaction -> engine -> reply.
 */
import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import { rateLimitMessage } from '../shared/rate-limit.js';
import { ASK_COMMAND, EPHEMERAL_OPTION, QUESTION_OPTION } from './commands.js';
import type { BotContext } from './context.js';
import {
  EXPIRED_BUTTON_TEXT,
  FAILURE_TEXT,
  parseCustomId,
  plain,
  renderAnswer,
  renderFigures,
  renderMoreSources,
  type DiscordPayload,
} from './render.js';
import { isAlreadyAcknowledged } from './retry.js';
import { sendAnswer } from './chart-attach.js';

export async function handleInteraction(ctx: BotContext, interaction: Interaction): Promise<void> {
  if (!ctx.handled.add(`interaction:${interaction.id}`, true)) {
    ctx.logger.warn({ interaction: interaction.id }, 'ignored a replayed interaction');
    return;
  }
  if (interaction.isChatInputCommand() && interaction.commandName === ASK_COMMAND) return handleAsk(ctx, interaction);
  if (interaction.isButton()) return handleButton(ctx, interaction);
}

/**
 * A conversation per thread or DM, else per user and channel, so that
 * "/ask and the US?" follows up the same person's previous question.
 */
export function slashConversation(interaction: ChatInputCommandInteraction): string {
  const channel = interaction.channel;
  if (channel?.isThread()) return `discord:thread:${channel.id}`;
  if (!interaction.inGuild()) return `discord:dm:${interaction.channelId ?? interaction.user.id}`;
  return `discord:slash:${interaction.channelId}:${interaction.user.id}`;
}

async function handleAsk(ctx: BotContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const question = interaction.options.getString(QUESTION_OPTION) ?? '';
  const ephemeral = interaction.options.getBoolean(EPHEMERAL_OPTION) ?? false;
  const conversation = slashConversation(interaction);

  const decision = ctx.limiter.take(interaction.user.id);
  if (!decision.allowed) {
    ctx.logger.info({ conversation, user: interaction.user.id }, 'rate limited');
    await ctx.deliver('rate-limit notice', conversation, () => replyPrivately(interaction, plain(rateLimitMessage(decision.retryAfterMs))));
    return;
  }

  // The engine runs synchronously and answers may queue behind others, so
  // acknowledge first: Discord drops interactions not acknowledged within 3 s.
  const deferred = await ctx.deliver('deferred reply', conversation, async () => {
    try {
      await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    } catch (error) {
      // A retry after a lost response: the first attempt did acknowledge it.
      if (!isAlreadyAcknowledged(error)) throw error;
      interaction.deferred = true;
    }
    return true;
  });
  if (!deferred) return;

  const answer = ctx.ask(question, conversation, 'slash');
  const payload = answer ? renderAnswer(answer, { question, answerKey: ctx.remember(answer) }) : plain(FAILURE_TEXT);
  await sendAnswer(ctx, 'answer (edit of the deferred reply)', conversation, payload, answer, (p) => interaction.editReply(p));
}

async function handleButton(ctx: BotContext, interaction: ButtonInteraction): Promise<void> {
  const parsed = parseCustomId(interaction.customId);
  if (!parsed) return;
  const answer = ctx.answers.get(parsed.answerKey);
  const payload = !answer
    ? plain(EXPIRED_BUTTON_TEXT)
    : parsed.action === 'more'
      ? renderMoreSources(answer)
      : renderFigures(answer);
  // Shown only to whoever clicked, so a busy channel is not filled with expansions. "Show the figures" carries the chart.
  const charted = parsed.action === 'figures' ? answer : undefined;
  await sendAnswer(ctx, `button ${parsed.action}`, `discord:button:${interaction.message.id}`, payload, charted, (p) => replyPrivately(interaction, p));
}

/** An ephemeral reply; a retry that finds it already sent counts as sent. */
async function replyPrivately(interaction: ChatInputCommandInteraction | ButtonInteraction, payload: DiscordPayload): Promise<void> {
  try {
    await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
  } catch (error) {
    if (!isAlreadyAcknowledged(error)) throw error;
    interaction.replied = true;
  }
}
