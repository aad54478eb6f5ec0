/**
 * Whether a passage or figure holds the kind of fact a question asks for: a
 * date for "when", a place said of the subject for "where", an amount for
 * "how much", a number beside the counted noun for "how many", a name of
 * the kind wanted for "which companies…". The re-ranker (retrieve.ts)
 * rewards a fit and, for the types that must have one, penalises its absence.
 */
import type { AnalyzedQuestion, QuestionType } from '../understand/question.js';
import { signatureOf, type FigureEntry, type Knowledge, type Passage } from '../knowledge/knowledge.js';
import type { SpokenOf } from './occasion.js';
import { terms as termsOf } from '../text/analyze.js';
import { HANDLE, HANDLE_ASKED } from './handle-pattern.js';

/** "Which companies / people…": only names of that kind answer these, not "industry" or "everyone". */
export const NAMES_WANTED = /\b(?:which|what)\s+(?:\w+\s+)?(?:compan(?:y|ies)|firms?|organi[sz]ations?|partners?|members?|investors?|players?|people|persons?|ceos?|leaders?|officials?)\b|\bwho\s+(?:is|was|are)\s+the\s+(?:ceo|head|leader|founder|boss|chair)|\bwho(?:'s|\s+is|\s+was|\s+will\s+be)?\s+(?:going\s+to\s+)?(?:chair|run|lead|head|direct|manag)\w*/i;

/** The entity kinds a names-wanted question accepts, or undefined when it wants no names in particular. */
function namesWanted(question: string): string[] | undefined {
  const m = NAMES_WANTED.exec(question);
  if (!m) return undefined;
  return /people|person|ceo|leader|official|head|founder|boss|chair|run|lead|direct|manag/i.test(m[0]) ? ['person'] : ['organisation'];
}

// Words that name people without naming a person: they can answer "who?".
const PEOPLE_WORDS = /\b(?:everyone|everybody|anyone|anybody|researchers|startups|talent|companies|industry|industries|investors|providers|players|people|delegates|president|line|lines)\b/i;

/** "How big / large", "what size": asks for a size, money or not. */
const SIZE_QUESTION = /\bhow (?:big|large)\b|\bwhat size\b/i;

/** Types whose answer must hold the asked-for kind of fact: a date, a place, an amount, a count, a duration. */
export function mustFit(type: QuestionType): boolean {
  return type === 'when' || type === 'where' || type === 'how_much' || type === 'how_many' || type === 'how_long';
}

/** The question asks for a social-media name ("what's her handle?"): an answer must give one. */
export function asksHandle(q: AnalyzedQuestion): boolean {
  return HANDLE_ASKED.test(q.text);
}

/** Types whose candidates lose score without that kind of fact (a "who" may still be answered by "everyone"). */
export function needsFit(type: QuestionType): boolean {
  return mustFit(type) || type === 'who';
}

export function passageFits(q: AnalyzedQuestion, p: Passage, k: Knowledge, spoken: ReadonlyMap<string, SpokenOf>): boolean {
  // "What's the council's handle?": only a sentence giving one answers, whatever the wh-word.
  if (asksHandle(q)) return HANDLE.test(p.sentence.text);
  switch (q.type) {
    case 'when':
      // A post is dated by its signature line.
      return p.hasTime || signatureOf(k, p)?.hasTime === true;
    case 'where': {
      // The place must be said of the subject itself, in the same sentence (or of the person speaking of it: occasion.ts).
      const spokenHere = (id: string) => {
        const s = spoken.get(id);
        return s !== undefined && s.documents.has(p.doc.id) && (p.entities.has(s.speaker) || p.speaker === s.speaker);
      };
      if (q.entities.some((e) => e.entity.kind !== 'place' && !p.entities.has(e.entity.id) && !spokenHere(e.entity.id))) return false;
      const wanted = /\bcit(?:y|ies)|\btowns?\b/i.test(q.text) ? 'city' : /\bcountr/i.test(q.text) ? 'country' : undefined;
      const places = [...p.places].map((id) => k.matcher.get(id)?.place);
      // A place whose kind nobody recorded (found in a document, not curated) may be what is wanted.
      if (wanted) return places.includes(wanted) || places.includes(undefined);
      // A venue is no answer when the question is about the event itself.
      return places.length > 0 || (p.venue && !q.entities.some((e) => e.entity.kind === 'event'));
    }
    case 'how_much':
      // "How big is the secretariat?": a size need not be money.
      return p.money.length > 0 || (SIZE_QUESTION.test(q.text) && p.hasNumber);
    case 'total':
    case 'compare':
      return p.money.length > 0;
    case 'how_many':
      return p.hasNumber && p.money.length === 0 && countsTheNoun(q, p, k);
    case 'how_long':
      return p.hasTime && p.hasNumber;
    case 'who': {
      const asked = new Set(q.entities.map((e) => e.entity.id));
      const wanted = namesWanted(q.text);
      const named = [...p.entities].some((id) => {
        const kind = k.matcher.get(id)?.kind;
        if (asked.has(id) || !kind) return false;
        return wanted ? wanted.includes(kind) : kind === 'person' || kind === 'organisation' || kind === 'group';
      });
      // "Which companies…?" wants names, said of the subject in the same sentence;
      // "who can use it?" is answered by "everyone" too.
      if (wanted) return named && q.entities.every((e) => e.adjective || e.entity.kind === 'group' || p.entities.has(e.entity.id));
      return named || PEOPLE_WORDS.test(p.sentence.text);
    }
    case 'why':
      return /\b(?:so|because|since|therefore|that[’']s why|to|in order|aim|so that|due to|owing to|citing|cited|preferred|objected|(?:said|says) (?:it|they|he|she) (?:would|wanted|needed))\b/i.test(p.sentence.text);
    default:
      return true;
  }
}

/** Up to this many words may stand between a number and the noun it counts ("58 signatory countries", "delegates: 1,214"). */
const COUNT_GAP = 3;

/**
 * "How many countries…?": the passage must put a number next to that noun
 * (or a stand-in for it), not merely hold a number somewhere.
 */
function countsTheNoun(q: AnalyzedQuestion, p: Passage, k: Knowledge): boolean {
  const m = /\bhow many\s+([\p{L}-]+)/iu.exec(q.text);
  if (!m) return true;
  const stem = termsOf(m[1]!)[0];
  if (!stem || k.lexicon.isFrame(stem)) return true;
  const wanted = new Set([stem, ...k.lexicon.expand(stem)]);
  const tokens = p.sentence.text.split(/\s+/);
  const isNumber = (w: string) => /\d/.test(w) || NUMBER_WORD_TOKEN.test(w);
  return tokens.some((w, i) => {
    if (!termsOf(w).some((t) => wanted.has(t))) return false;
    for (let j = Math.max(0, i - COUNT_GAP); j <= Math.min(tokens.length - 1, i + COUNT_GAP); j++) if (j !== i && isNumber(tokens[j]!)) return true;
    return false;
  });
}

const NUMBER_WORD_TOKEN = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozens?|hundreds|thousands)\b|-(?:one|two|three|four|five|six|seven|eight|nine)\b/i;

export function figureFits(q: AnalyzedQuestion, f: FigureEntry): boolean {
  const kind = f.figure.kind;
  if (asksHandle(q)) return false;
  switch (q.type) {
    case 'how_much':
      return kind === 'money' || (kind === 'count' && SIZE_QUESTION.test(q.text));
    case 'total':
    case 'compare':
      return kind === 'money';
    case 'how_many':
      // "How many years?" is a period; any other "how many" a count.
      return kind === 'count' || (kind === 'duration' && /\bhow many (?:years|months|weeks|days|hours)\b/i.test(q.text));
    case 'how_long':
      return kind === 'duration';
    case 'when':
      return kind === 'date';
    case 'what':
    case 'keywords':
    case 'yes_no':
      return kind === 'money';
    default:
      return false;
  }
}
