/**
 * Turns the labelled collections into training rows: each question is asked
 * through the engine as any surface asks it, and the decision's proposals,
 * with their features, are recorded. A proposal is labelled right when the
 * answer it composes holds the expected fact in its answer text or first
 * quote and, where the question names its evidence, quotes that evidence.
 * Follow-ups are asked within their conversation, after the turns before
 * them. Messages holding several questions are left out: their parts have
 * no labels of their own.
 */
import { createEngine, type Answer } from '../../src/index.js';
import type { Observed } from '../../src/decide/decide.js';
import type { AnalyzedQuestion } from '../../src/understand/question.js';
import { normaliseFact, type EvalCase } from '../../adapters/cli/evaluate.js';
import type { Collection, Split } from './collections.js';

export interface QuestionRows {
  collection: string;
  id: string;
  split: Split;
  abstain: boolean;
  style?: string;
  type?: string;
  /** One feature vector per proposal. */
  features: Float64Array[];
  /** Whether each proposal's answer is right. */
  labels: Uint8Array;
  kinds: string[];
  /** Each proposal's place in the generator's candidate list (0 when it has none), for recall@k. */
  pool: Int32Array;
  /**
   * Where in the pool the first sentence holding the case's evidence stands
   * (1 first; 0 when the pool lacks it); undefined when the case names no
   * evidence found in the stored text.
   */
  evidenceAt?: number;
  /** The question and each proposal's text, for reading what went wrong. */
  question: string;
  texts: string[];
}

interface Span {
  documentId: string;
  start: number;
  end: number;
}

/** Where a case's evidence stands in the stored documents. */
function evidenceSpans(c: EvalCase, texts: ReadonlyMap<string, string>): Span[] {
  const evidence = (c as { evidence?: unknown }).evidence;
  if (!Array.isArray(evidence)) return [];
  const spans: Span[] = [];
  for (const e of evidence) {
    if (typeof e !== 'string' || !e.trim()) continue;
    for (const [documentId, body] of texts) {
      const at = body.indexOf(e);
      if (at >= 0) spans.push({ documentId, start: at, end: at + e.length });
    }
  }
  return spans;
}

/**
 * A composed answer is right when a reader would find the expected fact in
 * its answer text or first quote, or every fact asked for in its text and
 * quotes when a question asks for several (as the scorer checks it): the
 * same fact stated by another sentence or document is as good as the one the
 * question was written from.
 */
export function isRight(c: EvalCase, a: Answer): boolean {
  if (!a.answered || a.quotes.length === 0) return false;
  if (c.all) {
    const everything = normaliseFact([a.answer, ...a.quotes.map((q) => q.text)].join(' \n '));
    return c.all.every((f) => everything.includes(normaliseFact(f)));
  }
  const lead = normaliseFact([a.answer, a.quotes[0]!.text].join(' \n '));
  return (c.any ?? []).some((f) => lead.includes(normaliseFact(f)));
}

/** One answerable training question in this many gets a twin about a name the documents lack. */
const AUGMENT_EVERY = 3;

/** Names of the world, of each kind, to put in place of a question's own (any the corpus has are skipped). */
const OTHER_NAMES: Record<string, readonly string[]> = {
  place: ['Japan', 'Brazil', 'Kenya', 'Norway', 'Chile', 'Vietnam', 'Morocco', 'Peru', 'Mongolia', 'Iceland', 'Tasmania', 'Manitoba'],
  person: ['Aiko Tanaka', 'Tomasz Nowak', 'Carlos Mendes', 'Ingrid Solberg', 'Kwame Mensah', 'Priya Raman', 'Lucia Ferreira', 'Omar Haddad'],
  organisation: ['Toyota', 'Samsung', 'Unilever', 'Nestlé', 'Siemens', 'Petrobras', 'Infosys', 'Maersk'],
};

/**
 * The question with its first named entity (a place, person or organisation
 * written in it) replaced by a name of the same kind that the corpus never
 * uses; undefined when it names none.
 */
function swapName(q: AnalyzedQuestion, corpusText: string, seed: number): string | undefined {
  const mention = q.entities.find((e) => !e.adjective && e.end > e.start && OTHER_NAMES[e.entity.kind === 'programme' || e.entity.kind === 'group' ? 'organisation' : e.entity.kind] !== undefined);
  if (!mention) return undefined;
  const kind = mention.entity.kind === 'programme' || mention.entity.kind === 'group' ? 'organisation' : mention.entity.kind;
  const names = OTHER_NAMES[kind]!.filter((n) => !corpusText.includes(n.toLowerCase()));
  if (!names.length) return undefined;
  const name = names[seed % names.length]!;
  // The offsets are those of the question as the engine read it.
  return `${q.text.slice(0, mention.start)}${name}${q.text.slice(mention.end)}`;
}

