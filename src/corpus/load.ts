/**
 * Parses a corpus directory's files: documents (see readers/) and curation
 * files (figures*.yaml, entities*.yaml, lexicon*.yaml; .yml and .json too).
 * A file or record with a problem is skipped with one warning naming the
 * file, the field and the line, and every problem is listed at once; the rest
 * of the corpus serves. With `strict`, any problem is a CorpusError instead.
 */
import { z } from 'zod';
import { CorpusError } from '../errors.js';
import { buildDocument, paragraphAt, type CorpusDocument } from './document.js';
import { distinctIds, renamedProblem } from './document-ids.js';
import { CorpusNotice, documentLimits, type DocumentLimits } from './limits.js';
import { decodeText } from './readers/decode.js';
import { readDocument, READERS } from './readers/index.js';
import { readCorpus, type RawCorpus } from './read.js';
import type { Corpus, LoadedEntity, LoadedFigure, Located } from './types.js';
import { EntitySchema, FigureRecordSchema, LexiconSchema, type LexiconRecord } from './schemas.js';
import { parseYaml, validate, type YamlSource } from './yaml-source.js';

export interface LoadProgress {
  (event: { loaded: number; total: number; file: string }): void;
}

export interface LoadOptions {
  /** Any problem stops the load with a CorpusError (curated corpora, CI). Default false: skip and warn. */
  strict?: boolean;
  onProgress?: LoadProgress;
  /** What one document may cost to read (see limits.ts for each limit and its default). */
  limits?: Partial<DocumentLimits>;
}

/** A corpus as the loader returns it: its warnings always listed (empty when all is well). */
export type LoadedCorpus = Corpus & { warnings: string[] };

/** Reads and parses a corpus directory. */
export async function loadCorpus(dir: string, options: LoadOptions | LoadProgress = {}): Promise<LoadedCorpus> {
  const limits = typeof options === 'function' ? undefined : options.limits;
  return parseCorpus(await readCorpus(dir, limits ? { limits } : {}), options);
}

/** One problem found while loading, and what was done about it. */
class Problems {
  readonly list: { error: CorpusError; consequence: string }[] = [];
  add(error: unknown, consequence: string, file: string): void {
    const corpusError = error instanceof CorpusError ? error : new CorpusError({ file }, `cannot be read (${(error as Error)?.message ?? String(error)})`);
    this.list.push({ error: corpusError, consequence });
  }
  /** Runs `fn`; a failure is recorded with its consequence and gives undefined. */
  attempt<T>(file: string, consequence: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof CorpusError) && !(error instanceof Error)) throw error;
      this.add(error, consequence, file);
      return undefined;
    }
  }
  warnings(): string[] {
    return this.list.map(({ error, consequence }) => error.warning(consequence));
  }
  /** The first problem as an error, with the others named after it. */
  fail(): never {
    const [first, ...rest] = this.list;
    if (rest.length === 0) throw first!.error;
    throw new CorpusError(first!.error.location, `${first!.error.problem} (and ${rest.length} more: ${rest.map((p) => p.error.message.replace(/^corpus error in /, '')).join('; ')})`);
  }
}

