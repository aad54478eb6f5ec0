/**
 * What one document may cost to read. A corpus is whatever lands in a
 * folder: a page nested a hundred thousand levels deep, a PDF whose pages
 * all draw one huge content stream, a 50 MB log. Each of these must cost a
 * bounded time and memory, then be skipped or cut with one warning, while
 * the rest of the corpus serves.
 */
import { CorpusError, type CorpusLocation } from '../errors.js';

export interface DocumentLimits {
  /** Largest document file read, in bytes; a larger one is skipped unread. Default 64 MiB. */
  maxFileBytes: number;
  /**
   * Most characters of text kept per document (the body quotes come from);
   * a longer text is cut at the last paragraph break before the limit. It
   * bounds everything after reading: sentences, index, snapshot. Default
   * 2,000,000 (a book of about 700 pages).
   */
  maxTextChars: number;
  /**
   * Most elements (start tags) in an HTML page; a page with more is skipped
   * before it is parsed. Default 100,000 (a long encyclopedia article has
   * about 30,000; parsing and reading 80,000 take a few seconds).
   */
  maxHtmlElements: number;
  /** PDF pages read; the rest are left out with a warning. Default 2,000. */
  maxPdfPages: number;
  /**
   * Largest a PDF's compressed page content (or object) stream may inflate
   * to, in bytes; a PDF with a larger one is skipped before pdf.js reads it.
   * pdf.js inflates a page's content whole and needs several times its size
   * to read it (a 32 MiB stream took 550 MB): this bounds that memory.
   * Default 16 MiB (a dense page of text is well under 1 MiB).
   */
  maxPdfStreamBytes: number;
  /**
   * Longest a PDF may take to read, in milliseconds; past it the document is
   * skipped. Checked as its text arrives and between pages (pdf.js reads a
   * page without giving way, so a page that draws no text is checked when it
   * is done). Default 30,000.
   */
  maxPdfMs: number;
}

export const DEFAULT_DOCUMENT_LIMITS: Readonly<DocumentLimits> = Object.freeze({
  maxFileBytes: 64 * 1024 * 1024,
  maxTextChars: 2_000_000,
  maxHtmlElements: 100_000,
  maxPdfPages: 2_000,
  maxPdfStreamBytes: 16 * 1024 * 1024,
  maxPdfMs: 30_000,
});

/** The defaults with `overrides` on top; a limit that is not a positive whole number is a programming error. */
export function documentLimits(overrides: Partial<DocumentLimits> = {}): DocumentLimits {
  const limits = { ...DEFAULT_DOCUMENT_LIMITS };
  for (const [key, value] of Object.entries(overrides) as [keyof DocumentLimits, number | undefined][]) {
    if (value === undefined) continue;
    if (!(key in DEFAULT_DOCUMENT_LIMITS)) throw new TypeError(`unknown document limit "${key}"`);
    if (!Number.isSafeInteger(value) || value < 1) throw new TypeError(`document limit ${key} must be a positive whole number`);
    limits[key] = value;
  }
  return limits;
}

/** A problem that does not stop a document from serving, with what was done about it. */
export class CorpusNotice extends CorpusError {
  /** What was done about it, as the warning line says ("only the first 2,000,000 characters are kept"). */
  readonly consequence: string;
  constructor(location: CorpusLocation, problem: string, consequence: string) {
    super(location, problem);
    this.consequence = consequence;
  }
}

/** The error for a document file over maxFileBytes. */
export function fileTooLarge(file: string, size: number, maxBytes: number): CorpusError {
  return new CorpusError({ file }, `the file is ${bytesInWords(size)}, more than the maxFileBytes limit of ${bytesInWords(maxBytes)}`);
}

export function bytesInWords(n: number): string {
  const [value, unit] = n >= 1024 * 1024 ? [n / 1024 / 1024, 'MiB'] : n >= 1024 ? [n / 1024, 'KiB'] : [n, 'bytes'];
  return `${value.toLocaleString('en', { maximumFractionDigits: 1 })} ${unit}`;
}
