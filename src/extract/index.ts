/** Automatic knowledge for documents nobody curated: see extract.ts. */
export { extractKnowledge, type ExtractOptions, type ExtractedKnowledge, type Correction } from './extract.js';
export type { FigureKind } from './amounts.js';
export { mergeWithCurated, type Curated } from './curation.js';
