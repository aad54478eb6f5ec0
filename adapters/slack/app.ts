import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import { ConfigError, type Engine } from '../../src/index.js';
import type { Logger } from '../shared/logger.js';
import { RateLimiter } from '../shared/rate-limit.js';
import { boltLogger, slackLevel } from './bolt-logger.js';
import type { SlackConfig } from './config.js';
import { classify, DEFAULT_RETRY_POLICY, SlackSender, type RetryPolicy, type WebApi } from './delivery.js';
import { ExpiringMap } from '../shared/expiring-map.js';
import { SlackChartUploader, type FileApi } from './chart-upload.js';
import { registerListeners, type PendingShare } from './listeners.js';

/** How long an event id is remembered; Slack retries within minutes (after 1 and 5 minutes). */
export const EVENT_MEMORY_MS = 15 * 60_000;
/** A response_url stays usable for 30 minutes, so a share button is kept that long. */
export const SHARE_MEMORY_MS = 30 * 60_000;
/** Upper bounds on remembered state, whatever the traffic. */
export const MAX_REMEMBERED_EVENTS = 50_000;
export const MAX_PENDING_SHARES = 5_000;
export const MAX_RATE_LIMITED_USERS = 10_000;
/** How long stop() waits for answers in flight before giving up on them. Default 10 s. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

export interface SlackAppOptions {
  engine: Engine;
  config: SlackConfig;
  logger: Logger;
  /** Web API retries and timeouts. Default DEFAULT_RETRY_POLICY (bounded, production values). */
  retry?: Partial<RetryPolicy>;
  /** Clock for rate limits and remembered state. Default Date.now. */
  now?: () => number;
  /** fetch for response_url posts. Default globalThis.fetch. */
  fetch?: typeof fetch;
  /** Socket Mode: reconnect after a dropped socket. Default true. */
  autoReconnect?: boolean;
  /** Upload a chart into the thread after answers that rest on two or more amounts. Default true. */
  charts?: boolean;
}

export interface SlackApp {
  readonly app: App;
  /**
   * Verifies the bot token (auth.test), then starts receiving events: a
   * WebSocket in Socket Mode, an HTTP server on /slack/events otherwise.
   * `listen` overrides the configured port (and sets a host) in HTTP mode.
   */
  start(listen?: { port?: number; host?: string }): Promise<{ server?: Server }>;
  /** Stops receiving, lets answers in flight finish (bounded by graceMs), then returns. */
  stop(options?: { graceMs?: number }): Promise<void>;
  /** Answers currently being computed or posted. */
  readonly inFlight: number;
  /** Sizes of the adapter's bounded state, for leak checks. */
  stateSizes(): { events: number; shares: number; rateLimitedUsers: number; notices: number };
}

// Token problems that no retry will fix: reported as configuration errors.
const TOKEN_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type']);

