/**
 * Several sources on one figure: the same amount stated elsewhere is cited
 * from each document; a different amount for the same thing is shown side
 * by side with its source and date; a correction is preferred to the figure
 * it corrects, which is mentioned. Currencies are never converted.
 */
import type { Answer, Quote } from '../answer.js';
import type { FigureEntry, Knowledge } from '../knowledge/knowledge.js';
import * as compose from './compose.js';
import { terms } from '../text/analyze.js';

/** Share of their description words two figures must share to be about the same thing. */
const SAME_THING = 0.4;
/** Description words that say what kind of figure it is, not what it is about. */
const GENERIC = new Set(['number', 'date', 'period', 'length', 'size', 'share', 'valu', 'amount', 'figur', 'when', 'what', 'the', 'durat', 'total']);

export interface Related {
  /** The figure to answer with: the given one, or the correction that replaces it. */
  lead: FigureEntry;
  /** The figure the lead corrects, when it is a correction. */
  corrected?: FigureEntry;
  /** The same value for the same thing, in other documents. */
  agreeing: FigureEntry[];
  /** Another value for the same thing. */
  disagreeing: FigureEntry[];
}

// Computed once per figure: relatedFigures compares a figure with every other.
const aboutCache = new WeakMap<FigureEntry, Set<string>>();

function aboutWords(f: FigureEntry): Set<string> {
  let words = aboutCache.get(f);
  if (!words) aboutCache.set(f, (words = new Set([...f.keywords].filter((s) => !GENERIC.has(s) && !/^\d/.test(s)))));
  return words;
}

// The entities a figure is about, without any its value itself names ("GPUs" in "77,000 GPUs"):
// those say what is counted, not whose it is.
const ownersCache = new WeakMap<FigureEntry, Set<string>>();

function ownersOf(f: FigureEntry, k: Knowledge): Set<string> {
  let owners = ownersCache.get(f);
  if (!owners) {
    const value = new Set(terms(f.figure.display));
    const measured = (id: string) => {
      const e = k.matcher.get(id);
      return !!e && terms(e.name).every((stem) => value.has(stem));
    };
    ownersCache.set(f, (owners = new Set(f.figure.subjects.filter((id) => !measured(id)))));
  }
  return owners;
}

/**
 * Two figures can give the same thing only when, both naming whose it is, the
 * one names all the other does ("France" and "France, the Élysée"; not
 * "A and B" and "A and C", two different partnerships of A).
 */
function sameOwner(a: FigureEntry, b: FigureEntry, k: Knowledge): boolean {
  const x = ownersOf(a, k);
  const y = ownersOf(b, k);
  if (!x.size || !y.size) return true;
  return within(x, y) || within(y, x);
}

function within(small: Set<string>, large: Set<string>): boolean {
  for (const id of small) if (!large.has(id)) return false;
  return true;
}

// Figures by the words of their description: a figure is only about the same thing as
// another when they share one, so these are all relatedFigures needs to look at.
const aboutIndexCache = new WeakMap<object, Map<string, number[]>>();

function figuresAbout(k: Knowledge): Map<string, number[]> {
  let index = aboutIndexCache.get(k.index);
  if (!index) {
    index = new Map();
    k.figures.forEach((f, i) => {
      for (const w of aboutWords(f)) {
        const list = index!.get(w);
        if (list) list.push(i);
        else index!.set(w, [i]);
      }
    });
    aboutIndexCache.set(k.index, index);
  }
  return index;
}

/** Works out the per-figure tables figure answers use, so that no question pays for them first. */
export function prepareFigureTables(k: Knowledge): void {
  figuresById(k);
  figuresAbout(k);
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / Math.min(a.size, b.size);
}

function sameValue(a: FigureEntry, b: FigureEntry): boolean {
  const x = a.figure;
  const y = b.figure;
  if (x.amount !== undefined && y.amount !== undefined) return x.currency === y.currency && Math.abs(x.amount - y.amount) <= 0.01 * Math.max(x.amount, y.amount);
  return x.display.toLowerCase().replace(/^(?:in|by|on)\s+/, '') === y.display.toLowerCase().replace(/^(?:in|by|on)\s+/, '');
}

const byIdCache = new WeakMap<object, Map<string, FigureEntry>>();

/** The figures by id, worked out once per index. */
export function figuresById(k: Knowledge): Map<string, FigureEntry> {
  let byId = byIdCache.get(k.index);
  if (!byId) byIdCache.set(k.index, (byId = new Map(k.figures.map((f) => [f.figure.id, f]))));
  return byId;
}

/**
 * The correction that replaces a figure: one that names it, or names a
 * figure of the same value for the same thing (a notice quotes the wrong
 * figure again: "an earlier version said €25 million").
 */
export function correctionOf(entry: FigureEntry, k: Knowledge): { figure: string; replaces: string[] } | undefined {
  const corrections = k.corpus.corrections ?? [];
  if (!corrections.length) return undefined;
  const byId = figuresById(k);
  return corrections.find((c) =>
    c.figure !== entry.figure.id &&
    c.replaces.some((id) => {
      if (id === entry.figure.id) return true;
      const replaced = byId.get(id);
      return !!replaced && replaced.figure.kind === entry.figure.kind && sameValue(replaced, entry) && similarity(aboutWords(replaced), aboutWords(entry)) >= SAME_THING;
    }),
  );
}

