/**
 * One corpus document file: optional YAML front matter, then the body the bot
 * quotes from. The body is kept exactly as written.
 */
import { basename, extname } from 'node:path';
import { CorpusError } from '../errors.js';
import { segmentDocument, type Paragraph, type Sentence } from '../text/segment.js';
import { FrontMatterSchema, type FrontMatter } from './schemas.js';
import { parseYaml, validate } from './yaml-source.js';

export interface CorpusDocument {
  id: string;
  title: string;
  /** Path of the file, as given to the loader. */
  file: string;
  meta: FrontMatter;
  body: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export function parseDocument(file: string, text: string): CorpusDocument {
  if (text.includes('\u0000')) throw new CorpusError({ file }, 'not a text file (it contains NUL bytes)');
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const fm = FRONT_MATTER.exec(source);
  let meta: FrontMatter = {};
  if (fm) {
    const yaml = parseYaml(file, fm[1]!, 1);
    if (yaml.value !== null && yaml.value !== undefined) meta = validate(FrontMatterSchema, yaml, file);
  }
  const body = fm ? source.slice(fm[0].length) : source;
  if (!/[\p{L}\p{N}]/u.test(body)) throw new CorpusError({ file, field: 'body' }, 'the document has no text');
  const { paragraphs, sentences } = segmentDocument(body, meta.paragraphs ?? 'auto');
  return {
    id: meta.id ?? slug(basename(file, extname(file))),
    title: meta.title ?? firstHeading(body) ?? basename(file, extname(file)),
    file,
    meta,
    body,
    paragraphs,
    sentences,
  };
}

function firstHeading(body: string): string | undefined {
  const m = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(body);
  return m?.[1]?.trim() || undefined;
}

export function slug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'document'
  );
}

export { paragraphAt } from '../text/segment.js';
