/**
 * `npm start` as a function: reads the arguments, loads the corpus, runs the
 * REPL until its input ends or a signal closes it. Start-up faults print one
 * line and return 1; streams and signals are injected, so it runs in tests.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine, isUserFacing, type EngineOptions } from '../../src/index.js';
import { liveEngine } from '../shared/live-corpus/index.js';
import { questionLogFromEnv } from '../shared/question-log/index.js';
import { progressReporter } from '../shared/progress.js';
import { corpusDirFrom, documentLimitsFrom, strictFrom } from './corpus-option.js';
import { startRepl, type Repl } from './repl.js';

export interface ReplIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** Registers what a SIGINT/SIGTERM does. Default: nothing is registered. */
  onSignal?(handler: () => void): void;
}

export async function runRepl(argv: string[], io: ReplIo): Promise<number> {
  let corpus: string | undefined;
  let strict = false;
  try {
    ({ corpus, strict = false } = parseArgs({ args: argv, options: { corpus: { type: 'string' }, strict: { type: 'boolean' } } }).values);
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\nusage: npm start -- [--corpus DIR] [--strict]\n`);
    return 2;
  }
  try {
    const corpusDir = corpusDirFrom(corpus, io.env);
    const documentLimits = documentLimitsFrom(io.env);
    const load = (onProgress?: EngineOptions['onProgress']) =>
      createEngine({ corpusDir, strict: strictFrom(strict, io.env), documentLimits, preloadWordLists: true, onWarning: (line) => io.stderr.write(`${line}\n`), ...(onProgress ? { onProgress } : {}) });
    const first = await load(progressReporter(io.stderr as NodeJS.WriteStream));
    // Plain one-line messages on stderr: JSON log lines would be noise between answers.
    const logger = {
      info: (_obj: object, msg: string) => void io.stderr.write(`${msg}\n`),
      warn: (obj: object, msg: string) => void io.stderr.write(`${msg} ${JSON.stringify(obj)}\n`),
    };
    const questionLog = questionLogFromEnv(io.env, logger);
    // Reloads (by :reload or by a change in the corpus) are said by the REPL itself, one line each,
    // with the prompt drawn again after one that came while the user was typing.
    let repl: Repl | undefined;
    const say = (_obj: object, msg: string) => (repl ? repl.notice(msg) : void io.stderr.write(`${msg}\n`));
    // The corpus directory is watched: a change is indexed in the background and swapped in.
    const live = liveEngine(first, { ...(corpusDir !== undefined ? { corpusDir } : {}), logger: { info: say, warn: say }, build: () => load() });
    const engine = live.engine;
    const terminal = io.stdin.isTTY === true && io.stdout.isTTY === true;
    repl = startRepl({
      engine,
      input: io.stdin,
      output: io.stdout,
      terminal,
      color: terminal && !io.env.NO_COLOR,
      historyFile: terminal ? (io.env.SUMMIT_QA_HISTORY ?? join(homedir(), '.summit_qa_history')) : undefined,
      ...(questionLog ? { questionLog } : {}),
      ...(io.env.SUMMIT_QA_CHART_DIR ? { chartDir: io.env.SUMMIT_QA_CHART_DIR } : {}),
      commands: {
        // Its outcome is the reload's own line (above): one line for one reload.
        async reload() {
          await engine.reload();
        },
      },
    });
    // A signal ends the session the way :quit does: the answer being printed is finished first.
    const running = repl;
    io.onSignal?.(() => running.close());
    try {
      await running;
    } finally {
      live.close();
      await questionLog?.close();
    }
    return 0;
  } catch (error) {
    if (!isUserFacing(error)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
}
