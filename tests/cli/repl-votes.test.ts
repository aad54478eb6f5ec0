/**
 * Votes, charts and explanations in the REPL are about the answer last
 * shown (also one shown by `:explain QUESTION`); a later vote on the same
 * answer replaces the earlier one and says so; a vote the database could not
 * take is said to be not recorded, with the reason and no secret.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRepl } from '../../adapters/cli/repl.js';
import { QuestionLog } from '../../adapters/shared/question-log/index.js';
import { openDatabase } from '../../adapters/shared/question-log/open-database.js';
import { collectReport } from '../../adapters/shared/report/collect.js';
import { createEngine, type Engine } from '../../src/index.js';
import { captureLogger, tempDir } from '../question-log/fixtures.js';

let engine: Engine;
const tmp = tempDir('qa-repl-votes-');
beforeAll(async () => {
  engine = await createEngine();
});
afterAll(() => tmp.remove());

async function session(lines: string[], options: { questionLog?: QuestionLog; chartDir?: string } = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d: Buffer) => (printed += d.toString()));
  const done = startRepl({ engine, input, output, user: 'tester', ...options });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return printed;
}

let n = 0;
function sqliteLog(): { log: QuestionLog; file: string; rows(sql: string): any[] } {
  const file = join(tmp.dir, `log-${++n}.sqlite`);
  const log = new QuestionLog({ target: { kind: 'sqlite', file }, logger: captureLogger() }).start();
  const rows = (sql: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare(sql).all();
    } finally {
      db.close();
    }
  };
  return { log, file, rows };
}

const COMPARE = 'compare InvestAI with Stargate';

describe('REPL: the answer last shown', () => {
  it('after :explain QUESTION, :bad votes on that answer and :chart draws it', async () => {
    const { log, rows } = sqliteLog();
    const svg = join(tmp.dir, 'explained.svg');
    const out = await session(['How much will InvestAI mobilise?', `:explain ${COMPARE}`, ':bad the comparison leaves out the Champions', `:chart ${svg}`], { questionLog: log });
    await log.close();
    expect(out).toContain('--- explain');
    const questions = rows('select id, question from questions order by asked_at');
    expect(questions.map((q) => q.question)).toEqual(['How much will InvestAI mobilise?', COMPARE]);
    expect(rows('select answer_id, vote, note from feedback')).toEqual([{ answer_id: questions[1].id, vote: -1, note: 'the comparison leaves out the Champions' }]);
    expect(readFileSync(svg, 'utf8')).toContain('$500 billion');
  });

  it(':explain with no question explains the answer last shown, candidates included after a yes/no answer', async () => {
    const out = await session(['Did Stargate promise 500 billion dollars?', ':explain']);
    const explained = out.slice(out.indexOf('--- explain'));
    expect(explained).toContain('type:       yes_no');
    expect(explained).toMatch(/candidates:\n {3}1\. /);
  });
});

describe('REPL: changing a vote', () => {
  it('says a later vote replaces the earlier one, and the report counts the latest', async () => {
    const { log, file, rows } = sqliteLog();
    const out = await session(['How much will InvestAI mobilise?', ':bad the date is missing', ':good', ':good', ':bad', ':bad it is for 2025 only'], { questionLog: log });
    await log.close();
    const said = out.split('\n').filter((l) => /recorded|vote|note/.test(l));
    expect(said).toEqual([
      'Thanks: recorded as a wrong answer, with your note.',
      'Changed your vote from 👎 to 👍 (your earlier note is dropped).',
      'You had already marked this answer 👍; your vote stands.',
      'Changed your vote from 👍 to 👎.',
      'Your 👎 stands; your note is added.',
    ]);
    expect(rows('select vote, note from feedback')).toEqual([{ vote: -1, note: 'it is for 2025 only' }]);
    const db = await openDatabase({ kind: 'sqlite', file });
    const report = await collectReport(db, { since: Date.now() - 86_400_000 });
    await db.destroy();
    expect(report.feedback).toEqual({ up: 0, down: 1 });
    expect(report.downvoted[0]!.notes).toEqual(['it is for 2025 only']);
  });
});

describe('REPL: a vote the database cannot take', () => {
  it('says the vote was not recorded, and why, when the SQLite file cannot be opened', async () => {
    // A folder where the database file should be.
    const log = new QuestionLog({ target: { kind: 'sqlite', file: tmp.dir }, logger: captureLogger() }).start();
    const out = await session(['How much will InvestAI mobilise?', ':good'], { questionLog: log });
    await log.close();
    const line = out.split('\n').find((l) => l.startsWith('The vote was not recorded: '));
    expect(line).toMatch(/^The vote was not recorded: .*(directory|unable to open)/i);
    expect(out).not.toContain('Thanks');
  });

  it('names no password when PostgreSQL is unreachable', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const url = `postgres://qa:s3cretPassw0rd@127.0.0.1:${port}/qa`;
    const log = new QuestionLog({ target: { kind: 'postgres', url }, logger: captureLogger(), key: { kind: 'value', value: 'k'.repeat(32), variable: 'QUESTION_LOG_KEY' }, reconnectMs: 60_000 }).start();
    const out = await session(['How much will InvestAI mobilise?', ':bad'], { questionLog: log });
    await log.close();
    expect(out).toMatch(/The vote was not recorded: .*ECONNREFUSED/);
    expect(out).not.toContain('s3cretPassw0rd');
  });
});

describe('REPL: :chart with no file', () => {
  it('writes into a folder of its own inside the chart folder, prints the path, and writes nothing in the working folder', async () => {
    const charts = join(tmp.dir, 'charts');
    const before = existsSync(join(process.cwd(), 'chart.png'));
    const out = await session([COMPARE, ':chart', 'How much will InvestAI mobilise?', ':chart'], { chartDir: charts });
    const path = /Chart written to (.+)\.\n/.exec(out)?.[1];
    expect(path).toBeDefined();
    expect(dirname(dirname(path!))).toBe(charts);
    expect(path).toMatch(/summit-qa-charts-[^/]+\/chart-1\.png$/);
    expect(readFileSync(path!).subarray(1, 4).toString()).toBe('PNG');
    expect(out).toContain('No chart written: this answer has no chart');
    expect(existsSync(join(process.cwd(), 'chart.png'))).toBe(before);
  });
});
