/**
 * Every figure written in one sentence: money, percentages, counts, periods
 * and dates, as spans of the sentence with their values. Overlaps are settled
 * in that order (the "five years" of "€900m over five years" is a period, the
 * "20" of "20 key investors" a count, the "2030" of "by 2030" a date).
 */
import { findMoneySpans, type Currency } from '../text/quantities.js';
import { NUMBER_WORDS_SOURCE, readNumber } from '../text/number-words.js';
import { findDates, findDurations, type DateContext } from './dates.js';

export type FigureKind = 'money' | 'percent' | 'count' | 'duration' | 'date';

export interface FoundAmount {
  kind: FigureKind;
  /** Offsets in the sentence. */
  start: number;
  end: number;
  display: string;
  amount?: number;
  /** Upper end of a range. */
  high?: number;
  currency?: Currency;
  approximate?: boolean;
  /** For dates: YYYY-MM-DD, YYYY-MM, YYYY or words; for others, unset. */
  when?: string;
  /** What is counted ("key investors"), the unit of a period ("year"). */
  noun?: string;
}

const QUAL = String.raw`(?:(?<q>approx\.|approximately|about|around|roughly|nearly|almost|at\s+least|more\s+than|over|up\s+to|some|close\s+to|under|less\s+than)\s+)?`;
const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const PERCENT = new RegExp(String.raw`${QUAL}(?<n1>${NUM})(?:\s?(?:–|-|to)\s?(?<n2>${NUM}))?\s?(?:%|per\s?cent\b|percent\b)`, 'gi');
const IRREGULAR_PLURALS = 'people|staff|children|men|women|personnel|police|cattle|media|data';
const NOUN = String.raw`(?<plus>\+)?\s+(?<noun>(?:of\s+(?:its|their|the|our)\s+)?(?:[\p{L}\p{N}][\p{L}\p{N}\-]*\s+){0,2}?(?:[\p{L}\-]*[\p{Ll}\-]s|${IRREGULAR_PLURALS}))\b`;
// Digit-led and word-led counts are separate patterns: a pattern that starts with a digit is scanned fast.
const COUNT_DIGITS = new RegExp(String.raw`(?<![\p{L}\p{N}.,])(?<n>${NUM})${NOUN}`, 'giud');
const COUNT_WORDS = new RegExp(String.raw`\b(?<n>${NUMBER_WORDS_SOURCE})${NOUN}`, 'giud');
const QUALIFIER_BEFORE = /(?:^|\s)(?<q>approx\.|approximately|about|around|roughly|nearly|almost|at\s+least|more\s+than|over|up\s+to|some|close\s+to|under|less\s+than)\s+$/i;
const APPROXIMATE = /^(?:approx|approximately|about|around|roughly|nearly|almost|some|close)/i;
/** Nouns that make a number something other than a count. */
const NOT_COUNTED = /^(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|yrs?|percent|per|euros?|dollars?|pounds?|times|am|pm|bn|billion|million|thousand|trillion)$/i;
// "Registered delegates: 1,214", "Participating countries: 61"
const LABELLED_COUNT = /^(?<label>[\p{L}][\p{L} '’\-]{2,60}):\s*(?:approx\.\s*)?(?<n>\d{1,3}(?:,\d{3})+|\d+)\s*$/u;

function overlaps(a: { start: number; end: number }, taken: { start: number; end: number }[]): boolean {
  return taken.some((t) => a.start < t.end && t.start < a.end);
}

// Cheap tests that let most sentences skip the costly patterns.
const HAS_DIGIT = /\d/;
const HAS_NUMBER_WORD = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|half|decade|thousand|million|billion|trillion)/i;
const HAS_CURRENCY = /[€$£]|\b(?:euros?|dollars?|pounds?|EUR|USD|GBP)\b/i;
const HAS_TIME_WORD = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tomorrow|tonight|this\s+(?:morning|afternoon|evening|week|month|year)|(?:last|next)\s+(?:week|month|year))/i;


