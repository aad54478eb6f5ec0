/**
 * Every document keeps a distinct id, however the corpus was put together:
 * two files may claim one id in their front matter (a copy edited, or a
 * document posing as another), or two folders may hold files of one name.
 * Both stay searchable and each is cited under its own title; one warning
 * names both files.
 */
import { basename, extname } from 'node:path';
import { CorpusError } from '../errors.js';
import { slug, type CorpusDocument } from './document.js';

export interface Renamed {
  /** The document as it is served, under its new id. */
  document: CorpusDocument;
  /** The id it claimed. */
  claimed: string;
  /** The document that keeps the claimed id. */
  keeper: CorpusDocument;
}

const fileSlug = (doc: CorpusDocument) => slug(basename(doc.file, extname(doc.file)));

/**
 * The documents with distinct ids, in the same order. Of the documents that
 * claim one id, it stays with the one whose file name it is ("investai.md"
 * for "investai"), else with the first by path; each other one is served
 * under an id made from its file name, numbered when that is taken too.
 */
export function distinctIds(documents: readonly CorpusDocument[]): { documents: CorpusDocument[]; renamed: Renamed[] } {
  const claims = new Map<string, CorpusDocument[]>();
  for (const doc of documents) {
    const list = claims.get(doc.id);
    if (list) list.push(doc);
    else claims.set(doc.id, [doc]);
  }
  const taken = new Set(claims.keys());
  const renamed = new Map<CorpusDocument, Renamed>();
  for (const [id, docs] of claims) {
    if (docs.length < 2) continue;
    const keeper = docs.find((d) => fileSlug(d) === id) ?? docs[0]!;
    for (const doc of docs) {
      if (doc === keeper) continue;
      const base = fileSlug(doc);
      let next = base;
      for (let n = 2; taken.has(next); n++) next = `${base}-${n}`;
      taken.add(next);
      renamed.set(doc, { document: { ...doc, id: next }, claimed: id, keeper });
    }
  }
  return { documents: documents.map((d) => renamed.get(d)?.document ?? d), renamed: [...renamed.values()] };
}

/** The problem to report for a renamed document, at its front matter's id when it has one. */
export function renamedProblem({ document, claimed, keeper }: Renamed): { error: CorpusError; consequence: string } {
  const where = document.meta.id !== undefined ? { file: document.file, field: 'id' } : { file: document.file };
  return {
    error: new CorpusError(where, `duplicate document id "${claimed}" (also the id of ${keeper.file})`),
    consequence: `document kept as "${document.id}"`,
  };
}
