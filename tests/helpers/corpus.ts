/** Temporary corpus directories for tests, removed by the caller's afterAll/afterEach. */
import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUNDLED_CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));

export interface TempCorpus {
  dir: string;
  write(name: string, content: string | Buffer): string;
  remove(): void;
}

/** A fresh directory, optionally starting as a copy of the bundled corpus. */
export function tempCorpus(options: { copyBundled?: boolean } = {}): TempCorpus {
  const dir = mkdtempSync(join(tmpdir(), 'summit-qa-corpus-'));
  if (options.copyBundled) cpSync(BUNDLED_CORPUS, dir, { recursive: true });
  return {
    dir,
    write(name, content) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      return path;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
