/**
 * Configuration of the question log, from the environment (validated with
 * zod; problems name the variable and never echo its value).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { z } from 'zod';
import { parseEnv } from '../config.js';

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
      /** Salt of the user and conversation hashes; generated and stored in the database when unset. */
      salt?: string;
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
  QUESTION_LOG_SALT: z.string().min(16, 'must be at least 16 characters').optional(),
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

export function loadQuestionLogConfig(env: NodeJS.ProcessEnv = process.env): QuestionLogConfig {
  const e = parseEnv(schema, env);
  if (e.QUESTION_LOG === 'off') return { enabled: false };
  const target: DatabaseTarget = e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'sqlite', file: e.SUMMIT_QA_DB ?? defaultDatabaseFile() };
  return { enabled: true, target, keepDays: e.QUESTION_LOG_DAYS, ...(e.QUESTION_LOG_SALT ? { salt: e.QUESTION_LOG_SALT } : {}) };
}
