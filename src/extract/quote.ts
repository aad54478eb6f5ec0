/**
 * The quote for a figure: its whole sentence when that fits in 300
 * characters, otherwise the longest run of the sentence's clauses around the
 * figure that fits. Always an exact slice of the document body.
 */
import { MAX_QUOTE_CHARS } from '../answer.js';
import type { Span, Sentence } from '../text/segment.js';

export function quoteWindow(body: string, sentence: Sentence, start: number, end: number, max: number = MAX_QUOTE_CHARS): Span | undefined {
  if (sentence.end - sentence.start <= max) return { start: sentence.start, end: sentence.end };
  if (end - start > max) return undefined;
  // Clause boundaries: just after ", ", "; ", ": " or a dash.
  const cuts = [sentence.start];
  for (const m of body.slice(sentence.start, sentence.end).matchAll(/[,;:]\s+|\s[—–-]\s/g)) cuts.push(sentence.start + m.index + m[0].length);
  const ends = [...cuts.slice(1).map((c) => trimEnd(body, c)), sentence.end];
  let best: Span | undefined;
  for (const s of cuts) {
    if (s > start) break;
    for (const e of ends) {
      if (e < end || e <= s) continue;
      if (e - s > max) break;
      if (!best || e - s > best.end - best.start) best = { start: s, end: e };
    }
  }
  if (best) return best;
  // No clause fits: a window of words around the figure.
  let s = Math.max(sentence.start, start - Math.floor((max - (end - start)) / 2));
  while (s > sentence.start && s < start && /\S/.test(body[s - 1]!)) s++;
  let e = Math.min(sentence.end, s + max);
  while (e > end && e < sentence.end && /\S/.test(body[e]!)) e--;
  return { start: s, end: trimEnd(body, e) };
}

function trimEnd(body: string, at: number): number {
  let e = at;
  while (e > 0 && /[\s,;:—–-]/.test(body[e - 1]!)) e--;
  return e;
}
