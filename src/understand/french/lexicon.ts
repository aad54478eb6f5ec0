/**
 * French content words to English: FreeDict's French–English dictionary
 * (Debian's dict-freedict-fra-eng), with its English–French one
 * (dict-freedict-eng-fra) read backwards for more coverage, the general
 * words FreeDict lacks (vocabulary.ts), and English cognates by rule
 * (cognates.ts) where all of them lack the word. A word is looked up by its
 * base forms (forms.ts: "dirigeantes" -> dirigeant, "conçu" -> concevoir);
 * a hyphenated word part by part ("public-privé" -> "public-private"). A
 * word keeps several English candidates, best first: its own senses, then
 * those of another base form it may have ("fait": fact, and made); those
 * found by cognate rules are marked as guessed.
 *
 * Loaded on first use and cached per folder; bounded by maxEntries per
 * dictionary and cacheSize translations remembered.
 */
import { fold } from '../../text/normalize.js';
import { englishRank } from '../../text/english.js';
import { isEnglishWord } from '../../text/word-classes.js';
import { typoDistance } from '../../text/edit-distance.js';
import { dictdFiles, readDictd, type DictEntry } from './dictd.js';
import { cognateSpellings } from './cognates.js';
import { frenchLemmas, type FrenchLemma, type Reading } from './forms.js';
import { inflectEnglish } from './inflect.js';
import { GENERAL_VOCABULARY } from './vocabulary.js';

