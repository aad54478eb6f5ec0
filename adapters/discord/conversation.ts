/**
 * Discord's conversation ids, in one place: a DM channel, a thread, a reply
 * chain of mentions in a channel, or one user's /ask questions in a channel.
 */
export const dmConversation = (channelId: string) => `discord:dm:${channelId}`;
export const threadConversation = (channelId: string) => `discord:thread:${channelId}`;
export const chainConversation = (firstMessageId: string) => `discord:chain:${firstMessageId}`;
export const slashConversation = (channelId: string, userId: string) => `discord:slash:${channelId}:${userId}`;
/** The rate-limit key and button owner. */
export const discordUser = (userId: string) => `discord:${userId}`;
/** Where a message id's reply chain is remembered in the state store. */
export const chainKey = (messageId: string) => `discord-chain:${messageId}`;
