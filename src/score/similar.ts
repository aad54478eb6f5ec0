/**
 * Coverage of a question's words by a passage through words of similar
 * meaning (word vectors): each question word the passage does not hold
 * counts as much as the passage's closest word is like it ("backing" and
 * "funding"), past a floor below which words are merely related.
 */
import type { Passage } from '../knowledge/knowledge.js';
import { STOPWORDS } from '../text/analyze.js';
import { passageText } from '../knowledge/passage-text.js';
import type { WordVectors } from '../text/word-vectors.js';
import type { QuestionFeatures } from './features.js';

/** Cosine below which two words count as unlike. */
const FLOOR = 0.35;
/** Cosine from which two words count as the same. */
const CEILING = 0.85;
/** Question words compared, the most telling first: each costs a comparison with every word of every candidate. */
const WORDS_COMPARED = 6;

const rowsCache = new WeakMap<QuestionFeatures, { rows: Int32Array; pairs: Map<number, number> }>();
const passageRows = new WeakMap<Passage, Int32Array>();

export function similarCoverage(vectors: WordVectors): NonNullable<QuestionFeatures['similar']> {
  return (qf, p) => {
    if (qf.tokenWeight === 0) return 0;
    // Each pair of words is compared once per question, however many passages share it.
    let question = rowsCache.get(qf);
    if (!question) {
      const telling = new Set([...qf.tokens].sort((a, b) => b.weight - a.weight).slice(0, WORDS_COMPARED));
      rowsCache.set(qf, (question = { rows: Int32Array.from(qf.tokens, (t) => (telling.has(t) ? vectors.row(t.token) : -1)), pairs: new Map() }));
    }
    const { rows, pairs } = question;
    let own = passageRows.get(p);
    if (!own) passageRows.set(p, (own = Int32Array.from(new Set(passageText(p).tokens.filter((t) => !STOPWORDS.has(t))), (t) => vectors.row(t)).filter((r) => r >= 0)));
    let covered = 0;
    qf.tokens.forEach((t, i) => {
      const r = rows[i]!;
      if (r < 0) {
        // A word without a vector (or past the most telling few) counts only where the passage has it as such.
        if (passageText(p).tokenSet.has(t.token)) covered += t.weight;
        return;
      }
      let best = 0;
      for (const o of own!) {
        if (o === r) {
          best = 1;
          break;
        }
        const key = r * 1_000_000 + o;
        let c = pairs.get(key);
        if (c === undefined) pairs.set(key, (c = vectors.cosineOfRows(r, o)));
        if (c > best) best = c;
      }
      covered += t.weight * Math.max(0, Math.min(1, (best - FLOOR) / (CEILING - FLOOR)));
    });
    return covered / qf.tokenWeight;
  };
}
