/**
 * The user's own files must come out of `npm test` as they went in: tests
 * write only to temporary directories. This global setup notes the state of
 * the places a test could write by mistake (data/, where the question log and
 * its key live by default; the bundled corpus/; the names at the top of the
 * project, where a stray chart.png would land) and, after the run, fails it
 * with one line per change.
 */
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Path (relative to the project) → size and modification time, or the kind of entry. */
export type FilesState = Map<string, string>;

export interface WatchedPlace {
  /** Relative to the project root. */
  path: string;
  /** Every file below it (true), or only the names directly in it (false). */
  recursive: boolean;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What the run must leave unchanged. Installed and generated folders are not the user's files. */
export const WATCHED: readonly WatchedPlace[] = [
  { path: 'data', recursive: true },
  { path: 'corpus', recursive: true },
  { path: '.', recursive: false },
];

/** The state of the watched places under `root`: a missing place counts as a state too. */
export function filesState(root: string, places: readonly WatchedPlace[] = WATCHED): FilesState {
  const state: FilesState = new Map();
  const visit = (dir: string, recursive: boolean) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const key = relative(root, path);
      const stat = lstatSync(path);
      if (stat.isDirectory()) {
        state.set(key, 'folder');
        if (recursive) visit(path, true);
      } else if (recursive) state.set(key, `${stat.size} bytes, modified ${stat.mtimeMs}`);
      else state.set(key, stat.isSymbolicLink() ? 'link' : 'file');
    }
  };
  for (const place of places) {
    const dir = join(root, place.path);
    if (!existsSync(dir)) state.set(place.path, 'absent');
    else visit(dir, place.recursive);
  }
  return state;
}

/** One line per path created, changed or removed between two states. */
export function changesBetween(before: FilesState, after: FilesState): string[] {
  const lines: string[] = [];
  for (const [path, was] of before) {
    const now = after.get(path);
    if (now === undefined) lines.push(`${path}: removed`);
    else if (now !== was) lines.push(was === 'absent' ? `${path}: created` : `${path}: changed`);
  }
  for (const [path, now] of after) if (!before.has(path) && now !== 'absent') lines.push(`${path}: created`);
  return lines;
}

/** vitest globalSetup: note the state, and fail the run when it differs at the end. */
export default function watchUserFiles(): () => void {
  const before = filesState(ROOT);
  return () => {
    const changes = changesBetween(before, filesState(ROOT));
    if (changes.length === 0) return;
    process.stderr.write(
      `\nnpm test changed the project's own files (tests must write only to temporary directories; a bot or editor of yours running at the same time would explain it):\n${changes.map((c) => `  ${c}`).join('\n')}\n`,
    );
    process.exitCode = 1;
  };
}
