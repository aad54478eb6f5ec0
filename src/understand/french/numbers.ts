/**
 * French numbers, amounts, percentages and dates, read from tokens into the
 * English the engine reads: "200 milliards d'euros" -> "€200 billion",
 * "500 Md$" -> "$500 billion", "1,5 milliard" -> "1.5 billion", "50 M€" ->
 * "€50 million", "un billion" -> "a trillion" (the French billion is 10^12),
 * "la moitié d'un billion" -> "half a trillion", "3,5 %" -> "3.5%",
 * "le 10 février 2025" -> "10 February 2025", "10/02/2025" likewise;
 * ordinals, "troisième" -> "third".
 */
import { entryOf } from '../../text/wording.js';
import { MONTHS } from './grammar.js';
import type { Token } from './tokens.js';

const UNITS: Record<string, number> = {
  zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12, treize: 13,
  quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60, septante: 70, huitante: 80,
  octante: 80, nonante: 90,
};
const HUNDRED = new Set(['cent', 'cents']);
const THOUSAND = new Set(['mille', 'milles']);

/** Scales after a number, folded, with their value; one letter only when written against the number or before a currency sign. */
const SCALES: Record<string, number> = {
  millier: 1e3, milliers: 1e3, k: 1e3, million: 1e6, millions: 1e6, mio: 1e6, mn: 1e6, m: 1e6, md: 1e9, mds: 1e9, mrd: 1e9, mrds: 1e9,
  milliard: 1e9, milliards: 1e9, g: 1e9, bn: 1e9, billion: 1e12, billions: 1e12,
};
const SHORT_SCALES = new Set(['k', 'm', 'g']);
const CURRENCY_SIGN: Record<string, string> = { '€': '€', $: '$', '£': '£' };
const CURRENCY_WORD: Record<string, string> = { euro: '€', euros: '€', eur: '€', dollar: '$', dollars: '$', usd: '$', livre: '£', livres: '£', gbp: '£' };
const ENGLISH_SCALE: [number, string][] = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']];

export interface Quantity {
  /** Tokens read. */
  length: number;
  english: string;
  kind: 'amount' | 'number' | 'percent' | 'date';
}

/** The value of French number words starting at tokens[i] ("quatre-vingt-dix", "vingt et un", "deux cents"), and how many tokens they take. */
export function readNumberWords(tokens: readonly Token[], i: number): { value: number; length: number } | undefined {
  let total = 0;
  let current = 0;
  let length = 0;
  let seen = false;
  for (let j = i; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.kind !== 'word') break;
    // "vingt et un": "et" joins only between two number words.
    if (t.folded === 'et' && seen && j + 1 < tokens.length && /^(?:un|une|onze)$/.test(tokens[j + 1]!.folded)) {
      length++;
      continue;
    }
    const parts = t.folded.split('-');
    if (!parts.every((p) => entryOf(UNITS, p) !== undefined || HUNDRED.has(p) || THOUSAND.has(p) || p === 'et')) break;
    for (const p of parts) {
      if (p === 'et') continue;
      const unit = entryOf(UNITS, p);
      // "quatre-vingt": four twenties.
      if ((p === 'vingt' || p === 'vingts') && current > 0 && current < 10 && current % 10 === current && seen && parts.length > 1) current *= 20;
      else if (unit !== undefined) current += unit;
      else if (HUNDRED.has(p)) current = (current || 1) * 100;
      else if (THOUSAND.has(p)) {
        total += (current || 1) * 1000;
        current = 0;
      }
      seen = true;
    }
    length++;
  }
  if (!seen) return undefined;
  return { value: total + current, length };
}

