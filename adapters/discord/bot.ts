/**
 * The Discord bot: a discord.js client wired to the engine. It owns the
 * gateway lifecycle (start, fatal close codes, graceful stop); the
 * handlers in interactions.ts and messages.ts do the answering.
 */
import { Client, Events, GatewayIntentBits, Options, Partials, type RESTOptions } from 'discord.js';
import type { Logger } from '../shared/logger.js';
import { RateLimiter } from '../shared/rate-limit.js';
import type { Engine } from '../../src/index.js';
import type { DiscordConfig } from './config.js';
import { BotContext, type StateOptions } from './context.js';
import { DiscordCharts } from './chart-attach.js';
import { fatalCloseReason } from './close-codes.js';
import { handleInteraction } from './interactions.js';
import { handleMessage } from './messages.js';
import { NO_MENTIONS } from './render.js';
import { describeError, type RetryOptions } from './retry.js';

export interface DiscordBotOptions {
  engine: Engine;
  config: DiscordConfig;
  logger: Logger;
  /** Clock for rate limits and state expiry. Default Date.now. */
  now?: () => number;
  /** discord.js REST options layered over ours (e.g. a higher globalRequestsPerSecond in tests). */
  rest?: Partial<RESTOptions>;
  /** Retries of failed sends. Default: 4 attempts, 250 ms doubling to at most 4 s. */
  retry?: RetryOptions;
  /** Longest wait for a rate-limited REST call before giving up on it. Default 15 s. */
  maxRateLimitWaitMs?: number;
  /** Bounds of the adapter's own state (answers behind buttons, reply chains). */
  state?: StateOptions;
  /** Attach a chart to answers that rest on two or more amounts. Default true. */
  charts?: boolean;
  /** Longest wait for a chart before replying without it, in ms. Default 5,000. */
  chartBudgetMs?: number;
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
  answersKept: number;
  chainsKept: number;
  eventsRemembered: number;
  usersRateTracked: number;
}

/** Only what the bot needs: guild/channel data, messages in guilds and DMs, and (optionally) their text. */
export function botIntents(messageContent: boolean): GatewayIntentBits[] {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  if (messageContent) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

export function createDiscordBot(options: DiscordBotOptions): DiscordBot {
  const { engine, config, logger } = options;
  const now = options.now ?? Date.now;
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
    }),
    rest: {
      api: config.apiUrl,
      // Retries live in retry.ts, with backoff and a log line; the library's own would be immediate.
      retries: 0,
      rejectOnRateLimit: (info) => info.retryAfter > maxWait,
      ...options.rest,
    },
  });
  const limiter = new RateLimiter({ ...config.rateLimit, now });
  const ctx = new BotContext(engine, logger, limiter, options.retry ?? {}, options.state, now);
  if (options.charts !== false) ctx.charts = new DiscordCharts({ logger, budgetMs: options.chartBudgetMs });
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  let fatal: string | undefined;

  const track = (work: Promise<void>) => {
    const p = work.catch((error: unknown) => logger.error({ err: describeError(error) }, 'unexpected error while handling an event'));
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };

  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping) return void logger.warn({ interaction: interaction.id }, 'shutting down: interaction not taken');
    track(handleInteraction(ctx, interaction));
  });
  client.on(Events.MessageCreate, (message) => {
    const me = client.user?.id;
    if (!me) return;
    if (!stopping) return track(handleMessage(ctx, message, me));
    const forUs = !message.author.bot && (!message.inGuild() || message.mentions.users.has(me));
    if (forUs) logger.warn({ message: message.id }, 'shutting down: question not taken');
  });
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
    get inFlight() {
      return inFlight.size;
    },
    stats: () => ({
      inFlight: inFlight.size,
      answersKept: ctx.answers.size,
      chainsKept: ctx.chains.size,
      eventsRemembered: ctx.handled.size,
      usersRateTracked: limiter.size,
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
      logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'connected to Discord');
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      const pending = inFlight.size;
      if (pending > 0) logger.info({ pending }, 'finishing answers in progress before closing');
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        Promise.allSettled([...inFlight]).then(() => false),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), options.shutdownTimeoutMs ?? 5_000))),
      ]);
      clearTimeout(timer);
      if (timedOut) logger.warn({ abandoned: inFlight.size }, 'closed with answers still in progress');
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
