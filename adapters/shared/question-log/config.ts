/**
 * Configuration of the question log, from the environment (validated with
 * zod; problems name the variable and never echo its value).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { z } from 'zod';
import { parseEnv } from '../config.js';
import { KEY_FILE_NAME, keyFileBeside, MIN_KEY_CHARS, type KeySource } from './key.js';

/** Days of questions kept when QUESTION_LOG_DAYS is not set. */
export const DEFAULT_KEEP_DAYS = 90;

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export type QuestionLogConfig =
  | { enabled: false }
  | {
      enabled: true;
      target: DatabaseTarget;
      /** Rows older than this many days are purged. */
      keepDays: number;
      /**
       * Key of the user and conversation hashes: QUESTION_LOG_KEY, else the file
       * QUESTION_LOG_KEY_FILE, else question-log.key beside the SQLite file (for
       * PostgreSQL, in data/). Never stored in the database.
       */
      key: KeySource;
    };

const schema = z.object({
  QUESTION_LOG: z
    .string()
    .transform((v) => v.toLowerCase())
    .pipe(z.enum(['on', 'off'], { error: 'must be "on" or "off"' }))
    .default('on'),
  QUESTION_LOG_DAYS: z.coerce.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(1, 'must be at least 1').max(36_500, 'must be at most 36500').default(DEFAULT_KEEP_DAYS),
  SUMMIT_QA_DB: z.string().optional(),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//i.test(v), { error: 'must be a postgres:// or postgresql:// URL' })
    .optional(),
  QUESTION_LOG_KEY: z.string().min(MIN_KEY_CHARS, `must be at least ${MIN_KEY_CHARS} characters`).optional(),
  /** The name older versions read; same meaning as QUESTION_LOG_KEY. */
  QUESTION_LOG_SALT: z.string().min(MIN_KEY_CHARS, `must be at least ${MIN_KEY_CHARS} characters`).optional(),
  QUESTION_LOG_KEY_FILE: z.string().optional(),
});

/** The project root (from the sources, or from the compiled copy in dist/). */
function projectRoot(): string {
  const fromSource = fileURLToPath(new URL('../../../', import.meta.url));
  return existsSync(join(fromSource, 'package.json')) ? fromSource : fileURLToPath(new URL('../../../../', import.meta.url));
}

/** The SQLite file used when neither SUMMIT_QA_DB nor DATABASE_URL is set: data/summit-qa.sqlite. */
export function defaultDatabaseFile(): string {
  return join(projectRoot(), 'data', 'summit-qa.sqlite');
}

/** The key file used for PostgreSQL when neither QUESTION_LOG_KEY nor QUESTION_LOG_KEY_FILE is set: data/question-log.key. */
export function defaultKeyFile(): string {
  return join(projectRoot(), 'data', KEY_FILE_NAME);
}

export function loadQuestionLogConfig(env: NodeJS.ProcessEnv = process.env): QuestionLogConfig {
  const e = parseEnv(schema, env);
  if (e.QUESTION_LOG === 'off') return { enabled: false };
  const target: DatabaseTarget = e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', file: e.SUMMIT_QA_DB ?? defaultDatabaseFile() };
  return { enabled: true, target, keepDays: e.QUESTION_LOG_DAYS, key: keySourceFrom(e, target) };
}

function keySourceFrom(e: { QUESTION_LOG_KEY?: string; QUESTION_LOG_SALT?: string; QUESTION_LOG_KEY_FILE?: string }, target: DatabaseTarget): KeySource {
  if (e.QUESTION_LOG_KEY) return { kind: 'value', value: e.QUESTION_LOG_KEY, variable: 'QUESTION_LOG_KEY' };
  if (e.QUESTION_LOG_SALT) return { kind: 'value', value: e.QUESTION_LOG_SALT, variable: 'QUESTION_LOG_SALT' };
  if (e.QUESTION_LOG_KEY_FILE) return { kind: 'file', path: e.QUESTION_LOG_KEY_FILE };
  return { kind: 'file', path: target.kind === 'sqlite' ? keyFileBeside(target.file) : defaultKeyFile() };
}
