/** The chart's small parts: font metrics from the bundled TTF, label wrapping, source names, totals. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontMeasurer } from '../../adapters/shared/chart/font-metrics.js';
import { findTotals, sourceName } from '../../adapters/shared/chart/model.js';
import { FONT_FILES } from '../../adapters/shared/chart/render.js';
import { wrap } from '../../adapters/shared/chart/spec.js';
import type { Figure } from '../../src/index.js';

const figure = (id: string, amount: number, documentId = 'doc', title = 'A title'): Figure => ({
  id,
  kind: 'money',
  what: id,
  display: String(amount),
  amount,
  currency: 'EUR',
  source: { documentId, title, paragraph: 3, start: 0, end: 1 },
});

describe('fontMeasurer', () => {
  const measure = fontMeasurer(readFileSync(FONT_FILES[0]!));
  it('reads DejaVu Sans advance widths: a space is 651/2048 em, a W wider than an i', () => {
    expect(measure(' ', 2048)).toBe(651);
    expect(measure('W', 12)).toBeGreaterThan(measure('i', 12) * 2);
    expect(measure('€200 billion', 12)).toBeCloseTo(measure('€', 12) + measure('200 billion', 12), 6);
  });
  it('gives characters the font lacks the width of its missing-glyph box, not zero', () => {
    expect(measure('\u{10FFFF}', 12)).toBeGreaterThan(0);
  });
});

describe('wrap', () => {
  it('breaks between words and cuts the last allowed line with an ellipsis', () => {
    expect(wrap('what the European AI Champions initiative pledges from providers', 20, 2)).toEqual(['what the European AI', 'Champions…']);
    expect(wrap('short', 20, 2)).toEqual(['short']);
    expect(wrap('averyveryverylongwordindeed', 10, 1)).toEqual(['averyvery…']);
  });
});

describe('sourceName', () => {
  it('cuts a long title at a word and adds the paragraph', () => {
    expect(sourceName(figure('a', 1, 'doc', 'EU courts private sector for AI GigaFactories'), 32)).toBe('EU courts private sector for… ¶3');
    expect(sourceName(figure('a', 1, 'doc', 'Short'), 32)).toBe('Short ¶3');
  });
});

describe('findTotals', () => {
  it('takes a figure as a total only when others of the same document add up to it', () => {
    expect([...findTotals([figure('a', 150), figure('b', 50), figure('t', 200)]).entries()].map(([k, v]) => [k, v.map((f) => f.id)])).toEqual([['t', ['a', 'b']]]);
    expect(findTotals([figure('a', 150), figure('b', 40), figure('t', 200)]).size).toBe(0);
    expect(findTotals([figure('a', 150, 'one'), figure('b', 50, 'two'), figure('t', 200, 'one')]).size).toBe(0);
  });
});
