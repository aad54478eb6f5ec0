/**
 * Retrying Discord REST calls with bounded backoff, and describing their
 * failures for logs without the tokens that Discord puts in some URLs.
 *
 * discord.js already waits out 429s (Retry-After) itself; this layer covers
 * 5xx answers, timeouts and dropped connections, which it would otherwise
 * retry immediately or not at all.
 */
import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes } from 'discord.js';

export interface RetryOptions {
  /** Attempts in all, the first included. Default 4. */
  attempts?: number;
  /** Delay before the first retry, doubled each time. Default 250 ms. */
  baseDelayMs?: number;
  /** Longest delay between two attempts. Default 4,000 ms. */
  maxDelayMs?: number;
  /** Waits between attempts; injectable for tests. Default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it succeeds, fails for a reason a retry cannot fix, or runs out of attempts. */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 4);
  const base = options.baseDelayMs ?? 250;
  const max = options.maxDelayMs ?? 4_000;
  const sleep = options.sleep ?? defaultSleep;
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n >= attempts || !isRetryable(error)) throw error;
      await sleep(Math.min(max, base * 2 ** (n - 1)));
    }
  }
}

/** Server errors and network failures are worth another try; 4xx answers and refused rate-limit waits are not. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof HTTPError) return error.status >= 500;
  if (error instanceof DiscordAPIError) return error.status >= 500;
  if (error instanceof RateLimitError) return false;
  if (!(error instanceof Error)) return false;
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return true;
  const code = (error as { code?: unknown; cause?: { code?: unknown } }).cause?.code ?? (error as { code?: unknown }).code;
  return (
    (error instanceof TypeError && error.message === 'fetch failed') ||
    ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT'].includes(String(code))
  );
}

/** Discord says the interaction was already acknowledged: an earlier attempt got through. */
export function isAlreadyAcknowledged(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged;
}

/** Interaction and webhook URLs carry a secret token in their path. */
export function redactUrl(url: string): string {
  return url
    .replace(/(\/interactions\/\d+\/)[^/?#]+/g, '$1[token]')
    .replace(/(\/webhooks\/\d+\/)[^/?#]+/g, '$1[token]');
}

/**
 * The loggable facts of an error: name, message, status, Discord code, method
 * and path (tokens removed). Never the request body or headers.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const out: Record<string, unknown> = { name: error.name, message: redactUrl(error.message) };
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    out.status = error.status;
    out.method = error.method;
    out.path = redactUrl(pathOf(error.url));
    if (error instanceof DiscordAPIError) out.code = error.code;
  } else if (error instanceof RateLimitError) {
    out.retryAfterMs = error.retryAfter;
    out.method = error.method;
    out.route = error.route;
  } else {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' || typeof code === 'number') out.code = code;
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof Error) out.cause = redactUrl(cause.message);
  }
  return out;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
