/**
 * An English Answer worded in French: each answer text the engine composes
 * (compose/, decide/, generate/verify.ts, the engine's help and refusals) is
 * recognised by its template and written in French, with amounts, numbers
 * and dates in French form and French typography. Text taken from the
 * documents or from a figure's description stays English inside « », marked
 * "(en anglais)" once; names stay as they are; quotes are never touched.
 * A refusal names the user's own French words. Text no template matches is
 * kept whole inside « ».
 */
import type { Answer, Figure } from '../answer.js';
import { loadFrenchLexicon, type FrenchLexicon } from '../understand/french/lexicon.js';
import { frenchAmount, frenchCalendarWord, frenchDate, frenchNumber, frenchValueText, hasEnglish } from './french-values.js';
import { TEMPLATES, type Render } from './french-templates.js';

export interface FrenchContext {
  /** The French words of the question and the English they were read as: a refusal names the French ones. */
  words?: readonly { french: string; english: string; alternatives?: readonly string[] }[];
  /** For the French of an English noun ("58 countries" -> "58 pays"). Default: loadFrenchLexicon(). */
  lexicon?: FrenchLexicon;
}

const NBSP = '\u00A0';
const ENGLISH_MARK = ' (en anglais)';

/** Sentences that open a template of their own, where an answer text is several sentences or answers. */
const SENTENCE_STARTS = /^(?:The sources? |Yes[,:] |No[,:] |In all, |In short, |The main figures: |These can't |That answer quotes |Signed by |It corrects |The first is |The second is |They are |This is a sum |Each currency |The share is |Something went wrong|That question is too long|That doesn't look|I couldn't find|I answer questions|You're welcome|When the sources|In (?:euros|dollars|pounds): )/;

/** The Answer with its text and suggestions in French; quotes, figures and everything else unchanged. */
export function inFrench(answer: Answer, context: FrenchContext = {}): Answer {
  const render = renderer(answer, context);
  const segments = splitSentences(answer.answer);
  const text = segments.map((s) => render.segment(s)).join(' ');
  return { ...answer, answer: render.finish(text), suggestions: (answer.suggestions ?? []).map(frenchSuggestion) };
}

