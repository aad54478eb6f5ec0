/**
 * The honest answers' wording (what the sources don't say, about what, and
 * questions they do answer instead).
 */
import type { Knowledge } from '../knowledge/knowledge.js';
import { MISSING_THRESHOLD, type AnalyzedQuestion } from '../understand/question.js';
import { joinWords } from '../text/wording.js';
import { asksHandle } from '../generate/type-fit.js';

/** What the question is about, for an abstention's wording. */
export function subjectOf(q: AnalyzedQuestion): string {
  const names = [...new Set(q.entities.map((e) => e.entity.name))];
  if (names.length) return joinAnd(names);
  const words = q.terms.filter((t) => t.known).map((t) => t.word);
  return words.length ? `“${words.slice(0, 4).join(' ')}”` : 'that';
}

/** What the sources don't say, by the kind of question. */
export function missingMessage(q: AnalyzedQuestion, k: Knowledge): string {
  const subject = subjectOf(q);
  if (asksHandle(q)) return `The sources give no handle for ${subject}.`;
  switch (q.type) {
    case 'when':
      return `The sources don't say when: they give no date or time for ${subject}.`;
    case 'where':
      return `The sources don't say where: they name no place for ${subject}.`;
    case 'how_many':
      return `The sources don't give that number: nothing in them counts it for ${subject}.`;
    case 'how_much':
      return `The sources don't give that amount for ${subject}.`;
    case 'how_long':
      return `The sources don't say how long for ${subject}.`;
    case 'who': {
      // "Which company will paint…?": the deed itself is what they never speak of.
      const deed = q.terms.filter((t) => !t.known && !t.inEntity && !k.lexicon.isFrame(t.stem) && t.informative >= MISSING_THRESHOLD).map((t) => `“${t.word}”`);
      return deed.length ? `The sources don't say who, for ${subject}: they never use ${joinOr(deed)}.` : `The sources don't say who, for ${subject}.`;
    }
    default:
      return k.corpus.documents.length ? `The sources don't answer that: nothing in them covers ${subject} in that way.` : "The sources don't answer that.";
  }
}

/** Up to three questions the corpus answers, about the same subject when there is one. */
export function suggestionsFor(q: AnalyzedQuestion, k: Knowledge): string[] {
  const ids = new Set(q.entities.map((e) => e.entity.id));
  const related = k.corpus.entities.filter((e) => ids.has(e.id)).flatMap((e) => e.questions);
  const general = k.corpus.entities.flatMap((e) => e.questions.slice(0, 1));
  const asked = q.text.trim().toLowerCase();
  return [...new Set([...related, ...general])].filter((s) => s.toLowerCase() !== asked).slice(0, 3);
}

const joinAnd = (items: string[]) => joinWords(items);
export const joinOr = (items: string[]) => joinWords(items, 'or');

export function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
