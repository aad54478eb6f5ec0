/**
 * 👍 / 👎 on Discord: a row of buttons, a "what was wrong?" modal after 👎,
 * and an ephemeral acknowledgement. Recording the vote is the shared feedback
 * extension's (shared/feedback/feedback.ts); only Discord's payloads live
 * here. Component ids: `summitfb:<up|down|note>:<answer key>`.
 */
import { ButtonStyle, ComponentType, TextInputStyle, type APIActionRowComponent, type APIButtonComponent, type ButtonInteraction, type ModalSubmitInteraction } from 'discord.js';
import { FEEDBACK_DOWN, FEEDBACK_UP } from '../shared/feedback/feedback.js';
import { MAX_NOTE_CHARS, NOTE_FORM_LABEL, NOTE_FORM_PLACEHOLDER, NOTE_FORM_TITLE } from '../shared/feedback/texts.js';
import type { OfferedAction } from '../shared/pipeline.js';
import { MAX_CUSTOM_ID } from './render.js';

const NOTE_INPUT = 'note';
type FeedbackAction = 'up' | 'down' | 'note';

export function feedbackCustomId(action: FeedbackAction, key: string): string {
  return `summitfb:${action}:${key}`.slice(0, MAX_CUSTOM_ID);
}

export function parseFeedbackId(id: string): { action: FeedbackAction; key: string } | undefined {
  const m = /^summitfb:(up|down|note):([\w-]{1,64})$/.exec(id);
  return m ? { action: m[1] as FeedbackAction, key: m[2]! } : undefined;
}

/** The 👍/👎 row, when the pipeline offered feedback for this answer. */
export function feedbackRow(actions: readonly OfferedAction[]): APIActionRowComponent<APIButtonComponent> | undefined {
  const key = actions.find((a) => a.name === FEEDBACK_UP || a.name === FEEDBACK_DOWN)?.key;
  if (!key) return undefined;
  const vote = (action: 'up' | 'down', emoji: string): APIButtonComponent => ({ type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: feedbackCustomId(action, key), emoji: { name: emoji } });
  return { type: ComponentType.ActionRow, components: [vote('up', '👍'), vote('down', '👎')] };
}

/** The optional note after 👎. */
export function noteModal(key: string) {
  return {
    custom_id: feedbackCustomId('note', key),
    title: NOTE_FORM_TITLE,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.TextInput, custom_id: NOTE_INPUT, label: NOTE_FORM_LABEL.slice(0, 45), style: TextInputStyle.Paragraph, required: false, max_length: MAX_NOTE_CHARS, placeholder: NOTE_FORM_PLACEHOLDER }],
      },
    ],
  };
}

export function noteOf(interaction: ModalSubmitInteraction): string | undefined {
  try {
    return interaction.fields.getTextInputValue(NOTE_INPUT).trim() || undefined;
  } catch {
    return undefined;
  }
}

export const isFeedbackInteraction = (interaction: ButtonInteraction | ModalSubmitInteraction): boolean => parseFeedbackId(interaction.customId) !== undefined;
