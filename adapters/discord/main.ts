/**
 * `npm run discord`: reads the environment, loads the corpus, connects to
 * Discord, and stops cleanly on SIGINT/SIGTERM. Problems the operator must
 * fix are printed as one message with exit code 1.
 */
import { createEngine, isUserFacing } from '../../src/index.js';
import { createLogger, redact } from '../shared/logger.js';
import { createDiscordBot } from './bot.js';
import { loadDiscordConfig } from './config.js';
import { describeError } from './retry.js';
import { progressReporter } from '../shared/progress.js';
import { questionLogFromEnv } from '../shared/question-log/index.js';
import { liveEngine } from '../shared/live-corpus/index.js';

const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function fail(message: string, secrets: string[] = []): never {
  process.stderr.write(`discord: ${redact(message, secrets)}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadDiscordConfig(process.env);
  } catch (error) {
    if (isUserFacing(error)) fail(error.message);
    throw error;
  }
  const secrets = [config.token];
  const logger = createLogger({ secrets });

  let engine;
  try {
    engine = await createEngine({ ...(config.corpusDir !== undefined ? { corpusDir: config.corpusDir } : {}), onProgress: progressReporter(process.stderr) });
  } catch (error) {
    if (isUserFacing(error)) fail(error.message, secrets);
    throw error;
  }

  // Handlers catch their own errors; anything that still escapes is a bug to log, not a reason to drop every conversation.
  process.on('unhandledRejection', (reason) => logger.error({ err: describeError(reason) }, 'unhandled rejection'));

  let questionLog;
  try {
    questionLog = questionLogFromEnv(process.env, logger);
  } catch (error) {
    if (isUserFacing(error)) fail(error.message, secrets);
    throw error;
  }

  let exiting = false;
  // The corpus directory is watched: a change is indexed in the background and swapped in.
  const live = liveEngine(engine, { corpusDir: config.corpusDir, logger });
  const bot = createDiscordBot({
    engine: live.engine,
    config,
    logger,
    questionLog,
    onFatal: () => {
      // The reason is already logged by the bot; close what is open and stop.
      if (exiting) return;
      exiting = true;
      void bot.stop().finally(() => process.exit(1));
    },
  });

  for (const signal of SHUTDOWN_SIGNALS) {
    process.once(signal, () => {
      if (exiting) return;
      exiting = true;
      logger.info({ signal }, 'shutting down');
      void bot.stop().then(() => questionLog?.close()).then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error instanceof Error ? error.message : String(error) }, 'error while shutting down');
          process.exit(1);
        },
      );
    });
  }

  try {
    await bot.start();
  } catch (error) {
    await bot.client.destroy().catch(() => undefined);
    fail(error instanceof Error ? error.message : String(error), secrets);
  }
}

main().catch((error: unknown) => {
  // An internal error: log it in full for whoever debugs it, then exit.
  process.stderr.write(`discord: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
