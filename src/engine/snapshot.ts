/**
 * Snapshots of built Knowledge, so a large corpus starts in a fraction of the
 * time it takes to segment, annotate and index it. A snapshot is keyed by the
 * corpus files' paths, sizes and modification times (checked without reading
 * them, as make does) and by a hash of the engine's own code: change either
 * and the snapshot no longer matches, and is rebuilt. Files are written
 * atomically (temporary name, then rename), and only the most recent few are kept.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusFileStat } from '../corpus/read.js';
import { decodeKnowledge, encodeKnowledge } from './knowledge-codec.js';
import type { Knowledge } from './knowledge.js';

export interface SnapshotOptions {
  /** Directory for snapshot files. Default: node_modules/.cache/summit-qa in the project. */
  dir?: string;
  /** Snapshots kept; older ones are deleted. Default 8. */
  keep?: number;
}

/** Bump when the shape of StoredKnowledge changes. */
const FORMAT = 2;
const SUFFIX = '.snapshot';

/** node_modules/.cache/summit-qa in the project, whether this runs from src/ or from its compiled copy in dist/. */
export function defaultSnapshotDir(): string {
  const fromSource = fileURLToPath(new URL('../../', import.meta.url));
  const root = existsSync(join(fromSource, 'package.json')) ? fromSource : fileURLToPath(new URL('../../../', import.meta.url));
  return join(root, 'node_modules', '.cache', 'summit-qa');
}

let codeHash: string | undefined;

/** A hash of the engine's own files (src/, or its compiled copy), so code changes invalidate snapshots. */
function engineCodeHash(): string {
  if (codeHash) return codeHash;
  const hash = createHash('sha256');
  const srcDir = fileURLToPath(new URL('../', import.meta.url));
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(?:ts|js)$/.test(name)) hash.update(name).update(readFileSync(path));
    }
  };
  walk(srcDir);
  return (codeHash = hash.digest('hex').slice(0, 16));
}

export function snapshotKey(dir: string, files: readonly CorpusFileStat[]): string {
  const hash = createHash('sha256').update(`format ${FORMAT}\0engine ${engineCodeHash()}\0${dir}\0`);
  for (const f of files) hash.update(`${f.path}\0${f.size}\0${f.mtimeMs}\0`);
  return hash.digest('hex').slice(0, 32);
}

/** The stored Knowledge for this key, or undefined when there is none or it cannot be read. */
export function loadSnapshot(key: string, options: SnapshotOptions = {}): Knowledge | undefined {
  const path = join(options.dir ?? defaultSnapshotDir(), `${key}${SUFFIX}`);
  let json: string;
  try {
    json = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return decodeKnowledge(json);
  } catch {
    // A truncated or foreign file is no snapshot: it will be rebuilt and replaced.
    return undefined;
  }
}

/** Saves Knowledge under its key; failures (read-only disk) are ignored: a snapshot is only a speed-up. */
export function saveSnapshot(key: string, knowledge: Knowledge, options: SnapshotOptions = {}): boolean {
  const dir = options.dir ?? defaultSnapshotDir();
  const path = join(dir, `${key}${SUFFIX}`);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, encodeKnowledge(knowledge));
    renameSync(temporary, path);
    prune(dir, options.keep ?? 8);
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

function prune(dir: string, keep: number): void {
  const files = readdirSync(dir)
    .filter((n) => n.endsWith(SUFFIX))
    .map((n) => ({ path: join(dir, n), at: statSync(join(dir, n)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const f of files.slice(keep)) {
    try {
      unlinkSync(f.path);
    } catch {
      // another process pruned it first
    }
  }
}

