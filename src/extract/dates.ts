/**
 * Dates and durations in a sentence, as written, with the calendar date they
 * stand for: absolute ("4 March 2026", "Feb. 12", "4/3/2026", "by 2030") and
 * relative ("on Tuesday", "last week", "today") resolved against the
 * document's own date.
 */
import { NUMBER_WORDS_SOURCE, readNumber } from '../text/number-words.js';

export interface DateMention {
  start: number;
  end: number;
  /** As written, with a meaningful preposition ("by 2030"). */
  display: string;
  /** YYYY-MM-DD, YYYY-MM, YYYY, or words when it cannot be resolved ("Tuesday"). */
  when: string;
  /** The date was worked out from the document's date ("on Tuesday", "in September"). */
  relative: boolean;
}

export interface DurationMention {
  start: number;
  end: number;
  display: string;
  amount: number;
  unit: 'year' | 'month' | 'week' | 'day' | 'hour';
}

/** Day-month or month-day, for dates such as 4/3/2026. */
export type DateOrder = 'dmy' | 'mdy';

export interface DateContext {
  /** The document's date (YYYY-MM-DD), the anchor for relative dates. */
  reference?: string;
  /** How this document writes numeric dates, when its other dates say so. */
  order?: DateOrder;
  /** A date from the rest of the corpus, to pick the likelier reading of 4/3/2026 when nothing else decides. */
  corpusReference?: string;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = String.raw`(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:19|20)\d\d`;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;

// Alternatives are tried left to right; the longest written forms come first.
const DATE_PATTERN = new RegExp(
  [
    String.raw`(?<dmy>(?<d1>${DAY})(?:\s?(?:–|-|and|to)\s?(?:${DAY}))?\s+(?<m1>${MONTH})(?:,?\s+(?<y1>${YEAR}))?)\b`,
    String.raw`(?<mdy>(?<m2>${MONTH})\s+(?<d2>${DAY})(?!\d)(?:\s?(?:–|-)\s?${DAY})?(?:,?\s+(?<y2>${YEAR}))?)\b`,
    String.raw`(?<iso>(?<iy>${YEAR})-(?<im>[01]\d)-(?<id>[0-3]\d))\b`,
    String.raw`(?<num>\b(?<a>[0-3]?\d)[/.](?<b>[01]?\d)[/.](?<ny>${YEAR}))\b`,
    String.raw`(?<my>(?:(?<pm>in|by|from|until|since|before)\s+)?(?:(?:early|late|mid-?)\s*)?(?<m3>${MONTH})(?:\s+(?<y3>${YEAR}))?)\b`,
    String.raw`(?<q>(?:(?<pq>in|by|from|until|since|before)\s+)?the\s+(?<qn>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?<qy>${YEAR}))\b`,
    String.raw`(?<yr>(?<py>in|by|from|until|since|before|after|during|of)\s+(?:the\s+end\s+of\s+|the\s+start\s+of\s+|(?:early|late|mid-?)\s*)?(?<yy>${YEAR}))\b(?![-/])`,
    String.raw`(?<wd>(?:(?:late|early)\s+)?(?:(?<pw>on|last|next|this|by)\s+)?(?<w>${WEEKDAY}))\b`,
    String.raw`(?<rel>\b(?<rw>today|yesterday|tomorrow|tonight|this\s+morning|this\s+afternoon|this\s+evening|last\s+week|next\s+week|this\s+week|last\s+month|next\s+month|this\s+month|last\s+year|next\s+year|this\s+year))\b`,
  ].join('|'),
  'gi',
);

const PREPOSITIONS_KEPT = /^(?:by|from|until|since|before|after)\b/i;
const FUTURE = /\b(?:will|shall|'ll|expected|plans?|due|upcoming|opens?|starts?|begins?|to\s+be)\b/i;
const PAST = /\b(?:was|were|had|did|said|announced|opened|signed|pledged|ago|last)\b/i;

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTH_NAMES.findIndex((m) => m.startsWith(w.slice(0, 3)));
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d?: number) => (d === undefined ? `${y}-${pad(m + 1)}` : `${y}-${pad(m + 1)}-${pad(d)}`);

function realDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m && date.getUTCDate() === d;
}

function parseIso(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(value);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
}

