/**
 * Vocabulary bridges from the corpus lexicon, stemmed once at load so the
 * question path only looks words up.
 */
import type { LexiconRecord } from '../corpus/schemas.js';
import { stemWord, tokenize } from '../text/analyze.js';

const NONE: readonly string[] = Object.freeze([]);

/**
 * Words that shape a question in any English ("what is the goal", "the size
 * of", "what role"): searched for, never reported as missing. A corpus's
 * lexicon may add its own.
 */
export const QUESTION_FRAME_WORDS: readonly string[] = [
  'tell', 'explain', 'describe', 'know', 'mean', 'means', 'meaning', 'play', 'plays', 'thing', 'things', 'kind', 'type', 'about',
  'detail', 'details', 'info', 'information', 'say', 'think', 'happen', 'happened', 'happening', 'going', 'get', 'got', 'make', 'made',
  'compare', 'comparison', 'versus', 'vs', 'difference', 'differ', 'total', 'sum', 'combined', 'altogether', 'plus',
  'exactly', 'actually', 'really', 'roughly', 'approximately', 'around', 'size', 'amount', 'number', 'figure', 'figures', 'value',
  'give', 'given', 'want', 'wants', 'wanted', 'involve', 'involved', 'take', 'takes', 'place', 'regarding',
  'concerning', 'according', 'article', 'report', 'source', 'sources', 'news', 'story', 'question', 'answer', 'anything', 'something',
  'overview', 'summary', 'summarise', 'summarize', 'purpose', 'point', 'idea', 'key', 'main', 'new', 'latest', 'whole', 'help', 'helps',
  'plan', 'plans', 'planned', 'expected', 'expect', 'supposed', 'will', 'fit', 'fits', 'stand', 'stands', 'deal',
  'meant', 'view', 'views', 'opinion', 'mind', 'perspective', 'stance', 'position', 'handful', 'bunch', 'lot', 'lots', 'shot', 'chance',
  'tier', 'kinds', 'sort', 'sorts', 'way', 'ways', 'manner', 'aspect', 'aspects', 'claim', 'claims', 'believe', 'believes', 'hope', 'hopes',
  'reportedly', 'supposedly', 'basically', 'generally', 'specifically', 'particular', 'particularly', 'exact', 'precise',
  'reason', 'reasons', 'explanation', 'issue', 'issues', 'problem', 'problems', 'challenge', 'challenges', 'concern', 'concerns',
  'impact', 'effect', 'effects', 'result', 'results', 'consequence', 'consequences', 'significance', 'importance', 'status',
  'progress', 'background', 'context', 'motivation', 'rationale', 'justification', 'intention', 'overall',
  'area', 'areas', 'field', 'fields', 'domain', 'domains', 'theme', 'themes', 'subject', 'subjects',
  'goal', 'goals', 'aim', 'aims', 'objective', 'role', 'roles', 'date', 'dates', 'day', 'days', 'time', 'times', 'year', 'years', 'month', 'months',
  'city', 'country', 'location', 'venue', 'name', 'names', 'called', 'happens', 'part', 'parts', 'stated', 'official', 'exactly', 'specific',
  'cash', 'money', 'bucks', 'dough', 'one', 'ones', 'stuff', 'bit', 'bits',
];

/**
 * Abbreviations of ordinary English and the words they stand for: each group
 * stands in for the others when searching, in any corpus.
 */
export const GENERAL_SYNONYMS: readonly (readonly string[])[] = [
  ['ceo', 'chief executive'],
  ['cfo', 'chief financial'],
  ['cto', 'chief technology'],
  ['coo', 'chief operating'],
  ['vp', 'vice president'],
  ['pm', 'prime minister'],
  ['govt', 'government'],
  ['hq', 'headquarters'],
  // Words for the published text itself: "was the article updated?" of a page that says "the report was updated".
  ['article', 'report', 'story', 'piece', 'post', 'blog post', 'press release'],
];

export class Lexicon {
  private readonly related = new Map<string, readonly string[]>();
  private readonly frame = new Set<string>();

  constructor(record: LexiconRecord) {
    for (const group of [...GENERAL_SYNONYMS, ...record.synonyms]) {
      // Stems of two letters ("uses" -> "us") collide with names; they bridge nothing.
      const stems = [...new Set(group.flatMap((w) => tokenize(w)).map(stemWord))].filter((s) => s.length > 2);
      for (const s of stems) {
        const merged = new Set([...(this.related.get(s) ?? []), ...stems.filter((other) => other !== s)]);
        this.related.set(s, Object.freeze([...merged]));
      }
    }
    for (const w of [...QUESTION_FRAME_WORDS, ...record.frame]) for (const t of tokenize(w)) this.frame.add(stemWord(t));
  }

  /** Stems that stand in for this one (not including itself). */
  expand(stem: string): readonly string[] {
    return this.related.get(stem) ?? NONE;
  }

  /** Whether a word only frames a question. */
  isFrame(stem: string): boolean {
    return this.frame.has(stem);
  }
}
