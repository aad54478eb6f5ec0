/**
 * Where sentences end within one paragraph. Intl.Segmenter (ICU's Unicode
 * sentence rules) proposes the breaks; this module corrects what those rules
 * get wrong in news copy, and keeps the cost linear:
 *
 * - V8's segmenter slows down with the square of the text's length, so long
 *   paragraphs are fed to it in windows;
 * - a break after a title (Mr., Dr.), a month before its day (Feb. 12), an
 *   initial (J. Smith, J.D.), or a Latin abbreviation (e.g., approx.) is
 *   undone, but "the U.S. It opened..." still ends a sentence;
 * - a dateline ("LISBON, March 3, 2026 /Newswire/ --") stands apart from the
 *   sentence it opens;
 * - a line break inside a paragraph ends a sentence only when the line ends
 *   like one or the next line is a list item, heading or table row (a
 *   hard-wrapped sentence stays whole; every bullet is its own sentence).
 */

export type Range = [start: number, end: number];

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
/** Characters given to the segmenter at once. */
const WINDOW = 4096;
/** A sentence with no break for this long is cut at a space: quotes are short, and one break per window keeps the cost linear. */
const LONGEST = WINDOW - 256;

/** Sentence ranges of `text` as Intl.Segmenter finds them, in windows of bounded size. */
export function segmenterBreaks(text: string): Range[] {
  const out: Range[] = [];
  if (text.length <= WINDOW) {
    for (const seg of segmenter.segment(text)) out.push([seg.index, seg.index + seg.segment.length]);
    return out;
  }
  let pos = 0;
  while (pos < text.length) {
    const windowEnd = Math.min(text.length, pos + WINDOW);
    const last = windowEnd === text.length;
    const chunk = text.slice(pos, windowEnd);
    let next = pos;
    for (const seg of segmenter.segment(chunk)) {
      const end = seg.index + seg.segment.length;
      // The segment that reaches the window's end may go on past it: it is read again in the next window.
      if (!last && end === chunk.length) break;
      out.push([pos + seg.index, pos + end]);
      next = pos + end;
    }
    if (next === pos) {
      // No break in a whole window: cut the run at its last space before LONGEST.
      const space = chunk.lastIndexOf(' ', LONGEST);
      next = pos + (space > 0 ? space + 1 : LONGEST);
      out.push([pos, next]);
    }
    pos = next;
  }
  return out;
}

/** Always followed by more of the same sentence. */
const TITLES = new Set(['mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'capt', 'lt', 'sgt', 'rev', 'hon', 'pres', 'supt', 'st', 'messrs', 'mme', 'mlle', 'fr']);
/** Never end a sentence in news copy. */
const INSIDE = new Set(['e.g', 'i.e', 'approx', 'vs', 'cf', 'ca', 'incl', 'esp', 'viz', 'dept', 'univ']);
/** Followed by a number: "Feb. 12", "No. 5", "p. 4". */
const BEFORE_NUMBERS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'nos', 'p', 'pp', 'fig', 'figs', 'vol', 'art', 'sec', 'ch', 'tel']);
/** Can end a sentence, but usually do not when a number or a lower-case word follows. */
const SOMETIMES = new Set(['etc', 'al', 'est', 'inc', 'corp', 'ltd', 'co', 'bros', 'jr', 'sr', 'plc', 'llc', 'mt', 'ft', 'min', 'max', 'avg']);
/** Words that start a new sentence after "U.S." rather than continue a name ("U.S. Department"). */
const SENTENCE_STARTERS = new Set([
  'a', 'an', 'the', 'it', 'its', 'this', 'that', 'these', 'those', 'they', 'their', 'there', 'he', 'she', 'his', 'her', 'we', 'our', 'i', 'you',
  'in', 'on', 'at', 'as', 'by', 'for', 'from', 'with', 'after', 'before', 'when', 'while', 'if', 'since', 'but', 'and', 'or', 'so', 'yet',
  'however', 'meanwhile', 'also', 'still', 'then', 'now', 'today', 'yesterday', 'tomorrow', 'although', 'though', 'because', 'many', 'most',
  'some', 'both', 'each', 'every', 'no', 'not', 'one', 'two', 'three', 'what', 'which', 'who', 'why', 'how', 'where', 'officials', 'critics',
]);

