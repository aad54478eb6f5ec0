/**
 * Finds the corpus's entities in text through their names, aliases and
 * adjective forms. Documents are matched exactly (short capitalised aliases
 * such as "US" or "Block" by case); questions are matched forgivingly: any
 * case, and one or two typing mistakes in longer words ("von der leyn").
 */
import { typoDistance } from '../text/edit-distance.js';
import type { EntityRecord } from '../corpus/schemas.js';
import { allowedTypos, FuzzyWords } from '../text/fuzzy.js';
import { fold, isAscii } from '../text/normalize.js';
import { placeOfAdjective, placesByStart } from '../text/demonym.js';

export interface EntityMention {
  entity: EntityRecord;
  /** Offsets in the searched text. */
  start: number;
  end: number;
  /** Matched through an adjective form ("French"), not a name. */
  adjective: boolean;
  /** Matched with a typing mistake. */
  fuzzy: boolean;
}

interface Form {
  entity: EntityRecord;
  tokens: string[];
  adjective: boolean;
  /** Written with capitals and short, or a common word: match it by case in documents. */
  caseSensitive: boolean;
  original: string;
  /** Derived from the name (initials, surname): people write it, documents rarely mean it. */
  questionOnly?: boolean;
}

interface Token {
  text: string;
  folded: string;
  start: number;
  end: number;
}

/** Distinct words of a question looked up as possible misspellings of a name: a real question has a few. */
export const MAX_FUZZY_WORDS = 24;

/** The fuzzy look-ups one question may still make, and those it made. */
interface FuzzyLookups {
  left: number;
  seen: Map<string, Form[]>;
}

