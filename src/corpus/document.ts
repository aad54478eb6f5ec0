/**
 * One corpus document: the text a reader extracted from its file (the body
 * the bot quotes from, kept exactly), what is known about it, and its
 * paragraphs and sentences. Light on purpose: the answer path imports it, so
 * it never imports a reader (YAML, zod, DOM or PDF libraries).
 */
import { basename, extname } from 'node:path';
import { CorpusError } from '../errors.js';
import { segmentDocument, type Paragraph, type Sentence } from '../text/segment.js';
import type { DocumentMeta } from './readers/front-matter.js';
import type { DocumentText, PageSpan } from './readers/types.js';

export interface CorpusDocument {
  id: string;
  title: string;
  /** Path of the file, as given to the loader. */
  file: string;
  meta: DocumentMeta;
  body: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  /** For paginated sources (PDF): where each page is in the body. */
  pages?: PageSpan[];
}

/** A document from what its reader extracted. Throws a CorpusError when there is no text to serve. */
export function buildDocument(file: string, text: DocumentText): CorpusDocument {
  const { body, meta } = text;
  if (!/[\p{L}\p{N}]/u.test(body)) throw new CorpusError({ file, field: 'body' }, 'the document has no text');
  const { paragraphs, sentences } = segmentDocument(body, meta.paragraphs ?? 'auto');
  return {
    id: meta.id ?? slug(basename(file, extname(file))),
    title: meta.title ?? text.title ?? basename(file, extname(file)),
    file,
    meta,
    body,
    paragraphs,
    sentences,
    ...(text.pages?.length ? { pages: text.pages } : {}),
  };
}

/** The page (from 1) holding a body offset, for documents that have pages. */
export function pageAt(doc: { pages?: readonly PageSpan[] }, offset: number): number | undefined {
  const pages = doc.pages;
  if (!pages?.length) return undefined;
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (pages[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return pages[lo]!.number;
}

export function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'document'
  );
}

export { paragraphAt } from '../text/segment.js';