/** The word ending just before offset `end` (which is after its period), lower-cased, without the final period. */
function wordBefore(text: string, end: number): string | undefined {
  const m = /([\p{L}][\p{L}.]*)\.["'\u2019\u201D)]*\s*$/u.exec(text.slice(Math.max(0, end - 24), end));
  return m?.[1];
}

function nextWord(text: string, start: number): string {
  return /^[\s"'\u201C\u2018(]*([^\s]*)/.exec(text.slice(start, start + 40))?.[1] ?? '';
}

/** Whether the break between text[..at) and text[at..) falls after an abbreviation that does not end the sentence. */
export function isFalseBreak(text: string, at: number): boolean {
  const word = wordBefore(text, at);
  if (!word) return false;
  const lower = word.toLowerCase();
  const next = nextWord(text, at);
  const startsLower = /^[\p{Ll}]/u.test(next);
  const startsDigit = /^[\d$€£¥]/u.test(next);
  const startsUpper = /^[\p{Lu}]/u.test(next);
  if (!next) return false;
  if (TITLES.has(lower) && (startsUpper || startsDigit)) return true;
  if (INSIDE.has(lower)) return true;
  if (BEFORE_NUMBERS.has(lower) && startsDigit) return true;
  if (SOMETIMES.has(lower) && (startsLower || startsDigit)) return true;
  // "at 9 a.m. Monday", "since 10 p.m. GMT": a time runs on into its day, month or zone.
  if ((lower === 'a.m' || lower === 'p.m') && (startsLower || startsDigit || /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|[A-Z]{2,4}\b)/.test(next))) return true;
  // A single initial (J. Smith) or a run of them (J.D., U.S., N.C.).
  if (/^\p{Lu}(?:\.\p{Lu})*$/u.test(word)) {
    if (startsLower || startsDigit) return true;
    if (!startsUpper) return false;
    const nextLower = next.replace(/[^\p{L}]/gu, '').toLowerCase();
    // One initial before a capitalised word is a name (J. Smith); a dotted acronym before one of the words that open sentences ends its sentence.
    return !word.includes('.') ? !SENTENCE_STARTERS.has(nextLower) || next.length <= 2 : !SENTENCE_STARTERS.has(nextLower);
  }
  return false;
}

/** Joins ranges split at a false break (see isFalseBreak). */
export function joinFalseBreaks(text: string, ranges: Range[]): Range[] {
  const out: Range[] = [];
  for (const r of ranges) {
    const prev = out[out.length - 1];
    if (prev && text[trimmedEnd(text, prev[1]) - 1] === '.' && !text.slice(prev[1] - 1, r[0] + 1).includes('\n') && isFalseBreak(text, prev[1])) prev[1] = r[1];
    else out.push(r);
  }
  return out;
}

function trimmedEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end;
}

const LIST_OR_BLOCK = /^[ \t]*(?:[-*+•◦▪‣]\s|\d{1,3}[.)]\s|#{1,6}\s|\||>)/;
const ENDS_SENTENCE = /[.!?:;…]["'\u2019\u201D)\]]*\s*$/;

/**
 * Joins ranges the segmenter split at a line break inside a paragraph, unless
 * the line ends like a sentence or the next one is a list item, heading,
 * quote or table row.
 */
export function joinWrappedLines(text: string, ranges: Range[]): Range[] {
  const out: Range[] = [];
  for (const r of ranges) {
    const prev = out[out.length - 1];
    if (prev && /\n\s*$/.test(text.slice(Math.max(prev[0], prev[1] - 8), prev[1]))) {
      const line = text.slice(text.lastIndexOf('\n', trimmedEnd(text, prev[1]) - 1) + 1, prev[1]);
      const nextLine = text.slice(r[0], Math.min(r[1], r[0] + 16));
      if (!ENDS_SENTENCE.test(line) && !LIST_OR_BLOCK.test(nextLine) && !LIST_OR_BLOCK.test(line)) {
        prev[1] = r[1];
        continue;
      }
    }
    out.push(r);
  }
  return out;
}

/** "LISBON, March 3, 2026 /Newswire/ --", "LISBON, March 3 (CPS) -", "LISBON —": a place in capitals, then a date or agency, then a dash. */
const DATELINE = /^[\p{Lu}][\p{Lu}\p{M} .'-]{1,40}(?:,[^\n.!?]{0,80}?)?\s+(?:--|—|–|-)\s+(?=\S)/u;

/** Splits a dateline from the sentence it opens (a paragraph's first), so the sentence starts with its own first word. */
export function splitDateline(text: string, ranges: Range[]): Range[] {
  const first = ranges[0];
  if (!first || !/^\p{Lu}{2}/u.test(text.slice(first[0], first[0] + 2))) return ranges;
  const [start, end] = first;
  const m = DATELINE.exec(text.slice(start, Math.min(end, start + 160)));
  if (m && start + m[0].length < end) ranges.splice(0, 1, [start, start + m[0].length], [start + m[0].length, end]);
  return ranges;
}

/** Sentence ranges of one paragraph's text. */
export function sentenceRanges(text: string): Range[] {
  let ranges = segmenterBreaks(text);
  if (ranges.length > 1) ranges = joinFalseBreaks(text, ranges);
  if (ranges.length > 1 && text.includes('\n')) ranges = joinWrappedLines(text, ranges);
  return splitDateline(text, ranges);
}