/** The answer text cut where a sentence opens a template of its own. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?…”"»)]\s+(?=[A-Z])/g)) {
    const at = m.index! + m[0].length;
    if (SENTENCE_STARTS.test(text.slice(at))) {
      out.push(text.slice(start, at).trim());
      start = at;
    }
  }
  out.push(text.slice(start).trim());
  return out.filter(Boolean);
}

function renderer(answer: Answer, context: FrenchContext): Render & { segment(s: string): string; finish(text: string): string } {
  let markedEnglish = false;
  const lexicon = () => context.lexicon ?? loadFrenchLexicon();

  const r: Render & { segment(s: string): string; finish(text: string): string } = {
    english(text: string): string {
      const trimmed = text.trim();
      // The sentence's full stop closes the French sentence, after the frame.
      const stop = /\.$/.test(trimmed) && !/\.\.$/.test(trimmed) ? '.' : '';
      const clean = trimmed.replace(/\.$/, '').replace(/^[“"«]\s*|\s*[”"»]$/g, '');
      if (!clean) return '';
      const framed = `«${NBSP}${clean}${NBSP}»`;
      if (markedEnglish) return `${framed}${stop}`;
      markedEnglish = true;
      return `${framed}${ENGLISH_MARK}${stop}`;
    },
    quoted(text: string): string {
      return `«${NBSP}${text.trim()}${NBSP}»`;
    },
    name(text: string): string {
      const t = text.trim();
      // "the French president": an English phrase standing for a name.
      // "the French president", "At the closing door plenary meeting": English phrases standing for a name or a place.
      return /^\p{Ll}/u.test(t) || /^(?:The|A|An) /.test(t) || hasEnglish(t) ? r.quoted(t) : t;
    },
    title(text: string): string {
      return r.quoted(text);
    },
    value(display: string): string {
      return frenchValue(display.trim(), answer.figures, lexicon, r);
    },
    userWord(english: string): string {
      const lower = english.toLowerCase().replace(/^[“"]|[”"]$/g, '');
      const found = context.words?.find((w) => w.english.toLowerCase() === lower || w.alternatives?.some((a) => a.toLowerCase() === lower));
      if (found) return r.quoted(found.french);
      // Several words: each mapped back.
      const parts = lower.split(/\s+/);
      if (parts.length > 1 && context.words) {
        const mapped = parts.map((p) => context.words!.find((w) => w.english.toLowerCase() === p)?.french);
        if (mapped.every(Boolean)) return r.quoted(mapped.join(' '));
      }
      return /^\p{Lu}/u.test(english) ? english : r.quoted(english.replace(/^[“"]|[”"]$/g, ''));
    },
    isSource(name: string): boolean {
      const stem = name.trim().replace(/…$/, '');
      return stem.length > 0 && answer.quotes.some((q) => q.source.title.startsWith(stem));
    },
    segment(s: string): string {
      for (const t of TEMPLATES) {
        const m = t.re.exec(s);
        if (m) return capitaliseFirst(typography(t.render(m, r)));
      }
      return r.english(s);
    },
    finish(text: string): string {
      // Ordinary white space only: the no-break spaces of French typography stay.
      return text.replace(/[ \t\r\n]+/g, ' ').trim();
    },
  };
  return r;
}

/** A French sentence starts with a capital ("Jusqu'à 500 milliards…"). */
function capitaliseFirst(text: string): string {
  return text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/** French spacing: a no-break space before : ; ? ! in the French, none inside the English framed in « ». */
function typography(text: string): string {
  return text
    .split(/(«[^»]*»)/)
    .map((piece) => (piece.startsWith('«') ? piece : piece.replace(/\s*([:;?!])(?=\s|$)/g, `${NBSP}$1`)))
    .join('');
}

const QUALIFIER = /^(about|around|roughly|approximately|up to|more than|over|at least|nearly|almost)\s+/i;

/** A figure's display in French: the figure's own amount or date when the Answer carries it, else the display read as written. */
function frenchValue(display: string, figures: readonly Figure[], lexicon: () => FrenchLexicon, r: Render): string {
  const figure = figures.find((f) => f.display === display || f.display.toLowerCase() === display.toLowerCase());
  if (figure?.kind === 'money' && figure.amount !== undefined && !/[–-]\s?\d/.test(display)) {
    const qualifier = QUALIFIER.exec(display)?.[1];
    const shown = frenchAmount(figure.amount, figure.currency);
    return qualifier ? `${frenchValueText(`${qualifier} 1`).replace(/\s*1$/, '')} ${shown}` : shown;
  }
  if (figure?.kind === 'date' && figure.when && /^\d{4}-\d\d-\d\d$/.test(figure.when) && /\d{4}/.test(display)) return frenchDate(figure.when);
  const weekday = frenchCalendarWord(display);
  if (weekday) return weekday;
  const text = frenchValueText(display);
  if (!hasEnglish(text)) return text;
  // "58 countries": the number in French, the noun from the dictionary when it has it.
  const count = /^(\d[\d\s\u00A0,.]*)\s+([A-Za-z]+)$/.exec(text);
  if (count) {
    const singular = count[2]!.replace(/ies$/, 'y').replace(/s$/, '');
    const french = lexicon().french(singular) ?? lexicon().french(count[2]!);
    const n = Number(count[1]!.replace(/[\s\u00A0]/g, '').replace(',', '.'));
    if (french && !french.includes(' ')) return `${count[1]} ${n >= 2 && !/[sxz]$/.test(french) ? `${french}s` : french}`;
    // No French for the noun: the number in French, the noun framed as English.
    return `${count[1]} ${r.english(count[2]!)}`;
  }
  return r.english(display);
}

/** "What is X?" -> "Qu'est-ce que X ?"; a suggestion of no known form stays as it is. */
export function frenchSuggestion(question: string): string {
  const m = /^(What is|What are|Who is|Who are|Where is|When was|When is|When did) (.+?)\?$/.exec(question.trim());
  if (!m) return question;
  // "the European AI Champions initiative" is an English name: framed, as in answers.
  const subject = /^the /i.test(m[2]!) ? `«${NBSP}${m[2]}${NBSP}»` : m[2]!;
  const que = /^[aeiouyhAEIOUYH]/.test(subject) ? "qu'" : 'que ';
  switch (m[1]) {
    case 'What is': return `Qu'est-ce ${que}${subject}${NBSP}?`;
    case 'What are': return `Que sont ${subject}${NBSP}?`;
    case 'Who is': return `Qui est ${subject}${NBSP}?`;
    case 'Who are': return `Qui sont ${subject}${NBSP}?`;
    case 'Where is': return `Où est ${subject}${NBSP}?`;
    default: return question;
  }
}

export { frenchAmount, frenchDate, frenchNumber };