export interface FrenchLexiconOptions {
  /** Folder holding the dictd files. Default: the FREEDICT_DIR environment variable, else /usr/share/dictd (where Debian installs them). */
  dir?: string;
  /** Read the dictionaries at all. Default true; false leaves grammar and cognates only. */
  dictionaries?: boolean;
  /** Most entries read from each dictionary. Default 50,000 (FreeDict's hold about 9,000 each). */
  maxEntries?: number;
  /** Most English candidates kept for a word. Default 6. */
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

export type { Reading } from './forms.js';

export const DEFAULT_FREEDICT_DIR = '/usr/share/dictd';
const FRA_ENG = 'freedict-fra-eng';
const ENG_FRA = 'freedict-eng-fra';

interface Candidate {
  /** As the French word inflects it ("leaders" for "dirigeants"). */
  english: string;
  /** The English sense of the base form ("lead"). */
  base: string;
  /** Sense number in the dictionary (0 first); later senses are less likely. */
  sense: number;
  /** From the English–French dictionary read backwards. */
  inverse: boolean;
  /** A sense of another base form than the first found ("faire" for "fait"). */
  secondary?: boolean;
  /** Guessed by cognate rules. */
  guessed?: boolean;
  /** A cognate of a word the dictionary gives senses of: read only where it is a word of the documents and no sense is. */
  last?: boolean;
  curated?: boolean;
}

/** A dictionary sense before it is inflected for the word looked up. */
interface Sense {
  english: string;
  sense: number;
  inverse: boolean;
  /** From the general words FreeDict lacks (vocabulary.ts), whose senses are listed commonest first. */
  curated?: boolean;
}

interface Tables {
  words: Map<string, { candidates: Sense[]; pos?: string }>;
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
  const add = (french: string, english: string, sense: number, inverse: boolean, pos?: string, curated = false) => {
    const key = fold(french).replace(/\s+/g, ' ').trim();
    if (!key || !/^[\p{L}' -]+$/u.test(key) || !isEnglishGloss(english)) return;
    let slot = words.get(key);
    if (!slot) words.set(key, (slot = { candidates: [], ...(pos ? { pos } : {}) }));
    if (!slot.pos && pos) slot.pos = pos;
    if (!slot.candidates.some((c) => c.english === english)) slot.candidates.push({ english, sense, inverse, ...(curated ? { curated } : {}) });
    longest = Math.max(longest, key.split(' ').length);
  };
  // The general words FreeDict lacks come first among a word's senses; the dictionary's follow.
  for (const [french, senses] of Object.entries(GENERAL_VOCABULARY)) senses.forEach((english, i) => add(french, english, i, false, undefined, true));
  if (options.dictionaries === false) return { words, toFrench, longest, hasDictionary: false };
  const maxEntries = options.maxEntries ?? 50_000;
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

/**
 * Whether a dictionary gloss reads as English: not a quotation, and most of
 * its words English ones ("falloir" is glossed "Il faut quelque chose" as
 * well as "We need something": the French example is no sense).
 */
function isEnglishGloss(english: string): boolean {
  if (/["«»“”]/.test(english)) return false;
  const words = english.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 2) return true;
  return words.filter((w) => englishRank(w) !== undefined || isEnglishWord(w)).length * 2 > words.length;
}

function createLexicon(dir: string, options: FrenchLexiconOptions): FrenchLexicon {
  let tables: Tables | undefined;
  const get = () => (tables ??= readTables(dir, options));
  const maxCandidates = options.maxCandidates ?? 6;
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

  const translate: FrenchLexicon['translate'] = (word, prefer, reading = 'any') => {
    const f = lookUp(word, reading);
    if (f) return rank(f, maxCandidates, prefer);
    return word.includes('-') ? compound(word, (part) => translate(part, prefer, reading), maxCandidates) : undefined;
  };

  return {
    translate,
    phrase(folded, prefer) {
      const t = get();
      for (let n = Math.min(t.longest, 4, folded.length); n >= 2; n--) {
        const key = folded.slice(0, n).join(' ').replace(/' /g, "'");
        const slot = t.words.get(key) ?? t.words.get(folded.slice(0, n).join(' '));
        if (slot) return { length: n, translation: rank({ lemma: { lemma: key, inflection: 'none' }, candidates: slot.candidates.map((c) => ({ ...c, base: c.english })), ...(slot.pos ? { pos: slot.pos } : {}) }, maxCandidates, prefer) };
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
  /** Dictionary senses as the word inflects them, then cognates, each marked. */
  candidates: Candidate[];
  pos?: string;
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

/** Shortest English word found only in WordNet (not the frequency list) that a cognate may be: "conc" is no cognate of "conçu". */
const WORDNET_ONLY_MIN_LENGTH = 5;

/** A cognate guess counts only as an English word as written: in the frequency list, or WordNet's base form of some length. */
function isEnglishSpelling(word: string): boolean {
  return englishRank(word) !== undefined || (word.length >= WORDNET_ONLY_MIN_LENGTH && !/(?:ed|s|ing)$/.test(word) && isEnglishWord(word));
}

/** English endings of learned words, whose cognates are seldom false friends ("development", "partnership", "capacity"). */
const LEARNED_SUFFIX = /(?:ment|tion|sion|ity|ism|ist|ics?|ical|ogy|graphy|ary|ory|ive|ous|ence|ance|ship)s?$/;
/** Shortest French word whose learned cognate joins its dictionary senses. */
const LEARNED_COGNATE_MIN_LENGTH = 7;

/** Most senses another base form of the word adds ("fait": fact; and made, done). */
const SECONDARY_SENSES = 3;

/** Whether two base forms read the word as different parts of speech (a noun and a verb form). */
const verbal = (l: FrenchLemma) => l.inflection === 'participle' || l.inflection === 'verb' || l.inflection === 'agent';

function findWord(t: Tables, typed: string, folded: string, reading: Reading): Found | null {
  const lemmas = orderedLemmas(folded, reading);
  // An English word typed in a French message ("les AI factories"), which French does not have as it is: kept.
  if (!t.words.has(folded) && typed === folded && ENGLISH_SPELLING.test(folded) && (englishRank(folded) ?? Infinity) <= ENGLISH_AS_TYPED_RANK && isEnglishWord(folded)) {
    return { lemma: lemmas[0]!, candidates: [{ english: folded, base: folded, sense: 0, inverse: false, guessed: true }] };
  }
  // A past participle says so by its accent ("annoncé") or by the auxiliary before it ("a annonce"); otherwise a verb is read in its base form.
  const participle = reading === 'verb' || /(?:é|ée|és|ées)$/i.test(typed);
  let hit: Found | undefined;
  for (const found of lemmas) {
    const slot = t.words.get(found.lemma);
    if (!slot) continue;
    const lemma: FrenchLemma = found.inflection === 'participle' && !participle ? { ...found, inflection: 'verb' } : found;
    const candidates = slot.candidates.flatMap((c) => inflectEnglish(c.english, lemma, slot.pos, reading).map((english) => ({ ...c, english, base: c.english })));
    // A verb English makes no agent noun of ("steer": no "steerer") does not read the word.
    if (!candidates.length) continue;
    if (!hit) {
      hit = { lemma, candidates, ...(slot.pos ? { pos: slot.pos } : {}) };
      continue;
    }
    // The word's masculine or singular form adds its first senses ("française": Frenchwoman, and French).
    if (!verbal(lemma) && !verbal(hit.lemma) && hit.lemma.lemma.startsWith(lemma.lemma) && !hit.candidates.some((c) => c.secondary)) {
      hit.candidates.push(...candidates.slice(0, SECONDARY_SENSES).map((c) => ({ ...c, secondary: true })));
      continue;
    }
    // Another base form read as another part of speech adds its first senses ("fait": fact, and made),
    // unless the sentence says which it is (after an article a noun, after an auxiliary a verb).
    if (verbal(lemma) !== verbal(hit.lemma)) {
      if (reading !== 'any') break;
      hit.candidates.push(...candidates.slice(0, SECONDARY_SENSES).map((c) => ({ ...c, secondary: true })));
      break;
    }
  }
  // A noun made of a verb ("participant" of participer) may be a cognate of its own ("participants"), beside the
  // agent nouns made of the verb's senses; a word the dictionary gives senses of keeps them ("pays" is no "pays").
  if (hit && hit.lemma.inflection === 'agent') hit.candidates.push(...cognatesOf({ lemma: folded, inflection: 'none' }, typed, reading).map((english) => ({ english, base: english, sense: 0, inverse: false, guessed: true })));
  // A long word of a learned suffix has its cognate among the senses ("développement": growth, and development), ranked after them;
  // any other word's cognate comes last, for the words the dictionary glosses oddly ("déployé": spreaded out, and deployed),
  // and is read only where its senses are no words of the documents (the reader prefers those).
  if (hit && hit.lemma.inflection !== 'agent') {
    const known = new Set(hit.candidates.map((c) => c.english));
    const cognates = cognatesOf(hit.lemma.lemma === folded ? hit.lemma : { lemma: folded, inflection: 'none' }, typed, reading).filter((e) => !known.has(e));
    for (const english of cognates) {
      const learned = folded.length >= LEARNED_COGNATE_MIN_LENGTH && LEARNED_SUFFIX.test(english);
      hit.candidates.push({ english, base: english, sense: 0, inverse: false, guessed: true, secondary: true, ...(learned ? {} : { last: true }) });
    }
  }
  if (hit) return hit;
  // Cognates: the word's and then its base forms' English spellings that are English words.
  for (const lemma of lemmas) {
    const cognates = cognatesOf(lemma, lemma === lemmas[0] ? typed : lemma.lemma, reading);
    if (cognates.length) return { lemma, candidates: cognates.map((english) => ({ english, base: english, sense: 0, inverse: false, guessed: true })) };
  }
  return null;
}

/** The English cognates of one base form, inflected as the word is, that English has. */
function cognatesOf(lemma: FrenchLemma, typed: string, reading: Reading): string[] {
  const out: string[] = [];
  for (const spelling of cognateSpellings(lemma.lemma, typed)) {
    if (spelling.length < 3 || !isEnglishSpelling(spelling)) continue;
    for (const english of inflectEnglish(spelling, lemma, undefined, reading)) {
      // An inflected form English lacks ("conced" of "conc") is no cognate: the uninflected spelling stands, if any.
      const form = english === spelling || englishRank(english) !== undefined ? english : undefined;
      if (form && !out.includes(form)) out.push(form);
    }
  }
  return out;
}

/** Prefixes of a hyphenated compound and their English ("ex-président", "vice-présidente", "co-fondateur"). */
const COMPOUND_PREFIXES: Readonly<Record<string, string>> = {
  ex: 'ex', vice: 'vice', co: 'co', anti: 'anti', post: 'post', pre: 'pre', non: 'non', sous: 'sub', semi: 'semi', mi: 'mid', demi: 'half',
  auto: 'self', inter: 'inter', multi: 'multi', micro: 'micro', macro: 'macro', super: 'super', ultra: 'ultra', extra: 'extra', contre: 'counter',
  mini: 'mini', neo: 'neo', euro: 'Euro', franco: 'Franco', sino: 'Sino', germano: 'German', anglo: 'Anglo', italo: 'Italo', afro: 'Afro', socio: 'socio',
};

/**
 * A hyphenated compound read part by part: "public-privé" ->
 * "public-private", "ex-ministre" -> "ex-minister"; the parts' other
 * senses make the other candidates. Undefined when no part is known.
 */
function compound(word: string, translatePart: (part: string) => Translation | undefined, max: number): Translation | undefined {
  const parts = word.split('-').filter((p) => p.length > 0);
  if (parts.length < 2) return undefined;
  const read = parts.map((part, i) => {
    const prefix = i < parts.length - 1 ? COMPOUND_PREFIXES[fold(part)] : undefined;
    if (prefix !== undefined && Object.hasOwn(COMPOUND_PREFIXES, fold(part))) return { english: [prefix], source: 'prefix' as const, guessed: [] as string[] };
    const t = translatePart(part);
    return t ? { english: t.english, source: t.source, guessed: t.guessed } : undefined;
  });
  if (read.every((r) => !r || r.source === 'prefix')) return undefined;
  const firsts = read.map((r, i) => r?.english[0] ?? parts[i]!);
  const join = (words: string[]) => {
    const joined = words.join('-');
    // "sous-titre" -> "subtitle": written as one word where English writes it so.
    return englishRank(joined.replace(/-/g, '')) !== undefined ? joined.replace(/-/g, '') : joined;
  };
  const english = [join(firsts)];
  // Other senses of each part, one at a time.
  read.forEach((r, i) => {
    for (const other of r?.english.slice(1) ?? []) {
      if (english.length >= max) return;
      const words = [...firsts];
      words[i] = other;
      const joined = join(words);
      if (!english.includes(joined)) english.push(joined);
    }
  });
  const guessed = read.every((r) => !r || r.source !== 'dictionary');
  return { english, source: guessed ? 'cognate' : 'dictionary', guessed: guessed ? english.slice() : [], lemma: fold(word) };
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

/**
 * Score the general words' senses gain over the dictionary's and over a
 * look-alike: they are listed commonest first ("siège": headquarters before
 * chair and siege; "entreprise": company before enterprise).
 */
const CURATED_FIRST_BONUS = 2;
const CURATED_BONUS = 0.6;

/** Score a candidate `prefer` accepts gains: more than any other reason, so the corpus's own word comes first. */
const PREFERRED_BONUS = 5;

/** Score lost by a sense of another base form than the word's first ("faire" for "fait"). */
const SECONDARY_PENALTY = 1.8;

/** Score lost by a cognate read last: more than any preference for the documents' words can make up for, unless no sense is one. */
const LAST_PENALTY = 4;

function rank(f: Found, max: number, prefer?: (english: string) => boolean): Translation {
  const senses = f.candidates.some((c) => !c.guessed);
  const scored = f.candidates.map((c, i) => {
    const like = likeness(f.lemma.lemma, c.base);
    // A cognate spelt as the French word itself ("infrastructure", "programme") is the likeliest guess.
    const itself = c.guessed && c.base === f.lemma.lemma ? 1 : 0;
    let score = c.guessed ? (senses ? -1 : 0) : -0.2 * c.sense - 0.02 * i - (c.inverse ? 0.3 : 0);
    score += itself + (c.curated ? (c.sense === 0 ? CURATED_FIRST_BONUS : CURATED_BONUS) : 0) + (c.base.includes(' ') ? 0 : 0.5) + commonness(c.base) + (like >= 0.5 ? 2 * like : 0) - (c.secondary ? SECONDARY_PENALTY : 0) - (c.last ? LAST_PENALTY : 0);
    if (prefer?.(c.english) || prefer?.(c.base)) score += PREFERRED_BONUS;
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
