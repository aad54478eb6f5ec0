/**
 * `npm run report [-- --since 7d] [--json | --html FILE] [--corpus DIR] [--top N]`:
 * the coverage-gap and feedback report from the question log (SUMMIT_QA_DB
 * or DATABASE_URL). Text on stdout by default; --json prints one object;
 * --html writes a self-contained page.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createEngine, isUserFacing } from '../../src/index.js';
import { loadQuestionLogConfig } from '../shared/question-log/config.js';
import { safeReason } from '../shared/question-log/question-log.js';
import { MissingDatabaseError, openDatabase } from '../shared/question-log/open-database.js';
import { collectReport } from '../shared/report/collect.js';
import { DEFAULT_SINCE, parseSince } from '../shared/report/period.js';
import { renderHtml } from '../shared/report/render-html.js';
import { renderText } from '../shared/report/render-text.js';
import { corpusDirFrom, documentLimitsFrom } from './corpus-option.js';

const USAGE = 'usage: npm run report -- [--since 7d] [--json | --html FILE] [--corpus DIR] [--top N]';

function usage(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { since: { type: 'string', default: DEFAULT_SINCE }, json: { type: 'boolean' }, html: { type: 'string' }, corpus: { type: 'string' }, top: { type: 'string' }, help: { type: 'boolean' } },
    }));
  } catch (error) {
    usage((error as Error).message);
  }
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (values.json && values.html) usage('--json and --html are alternatives: choose one.');
  const now = Date.now();
  let since: number;
  try {
    since = parseSince(values.since, now);
  } catch (error) {
    usage((error as Error).message);
  }
  const top = values.top === undefined ? 20 : Number(values.top);
  if (!Number.isInteger(top) || top < 1) usage('--top must be a whole number above 0.');

  // Checked before the log is opened: a mistyped limit is said whether or not there is a log.
  const documentLimits = documentLimitsFrom();
  // The report reads the log even when this shell has QUESTION_LOG=off.
  const config = loadQuestionLogConfig({ ...process.env, QUESTION_LOG: 'on' });
  if (!config.enabled) return;
  // The report only reads: a path with no log behind it is a mistake to name, not a new empty log to create.
  const db = await openDatabase(config.target, { mustExist: true }).catch((error: unknown) => {
    if (error instanceof MissingDatabaseError) {
      const from = process.env.SUMMIT_QA_DB ? 'SUMMIT_QA_DB' : 'the default place, as SUMMIT_QA_DB is not set';
      throw new Error(`there is no question log at ${error.file} (${from}): nothing has been logged there yet, or the path is wrong`);
    }
    const where = config.target.kind === 'sqlite' ? config.target.file : 'DATABASE_URL';
    throw new Error(`could not open the question log (${where}): ${safeReason(error, config.target)}`);
  });
  try {
    const engine = await createEngine({ corpusDir: corpusDirFrom(values.corpus), documentLimits });
    const report = await collectReport(db, { since, now, documents: engine.documents, top });
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else if (values.html) {
      writeFileSync(values.html, renderHtml(report));
      process.stderr.write(`report written to ${values.html}\n`);
    } else process.stdout.write(renderText(report));
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`report: ${isUserFacing(error) || error instanceof Error ? (error as Error).message : String(error)}\n`);
  process.exit(1);
});
