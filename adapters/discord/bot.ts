/**
 * The Discord bot: a discord.js client wired to the engine. It owns the
 * gateway lifecycle (start, fatal close codes, graceful stop); the
 * shared pipeline (shared/chat-pipeline.ts) and events.ts do the answering.
 */
import { Client, Events, GatewayIntentBits, Options, Partials, type RESTOptions } from 'discord.js';
import { chatPipeline, type ChatPipelineOptions } from '../shared/chat-pipeline.js';
import type { Logger } from '../shared/logger.js';
import type { Pipeline } from '../shared/pipeline.js';
import type { RetryPolicy } from '../shared/retry.js';
import { fatalCloseReason } from './close-codes.js';
import type { DiscordConfig } from './config.js';
import { describeError } from './delivery.js';
import { onInteraction, onMessage } from './events.js';
import { NO_MENTIONS } from './render.js';

export interface DiscordBotOptions extends ChatPipelineOptions {
  config: DiscordConfig;
  logger: Logger;
  /** discord.js REST options layered over ours (e.g. a higher globalRequestsPerSecond in tests). */
  rest?: Partial<RESTOptions>;
  /** Retries of failed sends (shared helper). Default: 4 attempts, backoff doubling from 250 ms. */
  retry?: Partial<RetryPolicy> & { sleep?: (ms: number) => Promise<void> };
  /** Longest wait for a rate-limited REST call before giving up on it. Default 15 s. */
  maxRateLimitWaitMs?: number;
  /** DM channels kept in discord.js's cache; older ones are dropped. Default 200. */
  maxCachedDmChannels?: number;
  /** Most time stop() gives in-flight answers before closing. Default 5 s. */
  shutdownTimeoutMs?: number;
  /**
   * Called once when Discord refuses the bot for good after start-up (bad token,
   * disallowed intents): the process should exit. Default: logs only.
   */
  onFatal?: (reason: string) => void;
}

export interface DiscordBot {
  readonly client: Client;
  readonly pipeline: Pipeline;
  /** Logs in and resolves once the gateway is ready; rejects with a clear message if Discord refuses. */
  start(): Promise<void>;
  /** Stops taking questions, lets in-flight answers finish (bounded), closes the gateway. */
  stop(): Promise<void>;
  /** Answers in progress. */
  readonly inFlight: number;
  /** Sizes of the adapter's state, for leak checks: all bounded and expiring. */
  stats(): BotStats;
}

export interface BotStats {
  inFlight: number;
  /** Entries and bytes of the local state (event ids, conversations, button keys). */
  stateEntries: number;
  stateBytes: number;
  /** DM channels in discord.js's cache. */
  dmChannelsCached: number;
}

/** Only what the bot needs: guild/channel data, messages in guilds and DMs, and (optionally) their text. */
export function botIntents(messageContent: boolean): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  if (messageContent) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

