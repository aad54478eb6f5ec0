/**
 * One reader per document format, chosen by file extension. The HTML and PDF
 * readers load their libraries (linkedom, Readability, pdf.js) only when a
 * corpus has such a file, so a start from a snapshot never pays for them.
 */
import { CorpusError } from '../../errors.js';
import { documentLimits, fileTooLarge, type DocumentLimits } from '../limits.js';
import { limitText } from './limit-text.js';
import { DOCUMENT_EXTENSIONS } from './formats.js';
import { readMarkdown } from './markdown.js';
import { readPlainText } from './plain-text.js';
import type { DocumentReader, DocumentText } from './types.js';

const readHtml: DocumentReader = async (file, bytes, limits) => (await import('./html.js')).readHtml(file, bytes, limits);
const readPdf: DocumentReader = async (file, bytes, limits) => (await import('./pdf.js')).readPdf(file, bytes, limits);

export const READERS: Readonly<Record<string, DocumentReader>> = {
  '.md': readMarkdown,
  '.markdown': readMarkdown,
  '.txt': readPlainText,
  '.html': readHtml,
  '.htm': readHtml,
  '.pdf': readPdf,
};

export { DOCUMENT_EXTENSIONS };

/**
 * Reads one document's bytes with the reader for its extension (".md",
 * ".html", ".pdf"...), within `limits` (see limits.ts): a file too large is
 * refused, a text too long is cut with a notice among its problems.
 */
export async function readDocument(file: string, ext: string, bytes: Uint8Array, limits: DocumentLimits = documentLimits()): Promise<DocumentText> {
  const reader = READERS[ext.toLowerCase()];
  if (!reader) throw new CorpusError({ file }, `not a document format the bot reads (${[...DOCUMENT_EXTENSIONS].join(', ')})`);
  if (bytes.length > limits.maxFileBytes) throw fileTooLarge(file, bytes.length, limits.maxFileBytes);
  return limitText(file, await reader(file, bytes, limits), limits);
}

export type { DocumentReader, DocumentText, PageSpan } from './types.js';
export type { DocumentMeta } from './front-matter.js';
