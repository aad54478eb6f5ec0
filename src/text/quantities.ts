/**
 * Amounts of money, numbers and time expressions, as written in documents and
 * questions ("$500bn", "€200 billion", "150 billion euros", "February 11, 2025").
 */

export type Currency = 'EUR' | 'USD';

export interface Amount {
  value: number;
  currency?: Currency;
  start: number;
  end: number;
}

const SCALE: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, mln: 1e6,
  billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12, trn: 1e12,
};
const CURRENCY_SYMBOL: Record<string, Currency> = { '€': 'EUR', $: 'USD' };
const CURRENCY_WORD: Record<string, Currency> = { eur: 'EUR', euro: 'EUR', euros: 'EUR', usd: 'USD', dollar: 'USD', dollars: 'USD' };

// [currency] number [scale] [currency word], matched on the text as written so offsets hold.
const AMOUNT = /(?<sym>[€$])?\s?(?<num>\d+(?:[.,]\d+)*)\s?(?<scale>thousand|million|billion|trillion|bn|mn|mln|tn|trn|[bmk])?\b(?:\s(?<cur>euros?|dollars?|eur|usd)\b)?/gi;

/** Every number in the text with its scale and currency when written next to it. */
export function findAmounts(text: string): Amount[] {
  const out: Amount[] = [];
  for (const m of text.matchAll(AMOUNT)) {
    const g = m.groups!;
    const digits = g.num!.replace(/,(?=\d{3}\b)/g, '');
    let value = Number(digits);
    if (!Number.isFinite(value)) continue;
    if (g.scale) value *= SCALE[g.scale.toLowerCase()] ?? 1;
    const currency = g.sym ? CURRENCY_SYMBOL[g.sym] : g.cur ? CURRENCY_WORD[g.cur.toLowerCase()] : undefined;
    out.push({ value, currency, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Amounts large enough to be money or scaled ("200 billion"), not years or small counts. */
export function findMoney(text: string): Amount[] {
  return findAmounts(text).filter((a) => a.currency !== undefined || a.value >= 1e6);
}

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'twenty', 'hundred', 'thousand', 'million', 'billion'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const RELATIVE_TIME = ['today', 'tomorrow', 'yesterday', 'tonight', 'eve', 'week', 'month', 'year', 'years', 'months', 'weeks', 'days', 'decade', 'annually', 'soon'];

const TIME_PATTERN = new RegExp(
  `\\b(?:${[...MONTHS.filter((m) => m !== 'may'), ...WEEKDAYS, ...RELATIVE_TIME].join('|')})\\b|\\b(?:19|20)\\d\\d\\b|\\b\\d{4}-\\d\\d-\\d\\d\\b`,
  'i',
);

/** Whether a text says when: a month, weekday, year, date or relative time. */
export function hasTimeExpression(text: string): boolean {
  return TIME_PATTERN.test(text);
}

const NUMBER_WORD = new RegExp(`\\b(?:${NUMBER_WORDS.join('|')})\\b`, 'i');

/** Whether a text holds a number: digits or a number word. */
export function hasNumber(text: string): boolean {
  return /\d/.test(text) || NUMBER_WORD.test(text);
}

/** "€200 billion", "$112 billion", "4". */
export function formatAmount(value: number, currency?: Currency): string {
  const symbol = currency === 'EUR' ? '€' : currency === 'USD' ? '$' : '';
  for (const [word, scale] of [['trillion', 1e12], ['billion', 1e9], ['million', 1e6]] as const) {
    if (Math.abs(value) >= scale) return `${symbol}${trimNumber(value / scale)} ${word}`;
  }
  return `${symbol}${trimNumber(value)}`;
}

function trimNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/\.?0+$/, '');
}

/** Ways people write an amount, for indexing: "200 billion", "200bn", "€200bn", "200 billion euros". */
export function amountSpellings(value: number, currency?: Currency): string[] {
  const forms = new Set<string>();
  for (const [word, short, scale] of [['billion', 'bn', 1e9], ['million', 'm', 1e6], ['trillion', 'tn', 1e12]] as const) {
    if (value >= scale && value % (scale / 100) === 0) {
      const n = trimNumber(value / scale);
      forms.add(`${n} ${word}`).add(`${n}${short}`);
      if (currency === 'EUR') forms.add(`€${n} ${word}`).add(`€${n}${short}`).add(`${n} ${word} euros`);
      if (currency === 'USD') forms.add(`$${n} ${word}`).add(`$${n}${short}`).add(`${n} ${word} dollars`);
      break;
    }
  }
  forms.add(String(value));
  return [...forms];
}
