import { z } from 'zod';
import { ConfigError } from '../../src/index.js';
import { chatEnv, chatSettings, parseEnv, wholeNumber, type ChatSettings } from '../shared/config.js';

/** Slack's Web API base; SLACK_API_URL overrides it (a proxy, or a fake in tests). */
export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';
/** Bolt's default HTTP port. */
export const DEFAULT_PORT = 3000;
/** Questions one user may ask per window. */
export const DEFAULT_RATE_LIMIT = 5;
export const DEFAULT_RATE_WINDOW_SECONDS = 60;

/** How the app receives events from Slack. */
export type SlackMode =
  | { kind: 'socket'; appToken: string }
  | { kind: 'http'; signingSecret: string; port: number; host?: string };

export interface SlackConfig {
  botToken: string;
  mode: SlackMode;
  /** Web API base URL, always ending in a slash. */
  apiUrl: string;
  rateLimit: { limit: number; windowMs: number };
  /** Settings every chat surface shares: LOG_LEVEL, CORPUS_DIR, REDIS_URL, the answer pool. */
  chat: ChatSettings;
}

// Messages describe the expected shape only: a value is never echoed back.
const EnvSchema = z.object({
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-', { error: 'must be a bot token (starts with xoxb-)' }),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-', { error: 'must be an app-level token (starts with xapp-)' }).optional(),
  SLACK_SIGNING_SECRET: z.string().regex(/^[0-9a-zA-Z]{8,}$/, { error: 'must be the signing secret from Basic Information (letters and digits)' }).optional(),
  PORT: wholeNumber(0, 65535).default(DEFAULT_PORT),
  HOST: z.string().regex(/^[\w.:-]+$/, { error: 'must be a host name or IP address such as 127.0.0.1' }).optional(),
  SLACK_API_URL: z
    .string()
    .regex(/^https?:\/\/[^\s]+$/, { error: 'must be an http(s) URL such as https://slack.com/api/' })
    .optional(),
  SLACK_RATE_LIMIT: wholeNumber(1, 10_000).default(DEFAULT_RATE_LIMIT),
  SLACK_RATE_WINDOW_SECONDS: wholeNumber(1, 86_400).default(DEFAULT_RATE_WINDOW_SECONDS),
  ...chatEnv,
});

/**
 * Reads the Slack adapter's settings from the environment. Socket Mode when
 * SLACK_APP_TOKEN is set, otherwise HTTP mode, which needs SLACK_SIGNING_SECRET.
 * Throws one ConfigError listing every problem; values are never echoed.
 */
export function loadSlackConfig(env: NodeJS.ProcessEnv = process.env): SlackConfig {
  const problems: string[] = [];
  let parsed: z.infer<typeof EnvSchema> | undefined;
  try {
    parsed = parseEnv(EnvSchema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  const isSet = (name: string) => (env[name] ?? '').trim() !== '';
  if (!isSet('SLACK_APP_TOKEN') && !isSet('SLACK_SIGNING_SECRET')) {
    problems.push('SLACK_SIGNING_SECRET is not set (HTTP mode needs it; or set SLACK_APP_TOKEN to use Socket Mode)');
  }
  if (problems.length > 0 || parsed === undefined) throw new ConfigError(problems);

  const mode: SlackMode = parsed.SLACK_APP_TOKEN
    ? { kind: 'socket', appToken: parsed.SLACK_APP_TOKEN }
    : { kind: 'http', signingSecret: parsed.SLACK_SIGNING_SECRET!, port: parsed.PORT, ...(parsed.HOST ? { host: parsed.HOST } : {}) };
  const apiUrl = parsed.SLACK_API_URL ?? DEFAULT_SLACK_API_URL;
  return {
    botToken: parsed.SLACK_BOT_TOKEN,
    mode,
    apiUrl: apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`,
    rateLimit: { limit: parsed.SLACK_RATE_LIMIT, windowMs: parsed.SLACK_RATE_WINDOW_SECONDS * 1000 },
    chat: chatSettings(parsed),
  };
}

/** The values that must never reach a log line. */
export function slackSecrets(config: SlackConfig): string[] {
  const secrets = [config.botToken];
  if (config.mode.kind === 'socket') secrets.push(config.mode.appToken);
  else secrets.push(config.mode.signingSecret);
  return secrets;
}
