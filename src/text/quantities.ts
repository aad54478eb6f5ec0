/**
 * Amounts of money, numbers and time expressions, as written in documents and
 * questions ("$500bn", "€200 billion", "150 billion euros", "February 11, 2025").
 */

export type Currency = 'EUR' | 'USD' | 'GBP';

export interface Amount {
  value: number;
  currency?: Currency;
  start: number;
  end: number;
}

import { NUMBER_WORDS_SOURCE, readNumber } from './number-words.js';

const SCALE: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, mln: 1e6,
  billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12, trn: 1e12,
};
const CURRENCY_SYMBOL: Record<string, Currency> = { '€': 'EUR', $: 'USD', '£': 'GBP' };
const CURRENCY_WORD: Record<string, Currency> = { eur: 'EUR', euro: 'EUR', euros: 'EUR', usd: 'USD', dollar: 'USD', dollars: 'USD', gbp: 'GBP', pound: 'GBP', pounds: 'GBP' };

// [currency] number [scale] [currency word], matched on the text as written so offsets hold.
const AMOUNT = /(?<sym>[€$£])?\s?(?<num>\d+(?:[.,]\d+)*)\s?(?<scale>thousand|million|billion|trillion|bn|mn|mln|tn|trn|[bmk])?\b(?:\s(?<cur>euros?|dollars?|pounds?|eur|usd|gbp)\b)?/gi;

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

/**
 * Money amounts, with bare numbers that leave out the scale of the amount
 * beside them ("20 billion but the body says 50", "€5m or 8?"): when the
 * amounts found share one scale and currency, a bare number of one to three
 * digits takes them. A number followed by a unit or a percent sign does not.
 */
