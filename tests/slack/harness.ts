/**
 * Starts the Slack adapter against the fake Slack on 127.0.0.1, in HTTP mode or
 * Socket Mode, with its logs captured in memory so tests can scan them.
 */
import type { AskOptions, Engine } from '../../src/index.js';
import { createSlackApp, type SlackApp, type SlackAppOptions } from '../../adapters/slack/app.js';
import { loadSlackConfig } from '../../adapters/slack/config.js';
import type { RetryPolicy } from '../../adapters/slack/delivery.js';
import { createLogger } from '../../adapters/shared/logger.js';
import { FakeSlack } from './fake-slack.js';
import { waitFor } from '../helpers/wait-for.js';

// Fake credentials: tests scan the logs for these exact strings.
export const FAKE_BOT_TOKEN = 'xoxb-111-222-fakeBotTokenForTests';
export const FAKE_APP_TOKEN = 'xapp-1-A111-333-fakeAppTokenForTests';
export const FAKE_SIGNING_SECRET = 'fakeSigningSecretForTests0123456';
export const SECRETS = [FAKE_BOT_TOKEN, FAKE_APP_TOKEN, FAKE_SIGNING_SECRET];

/**
 * Fast, bounded retries for tests (production defaults are in delivery.ts); a
 * call to the fake on 127.0.0.1 may take seconds on a busy machine before it
 * counts as timed out.
 */
export const TEST_RETRY: Partial<RetryPolicy> = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 3000, timeoutMs: 10_000 };

export interface Harness {
  fake: FakeSlack;
  /** Every wait the adapter asked for between retries (none is really slept). */
  sleeps: number[];
  slack: SlackApp;
  /** Events URL in HTTP mode. */
  url: string;
  logs: string[];
  stop(): Promise<void>;
}

export interface HarnessOptions {
  mode: 'http' | 'socket';
  /** The engine on the test's thread, or an answerer (a worker pool). */
  engine?: Engine;
  answerer?: SlackAppOptions['answerer'];
  /** Extra environment (rate limits, log level). */
  env?: Record<string, string>;
  retry?: Partial<RetryPolicy>;
  now?: SlackAppOptions['now'];
  /** A fake Slack shared with other replicas; the harness then leaves it open. Default: its own. */
  fake?: FakeSlack;
  /** Shared state (a Redis store for replica tests). Default: in memory. */
  store?: SlackAppOptions['store'];
  /** The question log's feedback extension (answers recorded, 👍/👎 buttons). */
  feedback?: SlackAppOptions['feedback'];
  /** More answer extensions (charts). */
  extensions?: SlackAppOptions['extensions'];
  /** Runs before the adapter starts, e.g. to make auth.test fail. */
  beforeStart?: (fake: FakeSlack) => void;
}

export async function startSlack(options: HarnessOptions): Promise<Harness> {
  const ownsFake = !options.fake;
  const fake = options.fake ?? (await FakeSlack.start({ botToken: FAKE_BOT_TOKEN, appToken: FAKE_APP_TOKEN }));
  options.beforeStart?.(fake);
  const env: Record<string, string> = {
    SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    ...(options.mode === 'socket' ? { SLACK_APP_TOKEN: FAKE_APP_TOKEN } : { SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET }),
    ...options.env,
  };
  const config = loadSlackConfig(env);
  const logs: string[] = [];
  const destination = { write: (line: string) => (logs.push(line), true) } as unknown as NodeJS.WritableStream;
  const logger = createLogger({ secrets: SECRETS, level: env.LOG_LEVEL ?? 'debug', destination });
  const sleeps: number[] = [];
  // Retry waits are recorded and skipped: a Retry-After of seconds costs the test nothing.
  const sleep = async (ms: number) => void sleeps.push(ms);
  const slack = createSlackApp({ engine: options.engine, answerer: options.answerer, store: options.store, config, logger, retry: { ...TEST_RETRY, ...options.retry }, now: options.now, sleep, autoReconnect: false, feedback: options.feedback, extensions: options.extensions });
  let url = '';
  try {
    const { server } = await slack.start({ port: 0, host: '127.0.0.1' });
    if (server) {
      const address = server.address();
      if (typeof address !== 'object' || !address) throw new Error('no server address');
      url = `http://127.0.0.1:${address.port}/slack/events`;
    } else {
      await waitFor(() => fake.connectedSockets > 0, { what: 'the Socket Mode connection' });
    }
  } catch (error) {
    if (ownsFake) await fake.close();
    throw error;
  }
  return {
    fake,
    sleeps,
    slack,
    url,
    logs,
    async stop() {
      await slack.stop({ graceMs: 5000 });
      if (ownsFake) await fake.close();
    },
  };
}

/** Captured log lines as objects. */
export function logEntries(logs: string[]): Record<string, any>[] {
  return logs.map((line) => JSON.parse(line) as Record<string, any>);
}

/** The captured logs hold none of the fake secrets. */
export function secretsIn(logs: string[]): string[] {
  const all = logs.join('');
  return SECRETS.filter((secret) => all.includes(secret));
}

/** An engine wrapper that records each question and the conversation it was asked in. */
export function spyEngine(engine: Engine): Engine & { calls: { question: string; options?: AskOptions; answer: ReturnType<Engine['ask']> }[] } {
  const calls: { question: string; options?: AskOptions; answer: ReturnType<Engine['ask']> }[] = [];
  // Own property descriptors, so the getters stay getters (Object.assign would read them and set the values).
  const spy = {
    calls,
    ask(question: string, options?: AskOptions) {
      const answer = engine.ask(question, options);
      calls.push({ question, options, answer });
      return answer;
    },
    get documents() {
      return engine.documents;
    },
    get figures() {
      return engine.figures;
    },
    get examples() {
      return engine.examples;
    },
    explain: engine.explain.bind(engine),
    forget: engine.forget.bind(engine),
    conversationCount: engine.conversationCount.bind(engine),
  };
  return Object.defineProperties(Object.create(engine) as Engine, Object.getOwnPropertyDescriptors(spy)) as Engine & typeof spy;
}
