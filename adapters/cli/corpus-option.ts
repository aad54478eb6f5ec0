import { z } from 'zod';
import type { DocumentLimits } from '../../src/index.js';
import { parseEnv } from '../shared/config.js';
import { corpusStrictFrom } from '../shared/corpus-strict.js';
import { documentLimitsEnv, documentLimitsOf } from '../shared/document-limits.js';

/** Where a terminal surface reads its corpus: --corpus, else CORPUS_DIR, else the bundled one. */
export function corpusDirFrom(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return flag ?? (env.CORPUS_DIR?.trim() || undefined);
}

/** --strict, else CORPUS_STRICT: corpus warnings become the exit-1 error. */
export function strictFrom(flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  return corpusStrictFrom(env, flag === true);
}

const DocumentLimitsSchema = z.object(documentLimitsEnv);

/**
 * The CORPUS_MAX_* reading limits a terminal surface passes to createEngine.
 * Throws one ConfigError (user-facing: exit 1) naming every bad variable.
 */
export function documentLimitsFrom(env: NodeJS.ProcessEnv = process.env): Partial<DocumentLimits> {
  return documentLimitsOf(parseEnv(DocumentLimitsSchema, env));
}
