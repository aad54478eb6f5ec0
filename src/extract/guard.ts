/**
 * Extraction that no document can take down. Names are merged across
 * documents, so extraction runs over all of them together; when that throws
 * (a bug met by some text nobody foresaw), the documents that make it throw
 * are found and left out of extraction, each with one warning. Their text
 * still serves: it was read without trouble, and a quote needs no figure,
 * so only their extracted figures and names are lost.
 */
import { CorpusError } from '../errors.js';
import type { CorpusDocument } from '../corpus/document.js';
import { extractKnowledge, type ExtractedKnowledge, type ExtractOptions } from './extract.js';

export interface GuardOptions extends ExtractOptions {
  /**
   * Documents left out one at a time when the failure shows only in
   * combination (each document alone extracts fine); each costs about
   * log2(documents) extraction runs. Past it, nothing is extracted. Default 3.
   */
  maxSearches?: number;
  /** The extraction run (tests give one that fails on purpose). Default extractKnowledge. */
  extract?: (documents: CorpusDocument[], options: ExtractOptions) => ExtractedKnowledge;
}

export interface GuardedExtraction extends ExtractedKnowledge {
  /** One warning line per document left out, naming its file and the reason. */
  warnings: string[];
}

const CONSEQUENCE = 'document served without extracted figures and names';

function reasonOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function warningFor(doc: CorpusDocument, error: unknown): string {
  return new CorpusError({ file: doc.file }, `figures and names could not be extracted (${reasonOf(error)})`).warning(CONSEQUENCE);
}

/** extractKnowledge over `documents`, leaving out those it fails on. */
export function extractGuarded(documents: CorpusDocument[], options: GuardOptions = {}): GuardedExtraction {
  const { maxSearches = 3, extract = extractKnowledge, ...extractOptions } = options;
  const attempt = (docs: CorpusDocument[]): { knowledge: ExtractedKnowledge } | { error: unknown } => {
    try {
      return { knowledge: extract(docs, extractOptions) };
    } catch (error) {
      return { error };
    }
  };
  const first = attempt(documents);
  if ('knowledge' in first) return { ...first.knowledge, warnings: [] };

  // Most failures come from one document's own text: each alone, which costs about one more run in all.
  const warnings: string[] = [];
  let kept = documents.filter((doc) => {
    const alone = attempt([doc]);
    if ('knowledge' in alone) return true;
    warnings.push(warningFor(doc, alone.error));
    return false;
  });
  for (let search = 0; ; search++) {
    if (kept.length === 0) return { entities: [], figures: [], corrections: [], warnings };
    const run = attempt(kept);
    if ('knowledge' in run) return { ...run.knowledge, warnings };
    if (search === maxSearches) {
      // Past the searches: the text of every document serves, without extraction.
      warnings.push(...kept.map((doc) => warningFor(doc, run.error)));
      return { entities: [], figures: [], corrections: [], warnings };
    }
    const culprit = firstFailingPrefix(kept, attempt);
    warnings.push(warningFor(kept[culprit]!, run.error));
    kept = kept.filter((_, i) => i !== culprit);
  }
}

/**
 * The document whose addition makes extraction fail, `docs` as a whole
 * failing: the last of the shortest prefix that fails, found by bisection.
 */
function firstFailingPrefix(docs: CorpusDocument[], attempt: (docs: CorpusDocument[]) => object): number {
  const fails = (n: number) => !('knowledge' in attempt(docs.slice(0, n)));
  // Invariant: a prefix of `good` documents extracts (none at first), one of `bad` fails (all at first).
  let good = 0;
  let bad = docs.length;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (fails(mid)) bad = mid;
    else good = mid;
  }
  return bad - 1;
}
