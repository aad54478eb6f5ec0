import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine, isUserFacing } from '../../src/index.js';
import { corpusDirFrom } from './corpus-option.js';
import { progressReporter } from '../shared/progress.js';
import { startRepl } from './repl.js';
import { createLogger } from '../shared/logger.js';
import { questionLogFromEnv } from '../shared/question-log/index.js';

let corpus: string | undefined;
try {
  corpus = parseArgs({ options: { corpus: { type: 'string' } } }).values.corpus;
} catch (error) {
  process.stderr.write(`${(error as Error).message}\nusage: npm start -- [--corpus DIR]\n`);
  process.exit(2);
}

try {
  const engine = await createEngine({ corpusDir: corpusDirFrom(corpus), onProgress: progressReporter(process.stderr) });
  const terminal = process.stdin.isTTY === true && process.stdout.isTTY === true;
  // Warnings only on a terminal: the log's info lines would interleave with the answers.
  const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'warn' });
  const questionLog = questionLogFromEnv(process.env, logger);
  const repl = startRepl({
    engine,
    input: process.stdin,
    output: process.stdout,
    terminal,
    color: terminal && !process.env.NO_COLOR,
    historyFile: terminal ? (process.env.SUMMIT_QA_HISTORY ?? join(homedir(), '.summit_qa_history')) : undefined,
    questionLog,
  });
  // A signal ends the session the way :quit does: the answer being printed is finished first.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => repl.close());
  await repl;
  await questionLog?.close();
} catch (error) {
  if (!isUserFacing(error)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
