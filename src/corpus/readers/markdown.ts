/** `.md` / `.markdown`: any front matter, then the body exactly as written. */
import { CorpusError } from '../../errors.js';
import { buildDocument, type CorpusDocument } from '../document.js';
import { decodeText } from './decode.js';
import { readFrontMatter } from './front-matter.js';
import type { DocumentText } from './types.js';

export function readMarkdown(file: string, bytes: Uint8Array): DocumentText {
  return markdownFromText(file, decodeText(file, bytes));
}

export function markdownFromText(file: string, text: string): DocumentText {
  const { meta, bodyStart, problems } = readFrontMatter(file, text);
  const body = text.slice(bodyStart);
  const pages = meta.pages?.filter((start) => start < body.length).map((start, i, all) => ({ number: i + 1, start, end: all[i + 1] ?? body.length }));
  return { body, meta, title: firstHeading(body), problems, ...(pages?.length ? { pages } : {}) };
}

function firstHeading(body: string): string | undefined {
  const m = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(body);
  return m?.[1]?.trim() || undefined;
}

/** A Markdown document from its text; any problem with its front matter is an error. */
export function parseDocument(file: string, text: string): CorpusDocument {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (source.includes('\u0000')) throw new CorpusError({ file }, 'not a text file (it contains NUL bytes)');
  const read = markdownFromText(file, source);
  if (read.problems[0]) throw read.problems[0];
  return buildDocument(file, read);
}

