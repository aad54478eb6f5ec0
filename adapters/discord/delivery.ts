/**
 * How Discord REST failures are judged for the shared retry helper, and
 * described for logs without the tokens Discord puts in some URLs.
 *
 * discord.js already waits out 429s (Retry-After) itself; retries cover 5xx
 * answers, timeouts and dropped connections. A retried message is safe (its
 * nonce is enforced) and a retried interaction reply that Discord already
 * took reports "already acknowledged".
 */
import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes } from 'discord.js';
import type { Verdict } from '../shared/retry.js';

/** Retries are the shared helper's; Discord only says which failures are worth another try. */
export function classify(error: unknown): Verdict {
  if (isAlreadyAcknowledged(error)) return { kind: 'fatal', reason: 'already acknowledged' };
  return isRetryable(error) ? { kind: 'retry', reason: describeFailure(error) } : { kind: 'fatal', reason: describeFailure(error) };
}

function describeFailure(error: unknown): string {
  if (error instanceof DiscordAPIError || error instanceof HTTPError) return `HTTP ${error.status}`;
  if (error instanceof RateLimitError) return `rate limited for ${Math.ceil(error.retryAfter / 1000)} s`;
  return error instanceof Error ? error.name : 'failure';
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
