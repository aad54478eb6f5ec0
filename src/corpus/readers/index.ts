/** One reader per document format, chosen by file extension. */
import { CorpusError } from '../../errors.js';
import { readHtml } from './html.js';
import { readMarkdown } from './markdown.js';
import { readPdf } from './pdf.js';
import { readPlainText } from './plain-text.js';
import type { DocumentReader, DocumentText } from './types.js';

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

/** Reads one document's bytes with the reader for its extension (".md", ".html", ".pdf"...). */
export async function readDocument(file: string, ext: string, bytes: Uint8Array): Promise<DocumentText> {
  const reader = READERS[ext.toLowerCase()];
  if (!reader) throw new CorpusError({ file }, `not a document format the bot reads (${[...DOCUMENT_EXTENSIONS].join(', ')})`);
  return reader(file, bytes);
}
