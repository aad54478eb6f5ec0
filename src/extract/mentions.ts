import { readNumber } from '../text/number-words.js';

/**
 * Proper-name mentions in a sentence: runs of capitalised words ("Lisbon
 * Compute Alliance", "Minister for Digital Infrastructure"), acronyms ("LCA",
 * "U.S."), @handles, with what stands around them (a title before, an
 * apposition after, a preposition, "the"), which later decides their kind.
 */

export interface Mention {
  /** The name as written, without a leading title or a trailing possessive. */
  text: string;
  /** Offsets in the document body. */
  start: number;
  end: number;
  /** A title written before it ("Dr.", "Mayor", "CEO"). */
  title?: string;
  /** The word before ("in", "the", "by"), lower-cased. */
  before: string;
  /** Whether the mention opens its sentence (capitalisation proves nothing there). */
  sentenceStart: boolean;
  /** Lower-case noun written right after ("programme" in "the Harbour programme"). */
  nounAfter?: string;
  /** Used as a modifier of the noun after it ("Atlantic coast"), not as a name on its own. */
  modifier: boolean;
  acronym: boolean;
  handle: boolean;
  /** A name written in lower case from its role ("the regional council announced"): what it is. */
  role?: 'person' | 'organisation';
}

/** Titles that make the following name a person's. */
export const PERSON_TITLES = /^(?:Mr|Mrs|Ms|Mx|Dr|Prof|Professor|Sir|Dame|Mayor|Minister|President|Senator|Governor|Judge|Rev|CEO|Chair|Chairman|Chairwoman|Commissioner|Ambassador|Secretary|Director|Chancellor|Premier|Sen|Rep|Gov|Gen|Lt|Col|Capt|St)\.?$/;

