/**
 * The engine's public surface. Adapters import from here and nowhere else in src/.
 */
export { createEngine, defaultCorpusDir, type EngineOptions } from './engine/engine.js';
export type { Engine, AskOptions, DocumentSummary, Explanation, ExplainedCandidate } from './engine/types.js';
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
export { UserFacingError, CorpusError, ConfigError, isUserFacing } from './errors.js';
/** The engine's text analyser (tokens without stopwords, stemmed): lets a report group questions worded alike. */
export { terms as searchTerms } from './text/analyze.js';
