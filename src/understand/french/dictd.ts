/**
 * Reads a dictionary in the dictd format, as FreeDict's Debian packages
 * install it (/usr/share/dictd/NAME.index and NAME.dict.dz): the index gives
 * each headword's offset and length in base 64, the dictionary (gzip
 * compatible) holds entries like
 *
 *   abaisser /abɛse/ <v>
 *   1. cry down, cut up, demolish
 *   2. abase
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface DictEntry {
  /** As the dictionary writes it ("abat-jour", "être en colère"). */
  headword: string;
  /** Part of speech, when given: "n", "v", "adj", "adv"... */
  pos?: string;
  /** Translations, sense by sense, in the dictionary's order. */
  senses: string[][];
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64Number(text: string): number {
  let n = 0;
  for (const ch of text) {
    const digit = B64.indexOf(ch);
    if (digit < 0) return NaN;
    n = n * 64 + digit;
  }
  return n;
}

/** The files of dictionary `name` in `dir`, or undefined when it is not installed there. */
export function dictdFiles(dir: string, name: string): { index: string; dict: string } | undefined {
  const index = join(dir, `${name}.index`);
  const dict = [join(dir, `${name}.dict.dz`), join(dir, `${name}.dict`)].find((f) => existsSync(f));
  return existsSync(index) && dict ? { index, dict } : undefined;
}

/**
 * Every entry of a dictd dictionary, at most `maxEntries`. Throws with the
 * file and line when the index is not a dictd index.
 */
export function readDictd(files: { index: string; dict: string }, maxEntries = Infinity): DictEntry[] {
  const raw = readFileSync(files.dict);
  const body = files.dict.endsWith('.dz') ? gunzipSync(raw) : raw;
  const lines = readFileSync(files.index, 'utf8').split('\n');
  const seen = new Set<number>();
  const out: DictEntry[] = [];
  for (const [n, line] of lines.entries()) {
    if (!line || line.startsWith('00database') || line.startsWith('00-database')) continue;
    const [, offsetText, lengthText] = line.split('\t');
    const offset = base64Number(offsetText ?? '');
    const length = base64Number(lengthText ?? '');
    if (!Number.isFinite(offset) || !Number.isFinite(length) || offset + length > body.length) {
      throw new Error(`${files.index}, line ${n + 1}: not a dictd index line (headword, offset, length in base 64)`);
    }
    if (seen.has(offset)) continue;
    seen.add(offset);
    const entry = parseEntry(body.subarray(offset, offset + length).toString('utf8'));
    if (entry) out.push(entry);
    if (out.length >= maxEntries) break;
  }
  return out;
}

/** One entry's text: the headword line, then one line per sense. */
export function parseEntry(text: string): DictEntry | undefined {
  const [head, ...rest] = text.split('\n');
  if (!head) return undefined;
  // "headword /ipa/ <pos>": the pronunciation and the part of speech are optional.
  const slash = head.indexOf(' /');
  const angle = head.indexOf(' <');
  const end = Math.min(...[slash, angle, head.length].filter((n) => n >= 0));
  const headword = head.slice(0, end).trim();
  if (!headword) return undefined;
  const close = angle >= 0 ? head.indexOf('>', angle) : -1;
  const senses = rest
    .map((l) => l.replace(/^\s*\d+\.\s*/, '').replace(/\([^)]*\)/g, '').trim())
    .filter((l) => l.length > 0)
    .map((l) => l.split(/\s*[,;]\s*/).map((w) => w.trim()).filter((w) => w.length > 0 && w.length <= 40));
  if (!senses.length) return undefined;
  const pos = close > angle ? head.slice(angle + 2, close).split(',')[0]?.trim() : undefined;
  return { headword, ...(pos ? { pos } : {}), senses };
}