// Lower-case words allowed inside a name when a capitalised word follows ("Government of Portugal").
const CONNECTORS = new Set(['of', 'for', 'on', 'de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'du', 'von', 'van', 'der', 'den', 'la', 'le', '&']);
// Words that start sentences or headings but never begin a name by themselves.
const FUNCTION_WORDS = new Set(
  ('a an the this that these those it its it\'s he she they we i you our their his her my your there here what who why how when where which ' +
    'and or but if so as at by for from in into of on to with without after before during since until while about over under again also ' +
    'no not yes one all any each every some many most more much other such only own same than too very can will just should now ' +
    'mr mrs ms dr prof').split(' '),
);
/** Words that end a role title written before a name ("Vice President", "Chief Executive"). */
const ROLE_TITLE = /^(?:President|Minister|Premier|Chancellor|Executive|Officer|Director|Chair|Chairman|Chairwoman|CEO|CFO|CTO|Secretary|Mayor|Governor|Senator|Commissioner|Ambassador|Founder|Co-founder|Spokesperson|Spokesman|Spokeswoman|Leader|Head)$/;

function lastIndex<T>(list: T[], test: (item: T, index: number) => boolean): number {
  for (let k = list.length - 1; k >= 0; k--) if (test(list[k]!, k)) return k;
  return -1;
}

/** Last words of a role title ("Chief Executive Officer", "Minister") that may precede "of" and a name. */
const ROLE_HEAD = /^(?:Officer|Director|Minister|President|Chair|Chairman|Chairwoman|Secretary|Head|Founder|Executive|Commissioner|Mayor|Governor|Ambassador|Editor|Professor|Manager|Partner|CEO|Dean|Rector)$/;
/** Words after a name that show it is the subject of a verb, not a modifier of a noun. */
const VERBISH = /^(?:is|are|was|were|will|would|could|should|can|may|might|must|has|have|had|did|does|do|said|says|and|or|but|also|to|of|in|on|at|for|with|by|from|as|that|which|who|than|not|no)$|(?:ed|es)$/;
/** Words that are names of days or months, never entities. */
const CALENDAR = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$/;

// A capitalised word (possessive dropped later), an acronym with dots ("U.S.", "N.C."), or a handle.
const TOKEN = /@[A-Za-z0-9_]{2,}|(?:\p{Lu}\.){2,}(?:-[\p{L}]+)?|[\p{L}\p{N}][\p{L}\p{N}’'\-]*\.?|[^\s\p{L}\p{N}]/gu;

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokenize(text: string, offset: number): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) out.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  return out;
}

const isCap = (w: string) => /^[\p{Lu}]/u.test(w) || /^\p{N}+\p{Lu}/u.test(w);
const isAcronym = (w: string) => /^(?:\p{Lu}\.){2,}$|^\p{Lu}[\p{Lu}\p{N}]{1,5}$/u.test(w);
const stripPossessive = (w: string) => w.replace(/[’']s$/u, '').replace(/[’']$/u, '');

/** Lower-cased words of a text that are written in lower case somewhere: "harbour" in "the harbour front". */
export function collectLowercaseWords(text: string, into: Set<string>): void {
  // A consumed separator rather than a look-behind: the pattern is tried at word starts only.
  for (const m of text.matchAll(/(?:^|[^\p{L}\p{N}@./#_\-’'])([\p{Ll}][\p{L}’'\-]*)/gu)) into.add(m[1]!);
}

/**
 * Name mentions of a sentence. `commonWords` holds words seen in lower case in
 * the corpus: at the start of a sentence such a word is an ordinary word.
 */
export function findMentions(sentence: string, offset: number, commonWords: ReadonlySet<string>, leadingTitle?: string, midCaps?: ReadonlySet<string>): Mention[] {
  const tokens = tokenize(sentence, offset);
  const out: Mention[] = [];
  let i = 0;
  let sentenceStart = true;
  while (i < tokens.length) {
    const tok = tokens[i]!;
    const word = tok.text;
    if (/^[*_#>"“‘(\[|-]+$/.test(word)) {
      // A table cell or an opening quote starts afresh: "| Firm |", "“We're ...".
      if (/^[|"“‘]$/.test(word)) sentenceStart = true;
      i++;
      continue;
    }
    if (/^[:·=—–]$/.test(word)) {
      sentenceStart = true;
      i++;
      continue;
    }
    if (word.startsWith('@')) {
      // "press@quillon.example" is an address, not a handle.
      if (tok.start > offset && /[\p{L}\p{N}.]/u.test(sentence[tok.start - offset - 1]!)) {
        i++;
        continue;
      }
      out.push({ text: word, start: tok.start, end: tok.end, before: lowerBefore(tokens, i), sentenceStart, modifier: false, acronym: false, handle: true });
      i++;
      sentenceStart = false;
      continue;
    }
    // Hashtags are topics, not names.
    if (tok.start > offset && sentence[tok.start - offset - 1] === '#') {
      i++;
      sentenceStart = false;
      continue;
    }
    if (!isCap(word)) {
      i++;
      sentenceStart = sentenceStart && /^[^\p{L}\p{N}]+$/u.test(word) && !/^[,;]$/.test(word);
      continue;
    }
    // Titles before a name.
    let title: string | undefined = i === 0 || (sentenceStart && out.length === 0) ? leadingTitle : undefined;
    if (PERSON_TITLES.test(word) && (i + 1 >= tokens.length || !isCap(tokens[i + 1]!.text))) {
      // A title left alone ("Dr." cut off from its name by the sentence splitter) names no one;
      // "Minister for Digital Infrastructure" is a role, not a place called Digital Infrastructure.
      i++;
      if (i < tokens.length && /^(?:for|of)$/.test(tokens[i]!.text)) {
        i++;
        while (i < tokens.length && (isCap(tokens[i]!.text) || CONNECTORS.has(tokens[i]!.text))) i++;
      }
      sentenceStart = false;
      continue;
    }
    if (PERSON_TITLES.test(word) && i + 1 < tokens.length && isCap(tokens[i + 1]!.text) && !isAcronym(tokens[i + 1]!.text)) {
      title = word;
      i++;
    }
    // A run of capitalised words joined by connectors.
    const first = i;
    let last = i;
    let j = i + 1;
    while (j < tokens.length) {
      const t = tokens[j]!.text;
      if (isCap(t) && !CALENDAR.test(t) && !/\.$/.test(tokens[j - 1]!.text)) {
        last = j;
        j++;
      } else if (CONNECTORS.has(t)) {
        // "von der Leyen": a run of connectors joins only when a capitalised word follows it.
        let k = j;
        while (k < tokens.length && CONNECTORS.has(tokens[k]!.text)) k++;
        if (k < tokens.length && isCap(tokens[k]!.text) && !CALENDAR.test(tokens[k]!.text) && k - j <= 2) j = k;
        else break;
      } else break;
      if (/[’']s$/u.test(tokens[last]!.text)) break;
    }
    let words = tokens.slice(first, last + 1);
    // "French President Emmanuel Macron", "OpenAI Chief Executive Sam Altman": a role title, then the name.
    let roleTitle: string | undefined;
    const roleAt = lastIndex(words, (w, k) => k < words.length - 1 && ROLE_TITLE.test(w.text));
    if (roleAt >= 0 && !title && words.slice(roleAt + 1).every((w) => !ROLE_TITLE.test(w.text)) && !/^(?:of|for)$/.test(words[roleAt + 1]!.text)) {
      roleTitle = sentence.slice(words[0]!.start - offset, words[roleAt]!.end - offset);
      words = words.slice(roleAt + 1);
    }
    // "US-based Stargate project": the hyphenated adjective is not part of the name that follows.
    if (words.length > 1 && /^[\p{Lu}.]+-\p{Ll}+$/u.test(words[0]!.text)) {
      const adj = words[0]!;
      const place = adj.text.replace(/-\p{Ll}+$/u, '');
      out.push({ text: place, start: adj.start, end: adj.start + place.length, before: lowerBefore(tokens, first), sentenceStart, modifier: true, acronym: isAcronym(place), handle: false });
      words = words.slice(1);
      sentenceStart = false;
    }
    // A capitalised common word opening the sentence ("Separately", "Diplomats") is not part of a name.
    const plain = (w: string) => w.toLowerCase().replace(/[’'].*$/u, '').replace(/\.$/, '');
    const knownName = (w: string) => midCaps?.has(w.replace(/\.$/, '').replace(/[’']s$/u, '')) ?? false;
    if (sentenceStart && words.length && !title && (FUNCTION_WORDS.has(plain(words[0]!.text)) || (commonWords.has(plain(words[0]!.text)) && !knownName(words[0]!.text)) || readNumber(plain(words[0]!.text)) !== undefined)) {
      words = words.slice(1);
      while (words.length && CONNECTORS.has(words[0]!.text)) words = words.slice(1);
    }
    // "Chief Executive Officer of Quillon": the role is not a name, what follows "of" is.
    const roleEnd = words.findIndex((w, k) => k > 0 && w.text === 'of' && ROLE_HEAD.test(words[k - 1]!.text));
    if (roleEnd > 0 && roleEnd + 1 < words.length) words = words.slice(roleEnd + 1);
    // A word followed by a number is a label ("Day 2", "Episode 112"), not a name.
    if (words.length === 1 && /^\s\d/.test(sentence.slice(words[0]!.end - offset))) words = [];
    while (words.length && (CALENDAR.test(words[0]!.text) || FUNCTION_WORDS.has(words[0]!.text.toLowerCase()))) words = words.slice(1);
    if (words.length) {
      const start = words[0]!.start;
      const raw = tokens.slice(tokens.indexOf(words[0]!), tokens.indexOf(words[words.length - 1]!) + 1);
      const lastTok = raw[raw.length - 1]!;
      const written = sentence.slice(start - offset, lastTok.end - offset);
      const possessive = /[’']s?$/u.test(written);
      // "U.S.-based" names the U.S.; "Dutch-Chilean" stays whole.
      let text = stripPossessive(written).replace(/-\p{Ll}+$/u, '');
      // A trailing full stop belongs to the sentence, not the name, unless the name is an abbreviation.
      if (/\.$/.test(text) && !/^(?:\p{Lu}\.)+$/u.test(text.split(' ').pop()!)) text = text.slice(0, -1);
      const next = tokens[last + 1];
      const nounAfter = next && /^[\p{Ll}]+$/u.test(next.text) ? next.text : undefined;
      const modifier = !!nounAfter && !possessive && !VERBISH.test(nounAfter!);
      // "Government of Portugal" also names Portugal.
      const of = /^(?:Government|Republic|Kingdom|Embassy|People|President|Prime Minister|City|Port|Parliament|Ministry of [\p{L} ]+? of) of (\p{Lu}[\p{L}\- ]+)$/u.exec(text);
      if (of) {
        const inner = start + text.length - of[1]!.length;
        out.push({ text: of[1]!, start: inner, end: inner + of[1]!.length, before: 'of', sentenceStart: false, modifier: false, acronym: false, handle: false });
      }
      if (text && !CALENDAR.test(text)) {
        out.push({
          text,
          start,
          end: start + text.length,
          ...(title ? { title: title.replace(/\.$/, '') } : roleTitle ? { title: roleTitle } : {}),
          before: lowerBefore(tokens, tokens.indexOf(words[0]!) - (title ? 1 : 0)),
          sentenceStart: sentenceStart && !title && words[0] === tokens[first],
          ...(nounAfter ? { nounAfter } : {}),
          modifier,
          acronym: words.length === 1 && isAcronym(text),
          handle: false,
        });
      }
    }
    i = last + 1;
    sentenceStart = false;
  }
  return out;
}

function lowerBefore(tokens: Token[], index: number): string {
  return index > 0 ? tokens[index - 1]!.text.toLowerCase() : '';
}

/** Title-cases a name written in capitals ("NOOR CASTELLAN" -> "Noor Castellan"). */
export function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** Capitalised words written after a lower-case word ("the Harbour programme"): names, even where a sentence opens with them. */
export function collectMidSentenceCapitals(text: string, into: Set<string>): void {
  for (const m of text.matchAll(/[\p{Ll},] ([\p{Lu}][\p{L}\p{N}\-]*)/gu)) into.add(m[1]!);
}

const PERSON_ROLES = 'president|prime minister|minister|mayor|chancellor|governor|premier|ambassador|commissioner|spokesperson|spokesman|spokeswoman';
const BODY_ROLES = 'council|ministry|commission|government|secretariat|agency|committee|board|regulator|authority|parliament|senate|cabinet';
// "the regional council pledged", "the French president announced": a role named in lower case, doing or saying something.
const ROLE_MENTION = new RegExp(
  String.raw`\b[Tt]he\s+((?:[\p{Lu}][\p{Ll}]+\s+|[\p{Ll}]{3,}\s+)?(${PERSON_ROLES}|${BODY_ROLES}))\s+(?=(?:has\s+|had\s+|will\s+|also\s+|then\s+)?(?:said|says|announced|announces|pledged|pledges|promised|promises|told|added|unveiled|committed|agreed|approved|decided|launched|confirmed)\b)`,
  'gu',
);
const PERSON_ROLE = new RegExp(String.raw`(?:${PERSON_ROLES})$`);
// Lower-case words before a role that do not make it a name of its own ("the new minister", "the same council").
const GENERIC_ROLE_WORDS = /^(?:new|same|former|other|former|then|current|previous|next|first|last|said|whole|entire|local|national)\s/;

/** Lower-case roles acting in a sentence, as mentions. */
export function findRoleMentions(sentence: string, offset: number): Mention[] {
  if (!/[Tt]he /.test(sentence)) return [];
  const out: Mention[] = [];
  for (const m of sentence.matchAll(ROLE_MENTION)) {
    const text = m[1]!;
    if (GENERIC_ROLE_WORDS.test(text) || !/\s/.test(text)) continue;
    const start = offset + m.index + m[0].indexOf(text);
    out.push({ text, start, end: start + text.length, before: 'the', sentenceStart: false, modifier: false, acronym: false, handle: false, role: PERSON_ROLE.test(text) ? 'person' : 'organisation' });
  }
  return out;
}
