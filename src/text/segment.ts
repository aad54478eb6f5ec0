/**
 * Splits a document body into paragraphs and sentences, keeping exact UTF-16
 * offsets so that every quote is `body.slice(start, end)`.
 */
import { sentenceRanges } from './sentence-breaks.js';

export interface Span {
  start: number;
  end: number;
}

export interface Paragraph extends Span {
  /** Counts from 1. */
  number: number;
}

export interface Sentence extends Span {
  /** Paragraph number, from 1. */
  paragraph: number;
  /** Position of the sentence within its paragraph, from 0. */
  indexInParagraph: number;
  text: string;
}

/**
 * How paragraphs are delimited. 'blocks': runs of lines separated by blank
 * lines (ordinary Markdown); 'lines': every non-blank line (news copy pasted
 * one paragraph a line); 'auto': blocks when the body has a blank line, else lines.
 */
export type ParagraphMode = 'auto' | 'blocks' | 'lines';

export function splitParagraphs(body: string, mode: ParagraphMode = 'auto'): Paragraph[] {
  const useBlocks = mode === 'blocks' || (mode === 'auto' && /\n[ \t]*\r?\n/.test(body.trim()));
  const pattern = useBlocks ? /[^\n](?:[^\n]|\n(?![ \t]*\r?\n))*/g : /[^\n]+/g;
  const paragraphs: Paragraph[] = [];
  for (const m of body.matchAll(pattern)) {
    const span = trimSpan(body, m.index, m.index + m[0].length, /\s/);
    if (span.end > span.start) paragraphs.push({ ...span, number: paragraphs.length + 1 });
  }
  return paragraphs;
}


// Marks that may open or close a sentence without being part of what it says.
// A closing single quote is kept: at a sentence end it is usually an apostrophe.
// Markdown emphasis (`**About us**`, `*Note: ...*`) is markup, not words.
const OPENING_EDGE = /["'\u201C\u201D\u2018\u2019\u00AB\u00BB\s*_]/;
const CLOSING_EDGE = /["\u201C\u201D\u00AB\u00BB\s*_]/;
// A trailing link or arrow (a pasted post's "↓ https://t.co/x") is not part of the sentence.
const TRAILING_LINK = /\s*(?:[\u2190-\u21FF]\s*)?(?:https?:\/\/\S+\s*)+$/u;
// Markdown heading or list markers at the start of a paragraph.
const LEADING_MARKUP = /^(?:#{1,6}\s+|[-*+•◦▪‣]\s+|\d+[.)]\s+|>\s*)/;

export function splitSentences(body: string, paragraph: Paragraph): Sentence[] {
  const text = body.slice(paragraph.start, paragraph.end);
  const sentences: Sentence[] = [];
  for (const [from, to] of sentenceRanges(text)) {
    let start = paragraph.start + from;
    let end = paragraph.start + to;
    const segment = text.slice(from, to);
    const lead = LEADING_MARKUP.exec(segment);
    if (lead) start += lead[0].length;
    // Only the segment is searched: looking from `start` to the end of the body made long documents quadratic.
    const link = segment.includes('http') ? TRAILING_LINK.exec(body.slice(start, end)) : null;
    if (link && link.index > 0) end = start + link.index;
    const span = keepBalancedClose(body, trimSpan(body, start, end, OPENING_EDGE, CLOSING_EDGE));
    const sentenceText = body.slice(span.start, span.end);
    if (!/[\p{L}\p{N}]/u.test(sentenceText)) continue;
    sentences.push({ ...span, paragraph: paragraph.number, indexInParagraph: sentences.length, text: sentenceText });
  }
  return sentences;
}

/** Narrows [start, end) past characters matching `opening` at the start and `closing` at the end. */
function trimSpan(body: string, start: number, end: number, opening: RegExp, closing: RegExp = opening): Span {
  while (start < end && opening.test(body[start]!)) start++;
  while (end > start && closing.test(body[end - 1]!)) end--;
  return { start, end };
}

/** Gives back a closing quote mark whose opening one is inside the span (`is “open for all.”`). */
function keepBalancedClose(body: string, span: Span): Span {
  const text = body.slice(span.start, span.end);
  const opens = (text.match(/\u201C/g) ?? []).length;
  const closes = (text.match(/\u201D/g) ?? []).length;
  if (opens > closes && body[span.end] === '\u201D') return { start: span.start, end: span.end + 1 };
  return span;
}

export function segmentDocument(body: string, mode: ParagraphMode = 'auto'): { paragraphs: Paragraph[]; sentences: Sentence[] } {
  const paragraphs = splitParagraphs(body, mode);
  const sentences = paragraphs.flatMap((p) => splitSentences(body, p));
  return { paragraphs, sentences };
}

/** The paragraph holding a body offset (binary search: paragraphs are in order). */
export function paragraphAt(doc: { paragraphs: readonly Paragraph[] }, offset: number): Paragraph | undefined {
  const ps = doc.paragraphs;
  let lo = 0;
  let hi = ps.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const p = ps[mid]!;
    if (offset < p.start) hi = mid - 1;
    else if (offset >= p.end) lo = mid + 1;
    else return p;
  }
  return undefined;
}
