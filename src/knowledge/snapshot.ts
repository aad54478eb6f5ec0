/**
 * Snapshots of built Knowledge, so a large corpus starts in a fraction of the
 * time it takes to segment, annotate and index it. A snapshot is keyed by the
 * corpus files' paths and contents, the engine's own code and the locked
 * dependency versions (package-lock.json): change any and the snapshot no
 * longer matches, and is rebuilt.
 *
 * A snapshot is never trusted blindly, since the bot quotes from it:
 * - Each file starts with a header line holding its key and an HMAC-SHA-256
 *   of the rest, under a secret key kept beside the snapshots but never in
 *   one (KEY_FILE, below). The header is checked as bytes before anything is
 *   decoded; a snapshot edited or made elsewhere fails, is ignored with one
 *   warning line, and is rebuilt.
 * - Even a snapshot that passes cannot put words in a document's mouth: the
 *   text of every Markdown and plain-text document is checked against the
 *   file as read now (the snapshot holds where its body starts in that text).
 *   HTML and PDF bodies are what the readers extracted from the very bytes
 *   the key names; they are covered by the MAC.
 * Files are private to the user (mode 0600), written atomically (temporary
 * name, then rename); only the most recent few are kept, and temporary files
 * left by a crashed process are removed.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, closeSync, constants, existsSync, fstatSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawCorpus, RawFile } from '../corpus/read.js';
import { decodeText } from '../corpus/readers/decode.js';
import { decodeKnowledge, encodeKnowledge } from './knowledge-codec.js';
import type { Knowledge } from './knowledge.js';

export interface SnapshotOptions {
  /** Directory for snapshot files and their key. Default: node_modules/.cache/summit-qa in the project. */
  dir?: string;
  /** Snapshots kept; older ones are deleted. Default 8. */
  keep?: number;
  /** Temporary files older than this are removed when their writer is gone. Default 10 minutes. */
  staleTemporaryMs?: number;
  /** Told, in one line, when a snapshot is ignored because it fails verification. Default: the line on stderr. */
  onWarning?: (line: string) => void;
}

/** What a snapshot is for: the corpus as read now, and the name of its snapshot file. */
export interface SnapshotKey {
  /** A hash of the corpus files' paths and bytes, what was skipped, and the engine. */
  readonly id: string;
  /** The corpus files as read now: the texts a snapshot's documents are checked against. */
  readonly files: readonly Pick<RawFile, 'path' | 'file' | 'ext' | 'bytes'>[];
}

/** Bump when the shape of StoredKnowledge or of the file changes. */
const FORMAT = 4;
const SUFFIX = '.snapshot';
const TEMPORARY = /\.snapshot\.(\d+)\.tmp$/;
const MAGIC = 'summit-qa-snapshot';
/** Formats whose document body is the file's own text (after any front matter), so it can be checked against the file. */
const TEXT_FORMATS = new Set(['.md', '.markdown', '.txt']);

/** The project root, whether this runs from src/ or from its compiled copy in dist/. */
function projectRoot(): string {
  const fromSource = fileURLToPath(new URL('../../', import.meta.url));
  return existsSync(join(fromSource, 'package.json')) ? fromSource : fileURLToPath(new URL('../../../', import.meta.url));
}

/** node_modules/.cache/summit-qa in the project. */
export function defaultSnapshotDir(): string {
  return join(projectRoot(), 'node_modules', '.cache', 'summit-qa');
}

let codeHash: string | undefined;

/**
 * A hash of the engine's own files under `srcDir` (.ts and .js) and of the
 * project's package-lock.json and package.json in `root`, so a change to the
 * code or to any locked dependency version invalidates snapshots.
 */
