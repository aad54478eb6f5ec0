/**
 * Loads a corpus directory: documents (.md, .markdown, .txt) and structured
 * files (figures*.yaml, entities*.yaml, lexicon*.yaml; .yml and .json too).
 * Everything is validated; the first problem stops the load with a CorpusError
 * naming the file, the field and the line.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, extname, basename } from 'node:path';
import { z } from 'zod';
import { CorpusError } from '../errors.js';
import { parseDocument, paragraphAt, type CorpusDocument } from './document.js';
import { EntitySchema, FigureRecordSchema, LexiconSchema, type EntityRecord, type FigureRecord, type LexiconRecord } from './schemas.js';
import { parseYaml, validate, type YamlSource } from './yaml-source.js';

export interface Located {
  documentId: string;
  paragraph: number;
  start: number;
  end: number;
}

export interface LoadedFigure extends FigureRecord {
  /** Where `quote` is in its document. */
  at: Located;
  /** Where each `also` sentence is. */
  alsoAt: Located[];
}

export interface LoadedEntity extends EntityRecord {
  /** Where each definition quote is. */
  definitionAt: Located[];
}

export interface Corpus {
  dir: string;
  documents: CorpusDocument[];
  figures: LoadedFigure[];
  entities: LoadedEntity[];
  lexicon: LexiconRecord;
}

const DOCUMENT_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
const DATA_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
/** Files in a corpus directory that describe it rather than belong to it. */
const SKIPPED = new Set(['readme.md', 'license', 'license.md', 'license.txt']);

export interface LoadProgress {
  (event: { loaded: number; total: number; file: string }): void;
}

export async function loadCorpus(dir: string, onProgress?: LoadProgress): Promise<Corpus> {
  const files = await listFiles(dir);
  const documents: CorpusDocument[] = [];
  const data: { file: string; source: YamlSource; kind: 'figures' | 'entities' | 'lexicon' }[] = [];
  let loaded = 0;
  for (const path of files) {
    const file = displayPath(path);
    const ext = extname(path).toLowerCase();
    const name = basename(path).toLowerCase();
    onProgress?.({ loaded: ++loaded, total: files.length, file });
    if (SKIPPED.has(name) || name.startsWith('.')) continue;
    if (DOCUMENT_EXTENSIONS.has(ext)) {
      documents.push(parseDocument(file, await readText(path, file)));
    } else if (DATA_EXTENSIONS.has(ext)) {
      const kind = (['figures', 'entities', 'lexicon'] as const).find((k) => name.startsWith(k));
      if (!kind) throw new CorpusError({ file }, 'unrecognised data file: name it figures*.yaml, entities*.yaml or lexicon*.yaml');
      data.push({ file, kind, source: parseYaml(file, await readText(path, file)) });
    }
  }
  if (documents.length === 0) throw new CorpusError({ file: dir }, 'no documents found (.md, .markdown or .txt)');
  checkUniqueIds(documents.map((d) => ({ id: d.id, file: d.file, line: d.meta.id ? 2 : undefined })), 'document id');

  const entities = data.filter((d) => d.kind === 'entities').flatMap((d) => validate(z.array(EntitySchema), d.source, d.file).map((e, i) => ({ e, i, file: d.file, source: d.source })));
  checkUniqueIds(entities.map(({ e, i, file, source }) => ({ id: e.id, file, line: source.lineOf([i, 'id']), field: `[${i}].id` })), 'entity id');
  const entityIds = new Set(entities.map(({ e }) => e.id));

  const lexicons = data.filter((d) => d.kind === 'lexicon').map((d) => validate(LexiconSchema, d.source, d.file));
  const lexicon: LexiconRecord = { synonyms: lexicons.flatMap((l) => l.synonyms), frame: lexicons.flatMap((l) => l.frame) };

  const byId = new Map(documents.map((d) => [d.id, d]));
  const locateIn = (docId: string, text: string, where: { file: string; field: string; line?: number }): Located => {
    const doc = byId.get(docId);
    if (!doc) throw new CorpusError({ ...where, field: where.field.replace(/\.[^.]+$/, '.document') }, `no document with id "${docId}" (known: ${[...byId.keys()].join(', ')})`);
    const start = doc.body.indexOf(text);
    if (start < 0) throw new CorpusError(where, `quote is not verbatim in document "${doc.id}": ${JSON.stringify(text.slice(0, 80))}`);
    return { documentId: doc.id, paragraph: paragraphAt(doc, start)?.number ?? 1, start, end: start + text.length };
  };
  const loadedEntities: LoadedEntity[] = entities.map(({ e, i, file, source }) => ({
    ...e,
    definitionAt: e.definition.map((quote, j) => locateIn(e.document!, quote, { file, field: `[${i}].definition[${j}]`, line: source.lineOf([i, 'definition', j]) })),
  }));
  const figures: LoadedFigure[] = [];
  for (const { file, source } of data.filter((d) => d.kind === 'figures')) {
    const records = validate(z.array(FigureRecordSchema), source, file);
    checkUniqueIds(records.map((f, i) => ({ id: f.id, file, line: source.lineOf([i, 'id']), field: `[${i}].id` })), 'figure id');
    records.forEach((f, i) => {
      const where = (field: string) => ({ file, field: `[${i}].${field}`, line: source.lineOf([i, field]) });
      const doc = byId.get(f.document);
      if (!doc) throw new CorpusError(where('document'), `no document with id "${f.document}" (known: ${[...byId.keys()].join(', ')})`);
      for (const ref of [f.who, ...f.subjects]) {
        if (ref !== undefined && entityIds.size > 0 && !entityIds.has(ref)) throw new CorpusError(where(ref === f.who ? 'who' : 'subjects'), `no entity with id "${ref}"`);
      }
      const locate = (text: string, field: string): Located => locateIn(doc.id, text, where(field));
      figures.push({ ...f, at: locate(f.quote, 'quote'), alsoAt: f.also.map((a) => locate(a, 'also')) });
    });
  }
  checkUniqueIds(figures.map((f) => ({ id: f.id, file: '(figures)' })), 'figure id');
  return { dir, documents, figures, entities: loadedEntities, lexicon };
}

/** A path as the user would type it: relative to the working directory when inside it. */
function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function checkUniqueIds(items: { id: string; file: string; line?: number; field?: string }[], what: string): void {
  const seen = new Map<string, { file: string; line?: number }>();
  for (const item of items) {
    const first = seen.get(item.id);
    if (first) {
      const firstAt = first.line !== undefined ? `${first.file} line ${first.line}` : first.file;
      throw new CorpusError({ file: item.file, field: item.field ?? 'id', line: item.line }, `duplicate ${what} "${item.id}" (first used in ${firstAt})`);
    }
    seen.set(item.id, item);
  }
}

async function readText(path: string, file: string): Promise<string> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    throw new CorpusError({ file }, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buffer);
  if (text.includes('\uFFFD') && !buffer.includes(Buffer.from('\uFFFD'))) {
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length;
    throw new CorpusError({ file, line }, 'not valid UTF-8 text');
  }
  return text;
}

async function listFiles(dir: string): Promise<string[]> {
  let info;
  try {
    info = await stat(dir);
  } catch (error) {
    throw new CorpusError({ file: dir }, `cannot open the corpus directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!info.isDirectory()) throw new CorpusError({ file: dir }, 'the corpus path is not a directory');
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(d, { withFileTypes: true });
    } catch (error) {
      throw new CorpusError({ file: d }, `cannot read the directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  await walk(dir);
  return out;
}
