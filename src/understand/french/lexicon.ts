/**
 * French content words to English: FreeDict's French–English dictionary
 * (Debian's dict-freedict-fra-eng), with its English–French one
 * (dict-freedict-eng-fra) read backwards for more coverage, and English
 * cognates by rule (cognates.ts) where the dictionaries are missing or lack
 * the word. A word keeps several English candidates, best first; those found
 * by cognate rules are marked as guessed.
 *
 * Loaded on first use and cached per folder; bounded by maxEntries per
 * dictionary and cacheSize translations remembered.
 */
import { fold } from '../../text/normalize.js';
import { englishRank } from '../../text/english.js';
import { isEnglishWord } from '../../text/word-classes.js';
import { typoDistance } from '../../text/edit-distance.js';
import { dictdFiles, readDictd, type DictEntry } from './dictd.js';
import { cognateSpellings, englishParticiple, englishPlural, frenchLemmas, type FrenchLemma } from './cognates.js';

export interface FrenchLexiconOptions {
  /** Folder holding the dictd files. Default: the FREEDICT_DIR environment variable, else /usr/share/dictd (where Debian installs them). */
  dir?: string;
  /** Read the dictionaries at all. Default true; false leaves grammar and cognates only. */
  dictionaries?: boolean;
  /** Most entries read from each dictionary. Default 50,000 (FreeDict's hold about 9,000 each). */
  maxEntries?: number;
  /** Most English candidates kept for a word. Default 4. */
  maxCandidates?: number;
  /** Most words whose translation is remembered. Default 5,000. */
  cacheSize?: number;
}

export interface Translation {
  /** English candidates, best first. */
  english: string[];
  /** Where the first candidate came from. */
  source: 'dictionary' | 'cognate';
  /** The candidates guessed by cognate rules (not in a dictionary). */
  guessed: string[];
  /** The dictionary's part of speech for the base form ("v", "n", "adj"), when it gives one. */
  pos?: string;
  /** The French base form that was looked up ("annoncer" for "annoncées"). */
  lemma: string;
}

export interface FrenchLexicon {
  /**
   * English for a French word as typed, or undefined when neither the
   * dictionaries nor the cognate rules know it. `prefer` ranks first the
   * candidates it accepts (the corpus's own words, say).
   */
  translate(word: string, prefer?: (english: string) => boolean, reading?: Reading): Translation | undefined;
  /** A dictionary headword of two to four words at the start of `folded` ("pays de galles"), and how many words it takes. */
  phrase(folded: readonly string[], prefer?: (english: string) => boolean): { length: number; translation: Translation } | undefined;
  /** French for an English word, from the English–French dictionary ("country" -> "pays"), or undefined. */
  french(english: string): string | undefined;
  /** Whether a dictionary was found and read (false: cognates only). Reading happens on first use. */
  hasDictionary(): boolean;
}

/** How the sentence uses a word: after an article a noun, after an auxiliary a verb ("a annoncé"). Default: either. */
export type Reading = 'noun' | 'verb' | 'any';

export const DEFAULT_FREEDICT_DIR = '/usr/share/dictd';
const FRA_ENG = 'freedict-fra-eng';
const ENG_FRA = 'freedict-eng-fra';

interface Candidate {
  english: string;
  /** Sense number in the dictionary (0 first); later senses are less likely. */
  sense: number;
  /** From the English–French dictionary read backwards. */
  inverse: boolean;
}

interface Tables {
  words: Map<string, { candidates: Candidate[]; pos?: string }>;
  /** English headwords of the English–French dictionary and their French translations. */
  toFrench: Map<string, string[]>;
  /** Longest headword, in words. */
  longest: number;
  hasDictionary: boolean;
}

const cache = new Map<string, FrenchLexicon>();

/** The lexicon for these options: one per folder, built once, read on first use. */
export function loadFrenchLexicon(options: FrenchLexiconOptions = {}): FrenchLexicon {
  const dir = options.dir ?? process.env.FREEDICT_DIR ?? DEFAULT_FREEDICT_DIR;
  const key = JSON.stringify([dir, options.dictionaries ?? true, options.maxEntries ?? 0, options.maxCandidates ?? 0, options.cacheSize ?? 0]);
  let lexicon = cache.get(key);
  if (!lexicon) cache.set(key, (lexicon = createLexicon(dir, options)));
  return lexicon;
}

