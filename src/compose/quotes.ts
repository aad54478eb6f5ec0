/**
 * Turns document spans into Quotes: exact body slices, at most
 * MAX_QUOTE_CHARS long, never cut inside a clause.
 */
import { MAX_QUOTE_CHARS, type Quote, type Source } from '../answer.js';
import { pageAt, type CorpusDocument } from '../corpus/document.js';
import { paragraphAt } from '../text/segment.js';
import type { Passage } from '../knowledge/knowledge.js';

export function sourceOf(doc: CorpusDocument, start: number, end: number): Source {
  return {
    documentId: doc.id,
    title: doc.title,
    paragraph: paragraphAt(doc, start)?.number ?? 1,
    start,
    end,
    ...(doc.meta.url ? { url: doc.meta.url } : {}),
    ...(doc.pages ? { page: pageAt(doc, start) } : {}),
  };
}

/**
 * A quote of body[start, end). Longer than the limit, it becomes the run of
 * whole clauses (split at , ; : and dashes) that holds the most `focus` words.
 */
export function quoteSpan(doc: CorpusDocument, start: number, end: number, options: { speaker?: string; focus?: ReadonlySet<string> } = {}): Quote {
  let span = { start, end };
  if (end - start > MAX_QUOTE_CHARS) span = bestClauseWindow(doc.body, start, end, options.focus ?? new Set());
  return {
    text: doc.body.slice(span.start, span.end),
    source: sourceOf(doc, span.start, span.end),
    ...(options.speaker ? { speaker: options.speaker } : {}),
  };
}

function bestClauseWindow(body: string, start: number, end: number, focus: ReadonlySet<string>): { start: number; end: number } {
  const cuts = [start];
  const re = /[,;:\u2014\u2013]\s+|\s+[\u2014\u2013-]\s+/g;
  re.lastIndex = start;
  for (let m = re.exec(body); m && m.index < end; m = re.exec(body)) cuts.push(m.index + m[0].length);
  cuts.push(end);
  let best = { start, end: start, hits: -1 };
  for (let i = 0; i < cuts.length - 1; i++) {
    for (let j = i + 1; j < cuts.length; j++) {
      const s = cuts[i]!;
      let e = cuts[j]!;
      while (e > s && /[\s,;:\u2014\u2013-]/.test(body[e - 1]!)) e--;
      if (e - s > MAX_QUOTE_CHARS) break;
      const words = body.slice(s, e).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      const hits = words.filter((w) => [...focus].some((f) => w.startsWith(f))).length + (e - s) / 10_000;
      if (hits > best.hits) best = { start: s, end: e, hits };
    }
  }
  // A single clause over the limit: fall back to whole words within it.
  if (best.hits < 0) {
    let e = start + MAX_QUOTE_CHARS;
    while (e > start && /\S/.test(body[e]!)) e--;
    while (e > start && /[\s,;:]/.test(body[e - 1]!)) e--;
    best = { start, end: e, hits: 0 };
  }
  return best;
}

const LEADING_REFERENCE = /^(?:It|This|That|These|Those|They|He|She|Such)\b/;

/**
 * The passage as a quote, joined to the sentence before it when it opens with
 * a reference ("It will be…") that the earlier sentence resolves.
 */
export function quotePassage(p: Passage, passages: readonly Passage[], focus: ReadonlySet<string>, speakerName?: string, options: { withNext?: boolean } = {}): Quote {
  let start = p.sentence.start;
  let end = p.sentence.end;
  const prev = passages[p.id - 1];
  if (LEADING_REFERENCE.test(p.sentence.text) && prev && prev.doc === p.doc && prev.sentence.paragraph === p.sentence.paragraph && p.sentence.end - prev.sentence.start <= MAX_QUOTE_CHARS) {
    start = prev.sentence.start;
  }
  // "The council chose the east quay. It has the deepest berth…": the sentence after,
  // when it goes on about the same thing, often holds the point.
  const next = passages[p.id + 1];
  if (options.withNext && next && next.doc === p.doc && next.sentence.paragraph === p.sentence.paragraph && LEADING_REFERENCE.test(next.sentence.text) && next.sentence.end - start <= MAX_QUOTE_CHARS) {
    end = next.sentence.end;
  }
  return quoteSpan(p.doc, start, end, { speaker: speakerName, focus });
}
