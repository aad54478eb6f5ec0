/**
 * The per-document reading limits (src/corpus/limits.ts) as every surface
 * reads them from the environment: one variable per limit, each a positive
 * whole number; unset (or empty) keeps the engine's default. The schema is
 * spread into a surface's own zod schema, so a bad value is listed with the
 * surface's other problems in one message naming the variable.
 */
import { z } from 'zod';
import { DEFAULT_DOCUMENT_LIMITS, type DocumentLimits } from '../../src/index.js';

/** Each variable, the limit it sets, and what the limit counts (for the error message). */
const VARIABLES = {
  CORPUS_MAX_FILE_BYTES: { key: 'maxFileBytes', unit: 'bytes' },
  CORPUS_MAX_TEXT_CHARS: { key: 'maxTextChars', unit: 'characters' },
  CORPUS_MAX_HTML_ELEMENTS: { key: 'maxHtmlElements', unit: 'elements' },
  CORPUS_MAX_PDF_PAGES: { key: 'maxPdfPages', unit: 'pages' },
  CORPUS_MAX_PDF_STREAM_BYTES: { key: 'maxPdfStreamBytes', unit: 'bytes' },
  CORPUS_MAX_PDF_MS: { key: 'maxPdfMs', unit: 'milliseconds' },
} as const satisfies Record<string, { key: keyof DocumentLimits; unit: string }>;

export type DocumentLimitVariable = keyof typeof VARIABLES;

/** Each variable and the limit it sets. */
export const DOCUMENT_LIMIT_VARIABLES = Object.fromEntries(Object.entries(VARIABLES).map(([name, { key }]) => [name, key])) as {
  [V in DocumentLimitVariable]: (typeof VARIABLES)[V]['key'];
};

/** A count of `unit` from 1 up; the message says the shape and the default, never the value given. */
function positiveWholeNumber(unit: string, fallback: number) {
  const error = `must be a whole number of ${unit} from 1 up, digits only (default ${fallback})`;
  // Digits only: Number() would also take "1e3", "0x10" or "Infinity", which nobody means for a limit.
  return z
    .string()
    .regex(/^\d+$/, { error })
    .transform(Number)
    .refine((n) => n >= 1 && Number.isSafeInteger(n), { error })
    .optional();
}

/** The variables' zod shape, to spread into a surface's environment schema. */
export const documentLimitsEnv = Object.fromEntries(
  Object.entries(VARIABLES).map(([name, { key, unit }]) => [name, positiveWholeNumber(unit, DEFAULT_DOCUMENT_LIMITS[key])]),
) as Record<DocumentLimitVariable, ReturnType<typeof positiveWholeNumber>>;

/** The limits the parsed variables set; a limit whose variable is unset is left out, so the engine's default holds. */
export function documentLimitsOf(parsed: Partial<Record<DocumentLimitVariable, number | undefined>>): Partial<DocumentLimits> {
  const limits: Partial<DocumentLimits> = {};
  for (const [name, { key }] of Object.entries(VARIABLES) as [DocumentLimitVariable, (typeof VARIABLES)[DocumentLimitVariable]][]) {
    const value = parsed[name];
    if (value !== undefined) limits[key] = value;
  }
  return limits;
}