export function createDiscordBot(options: DiscordBotOptions): DiscordBot {
  const { config, logger } = options;
  const now = options.now ?? Date.now;
  const maxDmChannels = options.maxCachedDmChannels ?? 200;
  const maxWait = options.maxRateLimitWaitMs ?? 15_000;
  const client = new Client({
    intents: botIntents(config.messageContentIntent),
    // DM channels arrive uncached; without this discord.js drops DMs.
    partials: [Partials.Channel],
    allowedMentions: { ...NO_MENTIONS },
    failIfNotExists: false,
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 50,
      UserManager: { maxSize: 1_000, keepOverLimit: (user) => user.id === user.client.user.id },
      GuildMemberManager: { maxSize: 1_000, keepOverLimit: (member) => member.id === member.client.user.id },
      PresenceManager: 0,
      ReactionManager: 0,
    }),
    // Old messages and users are swept as well as capped (discord.js does not limit by age on its own).
    sweepers: {
      ...Options.DefaultSweeperSettings,
      messages: { interval: 600, lifetime: 1_800 },
      users: { interval: 3_600, filter: () => (user) => user.id !== user.client.user.id },
    },
    rest: {
      api: config.apiUrl,
      // Retries live in retry.ts, with backoff and a log line; the library's own would be immediate.
      retries: 0,
      rejectOnRateLimit: (info) => info.retryAfter > maxWait,
      ...options.rest,
    },
  });
  const { pipeline, charts } = chatPipeline({ ...options, now }, { logger, rateLimit: config.rateLimit });
  const deps = { pipeline, logger, ...(options.retry ? { retry: options.retry } : {}), ...(options.feedback ? { feedback: options.feedback } : {}), ...(charts ? { charts } : {}) };
  let stopping = false;
  let fatal: string | undefined;

  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping) return void logger.warn({ interaction: interaction.id }, 'shutting down: interaction not taken');
    void pipeline.track(() => onInteraction(deps, interaction));
  });
  client.on(Events.MessageCreate, (message) => {
    const me = client.user?.id;
    if (!me) return;
    if (!message.inGuild()) trimDmChannels(client, maxDmChannels, message.channelId);
    if (!stopping) return void pipeline.track(() => onMessage(deps, message, me));
    const forUs = !message.author.bot && (!message.inGuild() || message.mentions.users.has(me));
    if (forUs) logger.warn({ message: message.id }, 'shutting down: question not taken');
  });
  client.on(Events.Debug, (message) => logger.debug({ message }, 'discord.js'));
  client.on(Events.Error, (error) => logger.error({ err: describeError(error) }, 'Discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'Discord client warning'));
  client.on(Events.ShardError, (error) => logger.warn({ err: describeError(error) }, 'gateway connection error'));
  client.on(Events.ShardReconnecting, () => logger.info('gateway connection lost; reconnecting'));
  client.on(Events.ShardResume, (_id, replayed) => logger.info({ replayed }, 'gateway session resumed'));
  // discord.js emits this only for close codes it will not recover from.
  let started = false;
  let refuseStart: ((reason: Error) => void) | undefined;
  client.on(Events.ShardDisconnect, (event) => {
    if (stopping || fatal) return;
    fatal = fatalCloseReason(event.code);
    // While starting, start() reports it (once, as the process's exit message).
    if (!started) return refuseStart?.(new Error(fatal));
    logger.fatal({ closeCode: event.code }, fatal);
    options.onFatal?.(fatal);
  });

  return {
    client,
    pipeline,
    get inFlight() {
      return pipeline.pending;
    },
    stats: () => ({
      inFlight: pipeline.pending,
      stateEntries: pipeline.store.localEntries(),
      stateBytes: pipeline.store.localBytes(),
      dmChannelsCached: client.channels.cache.filter((c) => c.isDMBased()).size,
    }),
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      const refused = new Promise<never>((_, reject) => (refuseStart = reject));
      const login = client.login(config.token).then(() => ready);
      login.catch(() => undefined); // observed through the race; must not surface as unhandled later
      try {
        await Promise.race([login, refused]);
      } catch (error) {
        throw new Error(fatal ?? loginFailure(error));
      } finally {
        refuseStart = undefined;
      }
      started = true;
      logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, shards: client.shard?.ids ?? [0] }, 'connected to Discord');
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      const pending = pipeline.pending;
      if (pending > 0) logger.info({ pending }, 'finishing answers in progress before closing');
      await pipeline.stop(options.shutdownTimeoutMs ?? 5_000);
      await client.destroy();
      logger.info('disconnected from Discord');
    },
  };
}

function loginFailure(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'TokenInvalid') return 'Discord rejected DISCORD_TOKEN (401 Unauthorized): copy the token again from the Developer Portal, Bot page.';
  const why = error instanceof Error ? error.message : String(error);
  return `could not connect to Discord: ${why}`;
}

/**
 * DM channels arrive as partials and stay in discord.js's channel cache, one
 * per user who ever wrote; the channel manager cannot be given a limit, so
 * the oldest are removed past `max` (they are fetched again when needed).
 */
function trimDmChannels(client: Client, max: number, keep: string): void {
  const dms = client.channels.cache.filter((c) => c.isDMBased() && c.id !== keep);
  let excess = dms.size + 1 - max;
  for (const id of dms.keys()) {
    if (excess-- <= 0) break;
    client.channels.cache.delete(id);
  }
}
