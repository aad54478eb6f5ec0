import type { Logger } from '../shared/logger.js';
import { withRetries, type Outcome, type RetryPolicy as SharedPolicy, type Verdict } from '../shared/retry.js';
import type { SlackMessage } from './render.js';

/**
 * Posts answers to Slack with bounded retries. Retries only what Slack did not
 * act on (429, 5xx, refused connections); a timeout is ambiguous, so before
 * posting again it looks for the first attempt in the conversation, so that
 * no question is ever answered twice.
 */
/** The shared retry policy plus Slack's per-request timeout. */
export interface RetryPolicy extends SharedPolicy {
  /** Per-request timeout. Default 10,000 ms. */
  timeoutMs: number;
}

/** 4 attempts, backoff doubling from 1 s, Retry-After honoured up to 30 s, 10 s per request. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 30_000, timeoutMs: 10_000 };

/** The slice of WebClient the sender uses (Bolt's app.client fits). */
export interface WebApi {
  chat: {
    postMessage(args: Record<string, unknown>): Promise<unknown>;
    postEphemeral(args: Record<string, unknown>): Promise<unknown>;
  };
  conversations: {
    replies(args: Record<string, unknown>): Promise<{ messages?: MessageLike[] }>;
    history(args: Record<string, unknown>): Promise<{ messages?: MessageLike[] }>;
  };
}
interface MessageLike {
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

export interface SenderOptions {
  /** Web API client, built with retries disabled and rate-limited calls rejected (see app.ts). */
  client: WebApi;
  logger: Logger;
  policy?: Partial<RetryPolicy>;
  /** For response_url posts. Default globalThis.fetch. */
  fetch?: typeof fetch;
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

/** Who the message answers, for log lines. */
export interface DeliveryMeta {
  conversation: string;
  /** Unique per answer; stored in message metadata to recognise a post after a timeout. */
  deliveryId: string;
}

export type Delivery = Outcome<unknown>;

/** The metadata event type that marks our answers. */
export const ANSWER_EVENT_TYPE = 'summit_qa_answer';

// Platform errors Slack documents as transient.
const RETRYABLE_PLATFORM_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'ratelimited']);
// Connection failures that happen before a request reaches Slack.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
// How far back to look for our own message after a timeout.
const CONFIRM_LOOKBACK_SECONDS = 120;

export class SlackSender {
  private readonly client: WebApi;
  private readonly logger: Logger;
  readonly policy: RetryPolicy;
  private readonly fetchFn: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(options: SenderOptions) {
    this.client = options.client;
    this.logger = options.logger;
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
    this.fetchFn = options.fetch ?? globalThis.fetch;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
  }

  /** chat.postMessage, confirmed through the conversation's history after a timeout. */
  postMessage(target: { channel: string; thread_ts?: string }, message: SlackMessage, meta: DeliveryMeta): Promise<Delivery> {
    const oldest = String(Math.floor(this.now() / 1000) - CONFIRM_LOOKBACK_SECONDS);
    const args = {
      ...target,
      ...message,
      unfurl_links: false,
      unfurl_media: false,
      metadata: { event_type: ANSWER_EVENT_TYPE, event_payload: { delivery_id: meta.deliveryId } },
    };
    const confirm = async () => {
      const query = { channel: target.channel, oldest, include_all_metadata: true, limit: 200 };
      const page = target.thread_ts
        ? await this.client.conversations.replies({ ...query, ts: target.thread_ts })
        : await this.client.conversations.history(query);
      return (page.messages ?? []).some(
        (m) => m.metadata?.event_type === ANSWER_EVENT_TYPE && m.metadata.event_payload?.delivery_id === meta.deliveryId,
      );
    };
    return this.withRetries('chat.postMessage', meta, () => this.client.chat.postMessage(args), confirm);
  }

  /** chat.postEphemeral (notices in channels); an ephemeral post cannot be confirmed. */
  postEphemeral(target: { channel: string; user: string; thread_ts?: string }, message: SlackMessage, meta: DeliveryMeta): Promise<Delivery> {
    return this.withRetries('chat.postEphemeral', meta, () => this.client.chat.postEphemeral({ ...target, ...message }));
  }

  /** A reply through a command's or action's response_url. */
  respond(responseUrl: string, body: Record<string, unknown>, meta: DeliveryMeta): Promise<Delivery> {
    return this.withRetries('response_url', meta, async () => {
      const response = await this.fetchFn(responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.policy.timeoutMs),
      });
      const text = await response.text();
      if (!response.ok) throw new ResponseUrlError(response.status, response.headers.get('retry-after'), text);
    });
  }

  private withRetries(what: string, meta: DeliveryMeta, call: () => Promise<unknown>, confirm?: () => Promise<boolean>): Promise<Delivery> {
    return withRetries(call, { what, conversation: meta.conversation, logger: this.logger, policy: this.policy, classify, confirm, sleep: this.sleep, random: this.random });
  }
}

/** A response_url that answered with an error status. */
export class ResponseUrlError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfter: string | null,
    body: string,
  ) {
    super(`response_url answered HTTP ${status}${body ? ` (${body.slice(0, 100)})` : ''}`);
    this.name = 'ResponseUrlError';
  }
}

/** Sorts a failure into retry now, retry after checking, or give up. */
export function classify(error: unknown): Verdict {
  const e = error as { code?: string; name?: string; retryAfter?: number; statusCode?: number; data?: { error?: string }; original?: unknown };
  if (error instanceof ResponseUrlError) {
    if (error.status === 429) return { kind: 'retry', reason: 'rate limited (HTTP 429)', delayMs: retryAfterMs(Number(error.retryAfter)) };
    if (error.status >= 500) return { kind: 'retry', reason: `HTTP ${error.status}` };
    return { kind: 'fatal', reason: `HTTP ${error.status}` };
  }
  switch (e?.code) {
    case 'slack_webapi_rate_limited_error':
      return { kind: 'retry', reason: 'rate limited (HTTP 429)', delayMs: retryAfterMs(e.retryAfter) };
    case 'slack_webapi_http_error':
      return (e.statusCode ?? 0) >= 500 ? { kind: 'retry', reason: `HTTP ${e.statusCode}` } : { kind: 'fatal', reason: `HTTP ${e.statusCode}` };
    case 'slack_webapi_platform_error': {
      const code = e.data?.error ?? 'unknown_error';
      return RETRYABLE_PLATFORM_ERRORS.has(code) ? { kind: 'retry', reason: code } : { kind: 'fatal', reason: `Slack answered ${code}` };
    }
    case 'slack_webapi_request_error':
      return networkVerdict(e.original);
    default:
      return networkVerdict(error);
  }
}

function networkVerdict(error: unknown): Verdict {
  const e = error as { name?: string; code?: string; cause?: { code?: string; name?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError' || e?.cause?.name === 'TimeoutError') return { kind: 'unsure', reason: 'request timed out' };
  const code = e?.cause?.code ?? e?.code;
  if (code && NOT_SENT_CODES.has(code)) return { kind: 'retry', reason: `connection failed (${code})` };
  return { kind: 'unsure', reason: `request failed${code ? ` (${code})` : ''}` };
}

function retryAfterMs(seconds: number | undefined): number | undefined {
  return seconds !== undefined && Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
}
