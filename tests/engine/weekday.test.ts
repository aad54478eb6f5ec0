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

The operator announced today that a second ferry will join the line.
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

  it('ferry: "today" is the day of publication, with its weekday', () => {
    const a = ferry.verbatim(ferry.ask('when was the second ferry announced?'));
    // From the figure extracted for "today", or from the sentence: either way the day and its weekday.
    expect(a.answer).toMatch(/^Today \((?:2 June 2023, a Friday|Friday 2 June 2023, the day of publication)\)/);
  });

  it('bundled: the date of the InvestAI post, with its weekday', () => {
    expect(lead(summit.verbatim(summit.ask('which date did von der leyen post about investai on?')))).toContain('tuesday');
  });
});
