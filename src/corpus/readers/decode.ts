/** Bytes of a text document as a string, refusing what is not UTF-8 text. */
import { CorpusError } from '../../errors.js';

export function decodeText(file: string, bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new CorpusError({ file }, 'not a text file (it contains NUL bytes)');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\uFFFD') && !Buffer.from(bytes).includes(Buffer.from('\uFFFD'))) {
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    throw new CorpusError({ file, line }, 'not valid UTF-8 text');
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
