import { describe, expect, it } from 'vitest';
import { dateOrderOf, findDates, findDurations } from '../../src/extract/dates.js';

const when = (text: string, ctx = {}) => findDates(text, ctx).map((d) => [d.display, d.when]);

describe('dates in a sentence', () => {
  it('resolves weekdays and relative words against the document date (a Tuesday)', () => {
    const ref = { reference: '2026-03-03' };
    expect(when('investors pledged €8 billion on Tuesday', ref)).toEqual([['Tuesday', '2026-03-03']]);
    expect(when('had agreed to sign a declaration on Wednesday', ref)).toEqual([['Wednesday', '2026-03-04']]);
    expect(when('the mayor spoke last Friday', ref)).toEqual([['last Friday', '2026-02-27']]);
    expect(when('announced yesterday', ref)).toEqual([['yesterday', '2026-03-02']]);
    expect(when('She ran it until last year.', ref)).toEqual([['last year', '2025']]);
  });

  it('reads abbreviated months, day-month-year, quarters and deadlines', () => {
    const ref = { reference: '2026-03-03' };
    expect(when('signed with the Government of Portugal on Feb. 12 in Lisbon.', ref)).toEqual([['Feb. 12', '2026-02-12']]);
    expect(when('meeting in Lisbon on 3 and 4 March 2026,', ref)).toEqual([['3 and 4 March 2026', '2026-03-03']]);
    expect(when('beginning in the third quarter of 2026.', ref)).toEqual([['the third quarter of 2026', '2026-07']]);
    expect(when('should be running by late 2027, officials said.', ref)).toEqual([['by late 2027', '2027']]);
    expect(when('It will open to applications in September 2026.', ref)).toEqual([['September 2026', '2026-09']]);
  });

  it('gives a month without a year the year the tense points to', () => {
    expect(when('Applications open in September.', { reference: '2026-03-06' })).toEqual([['September', '2026-09']]);
    expect(when('However, in January, the project promised to win up to $500 billion', { reference: '2025-02-11' })).toEqual([['January', '2025-01']]);
  });

  it('reads 4/3/2026 day-month or month-day from how the document writes its other dates, else the nearest reading', () => {
    expect(when('posted 4/3/2026', { order: 'dmy' })).toEqual([['4/3/2026', '2026-03-04']]);
    expect(when('posted 4/3/2026', { order: 'mdy' })).toEqual([['4/3/2026', '2026-04-03']]);
    expect(when('posted 4/3/2026', { corpusReference: '2026-03-05' })).toEqual([['4/3/2026', '2026-03-04']]);
    expect(when('posted 13/3/2026', { order: 'mdy' })).toEqual([['13/3/2026', '2026-03-13']]);
    expect(dateOrderOf('Adopted on 4 March 2026; meeting on 3 March')).toBe('dmy');
    expect(dateOrderOf('LISBON, March 3, 2026 -- on March 5')).toBe('mdy');
  });

  it('does not read the verb "may" or a list number as a date', () => {
    expect(when('Actual results may differ materially.')).toEqual([]);
    expect(when('1/12 Bom dia from the Tagus')).toEqual([]);
  });
});

describe('periods', () => {
  it('finds periods in digits, words and adjectives, not rates', () => {
    const found = (t: string) => findDurations(t).map((d) => [d.display, d.amount, d.unit]);
    expect(found('900 million euros over five years')).toEqual([['five years', 5, 'year']]);
    expect(found('delivered over 18 months')).toEqual([['18 months', 18, 'month']]);
    expect(found('€900m over 5 yrs')).toEqual([['5 yrs', 5, 'year']]);
    expect(found('a two-day summit')).toEqual([['two-day', 2, 'day']]);
    expect(found('a down payment on a decade of work')).toEqual([['a decade', 10, 'year']]);
    expect(found('250,000 GPU-hours a year')).toEqual([]);
  });
});
