/**
 * `npm run slack`: reads the environment, loads the corpus, connects to Slack
 * and answers until SIGINT/SIGTERM, then finishes the answers in flight.
 * Configuration problems print one message and exit 1, without a stack trace.
 */
import { createEngine, isUserFacing } from '../../src/index.js';
import { createLogger, redact, type Logger } from '../shared/logger.js';
import { createSlackApp, type SlackApp } from './app.js';
import { loadSlackConfig, slackSecrets, type SlackConfig } from './config.js';
import { progressReporter } from '../shared/progress.js';
import { questionLogFromEnv, type QuestionLog } from '../shared/question-log/index.js';
import { liveEngine } from '../shared/live-corpus/index.js';

async function main(): Promise<void> {
  let config: SlackConfig;
  try {
    config = loadSlackConfig(process.env);
  } catch (error) {
    return fail(error, []);
  }
  const secrets = slackSecrets(config);
  const logger = createLogger({ secrets, level: config.logLevel });
  let slack: SlackApp | undefined;
  try {
    const engine = await createEngine({ corpusDir: config.corpusDir, onProgress: progressReporter(process.stderr) });
    const questionLog = questionLogFromEnv(process.env, logger);
    // The corpus directory is watched: a change is indexed in the background and swapped in.
    const live = liveEngine(engine, { corpusDir: config.corpusDir, logger });
    slack = createSlackApp({ engine: live.engine, config, logger, questionLog });
    installShutdown(slack, logger, questionLog);
    await slack.start();
  } catch (error) {
    return fail(error, secrets, logger);
  }
}

function installShutdown(slack: SlackApp, logger: Logger, questionLog?: QuestionLog): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, inFlight: slack.inFlight }, 'shutting down');
    slack.stop().then(() => questionLog?.close()).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('unhandledRejection', (error) => logger.error({ err: error }, 'unhandled rejection'));
}

/** One clear line for the person running the bot; details for internal errors go to the log. */
function fail(error: unknown, secrets: string[], logger?: Logger): void {
  if (isUserFacing(error)) {
    process.stderr.write(`${redact(error.message, secrets)}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`could not start the Slack adapter: ${redact(message, secrets)}\n`);
    logger?.debug({ err: error }, 'start-up failure');
  }
  process.exit(1);
}

void main();
