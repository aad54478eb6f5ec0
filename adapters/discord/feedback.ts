/**
 * 👍 / 👎 on every Discord answer: a row of button components, a "what was
 * wrong?" modal after 👎, and an ephemeral acknowledgement. Votes go to the
 * question log. Component ids: `summitfb:<up|down|note>:<answer id>`.
 */
import { ButtonStyle, ComponentType, MessageFlags, TextInputStyle, type ButtonInteraction, type Interaction, type ModalSubmitInteraction } from 'discord.js';
import { MAX_NOTE_CHARS, NOTE_FORM_LABEL, NOTE_FORM_PLACEHOLDER, NOTE_FORM_TITLE, THANKS_DOWN, THANKS_NOTE, THANKS_UP } from '../shared/feedback/texts.js';
import type { QuestionLog } from '../shared/question-log/index.js';
import type { BotContext } from './context.js';
import { MAX_CUSTOM_ID, plain, type DiscordPayload } from './render.js';
import { isAlreadyAcknowledged } from './retry.js';

const PREFIX = 'summitfb';
const NOTE_INPUT = 'note';
type FeedbackAction = 'up' | 'down' | 'note';

export function feedbackCustomId(action: FeedbackAction, answerId: string): string {
  return `${PREFIX}:${action}:${answerId}`.slice(0, MAX_CUSTOM_ID);
}

export function parseFeedbackId(id: string): { action: FeedbackAction; answerId: string } | undefined {
  const m = /^summitfb:(up|down|note):([\w-]{1,64})$/.exec(id);
  return m ? { action: m[1] as FeedbackAction, answerId: m[2]! } : undefined;
}

/** The payload with a 👍/👎 row for `answerId` (none without an id: nothing would record the vote). */
export function withFeedbackRow(payload: DiscordPayload, answerId: string | undefined): DiscordPayload {
  if (!answerId) return payload;
  const vote = (action: 'up' | 'down', emoji: string) => ({ type: ComponentType.Button as const, style: ButtonStyle.Secondary as const, custom_id: feedbackCustomId(action, answerId), emoji: { name: emoji } });
  return { ...payload, components: [...payload.components, { type: ComponentType.ActionRow, components: [vote('up', '👍'), vote('down', '👎')] }] };
}

/** Handles a feedback button or form; false when the interaction is not one. */
export async function handleFeedback(ctx: BotContext, interaction: Interaction): Promise<boolean> {
  const log = ctx.questionLog;
  if (!(interaction.isButton() || interaction.isModalSubmit())) return false;
  const parsed = parseFeedbackId(interaction.customId);
  if (!parsed) return false;
  const where = `discord:feedback:${interaction.channelId ?? 'dm'}`;
  if (!log) {
    await ctx.deliver('feedback notice', where, () => replyPrivately(interaction, plain('Feedback is not being recorded on this bot.')));
    return true;
  }
  const voter = interaction.user.id;
  if (interaction.isModalSubmit()) {
    const note = noteOf(interaction);
    log.vote({ answerId: parsed.answerId, user: voter, vote: 'down', ...(note ? { note } : {}) });
    await ctx.deliver('feedback thanks', where, () => replyPrivately(interaction, plain(note ? THANKS_NOTE : THANKS_DOWN)));
    return true;
  }
  if (parsed.action === 'up') {
    log.vote({ answerId: parsed.answerId, user: voter, vote: 'up' });
    await ctx.deliver('feedback thanks', where, () => replyPrivately(interaction, plain(THANKS_UP)));
    return true;
  }
  // 👎 counts at once; the form only adds a note. The modal is the reply, so it must be the first one.
  log.vote({ answerId: parsed.answerId, user: voter, vote: 'down' });
  await ctx.deliver('feedback form', where, () => interaction.showModal(noteModal(parsed.answerId) as never));
  return true;
}

function noteModal(answerId: string) {
  return {
    custom_id: feedbackCustomId('note', answerId),
    title: NOTE_FORM_TITLE,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.TextInput, custom_id: NOTE_INPUT, label: NOTE_FORM_LABEL.slice(0, 45), style: TextInputStyle.Paragraph, required: false, max_length: MAX_NOTE_CHARS, placeholder: NOTE_FORM_PLACEHOLDER }],
      },
    ],
  };
}

function noteOf(interaction: ModalSubmitInteraction): string | undefined {
  try {
    return interaction.fields.getTextInputValue(NOTE_INPUT).trim() || undefined;
  } catch {
    return undefined;
  }
}

async function replyPrivately(interaction: ButtonInteraction | ModalSubmitInteraction, payload: DiscordPayload): Promise<void> {
  try {
    await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
  } catch (error) {
    if (!isAlreadyAcknowledged(error)) throw error;
    interaction.replied = true;
  }
}

export type { QuestionLog };
