/** One reader per document format, chosen by file extension. */
import { readHtml } from './html.js';
import { readMarkdown } from './markdown.js';
import { readPdf } from './pdf.js';
import { readPlainText } from './plain-text.js';
import type { DocumentReader } from './types.js';

export const READERS: Readonly<Record<string, DocumentReader>> = {
  '.md': readMarkdown,
  '.markdown': readMarkdown,
  '.txt': readPlainText,
  '.html': readHtml,
  '.htm': readHtml,
  '.pdf': (file, bytes) => readPdf(file, bytes),
};

export const DOCUMENT_EXTENSIONS: ReadonlySet<string> = new Set(Object.keys(READERS));

export type { DocumentReader, DocumentText, PageSpan } from './types.js';
export type { DocumentMeta } from './front-matter.js';
