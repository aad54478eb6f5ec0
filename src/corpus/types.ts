/** A loaded corpus: documents with their segmentation, and the validated structured data. */
import type { CorpusDocument } from './document.js';
import type { EntityRecord, FigureRecord, LexiconRecord } from './schemas.js';

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
  /** One line per problem found while loading (a file skipped, a value ignored); empty when all is well. */
  warnings?: string[];
  /** Figures of correction notices and the earlier figures they replace (by figure id). */
  corrections?: { figure: string; replaces: string[] }[];
}

