import { corpusStrictFrom } from '../shared/corpus-strict.js';

/** Where a terminal surface reads its corpus: --corpus, else CORPUS_DIR, else the bundled one. */
export function corpusDirFrom(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return flag ?? (env.CORPUS_DIR?.trim() || undefined);
}

/** --strict, else CORPUS_STRICT: corpus warnings become the exit-1 error. */
export function strictFrom(flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  return corpusStrictFrom(env, flag === true);
}
