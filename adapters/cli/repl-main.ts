import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine, isUserFacing } from '../../src/index.js';
import { corpusDirFrom } from './corpus-option.js';
import { progressReporter } from '../shared/progress.js';
import { startRepl } from './repl.js';
import { liveEngine } from '../shared/live-corpus/index.js';
import { documents } from '../shared/live-corpus/engine-holder.js';
import { questionLogFromEnv } from '../shared/question-log/index.js';

let corpus: string | undefined;
try {
  corpus = parseArgs({ options: { corpus: { type: 'string' } } }).values.corpus;
} catch (error) {
  process.stderr.write(`${(error as Error).message}\nusage: npm start -- [--corpus DIR]\n`);
  process.exit(2);
}

try {
  const corpusDir = corpusDirFrom(corpus);
  const first = await createEngine({ corpusDir, onProgress: progressReporter(process.stderr) });
  const terminal = process.stdin.isTTY === true && process.stdout.isTTY === true;
  // Plain one-line messages on stderr: JSON log lines would be noise between answers.
  const logger = {
    info: (_obj: object, msg: string) => void process.stderr.write(`${msg}\n`),
    warn: (obj: object, msg: string) => void process.stderr.write(`${msg} ${JSON.stringify(obj)}\n`),
  };
  const questionLog = questionLogFromEnv(process.env, logger);
  const live = liveEngine(first, { corpusDir, logger });
  const engine = live.engine;
  const repl = startRepl({
    engine,
    input: process.stdin,
    output: process.stdout,
    terminal,
    color: terminal && !process.env.NO_COLOR,
    historyFile: terminal ? (process.env.SUMMIT_QA_HISTORY ?? join(homedir(), '.summit_qa_history')) : undefined,
    questionLog,
    commands: {
      async reload(_arg, write) {
        const result = await engine.reload();
        write(result.ok ? `Reloaded: ${documents(result.documents)} in ${result.ms} ms.` : `Reload failed; still answering from the previous corpus: ${result.reason}`);
      },
    },
  });
  // A signal ends the session the way :quit does: the answer being printed is finished first.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => repl.close());
  await repl;
  live.close();
  await questionLog?.close();
} catch (error) {
  if (!isUserFacing(error)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