const WORD = /[\p{L}\p{N}@]+(?:[.'’-][\p{L}\p{N}]+)*\.?/gu;

const PLAIN = /^[a-z0-9]+$/;

export function tokenizeWithOffsets(text: string): Token[] {
  const out: Token[] = [];
  // Plain ASCII text (most of it) is scanned without the cost of Unicode classes.
  if (isAscii(text)) {
    // Lower-casing ASCII keeps every offset: done once for the whole text.
    const lower = text.toLowerCase();
    scanAscii(text, (start, end) => {
      // Keep the dot of "U.S." but not a sentence's full stop.
      if (text.charCodeAt(end - 1) === DOT && !LETTER_DOTS.test(text.slice(start, end))) end--;
      const word = lower.slice(start, end);
      out.push({ text: text.slice(start, end), folded: PLAIN.test(word) ? word : word.replace(/'s$/, '').replace(/\./g, ''), start, end });
    });
    return out;
  }
  for (const m of text.matchAll(WORD)) {
    let raw = m[0];
    if (raw.endsWith('.') && !LETTER_DOTS.test(raw)) raw = raw.slice(0, -1);
    // Plain words (most of them) need only lower-casing; the rest are folded and lose "'s" and dots.
    const lower = raw.toLowerCase();
    const folded = PLAIN.test(lower) ? lower : fold(raw).replace(/[’']s$/, '').replace(/\./g, '');
    out.push({ text: raw, folded, start: m.index, end: m.index + raw.length });
  }
  return out;
}

const LETTER_DOTS = /^(?:\p{L}\.)+$/u;
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const AT = 64;
const DOT = 46;

/** WORD for ASCII text, scanned by character codes: the regular expression's cost dominated indexing. */
function scanAscii(text: string, emit: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (!(isAlnum(c) || c === AT)) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && (isAlnum((c = text.charCodeAt(i))) || c === AT)) i++;
    // ('.' | "'" | '-') followed by letters or digits continues the word.
    while (i + 1 < n && ((c = text.charCodeAt(i)) === DOT || c === 39 || c === 45) && isAlnum(text.charCodeAt(i + 1))) {
      i++;
      while (i < n && isAlnum(text.charCodeAt(i))) i++;
    }
    if (i < n && text.charCodeAt(i) === DOT) i++;
    emit(start, i);
  }
}

export class EntityMatcher {
  private readonly forms: Form[];
  /** Forms by their first word: exact for documents, searchable by spelling for questions. */
  private readonly byFirstToken = new Map<string, Form[]>();
  private readonly byFirstTokenFuzzy = new FuzzyWords<Form[]>();
  /** Matches text that may hold one of the first words (a quick reject for documents). */
  private readonly anyFirstToken: RegExp;

  private readonly byId: Map<string, EntityRecord>;
  private readonly ofPlaces = new Map<string, readonly string[]>();

  constructor(readonly entities: readonly EntityRecord[]) {
    this.byId = new Map(entities.map((e) => [e.id, e]));
    this.forms = entities.flatMap((entity) => [
      ...[entity.name, ...entity.aliases].map((a) => this.form(entity, a, false)),
      ...entity.adjectives.map((a) => this.form(entity, a, true)),
      ...shortForms(entity).map((a) => ({ ...this.form(entity, a, false), questionOnly: true })),
    ]);
    // A short form two entities share ("JD" for two people) names neither.
    const owners = new Map<string, Set<string>>();
    for (const f of this.forms) if (f.questionOnly) owners.set(f.tokens.join(' '), (owners.get(f.tokens.join(' ')) ?? new Set()).add(f.entity.id));
    const named = new Set(this.forms.filter((f) => !f.questionOnly).map((f) => f.tokens.join(' ')));
    this.forms = this.forms.filter((f) => !f.questionOnly || (owners.get(f.tokens.join(' '))!.size === 1 && !named.has(f.tokens.join(' '))));
    // Longer forms first, so "European AI Champions" wins over "AI Champions".
    this.forms.sort((a, b) => b.tokens.length - a.tokens.length);
    for (const f of this.forms) {
      const key = f.tokens[0];
      if (key === undefined) continue;
      const list = this.byFirstToken.get(key);
      if (list) list.push(f);
      else this.byFirstToken.set(key, [f]);
    }
    for (const [key, list] of this.byFirstToken) this.byFirstTokenFuzzy.set(key, list);
    const keys = [...new Set(this.forms.filter((f) => !f.questionOnly).map((f) => f.tokens[0]).filter((t): t is string => t !== undefined))].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    // Tested on the folded text, as the keys are folded.
    this.anyFirstToken = keys.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.join('|')})`, 'iu') : /(?!)/;
  }

  private form(entity: EntityRecord, alias: string, adjective: boolean): Form {
    const tokens = tokenizeWithOffsets(alias).map((t) => t.folded).filter((t) => t !== 'the');
    const hasCapital = /\p{Lu}/u.test(alias);
    return { entity, tokens, adjective, caseSensitive: hasCapital && alias.replace(/\W/g, '').length <= 5, original: alias };
  }

  get(id: string): EntityRecord | undefined {
    return this.byId.get(id);
  }

  /**
   * Places an entity's own name says it is of ("Government of Portugal",
   * "University of Lisbon"): a mention of the one names the other.
   */
  placesOf(id: string): readonly string[] {
    let places = this.ofPlaces.get(id);
    if (!places) {
      const tail = /\bof\s+(?:the\s+)?(.+)$/i.exec(this.byId.get(id)?.name ?? '')?.[1];
      const place = tail ? this.entities.find((e) => e.kind === 'place' && fold(e.name) === fold(tail)) : undefined;
      places = place ? [place.id] : [];
      this.ofPlaces.set(id, places);
    }
    return places;
  }

  /** Exact mentions in a document's text. */
  findInDocument(text: string): EntityMention[] {
    return this.find(text, false);
  }

  /**
   * Forgiving mentions in a question. `isWord` tells words known as they
   * stand (corpus words, stopwords): those are not looked up as misspellings.
   */
  findInQuestion(text: string, isWord: (folded: string) => boolean = () => false, maxFuzzyWords = MAX_FUZZY_WORDS): EntityMention[] {
    return this.find(text, true, isWord, { left: maxFuzzyWords, seen: new Map() });
  }

  private find(text: string, forgiving: boolean, isWord: (folded: string) => boolean = () => false, fuzzy?: FuzzyLookups): EntityMention[] {
    // Most document text names no entity: one regular-expression test says so without tokenising.
    if (!forgiving && !this.anyFirstToken.test(fold(text))) return [];
    const tokens = tokenizeWithOffsets(text);
    const mentions: EntityMention[] = [];
    let i = 0;
    while (i < tokens.length) {
      const match = this.matchAt(tokens, i, forgiving, isWord, fuzzy);
      if (match) {
        mentions.push(match.mention);
        i += match.length;
      } else i++;
    }
    return mentions;
  }

  private matchAt(tokens: Token[], i: number, forgiving: boolean, isWord: (folded: string) => boolean, fuzzy?: FuzzyLookups): { mention: EntityMention; length: number } | undefined {
    const first = tokens[i]!;
    const candidates = forgiving
      ? /^\p{L}+$/u.test(first.folded) && first.folded.length >= 5 && !this.byFirstToken.has(first.folded) && !isWord(first.folded)
        ? this.nearFirstTokens(first.folded, fuzzy)
        : this.byFirstToken.get(first.folded) ?? (first.folded.length >= 3 ? this.byFirstToken.get(first.folded.replace(/s$/, '')) : undefined) ?? []
      : this.byFirstToken.get(first.folded) ?? [];
    let best: { mention: EntityMention; length: number; typos: number } | undefined;
    for (const form of candidates) {
      if (form.questionOnly && !forgiving) continue;
      const n = form.tokens.length;
      if (i + n > tokens.length) continue;
      let typos = 0;
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const tok = tokens[i + k]!;
        const want = form.tokens[k]!;
        if (tok.folded === want) continue;
        // "the eus plan", "europes pitch": a possessive typed without its apostrophe.
        if (forgiving && k === n - 1 && tok.folded === `${want}s` && want.length >= 2) continue;
        const d = forgiving && /^\p{L}+$/u.test(want) ? typoDistance(tok.folded, want) : Infinity;
        if (d <= allowedTypos(want.length) && tok.folded.length >= 4) typos += d;
        else ok = false;
      }
      if (!ok) continue;
      const span = tokens.slice(i, i + n);
      if (!forgiving && form.caseSensitive && span.map((t) => t.text).join(' ') !== tokenizeWithOffsets(form.original).map((t) => t.text).join(' ')) continue;
      if (forgiving && !this.questionCaseOk(form, span, tokens, i)) continue;
      if (!best || n > best.length || (n === best.length && typos < best.typos)) {
        best = { mention: { entity: form.entity, start: span[0]!.start, end: span[n - 1]!.end, adjective: form.adjective, fuzzy: typos > 0 }, length: n, typos };
      }
    }
    if (!best && forgiving && candidates.length === 0 && first.folded.length >= 5 && /^\p{L}+$/u.test(first.folded) && !isWord(first.folded)) {
      // "the Portuguese minister" of a corpus that names Portugal but never writes "Portuguese".
      const place = placeOfAdjective(first.folded, (this.places ??= placesByStart(this.entities)));
      if (place) return { mention: { entity: place, start: first.start, end: first.end, adjective: true, fuzzy: false }, length: 1 };
    }
    return best && { mention: best.mention, length: best.length };
  }

  /** The corpus's places, for the adjectives of their people a question uses (built on the first). */
  private places?: Map<string, EntityRecord[]>;

  /**
   * Forms whose first word is within typing distance of this one. Each distinct
   * word is looked up once, and only so many per question: a long message of
   * unknown words costs a bounded number of fuzzy look-ups.
   */
  private nearFirstTokens(folded: string, fuzzy: FuzzyLookups | undefined): Form[] {
    const known = fuzzy?.seen.get(folded);
    if (known) return known;
    if (fuzzy && fuzzy.left <= 0) return [];
    if (fuzzy) fuzzy.left--;
    const forms = this.byFirstTokenFuzzy.near(folded).flatMap((n) => n.value);
    fuzzy?.seen.set(folded, forms);
    return forms;
  }

  /** "us" is a pronoun unless written "US" or after words that make it the country. */
  private questionCaseOk(form: Form, span: Token[], tokens: Token[], i: number): boolean {
    if (!(form.tokens.length === 1 && form.tokens[0] === 'us')) return true;
    if (span[0]!.text === 'US' || span[0]!.text === 'U.S.' || span[0]!.text === 'U.S') return true;
    const before = tokens[i - 1]?.folded;
    return before === undefined || ['the', 'in', 'vs', 'versus', 'and', 'from', 'of', 'with'].includes(before);
  }
}

/** Name particles that are part of a surname ("von der Leyen", "de Gaulle"). */
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'bin', 'al', 'ter', 'ten']);

/**
 * How people shorten a person's name in chat, derived from the name itself:
 * initials of the whole name and of the surname with its particles
 * ("Ursula von der Leyen": uvdl, vdl), and the surname alone when it is a
 * word of its own ("Leyen" is not; "Castellan" is).
 */
export function shortForms(entity: EntityRecord): string[] {
  if (entity.kind !== 'person') return initialisms(entity);
  const out = new Set<string>();
  for (const name of [entity.name, ...entity.aliases]) {
    const words = name.split(/\s+/).filter((w) => /^\p{L}[\p{L}'’-]*$/u.test(w));
    // A full name: two words or more, the first capitalised ("the French president" is a title, not a name).
    if (words.length < 2 || !/^\p{Lu}/u.test(words[0]!)) continue;
    const initials = (ws: string[]) => ws.map((w) => w[0]!.toLowerCase()).join('');
    out.add(initials(words));
    const surname = words.slice(1);
    if (surname.length >= 2) out.add(initials(surname));
    const last = surname[surname.length - 1]!;
    if (!surname.slice(0, -1).some((w) => PARTICLES.has(w.toLowerCase())) && last.length >= 4) out.add(last);
  }
  return [...out].filter((f) => f.length >= 2);
}

const MINOR_WORDS = new Set(['of', 'the', 'for', 'and', 'on', 'in', 'de', 'du', 'des', 'la', 'le', 'a', 'an', 'to']);

/** "United Kingdom" -> UK, "Lisbon Compute Alliance" -> LCA: the initials of a name of several capitalised words. */
function initialisms(entity: EntityRecord): string[] {
  const out = new Set<string>();
  for (const name of [entity.name, ...entity.aliases]) {
    const words = name.split(/\s+/).filter((w) => !MINOR_WORDS.has(w.toLowerCase()));
    if (words.length < 2 || words.length > 6 || !words.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) continue;
    out.add(words.map((w) => w[0]!).join(''));
  }
  return [...out];
}
