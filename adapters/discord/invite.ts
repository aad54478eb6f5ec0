/**
 * The bot's invite link: the OAuth2 scopes and the channel permissions it
 * needs, the permissions computed from discord.js's flags so the number in
 * the link always matches the list.
 */
import { OAuth2Scopes, PermissionFlagsBits, PermissionsBitField } from 'discord.js';

/** Every permission the bot uses in a channel, and why. */
export const BOT_PERMISSIONS = {
  /** See the channels it answers in. */
  ViewChannel: PermissionFlagsBits.ViewChannel,
  /** Answer mentions. */
  SendMessages: PermissionFlagsBits.SendMessages,
  /** Answer mentions inside threads. */
  SendMessagesInThreads: PermissionFlagsBits.SendMessagesInThreads,
  /** The answer's quotes and sources go in an embed. */
  EmbedLinks: PermissionFlagsBits.EmbedLinks,
  /** The chart of an answer's figures is a PNG attached to the reply. */
  AttachFiles: PermissionFlagsBits.AttachFiles,
  /** A reply to a message needs to read it. */
  ReadMessageHistory: PermissionFlagsBits.ReadMessageHistory,
} as const;

/** `bot` joins the server and reads mentions; `applications.commands` lets it register /ask. */
export const BOT_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const;

/** The permissions bitfield of the invite link, as the decimal string Discord expects. */
export function invitePermissions(): string {
  return new PermissionsBitField(Object.values(BOT_PERMISSIONS)).bitfield.toString();
}

/** The link that adds the bot to a server with the scopes and permissions above. */
export function inviteUrl(applicationId: string): string {
  const url = new URL('https://discord.com/oauth2/authorize');
  url.searchParams.set('client_id', applicationId);
  url.searchParams.set('scope', BOT_SCOPES.join(' '));
  url.searchParams.set('permissions', invitePermissions());
  return url.toString();
}
