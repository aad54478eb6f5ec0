/**
 * `npm run eval -- QUESTIONS.json… [--corpus DIR] [--verbose] [--json]`:
 * scores the bot on question sets (format in docs/evaluation.md), from the
 * same engine the other surfaces use. Exit 0 whatever the score; 1 when the
 * corpus does not load; 2 for a usage error or an unreadable question file.
 */
import { readFileSync } from 'node:fs';
import { createEngine, isUserFacing, type Engine } from '../../src/index.js';
import { parseCommandLine, type CommandIO } from './command-line.js';
import { corpusDirFrom, documentLimitsFrom, strictFrom } from './corpus-option.js';
import { breakdown, evaluate, EvalSetSchema, summaryLine, type EvalCase, type EvalSummary } from './evaluate.js';

export const EVAL_USAGE = `usage: npm run --silent eval -- QUESTIONS.json… [--corpus DIR] [--verbose] [--json]
  --corpus DIR  the corpus the questions are about (default: CORPUS_DIR, else the bundled corpus)
  --verbose     list every case that did not pass, with the answer given
  --json        print one JSON object per question file, with every case's result
  --strict      stop with an error on any corpus problem (also CORPUS_STRICT=1)`;

export interface EvalIO extends CommandIO {
  env?: NodeJS.ProcessEnv;
}

/** Reads and validates a question file; the error names the file, the case and the field. */
export function readQuestionFile(path: string): EvalCase[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  const parsed = EvalSetSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path}: ${issue.path.length ? `at ${issue.path.join('.')}: ` : ''}${issue.message}${parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : ''}`);
  }
  return parsed.data.cases;
}

export async function runEval(argv: string[], io: EvalIO): Promise<number> {
  const args = parseCommandLine(argv, {
    corpus: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  } as const, EVAL_USAGE, io);
  if (typeof args === 'number') return args;
  const { values, positionals } = args;
  if (positionals.length === 0) {
    io.stderr.write(`no question file given\n${EVAL_USAGE}\n`);
    return 2;
  }
  const sets: { path: string; cases: EvalCase[] }[] = [];
  for (const path of positionals) {
    try {
      sets.push({ path, cases: readQuestionFile(path) });
    } catch (error) {
      io.stderr.write(`${(error as Error).message}\n`);
      return 2;
    }
  }
  const env = io.env ?? process.env;
  let engine: Engine;
  try {
    engine = await createEngine({ corpusDir: corpusDirFrom(values.corpus, env), strict: strictFrom(values.strict, env), documentLimits: documentLimitsFrom(env), onWarning: (line) => io.stderr.write(`${line}\n`) });
  } catch (error) {
    if (isUserFacing(error)) {
      io.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  for (const { path, cases } of sets) {
    const summary = evaluate(engine, cases);
    if (values.json) io.stdout.write(`${JSON.stringify({ file: path, ...summary })}\n`);
    else io.stdout.write(`${report(path, summary, values.verbose)}\n`);
  }
  return 0;
}

function report(path: string, s: EvalSummary, verbose: boolean): string {
  const lines = [`${path}: ${summaryLine(s)}`, ...breakdown(s, 'style'), ...breakdown(s, 'type')];
  if (verbose) {
    for (const r of s.results.filter((x) => !x.pass)) {
      const shown = (r.answered ? r.firstQuote ?? r.answer : r.answer).slice(0, 140);
      lines.push(`  FAIL${r.lenient ? ' (passes leniently)' : ''} ${r.id} [${r.question}]: ${r.answered ? 'answered' : 'abstained'}: ${JSON.stringify(shown)}`);
    }
  }
  return lines.join('\n');
}
