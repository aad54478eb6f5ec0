/**
 * The little world the fake Discord serves: one bot, one guild with a text
 * channel and a thread, and builders for the gateway payloads a test sends.
 * Shapes follow the Discord API v10 objects discord.js 14 reads.
 */

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A fresh snowflake: time since the Discord epoch, then a counter. */
export function snowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment).toString();
}

export const FAKE_TOKEN = 'fake-bot-token.NzkyNzE1NDU0MTk2MDg4ODQy.Xy-SECRET-tokenvalue';
export const APP_ID = '792715454196088842';
export const BOT_ID = APP_ID;
export const GUILD_ID = '800000000000000001';
export const CHANNEL_ID = '800000000000000002';
export const THREAD_ID = '800000000000000003';
export const ROLE_ID = '800000000000000004';

export interface APIUserLike {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: string | null;
  bot?: boolean;
}

export const botUser: APIUserLike = { id: BOT_ID, username: 'summit-bot', discriminator: '0', global_name: null, avatar: null, bot: true };

export function user(id: string, name = `user${id.slice(-4)}`, bot = false): APIUserLike {
  return { id, username: name, discriminator: '0', global_name: name, avatar: null, ...(bot ? { bot: true } : {}) };
}

export const alice = user('700000000000000001', 'alice');
export const bob = user('700000000000000002', 'bob');
export const otherBot = user('700000000000000009', 'another-bot', true);

const joinedAt = '2025-02-10T09:00:00.000000+00:00';

export function member(u: APIUserLike) {
  return { user: u, roles: [], joined_at: joinedAt, deaf: false, mute: false, flags: 0, permissions: '2248473465835073' };
}

export function textChannel(id = CHANNEL_ID) {
  return { id, type: 0, guild_id: GUILD_ID, name: 'general', position: 0, permission_overwrites: [], nsfw: false, topic: null, last_message_id: null, rate_limit_per_user: 0, parent_id: null };
}

export function thread(id = THREAD_ID) {
  return {
    id,
    type: 11,
    guild_id: GUILD_ID,
    parent_id: CHANNEL_ID,
    owner_id: alice.id,
    name: 'summit questions',
    last_message_id: null,
    message_count: 0,
    member_count: 1,
    rate_limit_per_user: 0,
    flags: 0,
    thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: joinedAt, locked: false },
  };
}

export function guildCreate() {
  return {
    id: GUILD_ID,
    name: 'Summit watchers',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: alice.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      { id: GUILD_ID, name: '@everyone', color: 0, hoist: false, icon: null, unicode_emoji: null, position: 0, permissions: '2248473465835073', managed: false, mentionable: false, flags: 0 },
      { id: ROLE_ID, name: 'moderators', color: 0, hoist: false, icon: null, unicode_emoji: null, position: 1, permissions: '0', managed: false, mentionable: true, flags: 0 },
    ],
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    stickers: [],
    premium_progress_bar_enabled: false,
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    member_count: 3,
    voice_states: [],
    members: [member(botUser)],
    channels: [textChannel()],
    threads: [thread()],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface MessageOptions {
  author?: APIUserLike;
  channelId?: string;
  /** Omit for a DM. */
  guildId?: string | null;
  mentions?: APIUserLike[];
  mentionRoles?: string[];
  mentionEveryone?: boolean;
  replyTo?: string;
  id?: string;
  webhookId?: string;
}

/** A MESSAGE_CREATE payload. Guild channel by default; `guildId: null` makes it a DM (channel_type 1). */
export function messageCreate(content: string, o: MessageOptions = {}) {
  const author = o.author ?? alice;
  const inGuild = o.guildId !== null;
  const channelId = o.channelId ?? (inGuild ? CHANNEL_ID : dmChannelId(author.id));
  return {
    id: o.id ?? snowflake(),
    channel_id: channelId,
    ...(inGuild ? { guild_id: o.guildId ?? GUILD_ID, member: { roles: [], joined_at: joinedAt, deaf: false, mute: false, flags: 0 } } : { channel_type: 1 }),
    author,
    content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: o.mentionEveryone ?? false,
    mentions: (o.mentions ?? []).map((u) => ({ ...u })),
    mention_roles: o.mentionRoles ?? [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: o.replyTo ? 19 : 0,
    flags: 0,
    components: [],
    ...(o.webhookId ? { webhook_id: o.webhookId } : {}),
    ...(o.replyTo ? { message_reference: { type: 0, message_id: o.replyTo, channel_id: channelId, ...(inGuild ? { guild_id: GUILD_ID } : {}) } } : {}),
  };
}

/** A stable DM channel id per user. */
export function dmChannelId(userId: string): string {
  return `9${userId.slice(1)}`;
}

export interface InteractionOptions {
  user?: APIUserLike;
  channelId?: string;
  /** `null` for a DM with the bot. */
  guildId?: string | null;
  id?: string;
  token?: string;
}

function interactionBase(o: InteractionOptions) {
  const u = o.user ?? alice;
  const inGuild = o.guildId !== null;
  const channelId = o.channelId ?? (inGuild ? CHANNEL_ID : dmChannelId(u.id));
  const channel = inGuild
    ? channelId === THREAD_ID
      ? thread()
      : textChannel(channelId)
    : { id: channelId, type: 1, last_message_id: null, flags: 0, recipients: [u] };
  return {
    id: o.id ?? snowflake(),
    application_id: APP_ID,
    token: o.token ?? `interaction-token-${snowflake()}`,
    version: 1,
    channel_id: channelId,
    channel,
    ...(inGuild ? { guild_id: o.guildId ?? GUILD_ID, guild: { id: GUILD_ID, locale: 'en-US', features: [] }, member: member(u), guild_locale: 'en-US' } : { user: u }),
    app_permissions: '2248473465835073',
    locale: 'en-US',
    entitlements: [],
    // discord.js 14.28 reads this on every interaction.
    authorizing_integration_owners: inGuild ? { '0': GUILD_ID } : { '1': u.id },
    context: inGuild ? 0 : 1,
    attachment_size_limit: 10_485_760,
  };
}

/** An INTERACTION_CREATE for `/ask question:<q> [ephemeral:<bool>]`. */
export function askInteraction(question: string, o: InteractionOptions & { ephemeral?: boolean } = {}) {
  const options: { name: string; type: number; value: string | boolean }[] = [{ name: 'question', type: 3, value: question }];
  if (o.ephemeral !== undefined) options.push({ name: 'ephemeral', type: 5, value: o.ephemeral });
  return { ...interactionBase(o), type: 2, data: { id: '900000000000000001', name: 'ask', type: 1, options } };
}

/** An INTERACTION_CREATE for a button click on `message` (a message object the bot sent). */
export function buttonInteraction(customId: string, message: Record<string, unknown>, o: InteractionOptions = {}) {
  return { ...interactionBase(o), type: 3, message, data: { custom_id: customId, component_type: 2 } };
}

/** An INTERACTION_CREATE for the submission of a modal: text inputs by custom id, each in its own action row. */
export function modalSubmitInteraction(customId: string, inputs: Record<string, string>, o: InteractionOptions = {}) {
  const components = Object.entries(inputs).map(([id, value]) => ({ type: 1, components: [{ type: 4, custom_id: id, value }] }));
  return { ...interactionBase(o), type: 5, data: { custom_id: customId, components } };
}
