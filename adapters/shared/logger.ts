import { pino, type Logger } from 'pino';
import { logId } from './log-ids.js';

export type { Logger };

export interface LoggerOptions {
  /** Values that must never appear in a log line (tokens, secrets). */
  secrets?: readonly (string | undefined)[];
  /** Log level. Default: LOG_LEVEL or 'info'. */
  level?: string;
  /** Where lines go. Default: stderr, so stdout stays free for answers. */
  destination?: NodeJS.WritableStream;
}

const MIN_SECRET_LENGTH = 6;

/**
 * Values that are credentials by their place, whatever their value: Slack's
 * response_url (anyone holding it can post for 30 minutes), the legacy
 * verification token, the Socket Mode ticket and Discord interaction tokens,
 * as JSON fields (also inside a JSON string), form fields or URL parameters.
 */
const CREDENTIAL_PATTERNS: [RegExp, string][] = [
  // "field":"value", also as \"field\":\"value\" inside a logged JSON string.
  [/(\\*"(?:response_url|token|ticket|app_token)\\*"\s*:\s*\\*")[^"\\]*/g, '$1[redacted]'],
  // field=value in form bodies and URLs.
  [/(\b(?:response_url|token|ticket)=)[^&\s"'\\]+/g, '$1[redacted]'],
  [/(\/(?:interactions|webhooks)\/\d+\/)[^/?#\s"\\]+/g, '$1[token]'],
];

/** Replaces credential-shaped fields (see CREDENTIAL_PATTERNS) in a log line. */
export function redactCredentials(text: string): string {
  let out = text;
  for (const [pattern, replacement] of CREDENTIAL_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** Replaces every occurrence of each secret in a string. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join('[redacted]');
  return out;
}

/**
 * A pino logger on stderr that scrubs the given secrets from every line,
 * including those buried in library errors that echo request headers.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= MIN_SECRET_LENGTH);
  const target = options.destination ?? process.stderr;
  const destination = {
    write(line: string) {
      const scrubbed = redactCredentials(line);
      target.write(secrets.length ? redact(scrubbed, secrets) : scrubbed);
    },
  };
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: undefined,
      // A conversation id may hold a user id (/ask conversations): every line carries its hash instead.
      // An error already described (a plain object: see retry.ts's `describe`) is logged as it is, without an empty stack.
      serializers: { conversation: logId, err: (e: unknown) => (e instanceof Error ? pino.stdSerializers.err(e) : e) },
      redact: { paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' },
    },
    destination,
  );
}
