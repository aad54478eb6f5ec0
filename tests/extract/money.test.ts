import { describe, expect, it } from 'vitest';
import { findMoneySpans } from '../../src/text/quantities.js';
import { readNumber } from '../../src/text/number-words.js';

const spans = (text: string) => findMoneySpans(text).map((m) => ({ text: text.slice(m.start, m.end), value: m.value, high: m.high, currency: m.currency, approximate: m.approximate }));

describe('money as written', () => {
  it('reads ranges written with words or with a dash, both ends scaled', () => {
    expect(spans('mobilise between 30 and 50 billion euros of investment')).toEqual([{ text: 'between 30 and 50 billion euros', value: 30e9, high: 50e9, currency: 'EUR', approximate: false }]);
    expect(spans('| LCA target | €30–50bn | by 2030 |')).toEqual([{ text: '€30–50bn', value: 30e9, high: 50e9, currency: 'EUR', approximate: false }]);
    expect(spans('between €30 billion and €50 billion')[0]).toMatchObject({ value: 30e9, high: 50e9 });
  });

  it('reads number words, "half a", suffixes and qualifiers', () => {
    expect(spans('Portugal will put half a billion euros into the site.')[0]).toMatchObject({ text: 'half a billion euros', value: 5e8, currency: 'EUR' });
    expect(spans('Fifty million dollars')[0]).toMatchObject({ value: 5e7, currency: 'USD' });
    expect(spans('€900m over 5 yrs')[0]).toMatchObject({ text: '€900m', value: 9e8 });
    expect(spans('valued at approx. $3.5 billion.')[0]).toMatchObject({ text: 'approx. $3.5 billion', value: 3.5e9, approximate: true });
  });

  it('keeps pounds apart and does not join two amounts into a range without "between"', () => {
    expect(spans('£5m and US$ 3 million').map((s) => [s.text, s.currency])).toEqual([['£5m', 'GBP'], ['US$ 3 million', 'USD']]);
  });

  it('reads numbers in words and with separators', () => {
    expect(readNumber('Fifty-eight')).toBe(58);
    expect(readNumber('1,214')).toBe(1214);
    expect(readNumber('three hundred and twelve')).toBe(312);
    expect(readNumber('harbour')).toBeUndefined();
  });
});
