import { pino, type Logger } from 'pino';

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
      target.write(secrets.length ? redact(line, secrets) : line);
    },
  };
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: undefined,
      redact: { paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' },
    },
    destination,
  );
}
