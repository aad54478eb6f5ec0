import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import type { Logger } from '../shared/logger.js';

const RANK: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

/**
 * SDK lines that say again what our own lines say: the Web API client warns
 * of every failed request, and the failure comes back to our retry loop,
 * which logs it once per attempt with the reason. Kept, at debug level.
 */
const SAID_BY_US = [/^http request failed\b/];

/** The Slack SDK level matching a pino level. */
export function slackLevel(pinoLevel: string): LogLevel {
  if (pinoLevel === 'debug' || pinoLevel === 'trace') return LogLevel.DEBUG;
  if (pinoLevel === 'info') return LogLevel.INFO;
  if (pinoLevel === 'warn') return LogLevel.WARN;
  return LogLevel.ERROR;
}

/**
 * Routes Bolt's and the Web API client's log lines into our pino logger, so
 * they pass through the same secret scrubbing as everything else.
 */
export function boltLogger(logger: Logger): SlackLogger {
  const child = logger.child({ component: 'slack-sdk' });
  let level = slackLevel(logger.level);
  const emit =
    (lvl: LogLevel) =>
    (...parts: unknown[]): void => {
      const err = parts.find((p): p is Error => p instanceof Error);
      const text = parts
        .filter((p) => !(p instanceof Error))
        .map((p) => (typeof p === 'string' ? p : safeJson(p)))
        .join(' ');
      const to = SAID_BY_US.some((pattern) => pattern.test(text)) ? LogLevel.DEBUG : lvl;
      if (RANK[to] < RANK[level]) return;
      child[to](err ? { err } : {}, text || err?.message || '');
    };
  return {
    debug: emit(LogLevel.DEBUG),
    info: emit(LogLevel.INFO),
    warn: emit(LogLevel.WARN),
    error: emit(LogLevel.ERROR),
    setLevel(next: LogLevel) {
      level = next;
    },
    getLevel: () => level,
    setName() {},
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
