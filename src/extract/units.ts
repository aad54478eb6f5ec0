/**
 * The sentences extraction reads: the document's own sentences, re-joined
 * where they were cut after an abbreviation ("Dr." | "Noor Castellan",
 * "approx." | "$3.5 billion") and cut where one holds several table rows or
 * list lines. Offsets stay those of the body, so quotes stay exact slices.
 */
import type { CorpusDocument } from '../corpus/document.js';
import type { Sentence } from '../text/segment.js';

// Abbreviations after which a sentence rarely ends.
const TITLE_END = /(?:^|[\s(])(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Sen|Rep|Gov|Gen|Lt|Col|Capt|Rev|Hon|Messrs)\.$/;
const SOFT_END = /(?:^|[\s(])(?:approx|e\.g|i\.e|etc|vs|cf|incl|esp|est|no|nos|fig|p|pp|para|art|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Ltd|Corp|Co|Bros|(?:\p{Lu}\.){1,3}\p{Lu})\.$/iu;
const LINE_ITEM = /^\s*(?:\||[-*+•]\s|\d+[.)]\s)/;
/** Longest text read as one sentence: longer runs (a 10 MB line) are read in windows, so work per sentence stays bounded. */
export const MAX_UNIT_CHARS = 1000;

/** Sentences of a document for extraction, in order. */
export function extractionSentences(doc: CorpusDocument): Sentence[] {
  const out: Sentence[] = [];
  for (const s of doc.sentences) {
    const prev = out[out.length - 1];
    if (prev && prev.paragraph === s.paragraph && prev.end - prev.start + s.end - s.start < MAX_UNIT_CHARS && joins(prev.text, s.text)) {
      const text = doc.body.slice(prev.start, s.end);
      out[out.length - 1] = { ...prev, end: s.end, text };
      continue;
    }
    out.push({ ...s });
  }
  return out.flatMap((s) => (s.text.includes('\n') ? splitLines(doc.body, s) : [s])).flatMap((s) => (s.end - s.start > MAX_UNIT_CHARS ? windows(doc.body, s) : [s]));
}

/** Cuts an over-long sentence at clause or word boundaries into pieces of at most MAX_UNIT_CHARS. */
function windows(body: string, s: Sentence): Sentence[] {
  const out: Sentence[] = [];
  let start = s.start;
  while (start < s.end) {
    let end = Math.min(s.end, start + MAX_UNIT_CHARS);
    if (end < s.end) {
      const text = body.slice(start, end);
      const cut = Math.max(text.lastIndexOf(', '), text.lastIndexOf('; '));
      const space = text.lastIndexOf(' ');
      if (cut > MAX_UNIT_CHARS / 2) end = start + cut + 1;
      else if (space > MAX_UNIT_CHARS / 2) end = start + space;
    }
    let from = start;
    while (from < end && /\s/.test(body[from]!)) from++;
    if (end > from) out.push({ ...s, start: from, end, text: body.slice(from, end), indexInParagraph: s.indexInParagraph + out.length });
    start = end;
  }
  return out;
}

// "- **Harbour.**" cut off from the text it heads.
const RUN_IN_HEADING = /(?:^|\n)\s*(?:[-*+•]\s+)?\*\*[^*\n]{1,60}\*\*\s*$/;

function joins(prev: string, next: string): boolean {
  if (RUN_IN_HEADING.test(prev) && !/^\s*(?:[-*+•]\s|\d+[.)]\s|#)/.test(next)) return true;
  // "**Harbour." | "** The access programme: ...": a bold run-in heading split at its full stop.
  if (/^\*\*/.test(next) && (prev.match(/\*\*/g) ?? []).length % 2 === 1) return true;
  if (TITLE_END.test(prev)) return /^\p{Lu}/u.test(next);
  // "approx. $3.5 billion", "Feb. 12", "e.g. climate": the next part goes on the same sentence.
  if (SOFT_END.test(prev)) return /^[\p{Ll}\p{N}€$£(]/u.test(next) || /(?:approx|e\.g|i\.e|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/i.test(prev) && /^\d/.test(next);
  return false;
}

/** One sentence per table row or list line when the sentence spans several. */
function splitLines(body: string, s: Sentence): Sentence[] {
  const lines = [...s.text.matchAll(/[^\n]+/g)];
  if (lines.length < 2 || !lines.slice(1).some((l) => LINE_ITEM.test(l[0]))) return [s];
  const out: Sentence[] = [];
  for (const l of lines) {
    let start = s.start + l.index;
    let end = start + l[0].length;
    const lead = /^\s*(?:[-*+•]\s+|\d+[.)]\s+)?/.exec(l[0])![0].length;
    start += lead;
    while (end > start && /\s/.test(body[end - 1]!)) end--;
    const text = body.slice(start, end);
    if (!/[\p{L}\p{N}]/u.test(text) || /^\|?[\s|:-]+\|?$/.test(text)) continue;
    out.push({ ...s, start, end, text, indexInParagraph: s.indexInParagraph + out.length });
  }
  return out.length ? out : [s];
}