/** Builds the Slack adapter on Bolt: listeners, retrying sender, bounded state. */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { engine, config, logger } = options;
  const now = options.now ?? Date.now;
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const sdkLogger = boltLogger(logger);
  const logLevel = slackLevel(logger.level);
  // Retries are ours (delivery.ts), so the Web API client must not retry on its own.
  const clientOptions = {
    slackApiUrl: config.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: policy.timeoutMs,
    logger: sdkLogger,
  };

  let socketReceiver: SocketModeReceiver | undefined;
  let receiver: HTTPReceiver | SocketModeReceiver;
  if (config.mode.kind === 'socket') {
    socketReceiver = new SocketModeReceiver({
      appToken: config.mode.appToken,
      logger: sdkLogger,
      logLevel,
      autoReconnectEnabled: options.autoReconnect ?? true,
      installerOptions: { clientOptions },
    });
    receiver = socketReceiver;
  } else {
    // Signature verification stays on: Bolt rejects unsigned or stale requests with 401.
    receiver = new HTTPReceiver({ signingSecret: config.mode.signingSecret, port: config.mode.port, logger: sdkLogger, logLevel });
  }

  const app = new App({
    token: config.botToken,
    receiver,
    logger: sdkLogger,
    logLevel,
    clientOptions,
    deferInitialization: true,
    convoStore: false,
    ignoreSelf: true,
  });
  app.error(async (error) => {
    logger.error({ err: error }, 'unhandled error in a Slack listener');
  });

  const inFlight = new Set<Promise<void>>();
  const limiter = new RateLimiter({ ...config.rateLimit, maxKeys: MAX_RATE_LIMITED_USERS, now });
  const seenEvents = new ExpiringMap<string, true>({ ttlMs: EVENT_MEMORY_MS, maxEntries: MAX_REMEMBERED_EVENTS, now });
  const notified = new ExpiringMap<string, true>({ ttlMs: config.rateLimit.windowMs, maxEntries: MAX_RATE_LIMITED_USERS, now });
  const shares = new ExpiringMap<string, PendingShare>({ ttlMs: SHARE_MEMORY_MS, maxEntries: MAX_PENDING_SHARES, now });
  const sender = new SlackSender({ client: app.client as unknown as WebApi, logger, policy, fetch: options.fetch, now });

  registerListeners(app, {
    engine,
    sender,
    logger,
    limiter,
    seenEvents,
    notified,
    shares,
    charts: options.charts === false ? undefined : new SlackChartUploader({ client: app.client as unknown as FileApi, logger, fetch: options.fetch, timeoutMs: policy.timeoutMs }),
    now,
    newId: randomUUID,
    track(work) {
      const running = work().catch((error: unknown) => logger.error({ err: error }, 'answer failed'));
      inFlight.add(running);
      void running.finally(() => inFlight.delete(running));
      return running;
    },
  });

  let server: Server | undefined;
  let started = false;

  return {
    app,
    get inFlight() {
      return inFlight.size;
    },
    stateSizes: () => ({ events: seenEvents.size, shares: shares.size, rateLimitedUsers: limiter.size, notices: notified.size }),

    async start(listen = {}) {
      await initWithRetries(app, sender, logger, policy.maxAttempts);
      if (config.mode.kind === 'socket') {
        try {
          await app.start();
        } catch (error) {
          throw tokenError('SLACK_APP_TOKEN', error) ?? error;
        }
        logger.info({ mode: 'socket' }, 'Slack adapter connected (Socket Mode)');
      } else {
        const port = listen.port ?? config.mode.port;
        const host = listen.host ?? config.mode.host;
        server = (await app.start(host ? { port, host } : port)) as Server;
        const address = server.address();
        logger.info({ mode: 'http', port: typeof address === 'object' && address ? address.port : port }, 'Slack adapter listening on /slack/events');
      }
      started = true;
      return { server };
    },

    async stop({ graceMs = DEFAULT_SHUTDOWN_GRACE_MS } = {}) {
      if (!started) return;
      started = false;
      const deadline = now() + graceMs;
      if (socketReceiver) {
        const client = socketReceiver.client;
        const disconnected = new Promise<void>((resolve) => client.once('disconnected', () => resolve()));
        await app.stop();
        await withDeadline(disconnected, graceMs);
      } else if (server) {
        const closing = app.stop();
        // Idle keep-alive sockets would hold close() open; active requests get the grace period.
        server.closeIdleConnections();
        const closed = await withDeadline(closing.then(() => true), graceMs);
        if (!closed) server.closeAllConnections();
      }
      const remaining = Math.max(0, deadline - now());
      const finished = await withDeadline(Promise.allSettled([...inFlight]).then(() => true), remaining);
      if (!finished) logger.warn({ inFlight: inFlight.size }, 'stopped with answers still in flight');
      logger.info('Slack adapter stopped');
    },
  };
}

/**
 * Bolt's init() calls auth.test. A rejected token is a configuration error;
 * a transient failure (5xx, 429, timeout) is retried a bounded number of times.
 */
async function initWithRetries(app: App, sender: SlackSender, logger: Logger, maxAttempts: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await app.init();
    } catch (error) {
      const rejected = tokenError('SLACK_BOT_TOKEN', error);
      if (rejected) throw rejected;
      const verdict = classify(error);
      if (verdict.kind === 'fatal' || attempt >= maxAttempts) throw error;
      const delayMs = verdict.kind === 'retry' && verdict.delayMs !== undefined ? verdict.delayMs : sender.backoff(attempt);
      logger.warn({ attempt, delayMs, err: error }, `auth.test failed (${verdict.reason}); retrying`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/** A ConfigError naming the variable when Slack rejected its token. */
function tokenError(variable: string, error: unknown): ConfigError | undefined {
  const code = (error as { data?: { error?: string } }).data?.error;
  return code && TOKEN_ERRORS.has(code) ? new ConfigError([`${variable} was rejected by Slack (${code})`]) : undefined;
}

/** Resolves to the promise's value, or undefined once `ms` have passed. */
async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
