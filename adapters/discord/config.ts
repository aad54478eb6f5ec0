import { z } from 'zod';
import { chatEnv, chatSettings, parseEnv, type ChatSettings } from '../shared/config.js';

/** Discord's public REST base, without the API version (discord.js adds /v10). */
export const DEFAULT_DISCORD_API_URL = 'https://discord.com/api';

const snowflake = z.string().regex(/^\d{15,21}$/, 'expected a numeric Discord id (a snowflake)');

const flag = z
  .string()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off']))
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));

/** The environment the Discord adapter reads. Empty values count as unset. */
export const DiscordEnvSchema = z.object({
  DISCORD_TOKEN: z.string().regex(/^\S+$/, 'a bot token has no spaces'),
  DISCORD_APPLICATION_ID: snowflake,
  DISCORD_GUILD_ID: snowflake.optional(),
  DISCORD_API_URL: z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://discord.com/api' })
    .default(DEFAULT_DISCORD_API_URL),
  ...chatEnv,
  /** Run this many shards through discord.js's ShardingManager ('auto': as many as Discord recommends). */
  DISCORD_SHARDS: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(1_000)], { error: "must be 'auto' or a whole number from 1 to 1000" }).optional(),
  /** Questions one user may ask per window. */
  DISCORD_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(5),
  /** Length of the rate-limit window, in seconds. */
  DISCORD_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** Ask Discord for message text in guild channels (a privileged intent). */
  DISCORD_MESSAGE_CONTENT_INTENT: flag.default(true),
});

export interface DiscordConfig {
  token: string;
  applicationId: string;
  /** When set, `discord:deploy` registers the command to this guild only (instant). */
  guildId?: string;
  /** REST base without the version, e.g. https://discord.com/api. */
  apiUrl: string;
  rateLimit: { limit: number; windowMs: number };
  /** Whether to request the privileged Message Content intent. */
  messageContentIntent: boolean;
  /** Sharded run: 'auto' or a shard count; undefined runs one process without a manager. */
  shards?: 'auto' | number;
  /** Settings every chat surface shares: LOG_LEVEL, CORPUS_DIR, REDIS_URL, the answer pool. */
  chat: ChatSettings;
}

/**
 * Reads the adapter's configuration from the environment. Throws a
 * ConfigError naming every missing or malformed variable (never a value).
 */
export function loadDiscordConfig(env: NodeJS.ProcessEnv = process.env): DiscordConfig {
  const e = parseEnv(DiscordEnvSchema, env);
  return {
    token: e.DISCORD_TOKEN,
    applicationId: e.DISCORD_APPLICATION_ID,
    ...(e.DISCORD_GUILD_ID !== undefined ? { guildId: e.DISCORD_GUILD_ID } : {}),
    apiUrl: normalizeApiUrl(e.DISCORD_API_URL),
    rateLimit: { limit: e.DISCORD_RATE_LIMIT, windowMs: e.DISCORD_RATE_WINDOW_SECONDS * 1000 },
    messageContentIntent: e.DISCORD_MESSAGE_CONTENT_INTENT,
    ...(e.DISCORD_SHARDS !== undefined ? { shards: e.DISCORD_SHARDS } : {}),
    chat: chatSettings(e),
  };
}

/** discord.js appends /v10 itself: accept a base given with or without it. */
export function normalizeApiUrl(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/v\d+$/, '');
}