export function engineFingerprint(srcDir: string, root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(?:ts|js)$/.test(name)) hash.update(name).update(readFileSync(path));
    }
  };
  walk(srcDir);
  for (const name of ['package-lock.json', 'package.json']) {
    try {
      hash.update(`\0${name}\0`).update(readFileSync(join(root, name)));
    } catch {
      hash.update(`\0no ${name}\0`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}

function engineCodeHash(): string {
  return (codeHash ??= engineFingerprint(fileURLToPath(new URL('../', import.meta.url)), projectRoot()));
}

/** The key of a corpus as read: its directory, every file's path and a hash of its bytes, and the engine. */
export function snapshotKey(dir: string, raw: Pick<RawCorpus, 'files' | 'problems'>, limits: Readonly<Record<string, number>> = {}): SnapshotKey {
  // The reading limits shape what is stored: an index built under other limits is another index.
  const hash = createHash('sha256').update(`format ${FORMAT}\0engine ${engineCodeHash()}\0${dir}\0limits ${JSON.stringify(Object.entries(limits).sort())}\0`);
  for (const f of raw.files) hash.update(`${f.path}\0${f.bytes.length}\0`).update(f.bytes).update('\0');
  for (const p of raw.problems) hash.update(`problem ${p.message}\0`);
  return { id: hash.digest('hex').slice(0, 32), files: raw.files };
}

/** A snapshot file's opening line: what it is, its key, and an HMAC of the bytes after it under the secret key. */
function header(id: string, payload: Buffer, secret: Buffer): string {
  const mac = createHmac('sha256', secret).update(`${MAGIC}\0${FORMAT}\0${id}\0${payload.length}\0`).update(payload).digest('hex');
  return JSON.stringify({ magic: MAGIC, format: FORMAT, key: id, hmac: mac, bytes: payload.length });
}

/**
 * Where each document's body comes from, in the order of the documents: the
 * file's absolute path and, for text formats, the offset of the body in the
 * file's text. Stored on the snapshot's second line.
 */
type Sources = { path: string; at?: number }[];

/** The sources of built documents, or a reason they cannot be tied to the files as read. */
function sourcesOf(knowledge: Knowledge, files: SnapshotKey['files']): Sources | string {
  const byFile = new Map(files.map((f) => [f.file, f]));
  const sources: Sources = [];
  for (const doc of knowledge.corpus.documents) {
    const raw = byFile.get(doc.file);
    if (!raw) return `${doc.file} is not among the files read`;
    if (!TEXT_FORMATS.has(raw.ext)) {
      sources.push({ path: raw.path });
      continue;
    }
    const at = decodeText(raw.file, raw.bytes).indexOf(doc.body);
    if (at < 0) return `the text of ${doc.file} is not in the file`;
    sources.push({ path: raw.path, at });
  }
  return sources;
}

/** Why the documents do not match the files as read now, or undefined when every text is there, where the snapshot says. */
function checkAgainstFiles(knowledge: Knowledge, sources: Sources, files: SnapshotKey['files']): string | undefined {
  const documents = knowledge.corpus.documents;
  if (!Array.isArray(sources) || sources.length !== documents.length) return 'its document list does not match';
  const byPath = new Map(files.map((f) => [f.path, f]));
  for (const [i, doc] of documents.entries()) {
    const raw = byPath.get(String(sources[i]?.path));
    if (!raw) return `${doc.file} is not in the corpus`;
    if (!TEXT_FORMATS.has(raw.ext)) continue;
    const at = sources[i]!.at;
    let text: string;
    try {
      text = decodeText(raw.file, raw.bytes);
    } catch {
      return `${raw.file} is not readable text`;
    }
    if (typeof at !== 'number' || !text.startsWith(doc.body, at)) return `the text of ${raw.file} differs from the file`;
  }
  return undefined;
}

const stderrLine = (line: string) => void process.stderr.write(`${line}\n`);

/**
 * The stored Knowledge for this key, or undefined when there is none, or it
 * fails verification (then with one warning line): a header or HMAC that does
 * not match (edited, truncated, foreign, or no key to check it with), or a
 * document text that is not the file's as read now.
 */
export function loadSnapshot(key: SnapshotKey, options: SnapshotOptions = {}): Knowledge | undefined {
  const dir = options.dir ?? defaultSnapshotDir();
  const path = join(dir, `${key.id}${SUFFIX}`);
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  const ignore = (reason: string) => {
    // Control characters in a file name are shown escaped, so a name cannot start a line of its own.
    const line = `snapshot ${path} ignored (${reason}); rebuilding the index`.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
    (options.onWarning ?? stderrLine)(line);
    return undefined;
  };
  const secret = readSnapshotKey(dir);
  if (!(secret instanceof Buffer)) return ignore(`no key to verify it: ${secret}`);
  // Checked as bytes, before any decoding: hashing the buffer is cheaper than re-encoding a 40 MB string.
  const newline = file.indexOf(10);
  if (newline < 0) return ignore('no header');
  const payload = file.subarray(newline + 1);
  const expected = Buffer.from(header(key.id, payload, secret));
  const found = file.subarray(0, newline);
  if (found.length !== expected.length || !timingSafeEqual(found, expected)) return ignore('its header or HMAC does not match');
  let knowledge: Knowledge;
  let sources: Sources;
  try {
    const split = payload.indexOf(10);
    sources = JSON.parse(payload.toString('utf8', 0, split)) as Sources;
    knowledge = decodeKnowledge(payload.toString('utf8', split + 1));
  } catch {
    return ignore('it cannot be decoded');
  }
  const mismatch = checkAgainstFiles(knowledge, sources, key.files);
  return mismatch ? ignore(mismatch) : knowledge;
}

/** Saves Knowledge under its key; failures (read-only disk) are ignored: a snapshot is only a speed-up. */
export function saveSnapshot(key: SnapshotKey, knowledge: Knowledge, options: SnapshotOptions = {}): boolean {
  const dir = options.dir ?? defaultSnapshotDir();
  const path = join(dir, `${key.id}${SUFFIX}`);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const sources = sourcesOf(knowledge, key.files);
    if (typeof sources === 'string') return false; // documents not from these files: nothing to tie a snapshot to
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const secret = snapshotSecret(dir);
    const payload = Buffer.from(`${JSON.stringify(sources)}\n${encodeKnowledge(knowledge)}`, 'utf8');
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${header(key.id, payload, secret)}\n`), payload]), { mode: 0o600 });
    chmodSync(temporary, 0o600); // the mode is masked by umask on creation, and ignored when the file already existed
    renameSync(temporary, path);
    prune(dir, options.keep ?? 8, options.staleTemporaryMs ?? 10 * 60_000);
    return true;
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
    return false;
  }
}

/**
 * The secret key's file in the snapshot directory: 32 random bytes, made on
 * the first save. A file beside the snapshots rather than a secret derived
 * from something: nothing the bot can read is hidden from its own user, and
 * a key under the user's home would be user data that tests must not write.
 * What it stops is anyone who can write snapshot files without having this
 * key: a snapshot edited in place or brought from another checkout or machine,
 * or one planted in a cache folder others can write to (a key they plant is
 * refused, below).
 */
export const KEY_FILE = 'snapshot.key';
const KEY_BYTES = 32;
const POSIX = process.platform !== 'win32';

/**
 * The secret key, or why there is none to trust: it must be a regular file
 * (not a link), owned by the user running the bot, with no access for group
 * or others. A key someone else could have planted or read is no key.
 */
export function readSnapshotKey(dir: string): Buffer | string {
  let fd: number;
  try {
    fd = openSync(join(dir, KEY_FILE), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `${KEY_FILE} is missing` : code === 'ELOOP' ? `${KEY_FILE} is a link` : `${KEY_FILE} cannot be read (${code ?? 'error'})`;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return `${KEY_FILE} is not a file`;
    if (POSIX && process.getuid && stat.uid !== process.getuid()) return `${KEY_FILE} belongs to another user`;
    if (POSIX && stat.mode & 0o077) return `${KEY_FILE} is open to other users (mode ${(stat.mode & 0o777).toString(8)})`;
    const key = readFileSync(fd);
    return key.length === KEY_BYTES ? key : `${KEY_FILE} is not a key`;
  } finally {
    closeSync(fd);
  }
}

/**
 * The key to save with: the trusted one, or a new one. A missing key is
 * created only if still missing (a hard link, which fails when another
 * process made one first: then that one is used); an untrusted one is
 * replaced, which leaves every snapshot made under it unverifiable.
 */
function snapshotSecret(dir: string): Buffer {
  const found = readSnapshotKey(dir);
  if (found instanceof Buffer) return found;
  const path = join(dir, KEY_FILE);
  const key = randomBytes(KEY_BYTES);
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, key, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  try {
    if (!existsSync(path)) {
      try {
        linkSync(temporary, path);
        return key;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const theirs = readSnapshotKey(dir);
        if (theirs instanceof Buffer) return theirs;
      }
    }
    renameSync(temporary, path);
    return key;
  } finally {
    if (existsSync(temporary)) unlinkSync(temporary);
  }
}

/** Keeps the newest `keep` snapshots, and removes temporary files whose writer has gone. */
export function prune(dir: string, keep: number, staleTemporaryMs = 10 * 60_000, now = Date.now()): void {
  const names = readdirSync(dir);
  const files = names
    .filter((n) => n.endsWith(SUFFIX))
    .map((n) => ({ path: join(dir, n), at: statSync(join(dir, n)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  const remove = (path: string) => {
    try {
      unlinkSync(path);
    } catch {
      // another process removed it first
    }
  };
  for (const f of files.slice(keep)) remove(f.path);
  for (const name of names) {
    const m = TEMPORARY.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    const age = now - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? now);
    if (Number(m[1]) !== process.pid && (age > staleTemporaryMs || !isRunning(Number(m[1])))) remove(path);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
