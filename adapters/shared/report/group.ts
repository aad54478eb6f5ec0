/**
 * Groups questions worded alike: two questions belong together when the sets
 * of their search terms (the engine's analyser: stopwords out, words stemmed)
 * overlap enough (Jaccard similarity). A group joins any question close to
 * one of its members, so "cost of the Moon base", "what will the moon base
 * cost?" and "Moon base costs" end up as one.
 */
import { searchTerms } from '../../../src/index.js';

/** Share of shared terms above which two questions count as one. Default 0.5. */
export const DEFAULT_SIMILARITY = 0.5;

export interface Asked {
  question: string;
  /** When it was asked (epoch ms): the newest wording represents the group. */
  at: number;
  /** For unanswered questions: the missing piece the bot named. */
  answer?: string;
}

export interface QuestionGroup {
  question: string;
  count: number;
  /** Other wordings, most recent first (at most 5). */
  variants: string[];
  /** The missing piece named in the latest answer. */
  missing?: string;
  lastAskedAt: number;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  return shared / (a.size + b.size - shared);
}

export function groupAlike(items: readonly Asked[], similarity = DEFAULT_SIMILARITY): QuestionGroup[] {
  const groups: { members: (Asked & { terms: Set<string> })[] }[] = [];
  const byNewest = [...items].sort((x, y) => y.at - x.at);
  for (const item of byNewest) {
    const terms = new Set(searchTerms(item.question));
    const key = item.question.trim().toLowerCase();
    const home = groups.find((g) => g.members.some((m) => m.question.trim().toLowerCase() === key || (terms.size > 0 && jaccard(m.terms, terms) >= similarity)));
    if (home) home.members.push({ ...item, terms });
    else groups.push({ members: [{ ...item, terms }] });
  }
  return groups
    .map(({ members }) => {
      const latest = members[0]!;
      const wordings = [...new Set(members.map((m) => m.question.trim()))];
      return {
        question: latest.question.trim(),
        count: members.length,
        variants: wordings.slice(1, 6),
        ...(latest.answer ? { missing: latest.answer } : {}),
        lastAskedAt: latest.at,
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAskedAt - a.lastAskedAt);
}
