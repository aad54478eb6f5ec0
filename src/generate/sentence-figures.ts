/**
 * The figures a sentence states, and which of them a question asks for: the
 * one of the kind asked (an amount, a count, a date, a duration) whose own
 * description covers most of the question's words, and among equals the one
 * standing nearest to the question's words in the sentence.
 */
import type { FigureEntry, Knowledge, Passage } from '../knowledge/knowledge.js';
import { passageAt } from '../knowledge/knowledge.js';
import { passageText } from '../knowledge/passage-text.js';
import type { AnalyzedQuestion } from '../understand/question.js';
import { figureFits } from './type-fit.js';

const byPassage = new WeakMap<object, Map<Passage, FigureEntry[]>>();

/** Figures by the passage holding their quote (or any of their other quotes), worked out once per index. */
export function figuresOfPassage(k: Knowledge, p: Passage): readonly FigureEntry[] {
  let map = byPassage.get(k.index);
  if (!map) {
    map = new Map();
    for (const f of k.figures) {
      for (const at of [f.figure.at, ...f.figure.alsoAt]) {
        const doc = at === f.figure.at ? f.doc : k.corpus.documents.find((d) => d.id === at.documentId);
        const holder = doc ? passageAt(k, doc, at.start) : undefined;
        if (!holder) continue;
        const list = map.get(holder);
        if (list) {
          if (!list.includes(f)) list.push(f);
        } else map.set(holder, [f]);
      }
    }
    byPassage.set(k.index, map);
  }
  return map.get(p) ?? [];
}

export interface FigureFit {
  figure: FigureEntry;
  /** Share (by weight) of the question's words the figure's own description holds. */
  described: number;
  /** How close it stands to the question's words in the sentence, 0..1. */
  near: number;
  /** Share of the question's subjects the figure is about (its subjects, whoever gave it). */
  subject: number;
}

/** The sentence's figure the question asks for, if one is of the kind it asks. */
export function askedFigure(q: AnalyzedQuestion, k: Knowledge, p: Passage, stems: readonly { stem: string; weight: number; expansions: readonly string[] }[]): FigureFit | undefined {
  let figures = figuresOfPassage(k, p).filter((f) => figureFits(q, f) || q.amounts.some((a) => a.value === f.figure.amount));
  if (!figures.length) return undefined;
  // "How big is the fund?": an amount of money before a count, when the sentence has one.
  if (q.type === 'how_much' && figures.some((f) => f.figure.kind === 'money')) figures = figures.filter((f) => f.figure.kind === 'money');
  const total = stems.reduce((n, s) => n + s.weight, 0);
  const words = passageText(p).terms;
  const positions = words.map((w, i) => (stems.some((s) => s.stem === w || s.expansions.includes(w)) ? i : -1)).filter((i) => i >= 0);
  const subjects = [...new Set(q.entities.filter((e) => !e.adjective).map((e) => e.entity.id))];
  let best: FigureFit | undefined;
  const fit = (f: FigureFit) => f.described + f.subject;
  for (const figure of figures) {
    const described = total ? stems.reduce((n, s) => n + (figure.keywords.has(s.stem) || s.expansions.some((e) => figure.keywords.has(e)) ? s.weight : 0), 0) / total : 0;
    // Where the figure's value stands among the sentence's words.
    const at = figure.figure.at.start >= p.sentence.start && figure.figure.at.end <= p.sentence.end ? words.length * ((figure.figure.at.start - p.sentence.start) / Math.max(1, p.sentence.text.length)) : -1;
    const distance = at < 0 || !positions.length ? words.length : Math.min(...positions.map((i) => Math.abs(i - at)));
    const near = 1 / (1 + distance / 3);
    const subject = subjects.length ? subjects.filter((id) => figure.entities.has(id)).length / subjects.length : 0;
    const candidate = { figure, described, near, subject };
    // What the figure is said to be of, and whose it is; between equals the one nearer the question's words, then the headline one.
    if (!best || fit(candidate) > fit(best) + 1e-9 || (Math.abs(fit(candidate) - fit(best)) <= 1e-9 && (near > best.near || (near === best.near && figure.headline && !best.figure.headline)))) best = candidate;
  }
  return best;
}
