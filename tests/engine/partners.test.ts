/**
 * Figures of two different things that share a description are not a
 * disagreement: "A and B signed a partnership to supply 7,000 turbines" and
 * "A and C signed a partnership to supply 4,000 turbines" are two deals.
 * The same deal in two documents, named with more or fewer of its parties,
 * still is one thing. A corpus about wind farms, no curation files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWritten, type TestEngine } from '../helpers/fixtures.js';

const doc = (title: string, date: string, publisher: string, body: string) => `---
title: ${title}
published: ${date}
publisher: ${publisher}
---
${body}
`;

let corpus: TestEngine & { remove(): void };
const ask = (q: string) => corpus.ask(q);

beforeAll(async () => {
  corpus = await openWritten({
    'a.md': doc('Turbine deals', '2024-03-01', 'Wind Wire', 'Boreal Energy and Skerry Power signed a partnership to supply 7,000 turbines.\n\nThe first deliveries are due in 2026.\n'),
    'b.md': doc('More turbine deals', '2024-03-05', 'Grid Weekly', 'Boreal Energy and Fjordline Systems signed a partnership to supply 4,000 turbines.\n\nOfficials welcomed the deal.\n'),
    'c.md': doc('Skerry Power update', '2024-03-09', 'Coast Post', 'Skerry Power said it would supply 7,500 turbines with Boreal Energy.\n\nThe company did not give a date.\n'),
  });
});
afterAll(() => corpus?.remove());

describe('whose figure it is', () => {
  it('another pair of partners is another deal, not another figure for this one', () => {
    const a = ask('how many turbines will Fjordline Systems supply?');
    expect(a.answered).toBe(true);
    expect(a.answer).toMatch(/^4,000 turbines/);
    expect(a.answer).not.toMatch(/differ/);
  });

  it('the same deal told with fewer of its parties still disagrees', () => {
    const a = ask('how many turbines will Skerry Power supply?');
    expect(a.answered).toBe(true);
    expect(a.answer).toMatch(/differ/);
    expect(a.answer).toContain('7,000');
    expect(a.answer).toContain('7,500');
    expect(a.answer).not.toContain('4,000');
  });
});