/** A number as digits in French ("1,5", "200 000", "200.000") and its value. */
function digitsValue(t: Token, next: readonly Token[]): { value: number; length: number } | undefined {
  if (t.kind !== 'number' || /\//.test(t.raw)) return undefined;
  let text = t.raw.replace(/(?:er|re|e|eme|ème|è)$/i, '');
  let length = 1;
  // "200 000", "1 500 000": groups of three digits after a space.
  for (const n of next) {
    if (n.kind !== 'number' || !n.spaceBefore || !/^\d{3}(?:,\d+)?$/.test(n.raw) || text.includes(',')) break;
    text += n.raw;
    length++;
  }
  // "200.000" groups thousands; "1,5" is a decimal comma; "1.5" a decimal point as typed in English.
  const normal = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(text) ? text.replace(/\./g, '').replace(',', '.') : /^\d+,\d+$/.test(text) ? text.replace(',', '.') : text.replace(/,(?=\d{3}\b)/g, '');
  const value = Number(normal);
  return Number.isFinite(value) ? { value, length } : undefined;
}

/** A number in the English the engine reads: "1.5", "200,000". */
export function englishNumber(value: number): string {
  return Number.isInteger(value) && value >= 10_000 ? value.toLocaleString('en') : String(Math.round(value * 1000) / 1000);
}

/** "€200 billion", "$1.5 trillion", "200 billion", "half a trillion", "a billion euros". */
function englishAmount(value: number, scale: number, currency: string | undefined, half: boolean): string {
  const currencyWord = currency === '€' ? 'euros' : currency === '$' ? 'dollars' : 'pounds';
  // "la moitié d'un billion": said the same way in English.
  if (half && value === 1) {
    const name = ENGLISH_SCALE.find(([u]) => u === scale)?.[1] ?? (scale === 1e3 ? 'thousand' : '');
    if (name) return `half a ${name}${currency ? ` ${currencyWord}` : ''}`;
  }
  const total = value * (half ? 0.5 : 1) * scale;
  const [unit, name] = ENGLISH_SCALE.find(([u]) => total >= u) ?? [1, ''];
  const count = total / unit;
  const number = name && count === 1 && value === 1 ? 'a' : englishNumber(count);
  const spoken = name ? `${number} ${name}` : number;
  if (!currency) return spoken;
  return number === 'a' ? `${spoken} ${currencyWord}` : `${currency}${spoken}`;
}

/** The currency written after a number and its scale: "€", "$", "d'euros", "de dollars", "euros". */
function currencyAt(tokens: readonly Token[], j: number): { sign: string; length: number } | undefined {
  const t = tokens[j];
  if (!t) return undefined;
  const sign = entryOf(CURRENCY_SIGN, t.raw);
  if (sign) {
    // "$ US", "$US": the dollar sign says it already.
    return { sign, length: tokens[j + 1]?.raw === 'US' && !tokens[j + 1]!.spaceBefore ? 2 : 1 };
  }
  const word = entryOf(CURRENCY_WORD, t.folded);
  if (word) return { sign: word, length: 1 };
  if ((t.folded === 'de' || t.folded === "d'") && tokens[j + 1]) {
    const after = entryOf(CURRENCY_WORD, tokens[j + 1]!.folded);
    if (after) return { sign: after, length: 2 };
  }
  return undefined;
}

/** A date: "10 février 2025", "1er mars", "10/02/2025". */
function dateAt(tokens: readonly Token[], i: number): Quantity | undefined {
  const t = tokens[i]!;
  const slash = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?$/.exec(t.raw);
  const monthNames = Object.values(MONTHS);
  if (slash) {
    const [day, month, year] = [Number(slash[1]), Number(slash[2]), slash[3]];
    if (day < 1 || day > 31 || month < 1 || month > 12) return undefined;
    const fullYear = year ? (year.length === 2 ? `20${year}` : year) : '';
    const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
    return { length: 1, english: `${day} ${names[month - 1]}${fullYear ? ` ${fullYear}` : ''}`, kind: 'date' };
  }
  const day = /^(\d{1,2})(?:er|re)?$/i.exec(t.raw);
  const month = tokens[i + 1] ? entryOf(MONTHS, tokens[i + 1]!.folded.replace(/\.$/, '')) : undefined;
  if (!day || !month || Number(day[1]) < 1 || Number(day[1]) > 31 || !monthNames.includes(month)) return undefined;
  const year = tokens[i + 2] && /^(?:19|20)\d\d$/.test(tokens[i + 2]!.raw) ? tokens[i + 2]!.raw : undefined;
  return { length: year ? 3 : 2, english: `${Number(day[1])} ${month}${year ? ` ${year}` : ''}`, kind: 'date' };
}

/**
 * The quantity that starts at tokens[i], in English, or undefined. Number
 * words alone ("deux") become digits; "un"/"une" stay articles unless a
 * scale follows ("un milliard").
 */
export function readQuantity(tokens: readonly Token[], i: number): Quantity | undefined {
  const t = tokens[i]!;
  if (t.kind === 'number') {
    const date = dateAt(tokens, i);
    if (date) return date;
  }
  // "la moitié d'un billion", "moitié de 200 milliards".
  let half = false;
  let start = i;
  if (t.folded === 'moitie' || (t.folded === 'la' && tokens[i + 1]?.folded === 'moitie')) {
    const at = t.folded === 'la' ? i + 2 : i + 1;
    if (/^(?:de|d')$/.test(tokens[at]?.folded ?? '')) {
      half = true;
      start = at + 1;
    }
  }
  // A sign before the number: "€200 milliards", "$500 Md".
  const leadSign = tokens[start] && entryOf(CURRENCY_SIGN, tokens[start]!.raw) && tokens[start + 1]?.kind === 'number' && !tokens[start + 1]!.spaceBefore ? entryOf(CURRENCY_SIGN, tokens[start]!.raw) : undefined;
  const numberAt = leadSign ? start + 1 : start;
  const first = tokens[numberAt];
  if (!first) return undefined;
  const digits = digitsValue(first, tokens.slice(numberAt + 1));
  const words = digits ? undefined : readNumberWords(tokens, numberAt);
  const read = digits ?? words;
  if (!read) return undefined;
  let j = numberAt + read.length;
  const scaleToken = tokens[j];
  let scale = 1;
  if (scaleToken && scaleToken.kind === 'word') {
    const value = entryOf(SCALES, scaleToken.folded.replace(/\.$/, ''));
    const glued = !scaleToken.spaceBefore || !!entryOf(CURRENCY_SIGN, tokens[j + 1]?.raw ?? '');
    // "500 Md$", "50 M€", "200 milliards": a one-letter scale only against the number or before a sign.
    if (value && (!SHORT_SCALES.has(scaleToken.folded) || glued) && !(scaleToken.folded === 'm' && scaleToken.raw === 'm' && !glued)) {
      scale = value;
      j++;
    }
  }
  const currency = currencyAt(tokens, j);
  // "un", "une", "deux" alone: an article or a small count, not an amount.
  if (words && scale === 1 && !currency && !half) {
    if (read.value === 1) return undefined;
    return { length: j - i, english: englishNumber(read.value), kind: 'number' };
  }
  if (currency) j += currency.length;
  const sign = leadSign ?? currency?.sign;
  const percent = tokens[j]?.raw === '%' ? 1 : tokens[j]?.folded === 'pour' && tokens[j + 1]?.folded === 'cent' ? 2 : tokens[j]?.folded === 'pourcent' ? 1 : 0;
  if (percent && scale === 1 && !sign) return { length: j + percent - i, english: `${englishNumber(read.value)}%`, kind: 'percent' };
  if (scale === 1 && !sign && !half) return { length: j - i, english: englishNumber(read.value), kind: 'number' };
  return { length: j - i, english: englishAmount(read.value, scale, sign, half), kind: 'amount' };
}

/** French ordinals by their stem before "-ième" where it is not the number word itself ("quatr" of quatre, "cinqu" of cinq, "neuv" of neuf). */
const ORDINAL_STEMS: Record<string, string> = { quatr: 'quatre', cinqu: 'cinq', neuv: 'neuf', onz: 'onze', douz: 'douze', treiz: 'treize', quatorz: 'quatorze', quinz: 'quinze', seiz: 'seize', trent: 'trente', quarant: 'quarante', cinquant: 'cinquante', soixant: 'soixante', mill: 'mille' };

/**
 * The rank a French ordinal in "-ième" gives ("deuxième", "troisièmes",
 * "vingt-et-unième", "centième"), if it is one. ("Premier" and "second" are
 * the dictionary's: "premier ministre" is a phrase.)
 */
export function frenchOrdinal(folded: string): number | undefined {
  const m = /^(.+?)iemes?$/.exec(folded);
  if (!m) return undefined;
  const parts = m[1]!.split('-');
  const last = parts.pop()!;
  const word = entryOf(ORDINAL_STEMS, last) ?? last;
  // "unième" only closes a compound ("vingt-et-unième"); alone, first is "premier".
  if (word === 'un' && !parts.length) return undefined;
  const tokens = [...parts, word].join('-');
  const read = readNumberWords([{ kind: 'word', raw: tokens, folded: tokens, spaceBefore: true }], 0);
  return read && read.value > 0 ? read.value : undefined;
}

const ENGLISH_ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth'];

/** An English ordinal: in words to twelfth ("third"), else in figures ("21st", "100th"). */
export function englishOrdinal(n: number): string {
  if (n < ENGLISH_ORDINALS.length) return ENGLISH_ORDINALS[n]!;
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