/** Parses and validates files already read. */
export async function parseCorpus(raw: RawCorpus, options: LoadOptions | LoadProgress = {}): Promise<LoadedCorpus> {
  const { strict = false, onProgress, limits: overrides } = typeof options === 'function' ? { onProgress: options } : options;
  const limits = documentLimits(overrides);
  const { dir } = raw;
  const problems = new Problems();
  for (const p of raw.problems) problems.add(p, 'skipped', p.location.file);
  const documents: CorpusDocument[] = [];
  const data: { file: string; source: YamlSource; kind: 'figures' | 'entities' | 'lexicon' }[] = [];
  let loaded = 0;
  for (const { file, name, ext, bytes } of raw.files) {
    onProgress?.({ loaded: ++loaded, total: raw.files.length, file });
    if (READERS[ext]) {
      // Whatever a reader throws (a library's own bug included) skips this document only.
      try {
        const text = await readDocument(file, ext, bytes, limits);
        const doc = buildDocument(file, text);
        for (const p of text.problems) problems.add(p, p instanceof CorpusNotice ? p.consequence : 'value ignored', file);
        documents.push(doc);
      } catch (error) {
        problems.add(error, 'document skipped', file);
      }
    } else {
      const kind = (['figures', 'entities', 'lexicon'] as const).find((k) => name.startsWith(k));
      if (!kind) {
        problems.add(new CorpusError({ file }, 'unrecognised data file: name it figures*.yaml, entities*.yaml or lexicon*.yaml'), 'file skipped', file);
        continue;
      }
      const source = problems.attempt(file, 'file skipped', () => parseYaml(file, decodeText(file, bytes)));
      if (source) data.push({ file, kind, source });
    }
  }
  if (documents.length === 0) {
    if (problems.list.length) problems.fail();
    throw new CorpusError({ file: dir }, 'no documents found');
  }
  const { documents: uniqueDocuments, renamed } = distinctIds(documents);
  for (const r of renamed) {
    const { error, consequence } = renamedProblem(r);
    problems.add(error, consequence, r.document.file);
  }

  const entities = data
    .filter((d) => d.kind === 'entities')
    .flatMap((d) => problems.attempt(d.file, 'file skipped', () => validate(z.array(EntitySchema), d.source, d.file).map((e, i) => ({ e, i, file: d.file, source: d.source }))) ?? []);
  const uniqueEntities = unique(entities.map((x) => ({ item: x, id: x.e.id, file: x.file, line: x.source.lineOf([x.i, 'id']), field: `[${x.i}].id` })), 'entity id', problems, 'entity skipped');
  const entityIds = new Set(uniqueEntities.map(({ e }) => e.id));

  const lexicons = data.filter((d) => d.kind === 'lexicon').flatMap((d) => problems.attempt(d.file, 'file skipped', () => [validate(LexiconSchema, d.source, d.file)]) ?? []);
  const lexicon: LexiconRecord = { synonyms: lexicons.flatMap((l) => l.synonyms), frame: lexicons.flatMap((l) => l.frame) };

  const byId = new Map(uniqueDocuments.map((d) => [d.id, d]));
  const locateIn = (docId: string, text: string, where: { file: string; field: string; line?: number }): Located => {
    const doc = byId.get(docId);
    if (!doc) throw new CorpusError({ ...where, field: where.field.replace(/\.[^.]+$/, '.document') }, `no document with id "${docId}" (known: ${[...byId.keys()].join(', ')})`);
    const start = doc.body.indexOf(text);
    if (start < 0) throw new CorpusError(where, `quote is not verbatim in document "${doc.id}": ${JSON.stringify(text.slice(0, 80))}`);
    return { documentId: doc.id, paragraph: paragraphAt(doc, start)?.number ?? 1, start, end: start + text.length };
  };
  const loadedEntities: LoadedEntity[] = uniqueEntities.flatMap(({ e, i, file, source }) => {
    const entity = problems.attempt(file, 'entity skipped', () => ({
      ...e,
      definitionAt: e.definition.map((quote, j) => locateIn(e.document!, quote, { file, field: `[${i}].definition[${j}]`, line: source.lineOf([i, 'definition', j]) })),
    }));
    return entity ? [entity] : [];
  });
  const figures: LoadedFigure[] = [];
  for (const { file, source } of data.filter((d) => d.kind === 'figures')) {
    const records = problems.attempt(file, 'file skipped', () => validate(z.array(FigureRecordSchema), source, file));
    if (!records) continue;
    const located = records.map((f, i) => ({ f, i }));
    const uniqueRecords = unique(located.map((x) => ({ item: x, id: x.f.id, file, line: source.lineOf([x.i, 'id']), field: `[${x.i}].id` })), 'figure id', problems, 'figure skipped');
    for (const { f, i } of uniqueRecords) {
      const where = (field: string) => ({ file, field: `[${i}].${field}`, line: source.lineOf([i, field]) });
      const figure = problems.attempt(file, 'figure skipped', (): LoadedFigure => {
        const doc = byId.get(f.document);
        if (!doc) throw new CorpusError(where('document'), `no document with id "${f.document}" (known: ${[...byId.keys()].join(', ')})`);
        for (const ref of [f.who, ...f.subjects]) {
          if (ref !== undefined && entityIds.size > 0 && !entityIds.has(ref)) throw new CorpusError(where(ref === f.who ? 'who' : 'subjects'), `no entity with id "${ref}"`);
        }
        const locate = (text: string, field: string): Located => locateIn(doc.id, text, where(field));
        return { ...f, at: locate(f.quote, 'quote'), alsoAt: f.also.map((a) => locate(a, 'also')) };
      });
      if (figure) figures.push(figure);
    }
  }
  const uniqueFigures = unique(figures.map((f) => ({ item: f, id: f.id, file: '(figures)' })), 'figure id', problems, 'figure skipped');
  if (strict && problems.list.length) problems.fail();
  return { dir, documents: uniqueDocuments, figures: uniqueFigures, entities: loadedEntities, lexicon, warnings: problems.warnings() };
}

/** The items whose id was not used before; each repeat is a problem. */
function unique<T>(items: { item: T; id: string; file: string; line?: number; field?: string }[], what: string, problems: Problems, consequence: string): T[] {
  const seen = new Map<string, { file: string; line?: number }>();
  const out: T[] = [];
  for (const entry of items) {
    const first = seen.get(entry.id);
    if (first) {
      const firstAt = first.line !== undefined ? `${first.file} line ${first.line}` : first.file;
      problems.add(new CorpusError({ file: entry.file, field: entry.field ?? 'id', line: entry.line }, `duplicate ${what} "${entry.id}" (first used in ${firstAt})`), consequence, entry.file);
      continue;
    }
    seen.set(entry.id, entry);
    out.push(entry.item);
  }
  return out;
}

export type { Corpus, LoadedEntity, LoadedFigure, Located } from './types.js';