export interface DatasetStats {
  questions: number;
  /** Answerable questions with at least one right proposal (the recall of the proposals). */
  reachable: number;
  answerable: number;
  skipped: number;
  /** Questions made unanswerable by swapping a name for one the documents never mention. */
  augmented: number;
}

export async function buildDataset(collections: readonly Collection[], onProgress?: (line: string) => void): Promise<{ rows: QuestionRows[]; stats: DatasetStats }> {
  const rows: QuestionRows[] = [];
  const stats: DatasetStats = { questions: 0, reachable: 0, answerable: 0, skipped: 0, augmented: 0 };
  for (const collection of collections) {
    let seen: Observed[] = [];
    const engine = await createEngine({ corpusDir: collection.corpusDir, snapshot: false, onWarning: () => {}, decide: { observe: (o) => seen.push(o) } });
    const texts = new Map(engine.documents.map((d) => [d.id, engine.documentText(d.id) ?? '']));
    const corpusText = [...texts.values()].join('\n').toLowerCase();
    let eligible = 0;
    for (const c of collection.cases) {
      // A follow-up is asked within its conversation, after the turns before it, as a user asks it.
      seen = [];
      engine.ask(c.q, c.conversation ? { conversation: `${collection.name}:${c.conversation}` } : {});
      if (seen.length !== 1) {
        stats.skipped++;
        continue;
      }
      const { proposals, features, candidates } = seen[0]!;
      const spans = c.abstain ? [] : evidenceSpans(c, texts);
      const bearing = spans.length ? candidates.filter((x) => x.passage && spans.some((sp) => sp.documentId === x.passage!.doc.id && x.passage!.sentence.start < sp.end && sp.start < x.passage!.sentence.end)) : [];
      // Ranks in the order the generator hands its candidates over (fused pool, ordered by the hand-weighted measures).
      const rankOf = new Map(candidates.map((x, i) => [x, i + 1]));
      const evidenceAt = spans.length ? (bearing.length ? Math.min(...bearing.map((x) => rankOf.get(x)!)) : 0) : undefined;
      const labels = Uint8Array.from(proposals, (p) => (c.abstain ? 0 : isRight(c, p.compose(0.5, [])) ? 1 : 0));
      stats.questions++;
      if (!c.abstain) {
        stats.answerable++;
        if (labels.some((l) => l === 1)) stats.reachable++;
      }
      rows.push({ collection: collection.name, id: c.id, split: collection.split, abstain: c.abstain === true, style: c.style, type: c.type, features: features as Float64Array[], labels, kinds: proposals.map((p) => p.kind), ...(evidenceAt !== undefined ? { evidenceAt } : {}), pool: Int32Array.from(proposals, (p) => (p.evidence ? candidates.indexOf(p.evidence) + 1 : 0)), question: c.q, texts: proposals.map((p) => p.text) });
      // A question about a name the documents never mention cannot be answered from them, however like an answerable one it reads.
      // (Not a yes/no question: "did Japan sign?" may well be answered No from a list of who did.)
      if (collection.split === 'train' && !c.abstain && seen[0]!.q.type !== 'yes_no' && ++eligible % AUGMENT_EVERY === 0) {
        const swapped = swapName(seen[0]!.q, corpusText, eligible);
        if (swapped) {
          seen = [];
          engine.ask(swapped);
          if (seen.length === 1) {
            const other = seen[0]!;
            stats.augmented++;
            rows.push({ collection: collection.name, id: `${c.id}~unknown-name`, split: collection.split, abstain: true, style: c.style, type: c.type, features: other.features as Float64Array[], labels: new Uint8Array(other.proposals.length), kinds: other.proposals.map((p) => p.kind), pool: Int32Array.from(other.proposals, (p) => (p.evidence ? other.candidates.indexOf(p.evidence) + 1 : 0)), question: swapped, texts: other.proposals.map((p) => p.text) });
          }
        }
      }
    }
    onProgress?.(`${collection.name} (${collection.split}): ${collection.cases.length} questions`);
  }
  return { rows, stats };
}
