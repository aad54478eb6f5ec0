import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

export const ASK_COMMAND = 'ask';
export const QUESTION_OPTION = 'question';
export const EPHEMERAL_OPTION = 'ephemeral';
/** Longest question the command accepts; real questions are a sentence or two. */
export const MAX_QUESTION_LENGTH = 1000;

/** `/ask question:<text> [ephemeral:<bool>]`, usable in servers and in DMs with the bot. */
export function askCommand(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return new SlashCommandBuilder()
    .setName(ASK_COMMAND)
    .setDescription('Ask about the AI Action Summit (Paris, February 2025); answered from the sources')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addStringOption((o) =>
      o
        .setName(QUESTION_OPTION)
        .setDescription('Your question, e.g. "How much will InvestAI mobilise?"')
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_LENGTH),
    )
    .addBooleanOption((o) => o.setName(EPHEMERAL_OPTION).setDescription('Only you see the answer (default: false)'))
    .toJSON();
}

/** Every command the bot registers. */
export function allCommands(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [askCommand()];
}
