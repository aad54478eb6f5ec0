/**
 * Front matter of Markdown and text documents, as people write it: YAML
 * between `---` lines (this project's keys, Hugo's and Jekyll's), Hugo's TOML
 * (`+++`) or JSON, or MultiMarkdown metadata lines (`Title: ...`) at the top. Known keys are
 * checked; a known key with a bad value is reported and dropped, unknown keys
 * are kept as metadata and never fatal.
 */
import { CorpusError } from '../../errors.js';
import { isRealIsoDate } from '../dates.js';
import { parseYaml, type YamlSource } from '../yaml-source.js';
import { readOtherFrontMatter } from './other-front-matter.js';

export type ParagraphMode = 'auto' | 'blocks' | 'lines';

export interface DocumentMeta {
  id?: string;
  title?: string;
  /**
   * YYYY-MM-DD: from `published`, or `date` (a datetime keeps its calendar
   * date as written). Always a string from the readers; Date stays in the type
   * for code written when YAML dates were kept as parsed.
   */
  published?: string | Date;
  url?: string;
  publisher?: string;
  kind?: string;
  language?: string;
  note?: string;
  paragraphs?: ParagraphMode;
  /** Body offsets where pages 1, 2, ... start (written by `npm run ingest` for a PDF), so quotes keep citing their page. */
  pages?: number[];
  /** Every other key (author, tags, draft, description, layout, categories...), kept as written. */
  extra?: Record<string, unknown>;
}

export interface FrontMatterResult {
  meta: DocumentMeta;
  /** Where the body starts in the text. */
  bodyStart: number;
  /** Known keys whose value was unusable: reported, then ignored. */
  problems: CorpusError[];
}

const YAML_BLOCK = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const ID = /^[a-z0-9][a-z0-9-]*$/;
/** Keys that make a leading block of `Key: value` lines metadata rather than text. */
const MMD_KEYS = new Set(['title', 'date', 'author', 'published', 'publisher', 'url', 'source', 'tags', 'keywords', 'description']);
const MMD_LINE = /^([A-Za-z][A-Za-z0-9 _-]{0,40}):[ \t]*(.*)$/;

/** Reads the front matter at the start of `text` (a leading BOM already removed). */
export function readFrontMatter(file: string, text: string): FrontMatterResult {
  const yaml = YAML_BLOCK.exec(text);
  if (yaml) {
    const source = parseYaml(file, yaml[1]!, 1);
    if (source.value === null || source.value === undefined) return { meta: {}, bodyStart: yaml[0].length, problems: [] };
    if (typeof source.value !== 'object' || Array.isArray(source.value)) {
      throw new CorpusError({ file, line: 2 }, 'front matter must be a list of "key: value" lines');
    }
    return { ...normalise(file, source.value as Record<string, unknown>, source), bodyStart: yaml[0].length };
  }
  const other = readOtherFrontMatter(file, text);
  if (other) {
    const source: YamlSource = { value: other.values, lineOf: (path) => other.lines[String(path[0])] };
    return { ...normalise(file, other.values, source), bodyStart: other.bodyStart };
  }
  return readMultiMarkdown(file, text);
}

function readMultiMarkdown(file: string, text: string): FrontMatterResult {
  const none = { meta: {}, bodyStart: 0, problems: [] };
  const values: Record<string, unknown> = {};
  const lines: Record<string, number> = {};
  let offset = 0;
  let lineNumber = 0;
  let lastKey: string | undefined;
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(offset, lineEnd).replace(/\r$/, '');
    lineNumber++;
    if (line.trim() === '') break;
    const m = MMD_LINE.exec(line);
    if (m) {
      lastKey = m[1]!.trim().toLowerCase().replace(/\s+/g, '_');
      values[lastKey] = m[2]!.trim();
      lines[lastKey] = lineNumber;
    } else if (lastKey && /^[ \t]+\S/.test(line)) {
      values[lastKey] = `${String(values[lastKey])} ${line.trim()}`; // an indented continuation line
    } else {
      return none;
    }
    offset = newline < 0 ? text.length : newline + 1;
    if (lineNumber > 50) return none;
  }
  if (!Object.keys(values).some((k) => MMD_KEYS.has(k))) return none;
  const source: YamlSource = { value: values, lineOf: (path) => lines[String(path[0])] };
  return { ...normalise(file, values, source), bodyStart: offset };
}