function addDays(date: Date, days: number): string {
  const d = new Date(date.getTime() + days * 86_400_000);
  return iso(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/** Which way the sentence leans in time: the same month name means the next one or the last one. */
function tense(sentence: string): 'future' | 'past' | undefined {
  if (FUTURE.test(sentence)) return 'future';
  if (PAST.test(sentence)) return 'past';
  return undefined;
}

/** The year of a month written without one: the occurrence nearest the reference, or the one the tense points to. */
function yearForMonth(month: number, ref: Date | undefined, sentence: string): number | undefined {
  if (!ref) return undefined;
  const y = ref.getUTCFullYear();
  const refMonth = ref.getUTCMonth();
  const t = tense(sentence);
  if (month === refMonth) return y;
  if (t === 'future') return month > refMonth ? y : y + 1;
  if (t === 'past') return month < refMonth ? y : y - 1;
  const ahead = (month - refMonth + 12) % 12;
  return ahead <= 6 ? (month > refMonth ? y : y + 1) : month < refMonth ? y : y - 1;
}

/** Every date in `sentence`, offsets relative to it. */
export function findDates(sentence: string, ctx: DateContext = {}): DateMention[] {
  const ref = parseIso(ctx.reference);
  const out: DateMention[] = [];
  for (const m of sentence.matchAll(DATE_PATTERN)) {
    const g = m.groups!;
    let text = m[0];
    let start = m.index;
    let when: string | undefined;
    let relative = false;
    if (g.dmy || g.mdy) {
      const month = monthIndex((g.m1 ?? g.m2)!);
      const day = Number.parseInt((g.d1 ?? g.d2)!, 10);
      const written = g.y1 ?? g.y2;
      const year = written ? Number(written) : yearForMonth(month, ref, sentence);
      if (month < 0 || !/^[A-Z]/.test((g.m1 ?? g.m2)!)) continue;
      if (year !== undefined && realDate(year, month, day)) when = iso(year, month, day);
      else when = text;
      relative = !written && year !== undefined;
    } else if (g.iso) {
      const [y, mo, d] = [Number(g.iy), Number(g.im) - 1, Number(g.id)];
      if (!realDate(y, mo, d)) continue;
      when = iso(y, mo, d);
    } else if (g.num) {
      const read = readNumeric(Number(g.a), Number(g.b), Number(g.ny), ctx);
      if (!read) continue;
      when = read;
    } else if (g.my) {
      // A month alone must be capitalised and not the verb "may" or "march".
      if (!/^[A-Z]/.test(g.m3!)) continue;
      if (!g.y3 && /^(?:may|march)$/i.test(g.m3!.replace(/\.$/, '')) && !g.pm) continue;
      if (!g.y3 && !g.pm) continue;
      const month = monthIndex(g.m3!);
      const year = g.y3 ? Number(g.y3) : yearForMonth(month, ref, sentence);
      when = year !== undefined ? iso(year, month) : g.m3!;
      relative = !g.y3 && year !== undefined;
    } else if (g.q) {
      const quarter = ['first', 'second', 'third', 'fourth'].indexOf(g.qn!.toLowerCase().replace(/^(\d).*/, (_, n: string) => ['first', 'second', 'third', 'fourth'][Number(n) - 1]!));
      when = iso(Number(g.qy), quarter * 3);
    } else if (g.yr) {
      if (g.py!.toLowerCase() === 'of' && !/end|start/i.test(text)) continue;
      when = g.yy!;
    } else if (g.wd) {
      if (!/^[A-Z]/.test(g.w!)) continue;
      const target = WEEKDAYS.indexOf(g.w!.toLowerCase());
      when = ref ? resolveWeekday(ref, target, g.pw?.toLowerCase()) : g.w!;
      relative = ref !== undefined;
    } else if (g.rel) {
      when = ref ? resolveRelative(ref, g.rw!.toLowerCase().replace(/\s+/g, ' ')) : g.rw!;
      relative = ref !== undefined;
    }
    if (!when) continue;
    // Keep deadline prepositions ("by 2030"); drop plain "in"/"on"/"of".
    const lead = /^(?:in|on|of|during|the\s+end\s+of)\s+/i.exec(text);
    if (lead && !PREPOSITIONS_KEPT.test(text)) {
      start += lead[0].length;
      text = text.slice(lead[0].length);
    }
    out.push({ start, end: m.index + m[0].length, display: text, when, relative });
  }
  return out;
}

function readNumeric(a: number, b: number, year: number, ctx: DateContext): string | undefined {
  const dmy = realDate(year, b - 1, a) ? iso(year, b - 1, a) : undefined;
  const mdy = realDate(year, a - 1, b) ? iso(year, a - 1, b) : undefined;
  if (!dmy || !mdy || dmy === mdy) return dmy ?? mdy;
  if (ctx.order) return ctx.order === 'dmy' ? dmy : mdy;
  const anchor = parseIso(ctx.reference) ?? parseIso(ctx.corpusReference);
  if (anchor) {
    const distance = (s: string) => Math.abs(parseIso(s)!.getTime() - anchor.getTime());
    return distance(dmy) <= distance(mdy) ? dmy : mdy;
  }
  return dmy;
}

function resolveWeekday(ref: Date, target: number, lead: string | undefined): string {
  const today = ref.getUTCDay();
  const back = (today - target + 7) % 7;
  const ahead = (target - today + 7) % 7;
  if (lead === 'last') return addDays(ref, -(back || 7));
  if (lead === 'next') return addDays(ref, ahead || 7);
  // News writes weekdays of the week it reports: the nearest one (at most three days away) is meant.
  return back <= ahead ? addDays(ref, -back) : addDays(ref, ahead);
}

function resolveRelative(ref: Date, word: string): string {
  const y = ref.getUTCFullYear();
  const m = ref.getUTCMonth();
  switch (word) {
    case 'yesterday': return addDays(ref, -1);
    case 'tomorrow': return addDays(ref, 1);
    case 'last week': return `the week before ${addDays(ref, 0)}`;
    case 'next week': return `the week after ${addDays(ref, 0)}`;
    case 'this week': return `the week of ${addDays(ref, 0)}`;
    case 'last month': return m === 0 ? iso(y - 1, 11) : iso(y, m - 1);
    case 'next month': return m === 11 ? iso(y + 1, 0) : iso(y, m + 1);
    case 'this month': return iso(y, m);
    case 'last year': return String(y - 1);
    case 'next year': return String(y + 1);
    case 'this year': return String(y);
    default: return addDays(ref, 0); // today, tonight, this morning
  }
}

const DURATION_PATTERN = new RegExp(
  String.raw`\b(?<n>\d+(?:\.\d+)?|${NUMBER_WORDS_SOURCE}|a|an|half\s+a)(?<sep>[\s-])(?<unit>years?|yrs?|months?|weeks?|days?|decades?|hours?)\b(?!-)`,
  'gi',
);
const UNIT: Record<string, DurationMention['unit']> = { y: 'year', m: 'month', w: 'week', d: 'day', h: 'hour' };

/** Periods of time: "over five years", "18 months", "a decade", "two-day". */
export function findDurations(sentence: string): DurationMention[] {
  const out: DurationMention[] = [];
  for (const m of sentence.matchAll(DURATION_PATTERN)) {
    const g = m.groups!;
    const word = g.n!.toLowerCase();
    // "a year" after a number is a rate ("250,000 GPU-hours a year"), not a period.
    if (/^an?$/.test(word) && !/\bdecade/i.test(g.unit!)) continue;
    if (/[\d/]\s*$/.test(sentence.slice(0, m.index)) || /^[/:]/.test(sentence.slice(m.index + m[0].length))) continue;
    const n = /^half\s+a$/.test(word) ? 0.5 : /^an?$/.test(word) ? 1 : readNumber(word);
    if (n === undefined) continue;
    const decade = /^decade/i.test(g.unit!);
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      display: m[0],
      amount: decade ? n * 10 : n,
      unit: decade ? 'year' : UNIT[g.unit![0]!.toLowerCase()]!,
    });
  }
  return out;
}

/** "dmy" when the document writes "4 March", "mdy" when it writes "March 4"; undefined when it does neither or both. */
export function dateOrderOf(text: string): DateOrder | undefined {
  const dmy = (text.match(new RegExp(String.raw`\b${DAY}\s+${MONTH}\b`, 'g')) ?? []).length;
  const mdy = (text.match(new RegExp(String.raw`\b${MONTH}\s+${DAY}\b(?!\d)`, 'g')) ?? []).length;
  if (dmy > mdy) return 'dmy';
  if (mdy > dmy) return 'mdy';
  return undefined;
}
