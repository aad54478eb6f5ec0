/**
 * YAML parsing that remembers where each value came from, so validation
 * errors can name the line.
 */
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { z } from 'zod';
import { CorpusError } from '../errors.js';

export interface YamlSource {
  value: unknown;
  /** 1-based line of the value at `path`, or of its nearest ancestor that exists. */
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

/**
 * @param lineOffset lines before the YAML text in its file (front matter starts after `---`).
 */
export function parseYaml(file: string, text: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0].line;
    throw new CorpusError({ file, line: line !== undefined ? line + lineOffset : undefined }, `invalid YAML: ${first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line + lineOffset;
    }
    return undefined;
  };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // The yaml library refuses alias chains that expand exponentially ("billion laughs").
    throw new CorpusError({ file, line: lineOffset + 1 }, `invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  return { value, lineOf };
}

/** Validates with zod; the first problem becomes a CorpusError naming file, field and line. */
export function validate<T extends z.ZodType>(schema: T, source: YamlSource, file: string, basePath: readonly PropertyKey[] = []): z.infer<T> {
  const value = basePath.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k], source.value);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  // An unknown key is reported at that key, not at the object holding it.
  const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
  const path = [...basePath, ...issue.path, ...(key !== undefined ? [key] : [])];
  const message = key !== undefined ? `unknown field "${key}"` : issue.message;
  throw new CorpusError({ file, field: describePath(path), line: source.lineOf(path) }, message);
}

/** [3, "quote"] -> "[3].quote": the entry index and field, as a user finds it. */
export function describePath(path: readonly PropertyKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('') || '(top level)';
}
