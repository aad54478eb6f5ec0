/** :good and :bad [note] in the REPL vote on the answer last shown, in the question log. */
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRepl } from '../../adapters/cli/repl.js';
import { QuestionLog } from '../../adapters/shared/question-log/index.js';
import { createEngine, type Engine } from '../../src/index.js';
import { captureLogger, tempDir } from '../question-log/fixtures.js';

let engine: Engine;
const tmp = tempDir('qa-repl-');
beforeAll(async () => {
  engine = await createEngine();
});
afterAll(() => tmp.remove());

async function session(lines: string[], questionLog?: QuestionLog): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d: Buffer) => (printed += d.toString()));
  const done = startRepl({ engine, input, output, questionLog, user: 'tester' });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await done;
  return printed;
}

describe('REPL feedback', () => {
  it('records questions, then :good and :bad with a note on the last answer (one vote per answer)', async () => {
    const file = join(tmp.dir, 'log.sqlite');
    const log = new QuestionLog({ target: { kind: 'sqlite', file }, logger: captureLogger() }).start();
    const out = await session([':good', 'How much is InvestAI?', ':good', 'Who runs the Moon base?', ':good', ':bad the summit had no Moon base'], log);
    await log.close();
    expect(out).toContain('Nothing to vote on yet');
    expect(out).toContain('recorded as a good answer');
    // The second answer's :good, then :bad: the change is said.
    expect(out).toContain('Changed your vote from 👍 to 👎, with your note.');
    const db = new Database(file, { readonly: true });
    const questions = db.prepare('select id, question, surface from questions order by asked_at').all() as any[];
    const votes = db.prepare('select answer_id, vote, note from feedback').all() as any[];
    db.close();
    expect(questions.map((q) => [q.question, q.surface])).toEqual([
      ['How much is InvestAI?', 'terminal'],
      ['Who runs the Moon base?', 'terminal'],
    ]);
    // The second answer's :good was replaced by :bad.
    expect(votes).toHaveLength(2);
    expect(votes.find((v) => v.answer_id === questions[0].id)).toMatchObject({ vote: 1, note: null });
    expect(votes.find((v) => v.answer_id === questions[1].id)).toMatchObject({ vote: -1, note: 'the summit had no Moon base' });
  });

  it('says feedback is not recorded when the log is off', async () => {
    const out = await session(['How much is InvestAI?', ':bad']);
    expect(out).toContain('QUESTION_LOG=off');
  });
});
