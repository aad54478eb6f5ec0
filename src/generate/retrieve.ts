/**
 * Generates the candidate passages and figures for an analysed question from
 * several retrievers at once, fused by reciprocal rank (as haystack's
 * DocumentJoiner does), then measured (measure.ts):
 * - question: the question's own words and entities (misspellings mapped to
 *   corpus words), with their lexicon stand-ins, within a budget of postings;
 * - plain: every word as typed, as a plain BM25 search takes it, so a
 *   passage a plain search puts first is always among the candidates;
 * - entity: the entities the question names, alone;
 * - similar: corpus words of similar meaning (word vectors) to question words
 *   the corpus lacks;
 * - neighbour: the sentences beside the best ones ("It opened in 1932.").
 */
import type { AnalyzedQuestion } from '../understand/question.js';
import { passageAt, stemsOf, type FigureEntry, type Knowledge, type Passage } from '../knowledge/knowledge.js';
import { terms as termsOf } from '../text/analyze.js';
import { rankedSearch, type TermQuery } from '../knowledge/ranked-search.js';
import { spokenSubjects } from './occasion.js';
import { judge, viewOf, type Candidate, type RetrieverRanks } from './measure.js';

export { FIGURE_TYPES, type Candidate } from './measure.js';

export interface RetrieveOptions {
  /** Candidates each retriever contributes at most. Default 40. */
  searchLimit?: number;
  /** Candidates kept after fusion, best first. Default 48. */
  poolSize?: number;
  /** Weight of lexicon expansions relative to the question's own words. Default 0.35. */
  expansionWeight?: number;
  /** Best candidates whose neighbouring sentences join the pool. Default 10. */
  neighbourOf?: number;
  /** Similar words (from word vectors) searched for a question word the corpus lacks. Default: none (no vectors). */
  similarWords?: (q: AnalyzedQuestion, k: Knowledge) => string[];
  /** Record why each candidate scored as it did (for explain). Default false. */
  reasons?: boolean;
}

/** Reciprocal-rank fusion's constant: a rank r adds 1 / (RRF_K + r). */
const RRF_K = 60;

/** Stand-ins searched for each question word. */
const EXPANSIONS_PER_WORD = 3;

/** Results looked through, as a multiple of the search limit, for the words the search left out. */
const DROPPED_TERMS_POOL = 5;

/** How many of these stems or entity ids a passage or figure holds. */
function heldCount(k: Knowledge, id: number, keys: readonly string[]): number {
  const passage = id < k.passages.length ? k.passages[id] : undefined;
  if (passage) {
    const stems = stemsOf(passage);
    return keys.filter((t) => stems.has(t) || passage.entities.has(t)).length;
  }
  const figure = k.figures[id - k.passages.length];
  return figure ? keys.filter((t) => figure.stems.has(t) || figure.entities.has(t)).length : 0;
}

/** From this many passages on, a search first asks for passages holding every part of the question. */
const ALL_PARTS_MIN_PASSAGES = 5_000;

/**
 * The parts of a question as OR-groups of chosen search terms: each content
 * word with its stand-ins, each entity with the words of its own names.
 */
function questionGroups(q: AnalyzedQuestion, chosen: ReadonlySet<string>, k: Knowledge): string[][] {
  const groups: string[][] = [];
  const nameWords = q.terms.filter((t) => t.inEntity && chosen.has(t.stem)).map((t) => t.stem);
  for (const id of new Set(q.entities.map((e) => e.entity.id))) {
    const entity = k.matcher.get(id);
    const own = entity ? new Set(termsOf([entity.name, ...entity.aliases].join(' '))) : undefined;
    const g = [id, ...nameWords.filter((stem) => own?.has(stem))].filter((t) => chosen.has(t));
    if (g.length) groups.push([...new Set(g)]);
  }
  for (const t of q.terms) {
    if (t.inEntity || k.lexicon.isFrame(t.stem) || !chosen.has(t.stem)) continue;
    groups.push([t.stem, ...k.lexicon.expand(t.stem).filter((x) => chosen.has(x))]);
  }
  return groups;
}

/** Fields searched, with their boosts: a passage's words, and the entities it names. */
const SEARCH_FIELDS = { text: 1, ents: 1.5 };

/** Passages a search may score, as a share of the corpus (at least the minimum): bounds the time of one search. */
const SEARCH_BUDGET_SHARE = 0.05;
const SEARCH_BUDGET_MIN = 2_000;
/** Terms searched for whatever the budget. */
const MIN_QUERY_TERMS = 1;



