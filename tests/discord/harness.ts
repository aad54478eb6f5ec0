/**
 * Starts the fake Discord and the real bot (real discord.js) against it,
 * captures every log line and every client error, and tears both down.
 */
import { Writable } from 'node:stream';
import { createDiscordBot, type DiscordBot, type DiscordBotOptions } from '../../adapters/discord/bot.js';
import { loadDiscordConfig, type DiscordConfig } from '../../adapters/discord/config.js';
import { createLogger } from '../../adapters/shared/logger.js';
import type { Engine } from '../../src/index.js';
import { APP_ID, FAKE_TOKEN, FakeDiscord, type FakeDiscordOptions } from './fake-discord/index.js';
import { waitFor as sharedWaitFor, type WaitOptions } from '../helpers/wait-for.js';

export type { WaitOptions };

/** Polls `predicate` until it returns a truthy value (the shared waitFor, re-exported for the Discord suites). */
export function waitFor<T>(predicate: () => T | undefined | null | false, o: WaitOptions = {}): Promise<T> {
  return sharedWaitFor(predicate, o);
}

export interface Harness {
  fake: FakeDiscord;
  engine?: Engine;
  bot: DiscordBot;
  config: DiscordConfig;
  /** Raw log lines: the logger is built without secrets, so a leaked token would show here. */
  logs: string[];
  /** Everything the discord.js client emitted as 'error'. */
  clientErrors: Error[];
  fatal: string[];
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** The engine on the test's thread, or an answerer (a worker pool). */
  engine?: Engine;
  answerer?: DiscordBotOptions['answerer'];
  env?: Record<string, string>;
  bot?: Partial<Omit<DiscordBotOptions, 'engine' | 'config' | 'logger'>>;
  fake?: FakeDiscordOptions;
  /** Start the bot (log in) before returning. Default true. */
  start?: boolean;
  /** Log level of the captured logger. Default 'debug'. */
  logLevel?: string;
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const fake = await FakeDiscord.start(options.fake);
  const config = loadDiscordConfig({
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: fake.apiUrl,
    ...options.env,
  });
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = createLogger({ level: options.logLevel ?? 'debug', destination });
  const fatal: string[] = [];
  const bot = createDiscordBot({
    engine: options.engine,
    answerer: options.answerer,
    config,
    logger,
    // Loopback bursts must not be throttled by the client's global limit; retries are kept quick.
    rest: { globalRequestsPerSecond: 10_000 },
    retry: { baseDelayMs: 20, maxDelayMs: 100 },
    onFatal: (reason) => fatal.push(reason),
    ...options.bot,
  });
  const clientErrors: Error[] = [];
  bot.client.on('error', (e) => clientErrors.push(e));
  if (options.start ?? true) await bot.start();
  return {
    fake,
    engine: options.engine,
    bot,
    config,
    logs,
    clientErrors,
    fatal,
    async stop() {
      await bot.stop().catch(() => undefined);
      await fake.close();
    },
  };
}
