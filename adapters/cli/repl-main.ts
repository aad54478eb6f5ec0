import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine, isUserFacing } from '../../src/index.js';
import { corpusDirFrom, strictFrom } from './corpus-option.js';
import { progressReporter } from '../shared/progress.js';
import { startRepl } from './repl.js';

let corpus: string | undefined;
let strict = false;
try {
  ({ corpus, strict = false } = parseArgs({ options: { corpus: { type: 'string' }, strict: { type: 'boolean' } } }).values);
} catch (error) {
  process.stderr.write(`${(error as Error).message}\nusage: npm start -- [--corpus DIR] [--strict]\n`);
  process.exit(2);
}

try {
  const engine = await createEngine({ corpusDir: corpusDirFrom(corpus), strict: strictFrom(strict), onProgress: progressReporter(process.stderr) });
  const terminal = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const repl = startRepl({
    engine,
    input: process.stdin,
    output: process.stdout,
    terminal,
    color: terminal && !process.env.NO_COLOR,
    historyFile: terminal ? (process.env.SUMMIT_QA_HISTORY ?? join(homedir(), '.summit_qa_history')) : undefined,
  });
  // A signal ends the session the way :quit does: the answer being printed is finished first.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => repl.close());
  await repl;
} catch (error) {
  if (!isUserFacing(error)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