/** What the other sources say about the thing a figure measures. */
export function relatedFigures(entry: FigureEntry, k: Knowledge): Related {
  const byId = figuresById(k);
  const corrections = k.corpus.corrections ?? [];
  const replacedBy = correctionOf(entry, k);
  const lead = (replacedBy && byId.get(replacedBy.figure)) || entry;
  // The figure corrected, as another document gave it where one did.
  const correction = corrections.find((c) => c.figure === lead.figure.id);
  const replaced = correction ? k.figures.filter((f) => f !== lead && correctionOf(f, k) === correction) : [];
  const corrected = replaced.find((f) => f.doc !== lead.doc) ?? replaced[0];
  const words = aboutWords(lead);
  // Description words shared with each figure that shares any, in corpus order (the order decides
  // which of several documents stating a value is cited).
  const shared = new Map<number, number>();
  const about = figuresAbout(k);
  for (const w of words) for (const i of about.get(w) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
  const agreeing: FigureEntry[] = [];
  const disagreeing: FigureEntry[] = [];
  for (const i of [...shared.keys()].sort((a, b) => a - b)) {
    const other = k.figures[i]!;
    if (other === lead || other === corrected || other.figure.kind !== lead.figure.kind || correctionOf(other, k)) continue;
    // A quote from the same sentence says nothing new.
    if (other.doc === lead.doc && other.figure.at.start === lead.figure.at.start) continue;
    if (shared.get(i)! / Math.min(words.size, aboutWords(other).size) < SAME_THING || !sameOwner(lead, other, k)) continue;
    if (sameValue(lead, other)) {
      if (other.doc !== lead.doc && !agreeing.some((a) => a.doc === other.doc)) agreeing.push(other);
    } else if (other.doc !== lead.doc && !disagreeing.some((d) => d.doc === other.doc || sameValue(d, other))) disagreeing.push(other);
  }
  return { lead, ...(corrected ? { corrected } : {}), agreeing, disagreeing };
}

function sourceName(f: FigureEntry): string {
  const published = f.doc.meta.published;
  const date = published instanceof Date ? published.toISOString().slice(0, 10) : published;
  const name = f.doc.meta.publisher ?? compose.clip(f.doc.title, 60);
  return `${name}${date ? `, ${date}` : ''}`;
}

/** An answer from a figure, with what the other sources say about the same thing. */
export function answerWithSources(entry: FigureEntry, k: Knowledge, confidence: number): Answer {
  const r = relatedFigures(entry, k);
  const several = k.corpus.documents.length > 1;
  const base = compose.answerFromFigure(r.lead, k, confidence);
  if (!several) return base;
  const notes: string[] = [];
  const extra: Quote[] = [];
  if (r.corrected) {
    notes.push(`It corrects the ${r.corrected.figure.display} given earlier${r.corrected.doc !== r.lead.doc ? ` (${sourceName(r.corrected)})` : ''}.`);
    extra.push(compose.figureQuote(r.corrected, k));
  }
  if (r.disagreeing.length) {
    notes.push(`The sources differ: ${[r.lead, ...r.disagreeing].map((f) => `${sourceName(f)} says ${f.figure.display}`).join('; ')}.`);
    extra.push(...r.disagreeing.map((f) => compose.figureQuote(f, k)));
  }
  if (r.agreeing.length) extra.push(...r.agreeing.map((f) => compose.figureQuote(f, k)));
  const text = `${base.answer.replace(/\.$/, '')} (${sourceName(r.lead)}).${notes.length ? ` ${notes.join(' ')}` : ''}`;
  // The lead's own quote first, then the other sources', then the lead's further quotes.
  const quotes = compose.dedupeQuotes([base.quotes[0]!, ...extra, ...base.quotes.slice(1)]);
  const figures = [...base.figures, ...r.disagreeing.map(compose.figureOf)];
  return { ...base, answer: text, quotes, figures, confidence: r.disagreeing.length ? confidence * 0.8 : confidence };
}

/** Kinds of figure a digest shows, in the order it prefers them. */
const DIGEST_KINDS: Record<string, number> = { money: 0, count: 1, percent: 2, duration: 3 };

/** What a figure's value is, whatever the words around it: "€900m" and "900 million euros" alike. */
export function valueKey(f: FigureEntry): string {
  const x = f.figure;
  if (x.amount !== undefined) return `${x.kind} ${x.currency ?? ''} ${Math.round(x.amount * 100) / 100}`;
  const count = compose.countValue(x.display);
  return `${x.kind} ${count ?? x.display.toLowerCase()}`;
}

/**
 * The main figures, most important first: a value that more documents state
 * matters more; then money before counts, shares and periods; then a
 * headline figure, one quoted more than once, or a stated total. A figure a
 * correction replaced is left out, and each value is shown once.
 */
export function rankForDigest(pool: FigureEntry[], k: Knowledge): FigureEntry[] {
  const documents = new Map<string, Set<string>>();
  for (const f of k.figures) {
    const key = valueKey(f);
    documents.set(key, (documents.get(key) ?? new Set()).add(f.doc.id));
  }
  const weight = (f: FigureEntry) => (f.headline ? 2 : 0) + f.figure.also.length + (f.figure.parts.length ? 1 : 0);
  const ranked = pool
    .filter((f) => DIGEST_KINDS[f.figure.kind] !== undefined && !correctionOf(f, k))
    .sort((a, b) => documents.get(valueKey(b))!.size - documents.get(valueKey(a))!.size || DIGEST_KINDS[a.figure.kind]! - DIGEST_KINDS[b.figure.kind]! || weight(b) - weight(a));
  const seen = new Set<string>();
  return ranked.filter((f) => (seen.has(valueKey(f)) ? false : (seen.add(valueKey(f)), true)));
}
