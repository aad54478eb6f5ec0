import { z } from 'zod';
import { ConfigError, type DocumentLimits } from '../../src/index.js';
import { documentLimitsEnv, documentLimitsOf, type DocumentLimitVariable } from './document-limits.js';

/**
 * Parses environment variables with a zod object schema and reports every
 * missing or malformed variable in one ConfigError. Values are never echoed,
 * so a mistyped token cannot leak into the message.
 */
export function parseEnv<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  // Treat empty strings as unset: `FOO= npm run x` means "no FOO".
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== '') cleaned[k] = v.trim();
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const missing = issue.code === 'invalid_type' && cleaned[name] === undefined;
    return missing ? `${name} is not set` : `${name} is invalid: ${issue.message}`;
  });
  throw new ConfigError([...new Set(problems)]);
}

export const wholeNumber = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** LOG_LEVEL, validated the same way on every surface. */
export const logLevelSchema = z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` });

/** Variables every chat surface reads; messages describe the expected shape, never the value. */
export const chatEnv = {
  LOG_LEVEL: logLevelSchema.optional(),
  CORPUS_DIR: z.string().optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\/\S+$/, { error: 'must be a redis:// or rediss:// URL' }).optional(),
  ANSWER_WORKERS: wholeNumber(0, 64).optional(),
  ANSWER_TIME_BUDGET_MS: wholeNumber(100, 600_000).optional(),
  ...documentLimitsEnv,
};

/** What every chat surface is configured with besides its platform's own settings. */
export interface ChatSettings {
  logLevel?: LogLevel;
  corpusDir?: string;
  /** Shared state for several replicas; unset means in memory. */
  redisUrl?: string;
  /** Worker threads answering questions; 0 answers on the main thread. Default one per core. */
  workers?: number;
  /** Longest a question may take before a polite answer. Default 10,000 ms. */
  timeBudgetMs?: number;
  /** What one document may cost to read (CORPUS_MAX_*); a limit left out keeps the engine's default. */
  documentLimits?: Partial<DocumentLimits>;
}

export function chatSettings(
  parsed: { LOG_LEVEL?: LogLevel; CORPUS_DIR?: string; REDIS_URL?: string; ANSWER_WORKERS?: number; ANSWER_TIME_BUDGET_MS?: number } & Partial<Record<DocumentLimitVariable, number>>,
): ChatSettings {
  const documentLimits = documentLimitsOf(parsed);
  return {
    ...(parsed.LOG_LEVEL !== undefined ? { logLevel: parsed.LOG_LEVEL } : {}),
    ...(parsed.CORPUS_DIR !== undefined ? { corpusDir: parsed.CORPUS_DIR } : {}),
    ...(parsed.REDIS_URL !== undefined ? { redisUrl: parsed.REDIS_URL } : {}),
    ...(parsed.ANSWER_WORKERS !== undefined ? { workers: parsed.ANSWER_WORKERS } : {}),
    ...(parsed.ANSWER_TIME_BUDGET_MS !== undefined ? { timeBudgetMs: parsed.ANSWER_TIME_BUDGET_MS } : {}),
    ...(Object.keys(documentLimits).length > 0 ? { documentLimits } : {}),
  };
}

/** What of REDIS_URL must never reach a log line: the URL itself and its password. */
export function chatSecrets(settings: ChatSettings): string[] {
  if (!settings.redisUrl) return [];
  const secrets = [settings.redisUrl];
  try {
    const password = decodeURIComponent(new URL(settings.redisUrl).password);
    if (password) secrets.push(password);
  } catch {
    // Validated as redis://… already; an unparsable one has no password to find.
  }
  return secrets;
}