/** The figures of one sentence, in reading order. */
export function findFigures(text: string, ctx: DateContext): FoundAmount[] {
  const out: FoundAmount[] = [];
  const digit = HAS_DIGIT.test(text);
  const numberWord = HAS_NUMBER_WORD.test(text);
  if (!digit && !numberWord && !HAS_TIME_WORD.test(text)) return out;
  const money = (digit || numberWord) && HAS_CURRENCY.test(text) ? findMoneySpans(text) : [];
  for (const m of money) {
    out.push({ kind: 'money', start: m.start, end: m.end, display: text.slice(m.start, m.end), amount: m.value, ...(m.high !== undefined ? { high: m.high } : {}), currency: m.currency, approximate: m.approximate });
  }
  for (const m of digit ? text.matchAll(PERCENT) : []) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (overlaps(span, out)) continue;
    const g = m.groups!;
    const value = Number(g.n1!.replace(/,/g, ''));
    const high = g.n2 !== undefined ? Number(g.n2.replace(/,/g, '')) : undefined;
    out.push({ kind: 'percent', ...span, display: m[0], amount: value, ...(high !== undefined ? { high } : {}), approximate: APPROXIMATE.test(g.q ?? '') });
  }
  for (const d of digit || numberWord ? findDurations(text) : []) {
    if (overlaps(d, out)) continue;
    out.push({ kind: 'duration', start: d.start, end: d.end, display: d.display, amount: d.amount, noun: d.unit });
  }
  for (const d of digit || HAS_TIME_WORD.test(text) ? findDates(text, ctx) : []) {
    if (overlaps(d, out)) continue;
    out.push({ kind: 'date', start: d.start, end: d.end, display: d.display, when: d.when });
  }
  const counts = [...(digit ? text.matchAll(COUNT_DIGITS) : []), ...(numberWord ? text.matchAll(COUNT_WORDS) : [])];
  for (const m of counts) {
    const g = m.groups!;
    const numStart = m.indices!.groups!.n![0];
    const q = QUALIFIER_BEFORE.exec(text.slice(Math.max(0, m.index - 14), m.index))?.groups?.q;
    const start = q ? text.lastIndexOf(q, m.index) : m.index;
    const span = { start, end: m.index + m[0].length };
    if (overlaps(span, out)) continue;
    const noun = g.noun!.replace(/^of\s+(?:its|their|the|our)\s+/i, '');
    const lastNoun = noun.split(/\s+/).pop()!;
    if (NOT_COUNTED.test(lastNoun) || NOT_COUNTED.test(noun.split(/\s+/)[0]!)) continue;
    const n = readNumber(g.n!);
    if (n === undefined) continue;
    // Years, list numbers ("1/12"), times and labels ("Q7", "para 9") are not counts.
    if (/^(?:19|20)\d\d$/.test(g.n!) && !g.n!.includes(',')) continue;
    const before = text.slice(Math.max(0, numStart - 8), numStart);
    if (/[/:#\p{L}]$|\bno\.\s*$|\bpara\s*$/iu.test(before) || /^[/:]/.test(text.slice(m.index + m[0].length))) continue;
    if (/^(?:one|a)$/i.test(g.n!)) continue;
    out.push({ kind: 'count', ...span, display: text.slice(span.start, span.end), amount: n, approximate: APPROXIMATE.test(q ?? '') || !!g.plus, noun });
  }
  const labelled = digit ? LABELLED_COUNT.exec(text) : null;
  if (labelled && !out.some((f) => f.kind === 'count')) {
    const g = labelled.groups!;
    const start = text.lastIndexOf(g.n!);
    const span = { start, end: start + g.n!.length };
    if (!overlaps(span, out) && !/^(?:19|20)\d\d$/.test(g.n!)) out.push({ kind: 'count', ...span, display: g.n!, amount: readNumber(g.n!)!, noun: g.label!.trim().toLowerCase() });
  }
  return out.sort((a, b) => a.start - b.start);
}
