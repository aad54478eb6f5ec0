/** A document's text cut to the maxTextChars limit, at a paragraph break, with a notice saying so. */
import { CorpusNotice, type DocumentLimits } from '../limits.js';
import type { DocumentText } from './types.js';

/**
 * `body` cut to at most `maxChars` characters, at the last paragraph break
 * (else line break, else space) in the final fifth before the limit, never
 * inside a surrogate pair. Undefined when it fits.
 */
export function cutText(body: string, maxChars: number): string | undefined {
  if (body.length <= maxChars) return undefined;
  const floor = Math.floor(maxChars * 0.8);
  for (const mark of ['\n\n', '\n', ' ']) {
    const at = body.lastIndexOf(mark, maxChars - mark.length);
    if (at >= floor) return body.slice(0, at + mark.length);
  }
  return body.slice(0, /[\uD800-\uDBFF]/.test(body[maxChars - 1]!) ? maxChars - 1 : maxChars);
}

/**
 * The text within `limits.maxTextChars`: as it is when it fits, else cut,
 * with its pages ending at the cut and a notice among its problems.
 * `unfinished` says the reader already stopped early for the same limit, so
 * the notice is given even when what it read fits.
 */
export function limitText(file: string, text: DocumentText, limits: Pick<DocumentLimits, 'maxTextChars'>, unfinished = false): DocumentText {
  const cut = cutText(text.body, limits.maxTextChars);
  if (cut === undefined && !unfinished) return text;
  const body = cut ?? text.body;
  const pages = text.pages?.filter((p) => p.start < body.length).map((p) => ({ ...p, end: Math.min(p.end, body.length) }));
  const notice = new CorpusNotice(
    { file },
    `the text is longer than the maxTextChars limit of ${limits.maxTextChars.toLocaleString('en')} characters`,
    `only the first ${body.length.toLocaleString('en')} characters are kept`,
  );
  return { ...text, body, ...(pages ? { pages } : {}), problems: [...text.problems, notice] };
}
