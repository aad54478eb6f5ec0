/**
 * Scores the engine on a question set: each case's Answer is checked the way
 * a reader would check it. A case to abstain on passes when the answer says
 * the sources don't answer; any other passes when it is answered with 1 to 4
 * quotes of at most 300 characters, every quote an exact slice of the text
 * stored for its document, and the expected facts in the answer text or the
 * quotes (an `any` fact in the answer text or the first quote).
 */
import { z } from 'zod';
import { MAX_QUOTE_CHARS, MAX_QUOTES, type Answer, type Engine } from '../../src/index.js';

/** One question of a set. Fields other than these (doc, evidence, style, type, note…) are kept for the breakdown. */
export const EvalCaseSchema = z
  .object({
    id: z.string().min(1),
    q: z.string(),
    any: z.array(z.string().min(1)).min(1).optional(),
    all: z.array(z.string().min(1)).min(1).optional(),
    abstain: z.boolean().optional(),
    conversation: z.string().min(1).optional(),
    style: z.string().optional(),
    type: z.string().optional(),
  })
  .passthrough()
  .refine((c) => c.abstain === true || c.any !== undefined || c.all !== undefined, { message: 'an answerable case needs "any" or "all" facts (or "abstain": true)' });

export const EvalSetSchema = z.union([z.object({ cases: z.array(EvalCaseSchema) }).passthrough(), z.array(EvalCaseSchema).transform((cases) => ({ cases }))]);

export type EvalCase = z.infer<typeof EvalCaseSchema>;

export interface CaseResult {
  id: string;
  question: string;
  abstain: boolean;
  /** Passes every check. */
  pass: boolean;
  /** Passes, allowing more or longer quotes and the fact anywhere in them. */
  lenient: boolean;
  nonVerbatim: number;
  answered: boolean;
  answer: string;
  firstQuote?: string;
  style?: string;
  type?: string;
}

export interface EvalSummary {
  total: number;
  passed: number;
  lenient: number;
  answerable: number;
  answerablePassed: number;
  abstain: number;
  abstainPassed: number;
  nonVerbatim: number;
  results: CaseResult[];
}

/** Lower case, compatibility forms, straight quotes, "bn" read as billion, runs of spaces as one. */
export function normaliseFact(s: string): string {
  return s.toLowerCase().normalize('NFKC').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/(\d)\s*bn\b/g, '$1 billion').replace(/\s+/g, ' ');
}

/** Whether a quote is an exact slice of the text stored for its document. */
export function quoteIsVerbatim(engine: Pick<Engine, 'documentText'>, quote: Answer['quotes'][number]): boolean {
  const body = engine.documentText(quote.source.documentId);
  return quote.text.trim() !== '' && body !== undefined && body.slice(quote.source.start, quote.source.end) === quote.text;
}

/** Checks one Answer against its case. */
export function checkAnswer(engine: Pick<Engine, 'documentText'>, c: EvalCase, a: Answer): CaseResult {
  const nonVerbatim = a.quotes.filter((q) => !quoteIsVerbatim(engine, q)).length;
  const base = { id: c.id, question: c.q, abstain: c.abstain === true, nonVerbatim, answered: a.answered, answer: a.answer, firstQuote: a.quotes[0]?.text, style: c.style, type: c.type };
  if (c.abstain) return { ...base, pass: !a.answered, lenient: !a.answered };
  const holds = (text: string) => (c.all ? c.all.every((f) => text.includes(normaliseFact(f))) : (c.any ?? []).some((f) => text.includes(normaliseFact(f))));
  const everything = normaliseFact([a.answer, ...a.quotes.map((q) => q.text)].join(' \n '));
  const lead = normaliseFact([a.answer, a.quotes[0]?.text ?? ''].join(' \n '));
  const lenient = a.answered && a.quotes.length > 0 && nonVerbatim === 0 && holds(everything);
  const concise = a.quotes.length <= MAX_QUOTES && a.quotes.every((q) => q.text.length <= MAX_QUOTE_CHARS);
  return { ...base, lenient, pass: lenient && concise && (c.all ? true : holds(lead)) };
}

/** Asks every case (follow-ups within their conversation, kept apart from any other run) and scores the answers. */
export function evaluate(engine: Engine, cases: readonly EvalCase[], conversationPrefix = `eval-${process.pid}`): EvalSummary {
  const results = cases.map((c) => checkAnswer(engine, c, engine.ask(c.q, c.conversation ? { conversation: `${conversationPrefix}:${c.conversation}` } : {})));
  const answerable = results.filter((r) => !r.abstain);
  const abstain = results.filter((r) => r.abstain);
  return {
    total: results.length,
    passed: results.filter((r) => r.pass).length,
    lenient: results.filter((r) => r.lenient).length,
    answerable: answerable.length,
    answerablePassed: answerable.filter((r) => r.pass).length,
    abstain: abstain.length,
    abstainPassed: abstain.filter((r) => r.pass).length,
    nonVerbatim: results.reduce((n, r) => n + r.nonVerbatim, 0),
    results,
  };
}

const percent = (n: number, of: number) => (of === 0 ? '-' : `${((100 * n) / of).toFixed(1)}%`);

/** "score 76/80 = 95.0% (answerable 57/60, abstain 19/20); non-verbatim quotes 0". */
export function summaryLine(s: EvalSummary): string {
  return `score ${s.passed}/${s.total} = ${percent(s.passed, s.total)} (answerable ${s.answerablePassed}/${s.answerable}, abstain ${s.abstainPassed}/${s.abstain}); lenient ${s.lenient}/${s.total}; non-verbatim quotes ${s.nonVerbatim}`;
}

/** Scores by a field the cases carry (style, type), one line per value. */
export function breakdown(s: EvalSummary, field: 'style' | 'type'): string[] {
  const groups = new Map<string, CaseResult[]>();
  for (const r of s.results) {
    const key = r[field];
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, rs]) => `  ${field} ${key}: ${rs.filter((r) => r.pass).length}/${rs.length} = ${percent(rs.filter((r) => r.pass).length, rs.length)}`);
}
