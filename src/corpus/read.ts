/**
 * Reads a corpus directory's files as text, without parsing them: enough to
 * know whether a saved snapshot of the corpus still matches it.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import { CorpusError } from '../errors.js';

export const DOCUMENT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
const DATA_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
/** Files in a corpus directory that describe it rather than belong to it. */
const SKIPPED = new Set(['readme.md', 'license', 'license.md', 'license.txt']);

export interface RawFile {
  /** Absolute path. */
  path: string;
  /** Path as shown to users in messages. */
  file: string;
  /** Lower-case file name and extension. */
  name: string;
  ext: string;
  text: string;
}

export interface RawCorpus {
  dir: string;
  /** Corpus files in a stable order (sorted by path). */
  files: RawFile[];
}

export interface CorpusFileStat {
  path: string;
  size: number;
  mtimeMs: number;
}

/** The corpus files with their size and modification time, without reading them: enough to key a snapshot. */
export async function statCorpus(dir: string): Promise<CorpusFileStat[]> {
  const paths = (await listFiles(dir)).filter(isCorpusFile);
  return Promise.all(paths.map(async (path) => {
    const info = await stat(path);
    return { path, size: info.size, mtimeMs: info.mtimeMs };
  }));
}

export async function readCorpus(dir: string): Promise<RawCorpus> {
  const paths = (await listFiles(dir)).filter(isCorpusFile);
  const texts = await readAll(paths);
  const files = paths.map((path) => ({ path, file: displayPath(path), name: basename(path).toLowerCase(), ext: extname(path).toLowerCase(), text: texts.get(path)! }));
  if (!files.some((f) => DOCUMENT_EXTENSIONS.has(f.ext))) throw new CorpusError({ file: dir }, 'no documents found (.md, .markdown or .txt)');
  return { dir, files };
}

/** A path as the user would type it: relative to the working directory when inside it. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** Documents and data files; descriptions (README) and hidden files are not part of the corpus. */
function isCorpusFile(path: string): boolean {
  const name = basename(path).toLowerCase();
  const ext = extname(path).toLowerCase();
  return !SKIPPED.has(name) && !name.startsWith('.') && (DOCUMENT_EXTENSIONS.has(ext) || DATA_EXTENSIONS.has(ext));
}

const READ_CONCURRENCY = 32;

async function readAll(paths: string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      texts.set(path, await readText(path, displayPath(path)));
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
  return texts;
}

async function readText(path: string, file: string): Promise<string> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    throw new CorpusError({ file }, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buffer);
  if (text.includes('\uFFFD') && !buffer.includes(Buffer.from('\uFFFD'))) {
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    throw new CorpusError({ file, line }, 'not valid UTF-8 text');
  }
  return text;
}

async function listFiles(dir: string): Promise<string[]> {
  let info;
  try {
    info = await stat(dir);
  } catch (error) {
    throw new CorpusError({ file: dir }, `cannot open the corpus directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!info.isDirectory()) throw new CorpusError({ file: dir }, 'the corpus path is not a directory');
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch (error) {
      throw new CorpusError({ file: d }, `cannot read the directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  await walk(dir);
  return out;
}
