/**
 * Reads a corpus directory's files as bytes, without parsing them: enough to
 * key a snapshot of the corpus by its contents. A file that cannot be read is
 * a problem to report, not a reason to stop; only a corpus directory that
 * cannot be opened, or holds no document at all, stops the load.
 */
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { CorpusError } from '../errors.js';
import { documentLimits, fileTooLarge, type DocumentLimits } from './limits.js';
import { DOCUMENT_EXTENSIONS } from './readers/formats.js';

export { DOCUMENT_EXTENSIONS };
const DATA_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
/** Files in a corpus directory that describe it rather than belong to it. */
const SKIPPED = new Set(['readme.md', 'license', 'license.md', 'license.txt']);
const FORMATS = [...DOCUMENT_EXTENSIONS].join(', ');

export interface RawFile {
  /** Absolute path (of the link, for a symlink). */
  path: string;
  /** Path as shown to users in messages. */
  file: string;
  /** Lower-case file name and extension. */
  name: string;
  ext: string;
  bytes: Buffer;
}

export interface RawCorpus {
  dir: string;
  /** Corpus files in a stable order (sorted by path). */
  files: RawFile[];
  /** Files that could not be read (each skipped). */
  problems: CorpusError[];
}

export function isDocumentFile(ext: string): boolean {
  return DOCUMENT_EXTENSIONS.has(ext);
}

export interface ReadOptions {
  /** Only maxFileBytes counts here: a larger file is reported and left unread. Default: see limits.ts. */
  limits?: Partial<DocumentLimits>;
}

export async function readCorpus(dir: string, options: ReadOptions = {}): Promise<RawCorpus> {
  const problems: CorpusError[] = [];
  const paths = (await listFiles(dir, problems)).filter(isCorpusFile);
  const files: RawFile[] = [];
  const read = await readAll(paths, problems, documentLimits(options.limits).maxFileBytes);
  for (const path of paths) {
    const bytes = read.get(path);
    if (bytes) files.push({ path, file: displayPath(path), name: basename(path).toLowerCase(), ext: extname(path).toLowerCase(), bytes });
  }
  if (!paths.some((p) => DOCUMENT_EXTENSIONS.has(extname(p).toLowerCase()))) throw new CorpusError({ file: dir }, `no documents found (${FORMATS})`);
  return { dir, files, problems };
}

/** A path as the user would type it: relative to the working directory when inside it. */
export function displayPath(path: string): string {
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

async function readAll(paths: string[], problems: CorpusError[], maxBytes: number): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      try {
        const read = await readAtMost(path, maxBytes);
        if ('bytes' in read) out.set(path, read.bytes);
        else problems.push(fileTooLarge(displayPath(path), read.size, maxBytes));
      } catch (error) {
        problems.push(new CorpusError({ file: displayPath(path) }, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
  return out;
}

/** The file's bytes, or its size when that is more than `maxBytes` (checked on the open file, and again after reading, for a file that grew meanwhile). */
async function readAtMost(path: string, maxBytes: number): Promise<{ bytes: Buffer } | { size: number }> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    if (size > maxBytes) return { size };
    const bytes = await file.readFile();
    return bytes.length > maxBytes ? { size: bytes.length } : { bytes };
  } finally {
    await file.close();
  }
}

/**
 * Every file under `dir`, sorted. Symbolic links are followed when they point
 * inside the corpus directory (a shared document linked into place), never
 * outside it, and a directory is walked once however many links lead to it.
 */
async function listFiles(dir: string, problems: CorpusError[]): Promise<string[]> {
  let root: string;
  try {
    if (!(await stat(dir)).isDirectory()) throw new CorpusError({ file: dir }, 'the corpus path is not a directory');
    root = await realpath(dir);
  } catch (error) {
    if (error instanceof CorpusError) throw error;
    throw new CorpusError({ file: dir }, `cannot open the corpus directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const inside = (real: string) => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
  const walked = new Set<string>([root]);
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch (error) {
      if (d === dir) throw new CorpusError({ file: d }, `cannot read the directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      problems.push(new CorpusError({ file: displayPath(d) }, `cannot read the directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`));
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) {
        const real = await realpath(p).catch(() => p);
        if (!walked.has(real)) {
          walked.add(real);
          await walk(p);
        }
      } else if (e.isFile()) out.push(p);
      else if (e.isSymbolicLink()) {
        const target = await realpath(p).catch(() => undefined);
        if (!target) {
          if (isCorpusFile(p)) problems.push(new CorpusError({ file: displayPath(p) }, 'broken symbolic link'));
          continue;
        }
        if (!inside(target)) {
          if (isCorpusFile(p) || !extname(p)) problems.push(new CorpusError({ file: displayPath(p) }, 'symbolic link to a path outside the corpus directory'));
          continue;
        }
        const info = await lstat(target).catch(() => undefined);
        if (info?.isFile()) out.push(p);
        else if (info?.isDirectory() && !walked.has(target)) {
          walked.add(target);
          await walk(p);
        }
      }
    }
  };
  await walk(dir);
  return out;
}
