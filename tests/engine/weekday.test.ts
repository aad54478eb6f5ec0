/**
 * A full date in an answer says its weekday ("February 11, 2025 (a
 * Tuesday)"), worked out from the calendar, not quoted: reports and people
 * name days by weekday ("on Monday"), and "which day…?" asks for it. On a
 * fixture with no curation files and on the bundled article.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { weekdayOf } from '../../src/text/wording.js';
import { lead, openSummit, openWritten, type TestEngine } from '../helpers/fixtures.js';

const FERRY = `---
title: Ferry line opens
published: 2023-06-02
---
# Ferry line opens

The Solent Link ferry began sailing on 30 May 2023, its operator said.

The first crossing carried 212 passengers.
`;

let ferry: TestEngine & { remove(): void };
let summit: TestEngine;

beforeAll(async () => {
  [ferry, summit] = await Promise.all([openWritten({ 'ferry.md': FERRY }), openSummit()]);
});
afterAll(() => ferry?.remove());

describe('weekdays of dates', () => {
  it('weekdayOf reads the calendar', () => {
    expect(weekdayOf('2025-02-11')).toBe('Tuesday');
    expect(weekdayOf('2024-02-29')).toBe('Thursday');
    expect(weekdayOf('2000-01-01')).toBe('Saturday');
  });

  it('ferry: the day it began sailing, with its weekday', () => {
    const a = ferry.verbatim(ferry.ask('which day did the solent link start sailing?'));
    expect(a.answered).toBe(true);
    expect(a.answer).toMatch(/30 May 2023 \(a Tuesday\)/);
  });

  it('bundled: the day InvestAI was unveiled, and "today" as the day of publication', () => {
    expect(lead(summit.verbatim(summit.ask('which day was investai unveiled')))).toContain('tuesday');
    // A follow-up answered by "And today we can announce…": today is the day the article was published.
    const conversation = 'weekday-test';
    summit.ask('What total does InvestAI aim to mobilise for AI in Europe?', { conversation });
    summit.ask('who said that?', { conversation });
    const today = summit.verbatim(summit.ask('when?', { conversation }));
    expect(today.answer).toMatch(/^Today \(Tuesday 11 February 2025, the day of publication\)/);
  });
});