/** Checks the keys this project knows and keeps the rest as `extra`. */
function normalise(file: string, values: Record<string, unknown>, source: YamlSource): Omit<FrontMatterResult, 'bodyStart'> {
  const meta: DocumentMeta = {};
  const extra: Record<string, unknown> = {};
  const problems: CorpusError[] = [];
  const problem = (key: string, message: string) => problems.push(new CorpusError({ file, field: key, line: source.lineOf([key]) }, message));
  const text = (key: string, value: unknown): string | undefined => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && value.trim()) return value.trim();
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    problem(key, 'must be a non-empty text');
    return undefined;
  };
  for (const [rawKey, value] of Object.entries(values)) {
    const key = rawKey.toLowerCase();
    if (value === null || value === undefined) continue;
    switch (key) {
      case 'id': {
        const id = text(key, value);
        if (id !== undefined && ID.test(id)) meta.id = id;
        else if (id !== undefined) problem(key, 'must be lower-case letters, digits and hyphens');
        break;
      }
      case 'title':
      case 'publisher':
      case 'kind':
      case 'language':
      case 'note': {
        const v = text(key, value);
        if (v !== undefined) meta[key] = v;
        break;
      }
      case 'url': {
        const v = text(key, value);
        if (v !== undefined && /^https?:\/\/\S+$/i.test(v)) meta.url = v;
        else if (v !== undefined) problem(key, 'must be an http(s) address');
        break;
      }
      case 'published':
      case 'date': {
        const date = calendarDate(value);
        if (date === undefined) problem(key, 'must be a real date written YYYY-MM-DD');
        else if (key === 'published' || meta.published === undefined) meta.published = date;
        if (key === 'date') extra[rawKey] = value instanceof Date ? value.toISOString() : value;
        break;
      }
      case 'paragraphs':
        if (value === 'auto' || value === 'blocks' || value === 'lines') meta.paragraphs = value;
        else problem(key, 'must be one of auto, blocks, lines');
        break;
      case 'pages':
        if (Array.isArray(value) && value.length > 0 && value.every((v, i) => Number.isInteger(v) && v >= 0 && (i === 0 || v > (value[i - 1] as number)))) meta.pages = value as number[];
        else problem(key, 'must be a list of increasing body offsets where pages start');
        break;
      default:
        extra[rawKey] = value;
    }
  }
  if (Object.keys(extra).length > 0) meta.extra = extra;
  return { meta, problems };
}

/** YYYY-MM-DD from a date, or from a date or datetime as written (its own calendar date, not converted to UTC). */
export function calendarDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d{4}-\d\d-\d\d)(?:$|[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?\s*(?:Z|[+-]\d\d:?\d\d)?\s*$)/.exec(value);
  if (m) return isRealIsoDate(m[1]!) ? m[1] : undefined;
  return writtenDate(value);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "March 6, 2026", "6 March 2026", "Mar. 6, 2026" as YYYY-MM-DD. */
function writtenDate(value: string): string | undefined {
  const m = /^\s*(?:(\d{1,2})\s+([A-Za-z]{3,9})\.?|([A-Za-z]{3,9})\.?\s+(\d{1,2}),?)\s+(\d{4})\s*$/.exec(value);
  if (!m) return undefined;
  const month = MONTHS.indexOf((m[2] ?? m[3])!.slice(0, 3).toLowerCase()) + 1;
  const iso = `${m[5]}-${String(month).padStart(2, '0')}-${(m[1] ?? m[4])!.padStart(2, '0')}`;
  return month > 0 && isRealIsoDate(iso) ? iso : undefined;
}
