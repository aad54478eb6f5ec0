/**
 * What every long-running chat surface does around its platform code: read
 * the configuration (one clear message and exit 1 when it is wrong), open the
 * state store and the answer pool, start, and on SIGINT/SIGTERM finish the
 * answers in flight and exit 0. Everything is injectable, so entry points run
 * in-process in tests.
 */
import { createEngine, isUserFacing, type EngineOptions } from '../../src/index.js';
import { createAnswerPool, type AnswerPool } from './answer-pool.js';
import { inProcessAnswerer, type Answerer } from './answerer.js';
import { chatSecrets, type ChatSettings } from './config.js';
import { createLogger, redact, type Logger } from './logger.js';
import { corpusStrictFrom } from './corpus-strict.js';
import { progressReporter } from './progress.js';
import { Feedback } from './feedback/feedback.js';
import { watchReloads, type LiveReloads } from './live-corpus/index.js';
import { questionLogFromEnv, type QuestionLog } from './question-log/index.js';
import { openStore } from './state/open-store.js';
import type { StateStore } from './state/store.js';

export interface Running {
  stop(): Promise<void>;
}

export interface ServiceSpec<C> {
  /** Prefix of the one-line error message: 'slack', 'discord'. */
  name: string;
  loadConfig(env: NodeJS.ProcessEnv): C;
  settings(config: C): ChatSettings;
  /** Values that must never reach a log line or an error message. */
  secrets(config: C): string[];
  /** Builds and starts the surface. A rejection is reported as one line, and exit 1. */
  start(parts: { config: C; logger: Logger; answerer: Answerer; store: StateStore; feedback?: Feedback; fatal(reason: string): void }): Promise<Running>;
}

export interface ServiceIo {
  env: NodeJS.ProcessEnv;
  stderr: NodeJS.WritableStream;
  exit(code: number): void;
  /** Registers the shutdown handler. Default: SIGINT and SIGTERM on the process. */
  onSignal(handler: (signal: string) => void): void;
  /** Registers a handler for promise rejections nobody handled. Default: the process's. */
  onUnhandled?(handler: (reason: unknown) => void): void;
}

const processIo = (): ServiceIo => ({
  env: process.env,
  stderr: process.stderr,
  exit: (code) => process.exit(code),
  onSignal(handler) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => handler(signal));
  },
  // Handlers catch their own errors; anything that still escapes is a bug to log, not a reason to drop every conversation.
  onUnhandled: (handler) => process.on('unhandledRejection', handler),
});

export async function runService<C>(spec: ServiceSpec<C>, io: ServiceIo = processIo()): Promise<void> {
  let secrets: string[] = [];
  let logger: Logger | undefined;
  let answerer: Answerer | undefined;
  let store: StateStore | undefined;
  let questionLog: QuestionLog | undefined;
  let live: LiveReloads | undefined;
  const release = async () => {
    live?.close();
    await questionLog?.close().catch(() => undefined);
    await answerer?.close().catch(() => undefined);
    await store?.close().catch(() => undefined);
  };
  const fail = async (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`${spec.name}: ${redact(message, secrets)}\n`);
    if (!isUserFacing(error)) logger?.debug({ err: error }, 'start-up failure');
    await release();
    io.exit(1);
  };
  try {
    const config = spec.loadConfig(io.env);
    const settings = spec.settings(config);
    secrets = [...spec.secrets(config), ...chatSecrets(settings)];
    logger = createLogger({ secrets, level: settings.logLevel ?? 'info', destination: io.stderr });
    answerer = await openAnswerer(settings, { stderr: io.stderr, strict: corpusStrictFrom(io.env), logger });
    store = await openStore({ redisUrl: settings.redisUrl, logger });
    // QUESTION_LOG=off: no log and no 👍/👎 buttons.
    questionLog = questionLogFromEnv(io.env, logger);
    const feedback = questionLog ? new Feedback(questionLog) : undefined;
    // The corpus directory is watched: a change is indexed in the background and swapped in.
    live = liveAnswerer(answerer, settings, logger);
    let running: Running | undefined;
    let stopping = false;
    const shutDown = (code: number, why: Record<string, unknown>) => {
      if (stopping) return;
      stopping = true;
      logger!.info(why, 'shutting down');
      void (async () => {
        try {
          await running?.stop();
        } catch (error) {
          logger!.error({ err: error }, 'error while shutting down');
          code = 1;
        }
        await release();
        io.exit(code);
      })();
    };
    io.onSignal((signal) => (stopping ? io.exit(1) : shutDown(0, { signal })));
    io.onUnhandled?.((reason) => logger!.error({ err: reason }, 'unhandled rejection'));
    running = await spec.start({ config, logger, answerer, store, ...(feedback ? { feedback } : {}), fatal: (reason) => shutDown(1, { reason }) });
  } catch (error) {
    await fail(error);
  }
}

/** Reloads the answerer when its corpus directory changes (when it can reload). */
function liveAnswerer(answerer: Answerer, settings: ChatSettings, logger: Logger): LiveReloads | undefined {
  if (!answerer.reload) return undefined;
  let serving = 0;
  void answerer.documents?.().then((n) => (serving = n), () => undefined);
  const rebuild = async () => {
    serving = await answerer.reload!();
    return serving;
  };
  return watchReloads(rebuild, { ...(settings.corpusDir !== undefined ? { corpusDir: settings.corpusDir } : {}), logger, serving: () => serving });
}

/** A worker pool, or the engine on this thread when ANSWER_WORKERS=0. */
async function openAnswerer(settings: ChatSettings, how: { stderr: NodeJS.WritableStream; strict: boolean; logger: Logger }): Promise<Answerer> {
  const { stderr, strict, logger } = how;
  if (settings.workers === 0) {
    const load = (onProgress?: EngineOptions['onProgress']) =>
      createEngine({
        ...(settings.corpusDir !== undefined ? { corpusDir: settings.corpusDir } : {}),
        strict,
        ...(settings.documentLimits !== undefined ? { documentLimits: settings.documentLimits } : {}),
        preloadWordLists: true,
        onWarning: (line) => logger.warn(line),
        ...(onProgress ? { onProgress } : {}),
      });
    return inProcessAnswerer(await load(progressReporter(stderr as NodeJS.WriteStream)), () => load());
  }
  const pool: AnswerPool = createAnswerPool({
    ...(settings.workers !== undefined ? { threads: settings.workers } : {}),
    ...(settings.timeBudgetMs !== undefined ? { timeBudgetMs: settings.timeBudgetMs } : {}),
    ...(settings.corpusDir !== undefined ? { corpusDir: settings.corpusDir } : {}),
    ...(settings.documentLimits !== undefined ? { documentLimits: settings.documentLimits } : {}),
    strict,
  });
  // Loads the corpus in the workers now, so a bad corpus stops start-up with its own message.
  try {
    await pool.examples();
    for (const line of await pool.warnings()) logger.warn(line);
  } catch (error) {
    await pool.close();
    throw error;
  }
  // A reload logs the new corpus's warnings as the first load does.
  const reload = pool.reload.bind(pool);
  pool.reload = async () => {
    const count = await reload();
    for (const line of await pool.warnings()) logger.warn(line);
    return count;
  };
  return pool;
}