/** Picks terms, rarest first, while the postings they would score stay within the budget. */
function withinBudget(k: Knowledge, primary: readonly string[], secondary: readonly string[] = []): { chosen: Set<string>; dropped: string[] } {
  const budget = Math.max(SEARCH_BUDGET_MIN, SEARCH_BUDGET_SHARE * k.passages.length);
  const chosen = new Set<string>();
  let postings = 0;
  for (const term of primary) {
    if (chosen.size >= MIN_QUERY_TERMS && postings + k.frequency(term) > budget) continue;
    chosen.add(term);
    postings += k.frequency(term);
  }
  for (const term of secondary) {
    if (postings + k.frequency(term) > budget) continue;
    chosen.add(term);
    postings += k.frequency(term);
  }
  return { chosen, dropped: primary.filter((t) => !chosen.has(t)) };
}

/** Search ids, best first, of one retriever. */
type Ranked = number[];

/** The question's own words and entities with their stand-ins (the retriever the engine was built on). */
function questionRetriever(q: AnalyzedQuestion, k: Knowledge, limit: number, expansionWeight: number): { ids: Ranked; scores: Map<number, number> } {
  // Words that only frame the question ("supposed", "planned") would pull in passages that happen to use them.
  const content = q.terms.filter((t) => !k.lexicon.isFrame(t.stem) && (t.known || t.inEntity));
  const own = [...new Set((content.length ? content : q.terms).map((t) => t.stem))];
  // The person speaking of a subject the question asks the occasion of is searched for too (occasion.ts).
  const spoken = spokenSubjects(q, k);
  const entityIds = [...new Set([...q.entities.map((e) => e.entity.id), ...[...spoken.values()].map((s) => s.speaker)])];
  const ownSet = new Set(own);
  // Of each word's stand-ins, the rarest few: they tell passages apart, and each one costs a term look-up.
  const expansions = [
    ...new Set(
      own.flatMap((t) =>
        k.lexicon
          .expand(t)
          .filter((x) => k.vocabulary.has(x) && !ownSet.has(x))
          .sort((a, b) => k.frequency(a) - k.frequency(b))
          .slice(0, EXPANSIONS_PER_WORD),
      ),
    ),
  ];
  // The question's own words and entities first, then stand-ins, rarest first within each,
  // until the passages they would score reach the budget: a word in thousands of
  // passages adds little to the ranking but most of the search time.
  const byRarity = (a: string, b: string) => k.frequency(a) - k.frequency(b);
  const primary = [...new Set([...own, ...entityIds])].sort(byRarity);
  const secondary = expansions.filter((t) => !primary.includes(t)).sort(byRarity);
  const { chosen, dropped } = withinBudget(k, primary, secondary);
  if (chosen.size === 0) return { ids: [], scores: new Map() };
  const entitySet = new Set(entityIds);
  const queries = [...chosen].map((term) => ({ term, boost: entitySet.has(term) ? 1.2 : ownSet.has(term) ? 1 : expansionWeight }));
  // In a large corpus, passages holding every part of the question (each word or a stand-in,
  // each entity or its name) would drown among those holding one: they go first, in the same
  // search (a passage holds every part when its matched terms meet every group).
  const groups = questionGroups(q, chosen, k);
  const everyPart = k.passages.length >= ALL_PARTS_MIN_PASSAGES && groups.length >= 2;
  // Words left out of the search for their cost still tell the best passages apart: among a wider
  // pool of the results, those holding more of them come first (a check of the pool, not a search).
  const found = rankedSearch(k.index, queries, { fields: SEARCH_FIELDS, groups: everyPart ? groups : [], limit: dropped.length ? limit * DROPPED_TERMS_POOL : limit });
  let results = found.hits;
  if (dropped.length && found.matched > limit) {
    const held = new Map(results.map((r) => [r.id, heldCount(k, r.id as number, dropped)]));
    results = results.map((r, i) => ({ r, i })).sort((a, b) => held.get(b.r.id)! - held.get(a.r.id)! || a.i - b.i).map((x) => x.r);
  }
  const top = results.slice(0, limit);
  const max = top[0]?.score ?? 1;
  return { ids: top.map((r) => r.id as number), scores: new Map(top.map((r) => [r.id as number, r.score / max])) };
}

/** A search for these terms, each with the same weight, within the budget. */
function plainSearch(k: Knowledge, words: readonly string[], limit: number, fields: Readonly<Record<string, number>> = SEARCH_FIELDS): Ranked {
  const { chosen } = withinBudget(k, [...new Set(words)].filter((t) => k.frequency(t) > 0).sort((a, b) => k.frequency(a) - k.frequency(b)));
  if (chosen.size === 0) return [];
  const queries: TermQuery[] = [...chosen].map((term) => ({ term, boost: 1 }));
  return rankedSearch(k.index, queries, { fields, limit }).hits.map((h) => h.id as number);
}

