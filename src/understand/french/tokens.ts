/**
 * A French message as tokens: words with their elisions split off ("l'UE"
 * -> "l'" "UE", "qu'est-ce" -> "qu'" "est" "-ce"), inverted pronouns split
 * off their verb ("a-t-il" -> "a" "-t-il"), numbers as French writes them
 * ("1,5", "200 000", "10/02/2025"), acronyms written with dots ("É.-U.",
 * "U.E."), currency and percent signs, @handles,
 * addresses and punctuation. Each token keeps its text as typed and a
 * folded form (lower case, no accents) for the tables.
 */
import { fold } from '../../text/normalize.js';
import { INVERTED_PRONOUN } from './grammar.js';

export type TokenKind = 'word' | 'number' | 'symbol' | 'punct' | 'handle' | 'url';

export interface Token {
  /** As typed (apostrophes straightened). */
  raw: string;
  /** Lower case, accents removed. */
  folded: string;
  kind: TokenKind;
  /** A space stood before it in the message. */
  spaceBefore: boolean;
}

/** Words an apostrophe does not split: they are one word in French. */
const WHOLE_WITH_APOSTROPHE = new Set(["aujourd'hui", "quelqu'un", "quelqu'une", "presqu'ile", "prud'homme"]);
const ELIDED = /^(jusqu|lorsqu|puisqu|quoiqu|qu|[ldjcnmst])'(.+)$/i;
/** Hyphenated endings that make a question of the verb before them. */
const INVERSION_ENDING = /^-(?:t-)?(?:il|elle|on|ils|elles|je|tu|nous|vous|ce)$/;

const TOKEN = /https?:\/\/\S+|@[\p{L}\p{N}_.]+|\d+(?:[.,/]\d+)*(?:er|re|e|eme|ème|è)?(?![\p{L}\d])|\d+(?:[.,]\d+)*|(?:\p{Lu}\.-?)+\p{Lu}\.?(?![\p{L}])|[\p{L}][\p{L}\p{M}'-]*|[€$£%]|[?!.,;:()"]/gu;

/** The tokens of a message. */
export function tokenize(message: string): Token[] {
  const text = message.normalize('NFC').replace(/[’‘`´]/g, "'").replace(/[«»“”„]/g, '"').replace(/[\u00A0\u202F\u2009]/g, ' ');
  const out: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const spaceBefore = m.index! > last && /\s/.test(text.slice(last, m.index));
    last = m.index! + m[0].length;
    const raw = m[0];
    const first = raw[0]!;
    const kind: TokenKind = raw.startsWith('http') ? 'url' : first === '@' ? 'handle' : /\d/.test(first) ? 'number' : /[€$£%]/.test(first) ? 'symbol' : /\p{L}/u.test(first) ? 'word' : 'punct';
    if (kind !== 'word') {
      out.push({ raw, folded: raw.toLowerCase(), kind, spaceBefore });
      continue;
    }
    pushWord(out, raw, spaceBefore);
  }
  return out;
}

function word(raw: string, spaceBefore: boolean): Token {
  return { raw, folded: fold(raw), kind: 'word', spaceBefore };
}

function pushWord(out: Token[], raw: string, spaceBefore: boolean): void {
  const lower = fold(raw);
  if (WHOLE_WITH_APOSTROPHE.has(lower)) {
    out.push(word(raw, spaceBefore));
    return;
  }
  // "l'", "qu'", "jusqu'": the elided word, then the rest (itself perhaps elided: "qu'l'"... rarely).
  const elided = ELIDED.exec(raw);
  if (elided) {
    out.push(word(`${elided[1]}'`, spaceBefore));
    if (elided[2]) pushWord(out, elided[2], false);
    return;
  }
  // A lone "l'" typed before a space.
  if (/^(?:jusqu|lorsqu|puisqu|qu|[ldjcnmst])'$/i.test(raw)) {
    out.push(word(raw, spaceBefore));
    return;
  }
  // "a-t-il", "vise-t-elle", "est-ce": the verb, then the inverted pronoun.
  const inverted = INVERTED_PRONOUN.exec(raw);
  if (inverted && !/^\p{Lu}/u.test(raw)) {
    const ending = raw.slice(inverted[1]!.length);
    if (INVERSION_ENDING.test(fold(ending))) {
      out.push(word(inverted[1]!, spaceBefore), word(ending, false));
      return;
    }
  }
  if (/-ce$/i.test(raw) && raw.length > 3) {
    out.push(word(raw.slice(0, -3), spaceBefore), word(raw.slice(-3), false));
    return;
  }
  out.push(word(raw.replace(/'+$/, ''), spaceBefore));
}

/** The tokens written back as text, spaces where the message had them. */
export function joinTokens(tokens: readonly { raw: string; spaceBefore: boolean }[]): string {
  return tokens.map((t, i) => (i > 0 && t.spaceBefore ? ` ${t.raw}` : t.raw)).join('');
}
