/**
 * The report from a real question log: real engine answers recorded through
 * the log, read back by collectReport (and by the CLI for --since).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/index.js';
import { QuestionLog } from '../../adapters/shared/question-log/index.js';
import { openDatabase } from '../../adapters/shared/question-log/open-database.js';
import { collectReport } from '../../adapters/shared/report/collect.js';
import { groupAlike } from '../../adapters/shared/report/group.js';
import { parseSince } from '../../adapters/shared/report/period.js';
import { renderText } from '../../adapters/shared/report/render-text.js';
import { captureLogger, tempDir } from '../question-log/fixtures.js';
import { openRefusing } from '../helpers/fixtures.js';
import { runReport } from '../feedback/loop.js';

let engine: Engine;
/** Answers what the bundled corpus answers; the questions it cannot answer are asked of an engine that refuses them all, so the report's grouping is checked whatever the ranking decides. */
let refusing: Engine;
const tmp = tempDir('qa-report-');
beforeAll(async () => {
  [engine, refusing] = await Promise.all([createEngine(), openRefusing()]);
});
afterAll(() => tmp.remove());

const MOON = ['How much will the Moon base cost?', 'What would a base on the Moon cost?', 'What is the cost of the moon base?'];
const FOOTBALL = ['Who won the football world cup?', 'Which football team won the world cup?'];
const DAY = 86_400_000;
const engineFor = (question: string) => ([...MOON, ...FOOTBALL].includes(question) ? refusing : engine);

/** Asks each question through the engine and logs it, `daysAgo` before now. */
async function logQuestions(file: string, asked: { question: string; daysAgo: number; user?: string }[]): Promise<void> {
  const now = Date.now();
  let at = now;
  const log = new QuestionLog({ target: { kind: 'sqlite', file }, logger: captureLogger(), now: () => at }).start();
  for (const [i, a] of asked.entries()) {
    at = now - a.daysAgo * DAY + i; // distinct times keep the order stable
    log.record({ surface: i % 2 ? 'slack' : 'discord', user: a.user ?? `u${i}`, conversation: `c${i}`, question: a.question, answer: engineFor(a.question).ask(a.question), latencyMs: 1 + i });
  }
  await log.close();
}

describe('report', () => {
  it('lists an unanswerable question asked three times in different words once, with count 3 and the missing piece', async () => {
    for (const q of [...MOON, ...FOOTBALL]) expect(engineFor(q).ask(q).kind, q).toBe('not_found');
    const file = join(tmp.dir, 'grouping.sqlite');
    await logQuestions(file, [...MOON, ...FOOTBALL, 'How much is InvestAI?', 'How much did Stargate promise?'].map((question) => ({ question, daysAgo: 1 })));
    const db = await openDatabase({ kind: 'sqlite', file });
    const report = await collectReport(db, { since: Date.now() - 7 * DAY, documents: engine.documents });
    await db.destroy();

    expect(report.questions).toBe(7);
    expect(report.answered).toBe(2);
    expect(report.notFound).toBe(5);
    expect(report.answerRate).toBeCloseTo(2 / 7);
    expect(report.unanswered.map((g) => [g.count, g.question])).toEqual([
      [3, MOON[2]],
      [2, FOOTBALL[1]],
    ]);
    expect(report.unanswered[0]!.variants.sort()).toEqual([MOON[0], MOON[1]].sort());
    expect(report.unanswered[0]!.missing).toBe(refusing.ask(MOON[2]!).answer);
    // The two answers quote some documents; every other one is listed as never quoted.
    const quoted = new Set(['How much is InvestAI?', 'How much did Stargate promise?'].flatMap((q) => engine.ask(q).quotes.map((x) => x.source.documentId)));
    expect(report.neverQuoted.map((d) => d.id).sort()).toEqual(engine.documents.map((d) => d.id).filter((id) => !quoted.has(id)).sort());
    expect(renderText(report)).toContain(`   3×  ${MOON[2]}`);
    // The same through the command people run.
    const json = await runReport({ kind: 'sqlite', file }, ['--since', '7d']);
    expect(json.unanswered.slice(0, 2).map((g: any) => ({ question: g.question, count: g.count }))).toEqual([
      { question: MOON[2], count: 3 },
      { question: FOOTBALL[1], count: 2 },
    ]);
  });

  it('keeps questions worded differently about different things apart', () => {
    const groups = groupAlike([
      { question: 'How much is InvestAI?', at: 1 },
      { question: 'How much is Stargate?', at: 2 },
      { question: 'When is the next summit?', at: 3 },
      { question: 'how much is investai', at: 4 },
    ]);
    expect(groups.map((g) => [g.question, g.count])).toEqual([
      ['how much is investai', 2],
      ['When is the next summit?', 1],
      ['How much is Stargate?', 1],
    ]);
  });

  it('npm run report -- --since counts only the period, day by day', async () => {
    const file = join(tmp.dir, 'since.sqlite');
    await logQuestions(file, [
      { question: 'How much is InvestAI?', daysAgo: 20 },
      { question: MOON[0]!, daysAgo: 3 },
      { question: 'How much did Stargate promise?', daysAgo: 2 },
      { question: MOON[1]!, daysAgo: 0 },
    ]);
    const week = await runReport({ kind: 'sqlite', file }, ['--since', '7d']);
    expect(week.questions).toBe(3);
    expect(week.perDay).toHaveLength(8);
    expect(week.perDay.reduce((n: number, d: any) => n + d.questions, 0)).toBe(3);
    expect(week.unanswered).toEqual([expect.objectContaining({ question: MOON[1], count: 2 })]);
    const month = await runReport({ kind: 'sqlite', file });
    expect(month.questions).toBe(4);
  });

  it('reads --since as hours, days, weeks or a date, and refuses anything else', () => {
    const now = Date.parse('2026-03-10T12:00:00Z');
    expect(parseSince('12h', now)).toBe(now - 12 * 3_600_000);
    expect(parseSince('7d', now)).toBe(now - 7 * DAY);
    expect(parseSince('2w', now)).toBe(now - 14 * DAY);
    expect(parseSince('2026-03-01', now)).toBe(Date.parse('2026-03-01'));
    expect(() => parseSince('last week', now)).toThrowError('--since must be a period such as 12h, 7d or 2w, or a date such as 2026-01-31');
  });
});
