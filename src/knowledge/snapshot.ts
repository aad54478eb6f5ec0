/**
 * Snapshots of built Knowledge, so a large corpus starts in a fraction of the
 * time it takes to segment, annotate and index it. A snapshot is keyed by the
 * corpus files' paths and contents, the engine's own code and the locked
 * dependency versions (package-lock.json): change any and the snapshot no
 * longer matches, and is rebuilt. Each file starts with a header line holding
 * its key and a SHA-256 of the rest; a file whose header, key or checksum does
 * not match is never trusted. Files are private to the user (mode 0600),
 * written atomically (temporary name, then rename); only the most recent few
 * are kept, and temporary files left by a crashed process are removed.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawCorpus } from '../corpus/read.js';
import { decodeKnowledge, encodeKnowledge } from './knowledge-codec.js';
import type { Knowledge } from './knowledge.js';

export interface SnapshotOptions {
  /** Directory for snapshot files. Default: node_modules/.cache/summit-qa in the project. */
  dir?: string;
  /** Snapshots kept; older ones are deleted. Default 8. */
  keep?: number;
  /** Temporary files older than this are removed when their writer is gone. Default 10 minutes. */
  staleTemporaryMs?: number;
}

/** Bump when the shape of StoredKnowledge or of the file changes. */
const FORMAT = 3;
const SUFFIX = '.snapshot';
const TEMPORARY = /\.snapshot\.(\d+)\.tmp$/;
const MAGIC = 'summit-qa-snapshot';

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
export function snapshotKey(dir: string, raw: Pick<RawCorpus, 'files' | 'problems'>): string {
  const hash = createHash('sha256').update(`format ${FORMAT}\0engine ${engineCodeHash()}\0${dir}\0`);
  for (const f of raw.files) hash.update(`${f.path}\0${f.bytes.length}\0`).update(f.bytes).update('\0');
  for (const p of raw.problems) hash.update(`problem ${p.message}\0`);
  return hash.digest('hex').slice(0, 32);
}

/** A snapshot file's opening line: what it is, its key, and a SHA-256 of the bytes after it. */
function header(key: string, payload: Buffer): string {
  return JSON.stringify({ magic: MAGIC, format: FORMAT, key, sha256: createHash('sha256').update(payload).digest('hex'), bytes: payload.length });
}

/** The stored Knowledge for this key, or undefined when there is none, or it is corrupt or for another key. */
export function loadSnapshot(key: string, options: SnapshotOptions = {}): Knowledge | undefined {
  const path = join(options.dir ?? defaultSnapshotDir(), `${key}${SUFFIX}`);
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  // Checked as bytes, before any decoding: hashing the buffer is cheaper than re-encoding a 40 MB string.
  const newline = file.indexOf(10);
  if (newline < 0) return undefined;
  const payload = file.subarray(newline + 1);
  if (file.toString('utf8', 0, newline) !== header(key, payload)) return undefined; // truncated, altered or foreign: rebuilt and replaced
  try {
    return decodeKnowledge(payload.toString('utf8'));
  } catch {
    return undefined;
  }
}

/** Saves Knowledge under its key; failures (read-only disk) are ignored: a snapshot is only a speed-up. */
export function saveSnapshot(key: string, knowledge: Knowledge, options: SnapshotOptions = {}): boolean {
  const dir = options.dir ?? defaultSnapshotDir();
  const path = join(dir, `${key}${SUFFIX}`);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const payload = Buffer.from(encodeKnowledge(knowledge), 'utf8');
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${header(key, payload)}\n`), payload]), { mode: 0o600 });
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
