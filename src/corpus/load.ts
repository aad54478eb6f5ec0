/**
 * Parses a corpus directory's files: documents (.md, .markdown, .txt) and
 * structured files (figures*.yaml, entities*.yaml, lexicon*.yaml; .yml and
 * .json too). Everything is validated; the first problem stops the load with
 * a CorpusError naming the file, the field and the line.
 */
import { z } from 'zod';
import { CorpusError } from '../errors.js';
import { parseDocument, paragraphAt, type CorpusDocument } from './document.js';
import { DOCUMENT_EXTENSIONS, readCorpus, type RawCorpus } from './read.js';
import type { Corpus, LoadedEntity, LoadedFigure, Located } from './types.js';
import { EntitySchema, FigureRecordSchema, LexiconSchema, type LexiconRecord } from './schemas.js';
import { parseYaml, validate, type YamlSource } from './yaml-source.js';

export interface LoadProgress {
  (event: { loaded: number; total: number; file: string }): void;
}

/** Reads and parses a corpus directory. */
export async function loadCorpus(dir: string, onProgress?: LoadProgress): Promise<Corpus> {
  return parseCorpus(await readCorpus(dir), onProgress);
}

/** Parses and validates files already read. */
export function parseCorpus(raw: RawCorpus, onProgress?: LoadProgress): Corpus {
  const { dir } = raw;
  const documents: CorpusDocument[] = [];
  const data: { file: string; source: YamlSource; kind: 'figures' | 'entities' | 'lexicon' }[] = [];
  let loaded = 0;
  for (const { file, name, ext, text } of raw.files) {
    onProgress?.({ loaded: ++loaded, total: raw.files.length, file });
    if (DOCUMENT_EXTENSIONS.has(ext)) {
      documents.push(parseDocument(file, text));
    } else {
      const kind = (['figures', 'entities', 'lexicon'] as const).find((k) => name.startsWith(k));
      if (!kind) throw new CorpusError({ file }, 'unrecognised data file: name it figures*.yaml, entities*.yaml or lexicon*.yaml');
      data.push({ file, kind, source: parseYaml(file, text) });
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


export type { Corpus, LoadedEntity, LoadedFigure, Located } from './types.js';
