/**
 * The date a document was written, the anchor of its relative dates: the
 * front matter's `published` (a Date, YYYY-MM-DD or a datetime), a date in
 * the file name, or the first full date of its opening lines (a dateline, a
 * "Date:" line, a byline).
 */
import { basename } from 'node:path';
import type { CorpusDocument } from '../corpus/document.js';
import { dateOrderOf, findDates, type DateOrder } from './dates.js';

export interface DocumentDates {
  reference?: string;
  order?: DateOrder;
}

function fromValue(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') {
    const m = /^(\d{4}-\d\d-\d\d)/.exec(value.trim());
    if (m) return m[1];
  }
  return undefined;
}

/** Dates a document states about itself, without looking at the rest of the corpus. */
export function ownDates(doc: CorpusDocument, corpusReference?: string): DocumentDates {
  const order = dateOrderOf(doc.body.length > 20_000 ? doc.body.slice(0, 20_000) : doc.body);
  const meta = doc.meta as Record<string, unknown>;
  const fromMeta = fromValue(meta.published) ?? fromValue(meta.date);
  if (fromMeta) return { reference: fromMeta, ...(order ? { order } : {}) };
  const fromName = /(?:^|\D)((?:19|20)\d\d-[01]\d-[0-3]\d)(?:\D|$)/.exec(basename(doc.file));
  if (fromName) return { reference: fromName[1], ...(order ? { order } : {}) };
  for (const s of doc.sentences.slice(0, 6)) {
    const full = findDates(s.text, { ...(order ? { order } : {}), ...(corpusReference ? { corpusReference, reference: undefined } : {}) }).find((d) => /^\d{4}-\d\d-\d\d$/.test(d.when) && !d.relative);
    if (full) return { reference: full.when, ...(order ? { order } : {}) };
  }
  return order ? { order } : {};
}

/** The middle date of the documents that have one: a fallback anchor for the others. */
export function corpusReference(dates: (string | undefined)[]): string | undefined {
  const known = dates.filter((d): d is string => !!d).sort();
  return known.length ? known[Math.floor(known.length / 2)] : undefined;
}

/** A dateline without a year ("LISBON, March 3 (CPS)") takes the year of the corpus's dates. */
export function datelineDate(doc: CorpusDocument, corpusRef: string | undefined): string | undefined {
  if (!corpusRef) return undefined;
  for (const s of doc.sentences.slice(0, 4)) {
    const d = findDates(s.text, { reference: corpusRef }).find((x) => /^\d{4}-\d\d-\d\d$/.test(x.when) && x.start < 40);
    if (d && /^[\p{Lu}\s.,'-]{3,40},\s/u.test(s.text)) return d.when;
  }
  return undefined;
}
