/**
 * The Markdown and text files under node_modules (READMEs, changelogs,
 * licences: real text nobody here wrote), grouped by package and copied
 * into corpus directories under names the corpus loader does not pass over
 * (it skips README.md, LICENSE and node_modules folders as descriptions of
 * a corpus rather than part of it).
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));
const TEXT = /\.(?:md|markdown|txt)$/i;

export interface PackageFiles {
  /** The package's path under node_modules ("pino", "@slack/bolt", "vega-selections/node_modules/d3-array"). */
  name: string;
  /** Its files' paths under node_modules, sorted. */
  files: string[];
}

/** Every package with Markdown or text files, sorted by name; hidden folders (.cache, .bin) aside. */
export function textFilesByPackage(root = NODE_MODULES): PackageFiles[] {
  const byPackage = new Map<string, string[]>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !TEXT.test(entry.name)) continue;
    const path = relative(root, join(entry.parentPath, entry.name));
    const parts = path.split(sep);
    if (parts.some((p) => p.startsWith('.'))) continue;
    const name = packageOf(parts);
    const list = byPackage.get(name);
    if (list) list.push(path);
    else byPackage.set(name, [path]);
  }
  return [...byPackage.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, files]) => ({ name, files: files.sort() }));
}

/** The innermost package a path is in: "a/node_modules/@s/b/README.md" is in "a/node_modules/@s/b". */
function packageOf(parts: string[]): string {
  let end = parts[0]!.startsWith('@') ? 2 : 1;
  for (let i = end; i < parts.length - 1; i++) {
    if (parts[i] === 'node_modules') end = parts[i + 1]!.startsWith('@') ? i + 3 : i + 2;
  }
  return parts.slice(0, Math.min(end, parts.length - 1)).join('/');
}

/** Copies `files` (paths under node_modules) into `dir`, each named by its whole path ("pino--docs--api.md"). */
export function copyInto(dir: string, files: readonly string[], root = NODE_MODULES): void {
  mkdirSync(dir, { recursive: true });
  for (const file of files) copyFileSync(join(root, file), join(dir, file.split(sep).join('--').replace(/^@/, '')));
}
