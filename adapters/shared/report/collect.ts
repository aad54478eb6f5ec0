/**
 * Gathers the report from the question log: volume per day and surface, the
 * answer rate, unanswered questions grouped by wording, down-voted answers,
 * and the documents no answer quoted. Plain data, rendered elsewhere.
 */
import type { LogDatabase } from '../question-log/open-database.js';
import { withoutControls as clean } from './clean-text.js';
import { groupAlike, type QuestionGroup } from './group.js';

export interface ReportOptions {
  /** Start of the period, epoch ms. */
  since: number;
  /** End of the period (default now). */
  now?: number;
  /** The corpus's documents, to list those never quoted. */
  documents?: readonly { id: string; title: string }[];
  /** Longest lists. Default 20. */
  top?: number;
}

export interface DayCount {
  day: string;
  questions: number;
  answered: number;
  /** answered / (answered + not found), or null on a day with none of either. */
  answerRate: number | null;
}

export interface Report {
  period: { from: string; to: string };
  /** Every question logged in the period (help and unreadable ones included). */
  questions: number;
  answered: number;
  /** Questions the sources could not answer (kind not_found). */
  notFound: number;
  /** answered / (answered + notFound): greetings and unreadable input do not count against it. */
  answerRate: number | null;
  perDay: DayCount[];
  perSurface: { surface: string; questions: number; answered: number }[];
  unanswered: QuestionGroup[];
  feedback: { up: number; down: number };
  downvoted: { question: string; answer: string; count: number; up: number; notes: string[]; surface: string; askedAt: string }[];
  neverQuoted: { id: string; title: string }[];
  /** Median and 95th percentile latency of answers, ms. */
  latencyMs: { p50: number | null; p95: number | null };
}

const rate = (answered: number, notFound: number) => (answered + notFound === 0 ? null : answered / (answered + notFound));

export async function collectReport(db: LogDatabase, options: ReportOptions): Promise<Report> {
  const now = options.now ?? Date.now();
  const top = options.top ?? 20;
  const rows = await db
    .selectFrom('questions')
    .select(['id', 'asked_at', 'surface', 'question', 'answer', 'kind', 'answered', 'quotes', 'latency_ms'])
    .where('asked_at', '>=', options.since)
    .where('asked_at', '<=', now)
    .orderBy('asked_at')
    .execute();
  // What users typed is cleaned of terminal controls once, here, for every rendering.
  const questions = rows.map((r) => ({ ...r, question: clean(r.question), answer: clean(r.answer), surface: clean(r.surface), asked_at: Number(r.asked_at), answered: Number(r.answered) === 1, latency_ms: Number(r.latency_ms) }));

  const days = new Map<string, DayCount & { notFound: number }>();
  for (let t = startOfDay(options.since); t <= now; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    days.set(day, { day, questions: 0, answered: 0, answerRate: null, notFound: 0 });
  }
  const surfaces = new Map<string, { surface: string; questions: number; answered: number }>();
  const quoted = new Set<string>();
  for (const q of questions) {
    const day = days.get(new Date(q.asked_at).toISOString().slice(0, 10));
    if (day) {
      day.questions += 1;
      if (q.answered) day.answered += 1;
      if (q.kind === 'not_found') day.notFound += 1;
    }
    const s = surfaces.get(q.surface) ?? { surface: q.surface, questions: 0, answered: 0 };
    s.questions += 1;
    if (q.answered) s.answered += 1;
    surfaces.set(q.surface, s);
    for (const quote of parseQuotes(q.quotes)) quoted.add(quote.documentId);
  }

  const votes = await db
    .selectFrom('feedback')
    .select(['answer_id', 'vote', 'note'])
    .where('voted_at', '>=', options.since)
    .where('voted_at', '<=', now)
    .execute();
  const byAnswer = new Map<string, { down: number; up: number; notes: string[] }>();
  let up = 0;
  let down = 0;
  for (const v of votes) {
    const entry = byAnswer.get(v.answer_id) ?? { down: 0, up: 0, notes: [] };
    if (Number(v.vote) > 0) {
      up += 1;
      entry.up += 1;
    } else {
      down += 1;
      entry.down += 1;
      if (v.note) entry.notes.push(clean(v.note));
    }
    byAnswer.set(v.answer_id, entry);
  }
  const downIds = [...byAnswer].filter(([, e]) => e.down > 0).map(([id]) => id);
  // The voted answers themselves, even when asked before the period started.
  const voted = downIds.length ? await db.selectFrom('questions').select(['id', 'question', 'answer', 'surface', 'asked_at']).where('id', 'in', downIds).execute() : [];
  const downvoted = voted
    .map((q) => {
      const e = byAnswer.get(q.id)!;
      return { question: clean(q.question), answer: clean(q.answer), count: e.down, up: e.up, notes: e.notes, surface: clean(q.surface), askedAt: new Date(Number(q.asked_at)).toISOString() };
    })
    .sort((a, b) => b.count - a.count || b.askedAt.localeCompare(a.askedAt))
    .slice(0, top);

  const answered = questions.filter((q) => q.answered).length;
  const notFound = questions.filter((q) => q.kind === 'not_found').length;
  const latencies = questions.map((q) => q.latency_ms).sort((a, b) => a - b);
  return {
    period: { from: new Date(options.since).toISOString(), to: new Date(now).toISOString() },
    questions: questions.length,
    answered,
    notFound,
    answerRate: rate(answered, notFound),
    perDay: [...days.values()].map(({ notFound: nf, ...d }) => ({ ...d, answerRate: rate(d.answered, nf) })),
    perSurface: [...surfaces.values()].sort((a, b) => b.questions - a.questions),
    unanswered: groupAlike(questions.filter((q) => q.kind === 'not_found').map((q) => ({ question: q.question, at: q.asked_at, answer: q.answer }))).slice(0, top),
    feedback: { up, down },
    downvoted,
    neverQuoted: (options.documents ?? []).filter((d) => !quoted.has(d.id)).map((d) => ({ id: clean(d.id), title: clean(d.title) })),
    latencyMs: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95) },
  };
}

function parseQuotes(json: string): { documentId: string; paragraph: number }[] {
  try {
    const parsed = JSON.parse(json) as unknown;
    return Array.isArray(parsed) ? (parsed as { documentId: string; paragraph: number }[]) : [];
  } catch {
    return [];
  }
}

function startOfDay(t: number): number {
  return t - (t % 86_400_000);
}

function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 100) / 100;
}
