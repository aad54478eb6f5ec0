import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/index.js';
import { DEFAULT_PORT, DEFAULT_RATE_LIMIT, DEFAULT_SLACK_API_URL, loadSlackConfig, slackSecrets } from '../../adapters/slack/config.js';
import { FAKE_APP_TOKEN, FAKE_BOT_TOKEN, FAKE_SIGNING_SECRET } from './harness.js';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadSlackConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('loadSlackConfig', () => {
  it('chooses Socket Mode when SLACK_APP_TOKEN is set', () => {
    const config = loadSlackConfig({ SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_APP_TOKEN: FAKE_APP_TOKEN });
    expect(config.mode).toEqual({ kind: 'socket', appToken: FAKE_APP_TOKEN });
    expect(config.apiUrl).toBe(DEFAULT_SLACK_API_URL);
    expect(config.rateLimit).toEqual({ limit: DEFAULT_RATE_LIMIT, windowMs: 60_000 });
    expect(slackSecrets(config)).toEqual([FAKE_BOT_TOKEN, FAKE_APP_TOKEN]);
  });

  it('chooses HTTP mode with the signing secret otherwise, on PORT (default 3000)', () => {
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET }).mode).toEqual({
      kind: 'http',
      signingSecret: FAKE_SIGNING_SECRET,
      port: DEFAULT_PORT,
    });
    const config = loadSlackConfig({
      SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
      SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET,
      PORT: '8080',
      HOST: '127.0.0.1',
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      CORPUS_DIR: '/data/corpus',
      SLACK_RATE_LIMIT: '3',
      SLACK_RATE_WINDOW_SECONDS: '10',
    });
    expect(config.mode).toMatchObject({ port: 8080, host: '127.0.0.1' });
    expect(config.apiUrl).toBe('http://127.0.0.1:9999/api/');
    expect(config.chat.corpusDir).toBe('/data/corpus');
    expect(config.rateLimit).toEqual({ limit: 3, windowMs: 10_000 });
  });

  it('lists every missing variable in one error', () => {
    expect(problemsOf({})).toEqual([
      'SLACK_BOT_TOKEN is not set',
      'SLACK_SIGNING_SECRET is not set (HTTP mode needs it; or set SLACK_APP_TOKEN to use Socket Mode)',
    ]);
    expect(problemsOf({ SLACK_BOT_TOKEN: '   ', SLACK_SIGNING_SECRET: '' })).toHaveLength(2);
  });

  it('lists every malformed variable in one error without echoing a value', () => {
    const env = {
      SLACK_BOT_TOKEN: 'xoxp-user-token-secret-1',
      SLACK_APP_TOKEN: 'not-an-app-token-secret-2',
      SLACK_SIGNING_SECRET: 'has spaces secret-3!',
      PORT: 'eighty',
      SLACK_API_URL: 'slack dot com',
      SLACK_RATE_LIMIT: '0',
      SLACK_RATE_WINDOW_SECONDS: '1.5',
      LOG_LEVEL: 'loud',
    };
    const problems = problemsOf(env);
    expect(problems).toEqual([
      'SLACK_BOT_TOKEN is invalid: must be a bot token (starts with xoxb-)',
      'SLACK_APP_TOKEN is invalid: must be an app-level token (starts with xapp-)',
      'SLACK_SIGNING_SECRET is invalid: must be the signing secret from Basic Information (letters and digits)',
      'PORT is invalid: must be a whole number from 0 to 65535',
      'SLACK_API_URL is invalid: must be an http(s) URL such as https://slack.com/api/',
      'SLACK_RATE_LIMIT is invalid: must be a whole number from 1 to 10000',
      'SLACK_RATE_WINDOW_SECONDS is invalid: must be a whole number from 1 to 86400',
      'LOG_LEVEL is invalid: must be one of fatal, error, warn, info, debug, trace, silent',
    ]);
    const message = new ConfigError(problems).message;
    // (Short numeric values like "0" occur in the wording itself; the distinctive ones must not.)
    for (const value of Object.values(env).filter((v) => v.length >= 4)) expect(message).not.toContain(value);
  });
});