export function findMoneyWithElidedScale(text: string): Amount[] {
  const found = findMoney(text);
  if (!found.length) return found;
  const scaleOf = (v: number) => 10 ** (3 * Math.floor(Math.log10(v) / 3));
  const scale = scaleOf(found[0]!.value);
  const currency = found[0]!.currency;
  if (scale < 1e3 || found.some((a) => scaleOf(a.value) !== scale || a.currency !== currency)) return found;
  const out = [...found];
  for (const m of text.matchAll(/(?<![\d.,€$£])\b(\d{1,3}(?:\.\d+)?)\b(?![.,]?\d|\s*(?:%|per\s?cent|[\p{L}]))/gu)) {
    if (found.some((a) => m.index! < a.end && a.start < m.index! + m[0].length)) continue;
    out.push({ value: Number(m[1]) * scale, ...(currency ? { currency } : {}), start: m.index!, end: m.index! + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}

const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve', 'twenty', 'hundred', 'thousand', 'million', 'billion'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const RELATIVE_TIME = ['today', 'tomorrow', 'yesterday', 'tonight', 'eve', 'week', 'month', 'year', 'years', 'months', 'weeks', 'days', 'decade', 'annually', 'soon'];

const TIME_PATTERN = new RegExp(
  `\\b(?:${[...MONTHS.filter((m) => m !== 'may'), ...WEEKDAYS, ...RELATIVE_TIME].join('|')})\\b|\\b(?:19|20)\\d\\d\\b|\\b\\d{4}-\\d\\d-\\d\\d\\b` +
    // "Feb. 12", "Sept 3": abbreviated months with a day; "11:40", "9am": times of day; "4/3/2026": numeric dates.
    `|\\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?\\s+\\d{1,2}\\b|\\b\\d{1,2}:\\d\\d\\b|\\b\\d{1,2}\\s?(?:am|pm)\\b|\\b\\d{1,2}\\/\\d{1,2}\\/\\d{2,4}\\b`,
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
  const symbol = currency === 'EUR' ? '€' : currency === 'USD' ? '$' : currency === 'GBP' ? '£' : '';
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

/** An amount of money as written, with its range and qualifier ("between 30 and 50 billion euros", "approx. $3.5 billion"). */
export interface MoneySpan {
  value: number;
  /** Upper end of a range ("€30–50bn"). */
  high?: number;
  currency: Currency;
  /** "about", "approx.", "around": the source gives it as approximate. */
  approximate: boolean;
  /** Offsets of the whole amount, qualifier and "between" included. */
  start: number;
  end: number;
}

const QUALIFIER = String.raw`(?:approx\.|approximately|about|around|roughly|some|nearly|almost|up\s+to|more\s+than|over|at\s+least|close\s+to|just\s+over|just\s+under|under|less\s+than|between|from)`;
const APPROXIMATE = /^(?:approx|approximately|about|around|roughly|some|nearly|almost|close)\b/i;
const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const WORD_NUM = String.raw`(?:${NUM}|half\s+a|a|${NUMBER_WORDS_SOURCE})`;
const SCALE_WORD = String.raw`(?:thousand|million|billion|trillion|bn|mn|mln|tn|trn|[bmk])`;
const CUR_WORD = String.raw`(?:euros?|dollars?|pounds(?:\s+sterling)?|pound|EUR|USD|GBP)`;
const CUR_CODE = String.raw`(?:US\$|EUR|USD|GBP)`;
const RANGE_JOIN = String.raw`\s?(?:–|—|-|to|and)\s?`;

// "€30–50bn", "$3.5 billion", "US$ 2m", "EUR 40 million", "€30bn-€50bn"
const SYMBOL_FIRST = new RegExp(
  String.raw`(?:(?<q>${QUALIFIER})\s+)?(?<sym>[€$£]|${CUR_CODE}\s?)(?<n1>${NUM})(?:\s?(?<s1>${SCALE_WORD})\b)?(?:${RANGE_JOIN}(?:[€$£]|${CUR_CODE}\s?)?(?<n2>${NUM})(?:\s?(?<s2>${SCALE_WORD})\b)?)?`,
  'gid',
);
// "between 30 and 50 billion euros", "half a billion euros", "900 million euros", "Fifty million dollars"
const WORD_LAST = new RegExp(
  String.raw`(?:(?<q>${QUALIFIER})\s+)?\b(?<n1>${WORD_NUM})(?:\s+(?<s1>${SCALE_WORD}))?(?:${RANGE_JOIN}(?<n2>${WORD_NUM}))?(?:\s+(?<s2>${SCALE_WORD}))?\s+(?<cur>${CUR_WORD})\b`,
  'gid',
);

function currencyOf(sym: string | undefined, word: string | undefined): Currency | undefined {
  const s = sym?.trim().toUpperCase();
  if (s === 'US$' || s === 'USD' || s === '$') return 'USD';
  if (s === '€' || s === 'EUR') return 'EUR';
  if (s === '£' || s === 'GBP') return 'GBP';
  return word ? CURRENCY_WORD[word.toLowerCase().split(/\s/)[0]!] : undefined;
}

function scaled(num: string | undefined, scale: string | undefined): number | undefined {
  if (num === undefined) return undefined;
  const t = num.trim().toLowerCase();
  const base = /^half\s+a$/.test(t) ? 0.5 : t === 'a' ? 1 : readNumber(t);
  if (base === undefined) return undefined;
  return base * (scale ? (SCALE[scale.toLowerCase()] ?? 1) : 1);
}

/**
 * Every amount of money with its currency, as written: ranges, number words,
 * "half a billion euros", qualifiers. Overlapping matches keep the longest.
 */
export function findMoneySpans(text: string): MoneySpan[] {
  const found: MoneySpan[] = [];
  for (const pattern of [SYMBOL_FIRST, WORD_LAST]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const g = m.groups!;
      const q = g.q?.toLowerCase().replace(/\s+/g, ' ');
      // "€5m and $3m" are two amounts: a range joined by "and" needs "between".
      if (g.n2 !== undefined && q !== 'between' && /^\s?and\b/i.test(text.slice(m.indices!.groups!.s1?.[1] ?? m.indices!.groups!.n1![1]))) {
        const firstEnd = m.indices!.groups!.s1?.[1] ?? m.indices!.groups!.n1![1];
        if (pattern === SYMBOL_FIRST) {
          const value = scaled(g.n1, g.s1);
          const currency = currencyOf(g.sym, g.cur);
          if (value !== undefined && currency) found.push({ value, currency, approximate: APPROXIMATE.test(q ?? ''), start: m.index, end: firstEnd });
        }
        pattern.lastIndex = firstEnd;
        continue;
      }
      const currency = currencyOf(g.sym, g.cur);
      if (!currency) continue;
      // A bare "a" is not an amount ("a euro coin"); "a billion euros" is.
      if (g.n1!.trim().toLowerCase() === 'a' && !g.s1 && !g.s2) continue;
      // In "30 and 50 billion" both ends share the scale written once after the range.
      const value = scaled(g.n1, g.s1 ?? g.s2);
      if (value === undefined) continue;
      const high = g.n2 !== undefined ? scaled(g.n2, g.s2 ?? g.s1) : undefined;
      found.push({ value, ...(high !== undefined && high > value ? { high } : {}), currency, approximate: APPROXIMATE.test(q ?? ''), start: m.index, end: m.index + m[0].length });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: MoneySpan[] = [];
  for (const span of found) {
    const last = out[out.length - 1];
    if (last && span.start < last.end) continue;
    out.push(span);
  }
  return out;
}
