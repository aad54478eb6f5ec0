/**
 * Slack's conversation ids, in one place: a channel thread, a whole DM, or
 * one user's /ask questions in a channel.
 */
export const mentionConversation = (team: string, channel: string, threadTs: string) => `slack:${team}:${channel}:${threadTs}`;
export const dmConversation = (team: string, channel: string) => `slack:${team}:${channel}`;
export const askConversation = (team: string, channel: string, user: string) => `slack:${team}:${channel}:ask:${user}`;
/** The rate-limit key and button owner: a user within a workspace. */
export const slackUser = (team: string, user: string) => `slack:${team}:${user}`;
