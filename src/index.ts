/**
 * The engine's public surface. Adapters import from here and nowhere else in src/.
 */
import { documentLimits, type DocumentLimits } from './corpus/limits.js';

export { createEngine, defaultCorpusDir, preloadWordLists, type EngineOptions } from './engine/engine.js';
export type { Engine, AskOptions, DocumentSummary, Explanation, ExplainedCandidate } from './engine-api.js';
export {
  answerSchemas,
  MAX_QUOTES,
  MAX_QUOTE_CHARS,
  type Answer,
  type AnswerKind,
  type Quote,
  type Figure,
  type Source,
  type AnswerSchemas,
} from './answer.js';
export { UserFacingError, CorpusError, ConfigError, isUserFacing, escapeControls } from './errors.js';
export { DOCUMENT_EXTENSIONS } from './corpus/readers/formats.js';
export type { DocumentText, DocumentMeta, PageSpan } from './corpus/readers/index.js';
export { slug } from './corpus/document.js';
export { DEFAULT_DOCUMENT_LIMITS, documentLimits, type DocumentLimits } from './corpus/limits.js';

/** Reads one document file's bytes as the corpus loader does, within the same limits (the readers load on first use). */
export async function readDocument(file: string, ext: string, bytes: Uint8Array, limits: Partial<DocumentLimits> = {}): Promise<import('./corpus/readers/index.js').DocumentText> {
  return (await import('./corpus/readers/index.js')).readDocument(file, ext, bytes, documentLimits(limits));
}
/** The engine's text analyser (tokens without stopwords, stemmed): lets a report group questions worded alike. */
export { terms as searchTerms } from './text/analyze.js';
