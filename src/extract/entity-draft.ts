/** An entity as extraction builds it up from a corpus, before it becomes a record. */
import type { CorpusDocument } from '../corpus/document.js';
import type { Sentence } from '../text/segment.js';
import type { Kind, PlaceKind } from './signals.js';

export interface DefinitionSource {
  doc: CorpusDocument;
  sentence: Sentence;
  /** How strongly the sentence defines the entity: copula and acronym definitions first. */
  strength: number;
}

export interface EntityDraft {
  name: string;
  kind: Kind;
  place?: PlaceKind;
  aliases: Set<string>;
  /** Adjectives that name it ("Canadian" for Canada). */
  adjectives: Set<string>;
  description?: string;
  descriptionStrength: number;
  definitions: DefinitionSource[];
  mentions: number;
}
