import type { Server } from 'node:http';
import { App, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import { ConfigError } from '../../src/index.js';
import { chatPipeline, type ChatPipelineOptions } from '../shared/chat-pipeline.js';
import type { Logger } from '../shared/logger.js';
import type { Pipeline } from '../shared/pipeline.js';
import { withRetries, type Verdict } from '../shared/retry.js';
import { boltLogger, slackLevel } from './bolt-logger.js';
import { describeSlackError } from './describe-error.js';
import type { SlackConfig } from './config.js';
import { classify, DEFAULT_RETRY_POLICY, SlackSender, type RetryPolicy, type WebApi } from './delivery.js';
import { registerEvents } from './events.js';
import { registerFeedback } from './feedback.js';
import { SlackChartUploader, type FileApi } from './chart-upload.js';

/** How long stop() waits for answers in flight before giving up on them. Default 10 s. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

export interface SlackAppOptions extends ChatPipelineOptions {
  config: SlackConfig;
  logger: Logger;
  /** Web API retries and timeouts. Default DEFAULT_RETRY_POLICY (bounded, production values). */
  retry?: Partial<RetryPolicy>;
  /** Clock for the in-memory store and response_url look-backs. Default Date.now. */
  now?: () => number;
  /** Waits between retries; injectable so tests need no real sleeps. Default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** fetch for response_url posts. Default globalThis.fetch. */
  fetch?: typeof fetch;
  /** Socket Mode: reconnect after a dropped socket. Default true. */
  autoReconnect?: boolean;
}

export interface SlackApp {
  readonly app: App;
  readonly pipeline: Pipeline;
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
}

// Token problems that no retry will fix: reported as configuration errors.
const TOKEN_ERRORS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'not_allowed_token_type']);

/** Builds the Slack adapter on Bolt: receiver, retrying sender, the shared pipeline. */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { config, logger } = options;
  const now = options.now ?? Date.now;
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const sdkLogger = boltLogger(logger);
  const logLevel = slackLevel(logger.level);
  // Retries are ours (shared/retry.ts), so the Web API client must not retry on its own.
  const clientOptions = { slackApiUrl: config.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: policy.timeoutMs, logger: sdkLogger };

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

  const app = new App({ token: config.botToken, receiver, logger: sdkLogger, logLevel, clientOptions, deferInitialization: true, convoStore: false, ignoreSelf: true });
  app.error(async (error) => {
    logger.error({ err: error }, 'unhandled error in a Slack listener');
  });

  const { pipeline, charts } = chatPipeline({ ...options, now }, { logger, rateLimit: config.rateLimit });
  const sender = new SlackSender({ client: app.client as unknown as WebApi, logger, policy, fetch: options.fetch, now, ...(options.sleep ? { sleep: options.sleep } : {}) });
  const uploader = charts ? new SlackChartUploader({ client: app.client as unknown as FileApi, logger, fetch: options.fetch, timeoutMs: policy.timeoutMs }) : undefined;
  registerEvents(app, pipeline, sender, uploader);
  if (options.feedback) registerFeedback(app, { feedback: options.feedback, pipeline, sender });

  let server: Server | undefined;
  let started = false;

  return {
    app,
    pipeline,
    get inFlight() {
      return pipeline.pending;
    },

    async start(listen = {}) {
      await initWithRetries(app, logger, policy);
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
      const deadline = Date.now() + graceMs;
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
      await pipeline.stop(Math.max(0, deadline - Date.now()));
      logger.info('Slack adapter stopped');
    },
  };
}

/**
 * Bolt's init() calls auth.test. A rejected token is a configuration error;
 * a transient failure (5xx, 429, timeout) is retried a bounded number of times.
 */
async function initWithRetries(app: App, logger: Logger, policy: RetryPolicy): Promise<void> {
  let rejected: ConfigError | undefined;
  const outcome = await withRetries(
    async () => {
      try {
        await app.init();
      } catch (error) {
        rejected = tokenError('SLACK_BOT_TOKEN', error);
        if (!rejected) throw error;
      }
    },
    // A timeout at start-up posts nothing, so it is safe to try again. One short line per attempt: no stack traces.
    { what: 'auth.test', logger, policy, classify: (error) => retryable(classify(error)), describe: describeSlackError },
  );
  if (rejected) throw rejected;
  if (!outcome.ok) throw new Error(`Slack did not answer auth.test: ${outcome.reason}`);
}

const retryable = (verdict: Verdict): Verdict => (verdict.kind === 'unsure' ? { kind: 'retry', reason: verdict.reason } : verdict);

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
