/**
 * A look at a PDF's compressed streams before pdf.js reads it. pdf.js
 * inflates a page's content stream whole before it reads a word of it, so a
 * few hundred kilobytes of deflated operators can ask for gigabytes of
 * memory (deflate shrinks repetition about a thousand times). Here each
 * Flate stream is inflated once by zlib, which stops at the limit, and the
 * first that would pass it is reported. Images and attached files are left
 * alone (reading text never inflates them), and so are embedded fonts (a
 * font for Chinese or Japanese text inflates to 15 MB or more; pdf.js
 * reads each once, however many pages use it).
 *
 * Only streams whose first filter is FlateDecode are measured (a chain such
 * as [/ASCII85Decode /FlateDecode] is not); for the others, maxPdfMs still
 * bounds what reading costs.
 */
import { inflateSync } from 'node:zlib';

/** `stream` and its end of line, not the end of `endstream`. */
const STREAM_START = /(?<![A-Za-z])stream\r?\n/g;
/** How far before `stream` its dictionary may start. */
const DICTIONARY_REACH = 4096;

/**
 * The offset of the first stream that inflates to more than `maxBytes`,
 * or undefined when none does. `between` runs after each stream measured
 * (a clock check that may throw).
 */
export function oversizedStream(bytes: Uint8Array, maxBytes: number, between: () => void = () => undefined): number | undefined {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  STREAM_START.lastIndex = 0;
  for (let m = STREAM_START.exec(text); m; m = STREAM_START.exec(text)) {
    const objectStart = text.lastIndexOf(' obj', m.index);
    if (objectStart < 0 || m.index - objectStart > DICTIONARY_REACH) continue;
    const dictionary = text.slice(objectStart, m.index);
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    STREAM_START.lastIndex = end;
    if (!/\/Filter\s*\[?\s*\/FlateDecode\b/.test(dictionary) || /\/Subtype\s*\/(?:Image|Type1C|CIDFontType0C|OpenType)\b|\/Type\s*\/EmbeddedFile\b|\/Length[123]\b/.test(dictionary)) continue;
    try {
      inflateSync(bytes.subarray(start, end), { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return start;
      // Damaged data is pdf.js's to judge (it mends what it can).
    }
    between();
  }
  return undefined;
}
