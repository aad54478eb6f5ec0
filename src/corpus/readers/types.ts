import type { CorpusError } from '../../errors.js';
import type { DocumentLimits } from '../limits.js';
import type { DocumentMeta } from './front-matter.js';

/** Where a page of a paginated source (PDF) is in the stored body. */
export interface PageSpan {
  /** Counts from 1. */
  number: number;
  start: number;
  end: number;
}

/** What a reader makes of one file: the text the bot stores and quotes, and what is known about it. */
export interface DocumentText {
  body: string;
  meta: DocumentMeta;
  /** A title the format itself gives (a headline, an HTML title); front matter's `title` wins. */
  title?: string;
  pages?: PageSpan[];
  /** Problems that do not stop the document from being served (a bad date, ignored). */
  problems: CorpusError[];
}

/**
 * Turns a file's bytes into a document, within the limits a reader can
 * check itself (HTML elements, PDF pages, time and text). Throws a
 * CorpusError when the file cannot be a document.
 */
export type DocumentReader = (file: string, bytes: Uint8Array, limits: DocumentLimits) => DocumentText | Promise<DocumentText>;