/** The sentences before and after the best passages, in their order: answers often follow the sentence that names the subject. */
function neighbours(k: Knowledge, best: readonly number[]): Ranked {
  const out: number[] = [];
  for (const id of best) {
    const p = k.passages[id];
    if (!p) continue;
    for (const n of [id + 1, id - 1]) {
      const other = k.passages[n];
      if (other && other.doc === p.doc) out.push(n);
    }
  }
  return out;
}

export function retrieve(q: AnalyzedQuestion, k: Knowledge, options: RetrieveOptions = {}): Candidate[] {
  const limit = options.searchLimit ?? 40;
  const poolSize = options.poolSize ?? 48;
  const asked = questionRetriever(q, k, limit, options.expansionWeight ?? 0.35);
  const lists: Record<keyof RetrieverRanks, Ranked> = {
    question: asked.ids,
    plain: plainSearch(k, termsOf(q.text), limit),
    entity: plainSearch(k, [...new Set(q.entities.map((e) => e.entity.id))], limit, { ents: 1 }),
    similar: options.similarWords ? plainSearch(k, options.similarWords(q, k), limit) : [],
    neighbour: [],
  };
  const fused = new Map<number, { fused: number; ranks: RetrieverRanks }>();
  const add = (name: keyof RetrieverRanks, ids: Ranked) => {
    ids.forEach((id, i) => {
      let entry = fused.get(id);
      if (!entry) fused.set(id, (entry = { fused: 0, ranks: { question: 0, plain: 0, entity: 0, similar: 0, neighbour: 0 } }));
      if (entry.ranks[name] !== 0) return;
      entry.ranks[name] = i + 1;
      entry.fused += 1 / (RRF_K + i + 1);
    });
  };
  // A figure found stands for its sentence too: the sentence is the evidence a figure answer quotes.
  const withSentences = (ids: Ranked) => ids.flatMap((id) => (id < k.passages.length ? [id] : [id, sentenceOfFigure(k, id)].filter((x): x is number => x !== undefined)));
  for (const name of ['question', 'plain', 'entity', 'similar'] as const) add(name, withSentences(lists[name]));
  const order = () => [...fused].sort((a, b) => b[1].fused - a[1].fused || a[0] - b[0]);
  lists.neighbour = neighbours(k, order().filter(([id]) => id < k.passages.length).slice(0, options.neighbourOf ?? 10).map(([id]) => id));
  add('neighbour', lists.neighbour);
  // The first of each retriever leads the pool, so what a plain search puts first is never lost.
  const firsts = new Set(['question', 'plain', 'entity', 'similar'].map((name) => lists[name as keyof RetrieverRanks][0]).filter((id): id is number => id !== undefined));
  const fusedOrder = order();
  const pool = [...fusedOrder.filter(([id]) => firsts.has(id)), ...fusedOrder.filter(([id]) => !firsts.has(id))].slice(0, poolSize);
  const view = viewOf(q, k, spokenSubjects(q, k), options.reasons ?? false);
  const candidates = pool.map(([id, { fused: score, ranks }], at) => {
    const passage = id < k.passages.length ? k.passages[id] : undefined;
    const figure: FigureEntry | undefined = passage ? undefined : k.figures[id - k.passages.length];
    return judge(q, k, view, { passage, figure, searchScore: asked.scores.get(id) ?? 0, fused: score, ranks, pool: at + 1 });
  });
  return candidates.sort((a, b) => b.score - a.score);
}

const views = new WeakMap<AnalyzedQuestion, ReturnType<typeof viewOf>>();

/**
 * A passage measured against the question as a retrieved one would be (its
 * ranks all 0): the evidence of an answer that did not come from the search
 * (a definition's sentence, a sum's figures), on the same footing.
 */
export function measurePassage(q: AnalyzedQuestion, k: Knowledge, passage: Passage, found: readonly Candidate[] = []): Candidate {
  const known = found.find((c) => c.passage === passage);
  if (known) return known;
  let view = views.get(q);
  if (!view) views.set(q, (view = viewOf(q, k, spokenSubjects(q, k), false)));
  return judge(q, k, view, { passage, searchScore: 0, fused: 0, ranks: { question: 0, plain: 0, entity: 0, similar: 0, neighbour: 0 }, pool: 0 });
}

/** The passage id of the sentence holding a figure's quote. */
function sentenceOfFigure(k: Knowledge, id: number): number | undefined {
  const f = k.figures[id - k.passages.length];
  return f ? passageAt(k, f.doc, f.figure.at.start)?.id : undefined;
}

/** The passage of a candidate, or the one holding its figure's sentence. */
export function evidencePassage(k: Knowledge, c: Candidate): Passage | undefined {
  return c.passage ?? (c.figure ? passageAt(k, c.figure.doc, c.figure.figure.at.start) : undefined);
}