function readTables(dir: string, options: FrenchLexiconOptions): Tables {
  const words: Tables['words'] = new Map();
  const toFrench: Tables['toFrench'] = new Map();
  let longest = 1;
  if (options.dictionaries === false) return { words, toFrench, longest, hasDictionary: false };
  const maxEntries = options.maxEntries ?? 50_000;
  const add = (french: string, english: string, sense: number, inverse: boolean, pos?: string) => {
    const key = fold(french).replace(/\s+/g, ' ').trim();
    if (!key || !/^[\p{L}' -]+$/u.test(key)) return;
    let slot = words.get(key);
    if (!slot) words.set(key, (slot = { candidates: [], ...(pos ? { pos } : {}) }));
    if (!slot.pos && pos) slot.pos = pos;
    if (!slot.candidates.some((c) => c.english === english)) slot.candidates.push({ english, sense, inverse });
    longest = Math.max(longest, key.split(' ').length);
  };
  const fraEng = dictdFiles(dir, FRA_ENG);
  const engFra = dictdFiles(dir, ENG_FRA);
  const entries: DictEntry[] = fraEng ? readDictd(fraEng, maxEntries) : [];
  for (const e of entries) e.senses.forEach((sense, i) => sense.forEach((english) => add(e.headword, english, i, false, e.pos)));
  // Backwards: each French translation of an English headword gets that headword.
  for (const e of engFra ? readDictd(engFra, maxEntries) : []) {
    if (!/^[A-Za-z][A-Za-z' -]*$/.test(e.headword)) continue;
    if (!toFrench.has(e.headword.toLowerCase())) toFrench.set(e.headword.toLowerCase(), e.senses.flat());
    e.senses.forEach((sense, i) => sense.forEach((french) => add(french, e.headword, i, true)));
  }
  return { words, toFrench, longest, hasDictionary: !!(fraEng || engFra) };
}

function createLexicon(dir: string, options: FrenchLexiconOptions): FrenchLexicon {
  let tables: Tables | undefined;
  const get = () => (tables ??= readTables(dir, options));
  const maxCandidates = options.maxCandidates ?? 4;
  const cacheSize = options.cacheSize ?? 5000;
  const found = new Map<string, Found | null>();

  const lookUp = (typed: string, reading: Reading): Found | null => {
    const folded = fold(typed);
    const key = `${reading} ${/[éÉ]s?$/.test(typed) ? 'é' : ''}${folded}`;
    if (found.has(key)) return found.get(key)!;
    const result = findWord(get(), typed, folded, reading);
    // Oldest first out: a Map keeps insertion order.
    if (found.size >= cacheSize) found.delete(found.keys().next().value!);
    found.set(key, result);
    return result;
  };

  return {
    translate(word, prefer, reading = 'any') {
      const f = lookUp(word, reading);
      return f ? rank(f, maxCandidates, prefer) : undefined;
    },
    phrase(folded, prefer) {
      const t = get();
      for (let n = Math.min(t.longest, 4, folded.length); n >= 2; n--) {
        const key = folded.slice(0, n).join(' ').replace(/' /g, "'");
        const slot = t.words.get(key) ?? t.words.get(folded.slice(0, n).join(' '));
        if (slot) return { length: n, translation: rank({ lemma: { lemma: key, inflection: 'none' }, candidates: slot.candidates, ...(slot.pos ? { pos: slot.pos } : {}), cognates: [] }, maxCandidates, prefer) };
      }
      return undefined;
    },
    // Only a French word that translates back to the English first ("country" -> "pays", not "campagne").
    french: (english) => {
      const lower = english.toLowerCase();
      const back = (get().toFrench.get(lower) ?? []).filter((f) => !f.includes(' ') && lookUp(f, 'noun') && rank(lookUp(f, 'noun')!, 1).english[0]?.toLowerCase() === lower);
      // Of several, the shortest: the commoner word, as a rule ("pays" rather than "contrée").
      return back.sort((a, b) => a.length - b.length)[0];
    },
    hasDictionary: () => get().hasDictionary,
  };
}

/** An English word at most this rare, typed as it is and unknown to the dictionary, is read as English. */
const ENGLISH_AS_TYPED_RANK = 30_000;
/** Spellings French words do not have ("factories", "funding", "shares", "network"); "vise" may be French ("viser"). */
const ENGLISH_SPELLING = /(?:ies|ing|ings|ness|ship|ful|less|ward|wise)$|w|k|th|sh|ck|oo|ee/;

interface Found {
  lemma: FrenchLemma;
  candidates: Candidate[];
  pos?: string;
  /** English words guessed by cognate rules. */
  cognates: string[];
}

/**
 * Base forms to try, the likeliest first: the word itself, except that after
 * an auxiliary ("a annoncé") a verb's forms come first.
 */
function orderedLemmas(folded: string, reading: Reading): FrenchLemma[] {
  const lemmas = frenchLemmas(folded);
  if (reading !== 'verb') return lemmas;
  const verbal = (l: FrenchLemma) => l.inflection === 'participle' || l.inflection === 'verb';
  return [...lemmas.filter((l) => verbal(l)), ...lemmas.filter((l) => !verbal(l))];
}

/** A cognate guess counts only as an English word as written: in the frequency list, or WordNet's base form. */
function isEnglishSpelling(word: string): boolean {
  return englishRank(word) !== undefined || (!/(?:ed|s|ing)$/.test(word) && isEnglishWord(word));
}

function findWord(t: Tables, typed: string, folded: string, reading: Reading): Found | null {
  const lemmas = orderedLemmas(folded, reading);
  // An English word typed in a French message ("les AI factories"), which French does not have as it is: kept.
  if (!t.words.has(folded) && typed === folded && ENGLISH_SPELLING.test(folded) && (englishRank(folded) ?? Infinity) <= ENGLISH_AS_TYPED_RANK && isEnglishWord(folded)) {
    return { lemma: lemmas[0]!, candidates: [], cognates: [folded] };
  }
  let hit: Found | undefined;
  // A past participle says so by its accent ("annoncé") or by the auxiliary before it ("a annonce"); otherwise a verb is read in its base form.
  const participle = reading === 'verb' || /(?:é|ée|és|ées)$/i.test(typed);
  for (const found of lemmas) {
    const slot = t.words.get(found.lemma);
    if (slot) {
      const lemma: FrenchLemma = found.inflection === 'participle' && !participle ? { ...found, inflection: 'verb' } : found;
      hit = { lemma, candidates: slot.candidates, ...(slot.pos ? { pos: slot.pos } : {}), cognates: [] };
      break;
    }
  }
  // The dictionary knows the word: its translations, not a look-alike ("pays" is no "pays", "ville" no "vile").
  if (hit) return hit;
  // Cognates: the word's and then its base forms' English spellings that are English words.
  for (const lemma of lemmas) {
    const cognates: string[] = [];
    for (const spelling of cognateSpellings(lemma.lemma, lemma === lemmas[0] ? typed : lemma.lemma)) {
      const english = inflect(spelling, lemma, undefined);
      if (spelling.length >= 3 && !cognates.includes(english) && isEnglishSpelling(spelling)) cognates.push(english);
    }
    if (cognates.length) return { lemma, candidates: [], cognates };
  }
  return null;
}

/** The English for a French inflection: a plural noun's plural, a past participle's. */
function inflect(english: string, lemma: FrenchLemma, pos: string | undefined): string {
  if (/^\p{Lu}/u.test(english)) return english;
  if (lemma.inflection === 'plural' && (!pos || pos === 'n')) return englishPlural(english);
  if (lemma.inflection === 'participle' && (!pos || pos === 'v')) return englishParticiple(english);
  return english;
}

/** How close two words are in spelling, 0..1 (a cognate scores high). */
function likeness(french: string, english: string): number {
  const a = french.replace(/(?:er|ir|re|e|s)$/, '');
  const b = english.toLowerCase().replace(/(?:e|s|ed)$/, '');
  return 1 - typoDistance(a, b) / Math.max(a.length, b.length, 1);
}

/** How common an English word is, 0..1.5 (unknown words 0). */
function commonness(english: string): number {
  const rank = english.includes(' ') ? undefined : englishRank(english);
  return rank === undefined ? 0 : Math.max(0, 1.5 - Math.log10(rank) / 3);
}

function rank(f: Found, max: number, prefer?: (english: string) => boolean): Translation {
  const scored = [
    ...f.candidates.map((c, i) => ({ english: inflect(c.english, f.lemma, f.pos), base: c.english, guessed: false, score: -0.2 * c.sense - 0.02 * i - (c.inverse ? 0.3 : 0) })),
    ...f.cognates.map((english) => ({ english, base: english, guessed: true, score: f.candidates.length ? -1 : 0 })),
  ].map((c) => {
    const like = likeness(f.lemma.lemma, c.base);
    // A cognate spelt as the French word itself ("infrastructure", "programme") is the likeliest guess.
    const itself = c.guessed && c.base === f.lemma.lemma ? 1 : 0;
    let score = c.score + itself + (c.base.includes(' ') ? 0 : 0.5) + commonness(c.base) + (like >= 0.5 ? 2 * like : 0);
    if (prefer?.(c.english) || prefer?.(c.base)) score += 2;
    return { ...c, score };
  });
  scored.sort((a, b) => b.score - a.score);
  const english: string[] = [];
  const guessed: string[] = [];
  for (const c of scored) {
    if (english.includes(c.english)) continue;
    english.push(c.english);
    if (c.guessed) guessed.push(c.english);
    if (english.length >= max) break;
  }
  const first = scored[0]!;
  return { english, source: first.guessed ? 'cognate' : 'dictionary', guessed, ...(f.pos ? { pos: f.pos } : {}), lemma: f.lemma.lemma };
}
