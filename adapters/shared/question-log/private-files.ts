/**
 * Files of the question log that only their owner may read: folders are
 * created 0700 and files 0600, whatever the umask allows others. A file that
 * already exists with wider permissions (made by an older version) is
 * narrowed to 0600; an existing folder is left as the operator made it.
 */
import { chmodSync, closeSync, constants, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (and its missing parents) as 0700; returns the first folder created, if any. */
export function ensurePrivateDir(dir: string): string | undefined {
  const created = mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  // mkdir's mode is filtered by the umask, which can only take bits away: 0700 stays 0700 or narrower.
  return created;
}

/**
 * Makes sure `file` exists and is readable by its owner only, creating it
 * empty (0600) in a private folder when it is missing. SQLite gives its -wal
 * and -shm files the permissions of the database file, so they follow.
 */
export function ensurePrivateFile(file: string): void {
  ensurePrivateDir(dirname(file));
  // O_CREAT without O_TRUNC: an existing file is opened, never emptied.
  closeSync(openSync(file, constants.O_RDWR | constants.O_CREAT, PRIVATE_FILE_MODE));
  narrow(file);
}

/** Takes group and other permissions away from a file (left as it is when it belongs to someone else). */
export function narrow(file: string): void {
  const stat = statSync(file);
  const mode = stat.mode & 0o777;
  if ((mode & 0o077) === 0) return;
  if (process.getuid && stat.uid !== process.getuid() && process.getuid() !== 0) return;
  chmodSync(file, mode & 0o700);
}
