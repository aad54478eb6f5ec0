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

/** Per question: each compared word's vector row (-1 when not compared), cosines met so far for each, and each passage's coverage. */
interface QuestionCache {
  rows: Int32Array;
  cosines: Map<number, number>[];
  byPassage: Map<Passage, number>;
}

const questionCache = new WeakMap<QuestionFeatures, QuestionCache>();
const passageRows = new WeakMap<Passage, Int32Array>();

export function similarCoverage(vectors: WordVectors): NonNullable<QuestionFeatures['similar']> {
  return (qf, p) => {
    if (qf.tokenWeight === 0) return 0;
    let question = questionCache.get(qf);
    if (!question) {
      const telling = new Set([...qf.tokens].sort((a, b) => b.weight - a.weight).slice(0, WORDS_COMPARED));
      const rows = Int32Array.from(qf.tokens, (t) => (telling.has(t) ? vectors.row(t.token) : -1));
      questionCache.set(qf, (question = { rows, cosines: qf.tokens.map(() => new Map()), byPassage: new Map() }));
    }
    // Several proposals quote the same passage: its coverage is worked out once per question.
    const known = question.byPassage.get(p);
    if (known !== undefined) return known;
    const { rows, cosines } = question;
    let own = passageRows.get(p);
    if (!own) passageRows.set(p, (own = Int32Array.from(new Set(passageText(p).tokens.filter((t) => !STOPWORDS.has(t))), (t) => vectors.row(t)).filter((r) => r >= 0)));
    let covered = 0;
    for (let i = 0; i < qf.tokens.length; i++) {
      const t = qf.tokens[i]!;
      const r = rows[i]!;
      if (r < 0) {
        // A word without a vector (or past the most telling few) counts only where the passage has it as such.
        if (passageText(p).tokenSet.has(t.token)) covered += t.weight;
        continue;
      }
      // Each pair of words is compared once per question, however many passages share it.
      const seen = cosines[i]!;
      let best = 0;
      for (const o of own) {
        if (o === r) {
          best = 1;
          break;
        }
        let c = seen.get(o);
        if (c === undefined) seen.set(o, (c = vectors.cosineOfRows(r, o)));
        if (c > best) best = c;
      }
      covered += t.weight * Math.max(0, Math.min(1, (best - FLOOR) / (CEILING - FLOOR)));
    }
    const coverage = covered / qf.tokenWeight;
    question.byPassage.set(p, coverage);
    return coverage;
  };
}
