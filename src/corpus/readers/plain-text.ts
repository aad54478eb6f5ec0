/** `.txt`: front matter when there is one; a headline on the first line becomes the title. */
import { decodeText } from './decode.js';
import { readFrontMatter } from './front-matter.js';
import type { DocumentText } from './types.js';

export function readPlainText(file: string, bytes: Uint8Array): DocumentText {
  const text = decodeText(file, bytes);
  const { meta, bodyStart, problems } = readFrontMatter(file, text);
  const body = text.slice(bodyStart);
  return { body, meta, title: headline(body), problems };
}

/**
 * The first line, when it reads as a headline: followed by a blank line,
 * short, and not ending like a sentence (a period, colon or comma).
 */
export function headline(body: string): string | undefined {
  const m = /^[ \t]*(\S[^\n]*?)[ \t]*\r?\n[ \t]*\r?\n/.exec(body.replace(/^\s*\n/, ''));
  const line = m?.[1];
  if (!line || line.length > 160 || /[.,;:]$/.test(line) || !/\p{L}/u.test(line)) return undefined;
  return line.replace(/^#{1,6}\s+/, '');
}
