/**
 * Hugo's other front matter formats: TOML between `+++` lines and a JSON
 * object at the top. Only what front matter uses is read: top-level keys with
 * strings, numbers, booleans, dates and arrays of those. Tables (`[params]`)
 * and anything after them are left out.
 */
import { CorpusError } from '../../errors.js';

export interface OtherFrontMatter {
  values: Record<string, unknown>;
  /** 1-based line of each key. */
  lines: Record<string, number>;
  bodyStart: number;
}

const TOML_BLOCK = /^\+\+\+[ \t]*\r?\n([\s\S]*?)\r?\n?\+\+\+[ \t]*(?:\r?\n|$)/;
const JSON_BLOCK = /^\{[ \t]*\r?\n[\s\S]*?\r?\n\}[ \t]*(?:\r?\n|$)/;

export function readOtherFrontMatter(file: string, text: string): OtherFrontMatter | undefined {
  const toml = TOML_BLOCK.exec(text);
  if (toml) return { ...parseToml(file, toml[1]!), bodyStart: toml[0].length };
  const json = JSON_BLOCK.exec(text);
  if (json) {
    let value: unknown;
    try {
      value = JSON.parse(json[0]);
    } catch (error) {
      throw new CorpusError({ file, line: 1 }, `invalid JSON front matter: ${(error as Error).message}`);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    return { values: value as Record<string, unknown>, lines: {}, bodyStart: json[0].length };
  }
  return undefined;
}

function parseToml(file: string, block: string): Omit<OtherFrontMatter, 'bodyStart'> {
  const values: Record<string, unknown> = {};
  const lines: Record<string, number> = {};
  const rows = block.split(/\r?\n/);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!.trim();
    if (!row || row.startsWith('#')) continue;
    if (row.startsWith('[')) break; // a table: its keys are not front matter fields
    const m = /^([A-Za-z0-9_-]+|"[^"]+")\s*=\s*(.+)$/.exec(row);
    if (!m) throw new CorpusError({ file, line: i + 2 }, 'invalid TOML front matter: expected key = value');
    const key = m[1]!.replace(/^"|"$/g, '');
    values[key] = tomlValue(file, m[2]!.replace(/\s+#[^"']*$/, '').trim(), i + 2);
    lines[key] = i + 2;
  }
  return { values, lines };
}

function tomlValue(file: string, raw: string, line: number): unknown {
  if (/^"(?:[^"\\]|\\.)*"$/.test(raw)) return JSON.parse(raw) as string;
  if (/^'[^']*'$/.test(raw)) return raw.slice(1, -1);
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^[+-]?\d[\d_]*(?:\.\d+)?$/.test(raw)) return Number(raw.replace(/_/g, ''));
  if (/^\d{4}-\d\d-\d\d(?:[T ][\d:.]+(?:Z|[+-]\d\d:\d\d)?)?$/.test(raw)) return raw;
  if (raw.startsWith('[') && raw.endsWith(']')) {
    const inner = raw.slice(1, -1).trim();
    if (!inner) return [];
    return (inner.match(/"(?:[^"\\]|\\.)*"|'[^']*'|[^,\s][^,]*/g) ?? []).map((item) => tomlValue(file, item.trim(), line));
  }
  throw new CorpusError({ file, line }, `invalid TOML front matter: cannot read the value ${JSON.stringify(raw.slice(0, 40))}`);
}
