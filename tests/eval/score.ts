/**
 * Scores Answers against a question set, with the same rules as the practice
 * scorer in ../shared/eval/score.mjs, so the project's own sets can run inside
 * `npm test` without anything outside the repository.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Answer, Engine } from '../../src/index.js';

export interface EvalCase {
  id: string;
  q: string;
  any?: string[];
  all?: string[];
  abstain?: boolean;
  conversation?: string;
}

export interface EvalResult {
  total: number;
  strict: number;
  answerable: number;
  answerableOk: number;
  abstain: number;
  abstainOk: number;
  nonVerbatim: number;
  failures: string[];
}

const norm = (s: string) =>
  s.toLowerCase().normalize('NFKC').replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/(\d)\s*bn\b/g, '$1 billion').replace(/\s+/g, ' ');

function corpusText(dir: string): string {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return walk(dir).map((p) => readFileSync(p, 'utf8')).join('\n\u0000\n');
}

export function loadCases(path: string): EvalCase[] {
  return (JSON.parse(readFileSync(path, 'utf8')) as { cases: EvalCase[] }).cases;
}

export function score(engine: Engine, cases: EvalCase[], corpusDir: string, conversationPrefix = 'eval'): EvalResult {
  const corpus = corpusText(corpusDir);
  const r: EvalResult = { total: cases.length, strict: 0, answerable: 0, answerableOk: 0, abstain: 0, abstainOk: 0, nonVerbatim: 0, failures: [] };
  for (const c of cases) {
    const a: Answer = engine.ask(c.q, c.conversation ? { conversation: `${conversationPrefix}:${c.conversation}` } : {});
    const fake = a.quotes.filter((q) => !q.text.trim() || !corpus.includes(q.text)).length;
    r.nonVerbatim += fake;
    let ok: boolean;
    if (c.abstain) {
      r.abstain++;
      ok = !a.answered;
      if (ok) r.abstainOk++;
    } else {
      r.answerable++;
      const holds = (text: string) => (c.all ? c.all.every((f) => text.includes(norm(f))) : (c.any ?? []).some((f) => text.includes(norm(f))));
      const all = norm([a.answer, ...a.quotes.map((q) => q.text)].join(' \n '));
      const lead = norm([a.answer, a.quotes[0]?.text ?? ''].join(' \n '));
      const lenient = a.answered && a.quotes.length > 0 && fake === 0 && holds(all);
      ok = lenient && a.quotes.length <= 4 && a.quotes.every((q) => q.text.length <= 300) && (c.all ? true : holds(lead));
      if (lenient) r.answerableOk++;
    }
    if (ok) r.strict++;
    else r.failures.push(`${c.id} [${c.q}]: answered=${a.answered} ${JSON.stringify(a.answer.slice(0, 100))}`);
  }
  return r;
}
