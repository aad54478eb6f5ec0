/**
 * `npm run report` prints what users typed: questions, answers' missing
 * pieces and 👎 notes. None of it may reach the operator's terminal as a
 * control: a question holding ESC]0;title BEL ESC[2J would set the window
 * title and clear the screen. Text, JSON and HTML are all checked.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuestionLog } from '../../adapters/shared/question-log/index.js';
import { openDatabase } from '../../adapters/shared/question-log/open-database.js';
import { withoutControls } from '../../adapters/shared/report/clean-text.js';
import { collectReport, type Report } from '../../adapters/shared/report/collect.js';
import { renderHtml } from '../../adapters/shared/report/render-html.js';
import { renderText } from '../../adapters/shared/report/render-text.js';
import { reportEnv } from '../feedback/loop.js';
import { answered, captureLogger, notFound, tempDir } from '../question-log/fixtures.js';

const run = promisify(execFile);
const tmp = tempDir('qa-report-controls-');
const file = join(tmp.dir, 'log.sqlite');

/** Sets the terminal's title, then clears the screen. */
const TITLE_AND_CLEAR = '\x1b]0;owned by a question\x07\x1b[2J';
/** Every terminal control the report must not print (tab and newline are text). */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

let report: Report;
beforeAll(async () => {
  const log = new QuestionLog({ target: { kind: 'sqlite', file }, logger: captureLogger() }).start();
  log.record({ surface: 'slack', user: 'u1', conversation: 'c1', question: `How many GPUs?${TITLE_AND_CLEAR}`, answer: notFound(`The sources don't mention GPUs.\x9b2J`), latencyMs: 1 });
  const id = log.record({ surface: 'discord', user: 'u2', conversation: 'c2', question: `How much is InvestAI?\x1b[31m red`, answer: answered('€200 billion.\x1bP+q\x1b\\'), latencyMs: 1 });
  void log.vote({ answerId: id, user: 'u3', vote: 'down', note: `wrong figure\r\x1b[Hfake line\u202etxt.exe${TITLE_AND_CLEAR}\nsecond line` });
  await log.close();
  const db = await openDatabase({ kind: 'sqlite', file });
  report = await collectReport(db, { since: Date.now() - 86_400_000 });
  await db.destroy();
});
afterAll(() => tmp.remove());

describe('report: control characters in stored text', () => {
  it('keeps the words and drops whole escape sequences, not just their ESC byte', () => {
    expect(withoutControls(`a${TITLE_AND_CLEAR}b`)).toBe('ab');
    expect(withoutControls('a\x1b]0;a title with spaces\x1b\\b')).toBe('ab');
    expect(withoutControls('a\x9b2Jb\x9d0;t\x9cc')).toBe('abc');
    expect(withoutControls('tab\tand\r\nnewline stay\rCR goes')).toBe('tab\tand\nnewline stayCR goes');
    expect(withoutControls('left\u202eright\u2066iso\u2069')).toBe('leftrightiso');
    expect(withoutControls('€200 billion, “quoted”, 日本')).toBe('€200 billion, “quoted”, 日本');
  });

  it('the text report prints the questions, answers and notes without any control', () => {
    const text = renderText(report);
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain('How many GPUs?');
    expect(text).toContain('missing: The sources don\'t mention GPUs.');
    expect(text).toContain('note: wrong figurefake linetxt.exe second line');
    expect(text).not.toContain('owned by a question');
    expect(text).not.toContain('[2J');
  });

  it('the JSON and HTML reports hold no control either, not even escaped', () => {
    const json = JSON.stringify(report);
    expect(json).not.toMatch(/\\u00[01][0-9a-f]|\\u007f/i);
    expect(json).not.toMatch(CONTROL);
    expect(report.downvoted[0]!.notes).toEqual(['wrong figurefake linetxt.exe\nsecond line']);
    const html = renderHtml(report);
    expect(html).not.toMatch(CONTROL);
    expect(html).toContain('How much is InvestAI? red');
  });

  it('npm run report prints the same clean text to the terminal', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'report', '--', '--since', '1d'], { env: reportEnv({ kind: 'sqlite', file }), timeout: 60_000 });
    expect(stdout).toContain('How many GPUs?');
    expect(stdout).not.toMatch(CONTROL);
  });
});
