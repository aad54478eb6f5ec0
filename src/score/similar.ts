/**
 * Coverage of a question's words by a passage through words of similar
 * meaning (word vectors): each question word the passage does not hold
 * counts as much as the passage's closest word is like it ("backing" and
 * "funding"), past a floor below which words are merely related.
 */
import type { Passage } from '../knowledge/knowledge.js';
import { STOPWORDS, tokenize } from '../text/analyze.js';
import type { WordVectors } from '../text/word-vectors.js';
import type { QuestionFeatures } from './features.js';

/** Cosine below which two words count as unlike. */
const FLOOR = 0.35;
/** Cosine from which two words count as the same. */
const CEILING = 0.85;

const rowsCache = new WeakMap<QuestionFeatures, Int32Array>();
const passageRows = new WeakMap<Passage, Int32Array>();

export function similarCoverage(vectors: WordVectors): NonNullable<QuestionFeatures['similar']> {
  return (qf, p) => {
    if (qf.tokenWeight === 0) return 0;
    let rows = rowsCache.get(qf);
    if (!rows) rowsCache.set(qf, (rows = Int32Array.from(qf.tokens, (t) => vectors.row(t.token))));
    let own = passageRows.get(p);
    if (!own) passageRows.set(p, (own = Int32Array.from(new Set(tokenize(p.sentence.text).filter((t) => !STOPWORDS.has(t))), (t) => vectors.row(t)).filter((r) => r >= 0)));
    let covered = 0;
    qf.tokens.forEach((t, i) => {
      const r = rows![i]!;
      if (r < 0) return;
      let best = 0;
      for (const o of own!) {
        const c = o === r ? 1 : vectors.cosineOfRows(r, o);
        if (c > best) best = c;
      }
      covered += t.weight * Math.max(0, Math.min(1, (best - FLOOR) / (CEILING - FLOOR)));
    });
    return covered / qf.tokenWeight;
  };
}
