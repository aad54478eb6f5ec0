/**
 * The one-shot CLI, also the scripting and evaluation interface:
 *   ask "question"            readable answer
 *   ask --json "question"     one Answer as JSON
 *   ask --jsonl < file        one JSON Answer per input line, in order
 *   ask --explain "question"  the answer and why
 *   ask --chart FILE "q"      the answer, and its chart written to FILE (.png or .svg)
 * Logs and errors go to stderr; stdout carries answers only.
 */
import { createEngine, isUserFacing, type Engine } from '../../src/index.js';
import { parseCommandLine } from './command-line.js';
import { corpusDirFrom, documentLimitsFrom, strictFrom } from './corpus-option.js';
import { renderExplanation } from './explain.js';
import { renderAnswer } from './render.js';
import { answerLines } from './jsonl.js';
import { chartFormatOf, writeChartFile } from './chart-file.js';
import { progressReporter } from '../shared/progress.js';

export { parseLine } from './jsonl.js';

export interface AskIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env?: NodeJS.ProcessEnv;
  /** Use colours in readable output. Default false. */
  color?: boolean;
}

export const USAGE = `usage: npm run --silent ask -- [--json | --jsonl | --explain] [--chart FILE] [--corpus DIR] "question"
  --json        print the Answer as one JSON object
  --jsonl       read questions from stdin, one per line (or {"question": "...", "conversation": "id"}),
                and print one JSON Answer per line, in order
  --explain     also show how the question was understood and the candidates considered
  --chart FILE  also write the chart of the answer's figures to FILE (.png or .svg)
  --corpus DIR  answer from another corpus directory (default: CORPUS_DIR, else the bundled corpus)
  --strict      stop with an error on any corpus problem instead of skipping the file with a warning
                (also CORPUS_STRICT=1)`;

export async function runAsk(argv: string[], io: AskIO): Promise<number> {
  const args = parseCommandLine(argv, {
    json: { type: 'boolean', default: false },
    jsonl: { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    chart: { type: 'string' },
    corpus: { type: 'string' },
    strict: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  } as const, USAGE, io);
  if (typeof args === 'number') return args;
  const { values, positionals } = args;
  const question = positionals.join(' ');
  if (!values.jsonl && positionals.length === 0) {
    io.stderr.write(`no question given\n${USAGE}\n`);
    return 2;
  }
  if (values.chart !== undefined && (values.jsonl || !chartFormatOf(values.chart))) {
    io.stderr.write(`${values.jsonl ? '--chart draws one answer; it does not go with --jsonl' : `--chart FILE must end in .png or .svg`}\n${USAGE}\n`);
    return 2;
  }
  if (values.jsonl && positionals.length > 0) {
    io.stderr.write(`--jsonl reads questions from stdin; don't also give one as an argument\n${USAGE}\n`);
    return 2;
  }

  let engine: Engine;
  try {
    const env = io.env ?? process.env;
    engine = await createEngine({
      corpusDir: corpusDirFrom(values.corpus, env),
      strict: strictFrom(values.strict, env),
      documentLimits: documentLimitsFrom(env),
      onWarning: (line) => io.stderr.write(`${line}\n`),
      onProgress: io.stderr === process.stderr ? progressReporter(process.stderr) : undefined,
    });
  } catch (error) {
    if (isUserFacing(error)) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }

  if (values.jsonl) {
    await answerLines(engine, io);
    return 0;
  }
  const { answer, explanation } = engine.explain(question);
  if (values.json) io.stdout.write(`${JSON.stringify(values.explain ? { ...answer, explanation } : answer)}\n`);
  else {
    io.stdout.write(`${renderAnswer(answer, { color: io.color })}\n`);
    if (values.explain) io.stdout.write(`${renderExplanation(explanation)}\n`);
  }
  if (values.chart !== undefined) {
    const result = await writeChartFile(answer, values.chart);
    // Said on stderr: stdout carries the answer only, for scripts.
    io.stderr.write(result.written ? `chart written to ${values.chart}\n` : `no chart written: ${result.reason}\n`);
  }
  return 0;
}
