import type { z } from 'zod';
import { ConfigError } from '../../src/index.js';

/**
 * Parses environment variables with a zod object schema and reports every
 * missing or malformed variable in one ConfigError. Values are never echoed,
 * so a mistyped token cannot leak into the message.
 */
export function parseEnv<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  // Treat empty strings as unset: `FOO= npm run x` means "no FOO".
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== '') cleaned[k] = v.trim();
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const missing = issue.code === 'invalid_type' && cleaned[name] === undefined;
    return missing ? `${name} is not set` : `${name} is invalid: ${issue.message}`;
  });
  throw new ConfigError([...new Set(problems)]);
}
