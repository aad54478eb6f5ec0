/**
 * Sums and comparisons of named things ("the French package and Stargate"):
 * the question split into its parts, each matched to its best money figure.
 */
import type { FigureEntry, Knowledge } from '../knowledge/knowledge.js';
import type { AnalyzedQuestion } from '../understand/question.js';
import { terms } from '../text/analyze.js';

/**
 * The figures a comparison or sum is about: the question split into its
 * parts ("the French package" / "the Stargate project"), each part matched to
 * its best money figure by the entities it names and the words it uses.
 */
/** Words of one compared part whose figures are looked up, rarest first. */
const PART_WORDS_LOOKED_UP = 8;

interface MoneyFigures {
  byEntity: Map<string, FigureEntry[]>;
  byKeyword: Map<string, FigureEntry[]>;
}

const moneyCache = new WeakMap<object, MoneyFigures>();

/** Money figures by entity and by description word, worked out once per index (createEngine does it at start). */
export function moneyFiguresOf(k: Knowledge): MoneyFigures {
  let money = moneyCache.get(k.index);
  if (!money) {
    money = { byEntity: new Map(), byKeyword: new Map() };
    const add = (map: Map<string, FigureEntry[]>, key: string, f: FigureEntry) => {
      const list = map.get(key);
      if (list) list.push(f);
      else map.set(key, [f]);
    };
    for (const f of k.figures) {
      if (f.figure.kind !== 'money') continue;
      for (const id of f.entities) add(money.byEntity, id, f);
      for (const s of f.keywords) add(money.byKeyword, s, f);
    }
    moneyCache.set(k.index, money);
  }
  return money;
}

/** Parts of a sum or comparison matched to figures: each is weighed against every money figure, so a pasted list stops here. */
const MAX_COMPARED_PARTS = 8;

export function pickFiguresForParts(q: AnalyzedQuestion, k: Knowledge): FigureEntry[] {
  // The parts with their places in the question: its entities (found once, forgivingly) are each part's own.
  const parts: { text: string; start: number; end: number }[] = [];
  let from = 0;
  for (const sep of [...q.text.matchAll(/\b(?:and|plus|with|versus|vs\.?|against|or|to|than)\b|[,;&+]/gi), undefined]) {
    const to = sep?.index ?? q.text.length;
    const text = q.text.slice(from, to);
    if (/\p{L}{3}/u.test(text)) parts.push({ text, start: from, end: to });
    from = to + (sep?.[0].length ?? 0);
  }
  parts.splice(MAX_COMPARED_PARTS);
  const picked: FigureEntry[] = [];
  const taken = new Set<FigureEntry>(); // the picked figures, looked up in constant time
  const money = moneyFiguresOf(k);
  for (const part of parts) {
    const entities = new Set(q.entities.filter((m) => m.start >= part.start && m.end <= part.end).map((m) => m.entity.id));
    // Only figures about one of the part's entities or described by one of its words can score enough.
    // A long part is no name of one thing: its rarest few words are looked up and weighed.
    const rarest = [...new Set(terms(part.text))]
      .map((stem) => ({ stem, figures: money.byKeyword.get(stem) ?? [] }))
      .sort((a, b) => a.figures.length - b.figures.length)
      .slice(0, PART_WORDS_LOOKED_UP);
    const stems = rarest.map((r) => r.stem);
    const found = new Set<FigureEntry>();
    for (const id of entities) for (const f of money.byEntity.get(id) ?? []) found.add(f);
    for (const { figures } of rarest) for (const f of figures) found.add(f);
    // Weighed in corpus order: the first of equal scores wins.
    const candidates = [...found].sort((a, b) => a.id - b.id);
    let best: { figure: FigureEntry; score: number } | undefined;
    for (const f of candidates) {
      if (taken.has(f)) continue;
      let score = 0;
      for (const id of entities) if (f.entities.has(id)) score += f.figure.subjects[0] === id || f.figure.who === id ? 2 : 1.5;
      for (const s of stems) if (f.stems.has(s)) score += f.keywords.has(s) ? 1 : 0.3;
      // A stated total is not one of its own parts.
      if (q.type === 'total' && f.figure.parts.length) score -= 1;
      if (score > (best?.score ?? 0.9)) best = { figure: f, score };
    }
    if (best) {
      picked.push(best.figure);
      taken.add(best.figure);
    }
  }
  return picked;
}

