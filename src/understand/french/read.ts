/**
 * Reads a French message into an English question the English engine
 * understands: chat forms expanded, elisions and inverted pronouns split
 * off, question forms turned into English ones ("c'est qui X ?" -> "who is
 * X?", "le sommet c'était quand ?" -> "when was the summit?", "est-ce que X
 * était à Paris ?" -> "was X in Paris?", "…, non ?" -> "…, right?"),
 * negation, numbers, amounts and dates in English, grammar words from the
 * grammar tables, acronyms from their table ("l'UE" -> "the EU"),
 * expressions of several words from theirs ("jeunes pousses" ->
 * "startups"), and content words from the lexicon, each with its other
 * English senses as alternatives. Names stay as typed.
 */
import { entryOf } from '../../text/wording.js';
import { fold } from '../../text/normalize.js';
import { acronymEnglish } from './acronyms.js';
import { matchExpression } from './expressions.js';
import { CONTEXT_SENSES, MONEY_CONTEXT } from './vocabulary.js';
import { CLAIM_TAGS, FRENCH_CHAT_FORMS, GRAMMAR, MONTHS, NAME_PARTICLES, PHRASES, QUESTION_PHRASES, WEEKDAYS, type GrammarWord } from './grammar.js';
import type { FrenchLexicon, Reading, Translation } from './lexicon.js';
import { englishOrdinal, frenchOrdinal, readQuantity } from './numbers.js';
import { joinTokens, tokenize, type Token } from './tokens.js';
import { expandChatForms } from './chat.js';

export interface ReadOptions {
  /** Ranks first the English candidates it accepts (the corpus's own words, say). Default: none. */
  prefer?: (english: string) => boolean;
}

/** One French word or phrase and the English it was read as. */
export interface ReadWord {
  french: string;
  english: string;
  /** Other English candidates, best first. */
  alternatives: string[];
  source: 'grammar' | 'phrase' | 'number' | 'dictionary' | 'cognate' | 'name' | 'kept' | 'acronym';
  /** English candidates guessed by cognate rules. */
  guessed?: string[];
}

export interface FrenchReading {
  /** The message as an English question. */
  english: string;
  /** Words neither the grammar, the dictionary nor the cognate rules know, kept as typed (names among them). */
  notTranslated: string[];
  /** The content words, names and numbers read, in order: what a refusal names in French, what the engine may expand. */
  words: ReadWord[];
  /** A statement put up for checking ("…, n'est-ce pas ?"). */
  claim: boolean;
}

type PieceKind = 'aux' | 'verb' | 'article' | 'content' | 'name' | 'pronoun' | 'question' | 'prep' | 'other' | 'punct';

interface Piece {
  text: string;
  kind: PieceKind;
}

const AVOIR = new Set(['a', 'ont', 'avait', 'avaient', 'aura', 'auront', 'aurait', 'ai', 'as', 'avons', 'avez']);
const ETRE = new Set(['est', 'sont', 'etait', 'etaient', 'sera', 'seront', 'serait', 'fut', 'suis', 'es', 'sommes', 'etes', 'ete']);
const ENGLISH_AUX = /^(?:is|are|was|were|has|have|had|will|would|can|could|must|should)$/;
/** Words skipped when looking for the participle after an auxiliary ("n'a pas encore annoncé"). */
const BETWEEN_AUX_AND_VERB = new Set(['pas', 'ne', "n'", 'jamais', 'deja', 'bien', 'vraiment', 'aussi', 'encore', 'toujours', 'tout', 'finalement', 'officiellement', 'plus']);
const PARTICIPLE = /(?:é|ée|és|ées|i|ie|is|it|u|ue|us|ert|eint|oint)$/i;
const IRREGULAR_PARTICIPLES = new Set(['dit', 'fait', 'pris', 'promis', 'mis', 'eu', 'ete', 'vu', 'su', 'pu', 'voulu', 'du', 'tenu', 'venu', 'construit', 'produit', 'ouvert', 'offert', 'atteint', 'investi', 'choisi', 'fini']);
/** English words an expression's wording may hold that no corpus needs to ("head of state"). */
const FUNCTION_WORDS = new Set(['of', 'the', 'a', 'to', 'by', 'in', 'on', 'for', 'at', 'up']);
/** English nouns counted as a mass: "combien d'argent" is "how much money", "combien de pays" "how many countries". */
const MASS_NOUNS = /^(?:money|cash|capital|funding|funds?|financing|investments?|budget|spending|silver|aid|support|power|compute|computing|energy|electricity|time|data)$/;
const SCALE_WORDS: Readonly<Record<string, string>> = { milliard: 'billion', milliards: 'billions', million: 'million', millions: 'millions', billion: 'trillion', billions: 'trillions', millier: 'thousand', milliers: 'thousands' };

/** Fixed phrases, the longest first: "il y a" before "y a". */
const LONGEST_FIRST = [...PHRASES].sort((a, b) => b[0].length - a[0].length);

/** Whether the tokens from i on are the pattern's (folded) words. */
function matchAt(tokens: readonly Token[], i: number, pattern: readonly string[]): boolean {
  return pattern.every((p, k) => tokens[i + k]?.folded === p);
}

/** Only punctuation after position i. */
function atEnd(tokens: readonly Token[], i: number): boolean {
  return tokens.slice(i).every((t) => t.kind === 'punct');
}

function isName(t: Token): boolean {
  return t.kind === 'word' && (/^\p{Lu}/u.test(t.raw) || /\p{Ll}\p{Lu}/u.test(t.raw) || /\d/.test(t.raw));
}

/** Reads a French message as an English question (see the file's comment). */
export function readFrench(text: string, lexicon: FrenchLexicon, options: ReadOptions = {}): FrenchReading {
  // Inverted pronouns ("a-t-il", "vise-t-elle") make a question of the word order; the pronoun says nothing more.
  const all = tokenize(expandChatForms(text));
  const inverted = all.some((t) => t.kind === 'word' && /^-(?:t-)?(?:il|elle|on|ils|elles)$/i.test(t.raw));
  const tokens = all.filter((t) => !(t.kind === 'word' && /^-(?:t-)?(?:il|elle|on|ils|elles|je|tu|nous|vous)$/i.test(t.raw)));
  const pieces: Piece[] = [];
  const fronted: Piece[] = [];
  const words: ReadWord[] = [];
  const notTranslated: string[] = [];
  let claim = false;
  let yesNo = false;
  let asked = false;
  let negated = false;
  /** An object pronoun ("l'a dit") waiting for its verb. */
  let pendingObject: string | undefined;
  let sentenceStart = true;
  let whatIs: Piece | undefined;

  const push = (textOut: string, kind: PieceKind) => {
    if (textOut) pieces.push({ text: textOut, kind });
  };
  const last = () => [...pieces].reverse().find((p) => p.kind !== 'punct');
  const contentBefore = () => pieces.some((p) => p.kind !== 'punct' && p.kind !== 'other');
  const flushObject = () => {
    if (pendingObject) push(pendingObject, 'pronoun');
    pendingObject = undefined;
  };
  // "combien de blé ?": a word's familiar sense when the message is about money.
  const aboutMoney = MONEY_CONTEXT.test(fold(text));
  const translateWord = (raw: string, reading: Reading = 'any'): Translation | undefined => {
    const translation = lexicon.translate(raw, options.prefer, reading);
    const contextual = entryOf(CONTEXT_SENSES, fold(raw).replace(/s$/, ''));
    if (!contextual || !aboutMoney) return translation;
    return { english: [contextual.english, ...(translation?.english ?? []).filter((e) => e !== contextual.english)], source: 'dictionary', guessed: [], lemma: fold(raw) };
  };
  const nextWordIndex = (from: number) => {
    let j = from;
    while (j < tokens.length && tokens[j]!.kind === 'word' && BETWEEN_AUX_AND_VERB.has(tokens[j]!.folded)) j++;
    return j;
  };
  const looksParticiple = (t: Token | undefined) => !!t && t.kind === 'word' && !isName(t) && (IRREGULAR_PARTICIPLES.has(t.folded) || (!entryOf(GRAMMAR, t.folded) && PARTICIPLE.test(t.raw)));

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'punct') {
      push(t.raw, 'punct');
      if (/[.?!]/.test(t.raw)) sentenceStart = true;
      continue;
    }
    if (t.kind === 'url' || t.kind === 'handle') {
      push(t.raw, 'name');
      words.push({ french: t.raw, english: t.raw, alternatives: [], source: 'name' });
      sentenceStart = false;
      continue;
    }
    // Numbers, amounts, percentages, dates.
    const quantity = readQuantity(tokens, i);
    if (quantity) {
      const french = joinTokens(tokens.slice(i, i + quantity.length));
      // "le 10 février": the article of a date has no English.
      if (quantity.kind === 'date' && last()?.kind === 'article') pieces.pop();
      push(quantity.english, 'content');
      words.push({ french, english: quantity.english, alternatives: [], source: 'number' });
      i += quantity.length - 1;
      sentenceStart = false;
      continue;
    }
    // "le troisième site": an ordinal is a rank, said in English ("third").
    const rank = t.kind === 'word' ? frenchOrdinal(t.folded) : undefined;
    if (rank !== undefined) {
      const english = englishOrdinal(rank);
      push(english, 'content');
      words.push({ french: t.raw, english, alternatives: [], source: 'number' });
      sentenceStart = false;
      continue;
    }
    if (t.kind !== 'word') {
      push(t.raw, 'other');
      continue;
    }
    // "…, n'est-ce pas ?", "…, non ?": a claim to check.
    const tag = contentBefore() && pieces.filter((p) => p.kind !== 'punct').length >= 2 ? CLAIM_TAGS.find((p) => matchAt(tokens, i, p) && atEnd(tokens, i + p.length)) : undefined;
    if (tag && (tag.length > 1 || /^(?:non|hein|nan)$/.test(t.folded) || tokens[i - 1]?.raw === ',')) {
      claim = true;
      push(tag.join(' ') === 'ou pas' ? 'or not' : ', right', 'other');
      i += tag.length - 1;
      continue;
    }
    // "est-ce que": a yes/no question about the clause after it.
    if (matchAt(tokens, i, ['est', '-ce', 'que']) || matchAt(tokens, i, ['est', '-ce', "qu'"])) {
      if (!pieces.some((p) => p.kind === 'question')) yesNo = true;
      i += 2;
      continue;
    }
    // "c'est qui", "c'était quand", "qu'est-ce que": said last ("le sommet c'était quand ?"), they still open the English question.
    const question = QUESTION_PHRASES.find(([p]) => matchAt(tokens, i, p));
    if (question) {
      const [pattern, english] = question;
      asked = true;
      if (contentBefore() && (atEnd(tokens, i + pattern.length) || tokens[i + pattern.length]?.raw === ',')) fronted.push({ text: english, kind: 'question' });
      else push(english, 'question');
      // "qu'est-ce que InvestAI ?" asks what it is; "qu'est-ce que l'UE a annoncé ?" what was done.
      if (english === 'what' && pattern[0] === "qu'") whatIs = pieces[pieces.length - 1];
      i += pattern.length - 1;
      sentenceStart = false;
      continue;
    }
    const phrase = LONGEST_FIRST.find(([p]) => matchAt(tokens, i, p));
    if (phrase) {
      const [pattern, english] = phrase;
      push(english, /^(?:was|were|had been|will have been)$/.test(english) ? 'aux' : /^[A-Z]/.test(english) ? 'name' : 'other');
      if (/^[A-Z]/.test(english)) words.push({ french: joinTokens(tokens.slice(i, i + pattern.length)), english, alternatives: [], source: 'phrase' });
      i += pattern.length - 1;
      sentenceStart = false;
      continue;
    }
    // "jeunes pousses", "à huis clos", "mise à jour": expressions whose meaning is not their words'.
    const expression = matchExpression(tokens.slice(i, i + 6).map((x) => x.folded));
    if (expression) {
      // The corpus's own wording of it first ("propriété intellectuelle": "IP" where the sources write so).
      const ownWording = options.prefer && expression.english.find((e) => e.split(/[\s-]+/).every((w) => FUNCTION_WORDS.has(w) || options.prefer!(w.toLowerCase())));
      const ordered = ownWording ? [ownWording, ...expression.english.filter((e) => e !== ownWording)] : expression.english;
      const [english, ...alternatives] = ordered;
      push(english!, 'content');
      flushObject();
      words.push({ french: joinTokens(tokens.slice(i, i + expression.length)), english: english!, alternatives, source: 'phrase' });
      i += expression.length - 1;
      sentenceStart = false;
      continue;
    }
    const start = sentenceStart;
    sentenceStart = false;
    const acronym = acronymEnglish(t.raw, tokens[i - 1]?.folded);
    if (acronym) {
      // A content word, not a name: "le PDG de Quillon" is "the CEO of Quillon", the "de" no name particle.
      push(acronym, 'content');
      words.push({ french: t.raw, english: acronym, alternatives: [], source: 'acronym' });
      continue;
    }
    const weekday = entryOf(WEEKDAYS, t.folded) ?? (t.folded.length > 2 ? entryOf(MONTHS, t.folded) : undefined);
    if (weekday) {
      if (last()?.kind === 'article' && entryOf(WEEKDAYS, t.folded)) pieces.pop();
      push(weekday, 'content');
      words.push({ french: t.raw, english: weekday, alternatives: [], source: 'grammar' });
      continue;
    }
    const scale = entryOf(SCALE_WORDS, t.folded);
    if (scale) {
      push(scale, 'content');
      words.push({ french: t.raw, english: scale, alternatives: [], source: 'number' });
      continue;
    }
    // Name particles inside a name: "von der", "de".
    if (NAME_PARTICLES.has(t.raw) && last()?.kind === 'name' && tokens[i + 1] && (isName(tokens[i + 1]!) || NAME_PARTICLES.has(tokens[i + 1]!.raw))) {
      push(t.raw, 'name');
      continue;
    }
    const grammar = grammarWord(t, start);
    if (grammar) {
      const out = readGrammar(t, i, grammar);
      if (out !== undefined) continue;
    }
    // A name: capitalised (not just for starting the sentence), with inner capitals or digits.
    if (isName(t) && (!start || !knownLowerCase(t))) {
      const proper = lexicon.translate(t.raw, options.prefer)?.english.find((e) => /^\p{Lu}/u.test(e) && !e.includes(' '));
      const english = proper ?? t.raw;
      push(english, 'name');
      words.push({ french: t.raw, english, alternatives: [], source: 'name' });
      if (!proper) notTranslated.push(t.raw);
      continue;
    }
    // A content word: from the dictionary, or by cognate.
    const prev = tokens[i - 1];
    const afterAux = !!prev && (AVOIR.has(prev.folded) || ETRE.has(prev.folded) || BETWEEN_AUX_AND_VERB.has(prev.folded));
    // After an article, a determiner or "combien de", a noun ("les employés", "combien de délégués").
    const nounPlace = last()?.kind === 'article' || /^how (?:many|much)$/.test(last()?.text ?? '');
    const reading: Reading = afterAux || (/(?:é|ée|és|ées)$/i.test(t.raw) && !nounPlace) ? 'verb' : nounPlace ? 'noun' : 'any';
    const multi = lexicon.phrase(tokens.slice(i, i + 4).map((x) => x.folded), options.prefer);
    const translation = multi && multi.length > 1 && !entryOf(GRAMMAR, t.folded) ? multi.translation : translateWord(t.raw, reading);
    const taken = multi && multi.length > 1 && !entryOf(GRAMMAR, t.folded) ? multi.length : 1;
    if (!translation) {
      push(t.raw, 'content');
      words.push({ french: t.raw, english: t.raw, alternatives: [], source: 'kept' });
      notTranslated.push(t.raw);
      continue;
    }
    const english = translation.english[0]!;
    // A cognate spelt as the word itself is the word itself: keep it as typed ("Macron", "stargate").
    const same = translation.source === 'cognate' && english.toLowerCase() === t.folded;
    const shown = same && /^\p{Lu}/u.test(t.raw) ? t.raw : english;
    push(shown, translation.pos === 'v' || reading === 'verb' ? 'verb' : 'content');
    flushObject();
    words.push({
      french: joinTokens(tokens.slice(i, i + taken)),
      english: shown,
      alternatives: translation.english.slice(1),
      source: translation.source,
      ...(translation.guessed.length ? { guessed: translation.guessed } : {}),
    });
    i += taken - 1;
  }

  /** Whether the grammar or the dictionary knows a capitalised first word in lower case ("Combien", "Le"). */
  function knownLowerCase(t: Token): boolean {
    const lower = t.raw.toLowerCase();
    return !!entryOf(GRAMMAR, t.folded) || !!entryOf(FRENCH_CHAT_FORMS, t.folded) || (!!lexicon.translate(lower)?.english.some((e) => e.toLowerCase() !== t.folded) && lower.length > 1);
  }

  function grammarWord(t: Token, start: boolean): GrammarWord | undefined {
    // "Le", "Qui" at the start of a sentence are grammar words; inside it, "La Défense" is a name.
    if (/^\p{Lu}/u.test(t.raw) && !start) return undefined;
    // "AI", "IL": capitals of two letters or more are an acronym, not a grammar word.
    if (/^\p{Lu}{2,}$/u.test(t.raw)) return undefined;
    return entryOf(GRAMMAR, t.folded);
  }

  /** Writes a grammar word's English with its context; undefined when it is to be read as a content word after all. */
  function readGrammar(t: Token, i: number, gw: GrammarWord): true | undefined {
    const f = t.folded;
    const next = tokens[i + 1];
    const prevPiece = last();
    switch (f) {
      case 'combien': {
        asked = true;
        const de = next && (next.folded === 'de' || next.folded === "d'");
        if (de && tokens[i + 2]?.kind === 'word') {
          const noun = translateWord(tokens[i + 2]!.raw, 'noun')?.english[0] ?? tokens[i + 2]!.raw;
          push(MASS_NOUNS.test(noun) ? 'how much' : 'how many', 'question');
          tokens.splice(i + 1, 1);
        } else push('how much', 'question');
        return true;
      }
      case 'quel': case 'quelle': case 'quels': case 'quelles': {
        asked = true;
        push(next && ETRE.has(next.folded) ? 'what' : 'which', 'question');
        return true;
      }
      case 'qui': {
        const opens = !contentBefore() || prevPiece?.kind === 'prep' || (prevPiece?.kind === 'question');
        if (opens) asked = true;
        push(opens ? 'who' : 'that', opens ? 'question' : 'other');
        return true;
      }
      case 'que': case "qu'": {
        const opens = !contentBefore();
        if (opens) asked = true;
        push(opens ? 'what' : 'that', opens ? 'question' : 'other');
        return true;
      }
      case 'quand': case 'pourquoi': case 'comment': case 'quoi': {
        asked = true;
        push(gw.english, 'question');
        return true;
      }
      case 'ou': {
        // "où" with its accent, or "ou" where only "where" fits: opening the question, after "d'" or "c'est".
        const where = t.raw.toLowerCase() === 'où' || !contentBefore() || atEnd(tokens, i + 1);
        if (where) asked = true;
        push(where ? 'where' : 'or', where ? 'question' : 'other');
        return true;
      }
      case 'a': {
        // "à" as typed; "a" after "était" or "va" ("était a Paris"): the preposition. Otherwise "a" is "has".
        const prevToken = tokens[i - 1];
        const preposition = t.raw.toLowerCase() === 'à' || !contentBefore() || (!!prevToken && (ETRE.has(prevToken.folded) || /^(?:va|vont|aller|lieu)$/.test(prevToken.folded)));
        if (preposition && !looksParticiple(tokens[nextWordIndex(i + 1)])) {
          push(prepositionBefore(next, 'to'), 'prep');
          return true;
        }
        return readAuxiliary(t, i, gw);
      }
      case 'au': case 'aux': case 'en': case 'dans': {
        push(prepositionBefore(next, gw.english), 'prep');
        return true;
      }
      case 'de': case "d'": case 'des': case 'du': {
        // "of" after a noun or a name ("le budget de l'UE"); nothing where French needs a partitive ("des startups").
        const ofWhat = prevPiece && (prevPiece.kind === 'content' || prevPiece.kind === 'name');
        if (ofWhat) push(f === 'des' || f === 'du' ? 'of the' : 'of', 'prep');
        else if (f === 'des' || f === 'du') push('the', 'article');
        return true;
      }
      case 'le': case 'la': case 'les': case "l'": {
        // Before a verb, an object pronoun ("qui l'a dit" -> "who said it"): it goes after the verb.
        if (next && next.raw === next.raw.toLowerCase() && (AVOIR.has(next.folded) || ETRE.has(next.folded) || entryOf(GRAMMAR, next.folded)?.kind === 'verb')) {
          pendingObject = f === 'les' ? 'them' : 'it';
          return true;
        }
        // "la France", "l'Europe": English names a country or a person without an article ("the EU" keeps it: an acronym).
        if (next && isName(next) && !/^\p{Lu}{2,}$/u.test(next.raw) && !acronymEnglish(next.raw, f) && !LONGEST_FIRST.some(([p]) => matchAt(tokens, i + 1, p))) return true;
        push('the', 'article');
        return true;
      }
      case "c'": {
        // "InvestAI, c'est européen ?": after its subject, "c'" repeats it.
        if (!contentBefore()) push('it', 'pronoun');
        return true;
      }
      case 'sur': {
        // "ce qu'elle a dit sur X": what it is about.
        push(prevPiece && /^(?:said|say|says|talked|talk|talks|spoke|speak|speaks|told|tell|think|thinks|wrote|write)$/.test(prevPiece.text) ? 'about' : 'on', 'prep');
        return true;
      }
      case 'ne': case "n'": {
        negated = true;
        return true;
      }
      case 'plus': {
        push(negated ? 'no longer' : 'more', 'other');
        return true;
      }
      case 'personne': {
        if (!negated) return undefined;
        push('nobody', 'pronoun');
        return true;
      }
      case 'ete': {
        // "l'été", "cet été": the summer; otherwise "been".
        if (prevPiece?.kind === 'article' || /^(?:ce|cet)$/.test(tokens[i - 1]?.folded ?? '')) return undefined;
        push('been', 'aux');
        return true;
      }
    }
    if (AVOIR.has(f)) return readAuxiliary(t, i, gw);
    if (gw.kind === 'verb') {
      push(gw.english, 'verb');
      flushObject();
      return true;
    }
    push(gw.english, gw.kind === 'time' ? 'content' : gw.kind === 'auxiliary' ? 'aux' : gw.kind === 'article' || gw.kind === 'determiner' ? 'article' : gw.kind === 'pronoun' ? 'pronoun' : gw.kind === 'question' ? 'question' : gw.kind === 'preposition' ? 'prep' : 'other');
    if (gw.kind === 'question') asked = true;
    return true;
  }

  /** "a", "ont": before a past participle in a statement, English says the past ("a annoncé" -> "announced"); else "has". */
  function readAuxiliary(t: Token, i: number, gw: GrammarWord): true {
    const verb = tokens[nextWordIndex(i + 1)];
    const question = yesNo || (inverted && !asked);
    const keep = question || negated || tokens.slice(i + 1, nextWordIndex(i + 1)).some((x) => x.folded === 'pas' || x.folded === 'jamais');
    if (looksParticiple(verb) && !keep) return true;
    push(gw.english === 'have' && t.folded === 'a' ? 'has' : gw.english, 'aux');
    return true;
  }

  /** "in" before a place or a month, "on" before a day, else the preposition's own English. */
  function prepositionBefore(next: Token | undefined, english: string): string {
    if (!next) return english;
    const the = /\bthe$/.test(english) ? ' the' : '';
    if (entryOf(WEEKDAYS, next.folded)) return `on${the}`;
    if (entryOf(MONTHS, next.folded) || /^(?:19|20)\d\d$/.test(next.raw) || isName(next)) return `in${the}`;
    return english;
  }

  if (whatIs && !pieces.slice(pieces.indexOf(whatIs) + 1).some((p) => p.kind === 'aux' || p.kind === 'verb')) whatIs.text = 'what is';
  // "est-ce que le sommet était à Paris ?", "a-t-il annoncé…": the English auxiliary goes first.
  const endsAsking = pieces.length > 0 && pieces[pieces.length - 1]!.text === '?';
  if (inverted && !asked) yesNo = true;
  if ((yesNo || (endsAsking && !asked && !claim && fronted.length === 0)) && !pieces.some((p) => p.kind === 'question')) {
    const there = pieces.findIndex((p) => /^there (?:is|was)$/.test(p.text));
    const aux = pieces.findIndex((p) => p.kind === 'aux' && ENGLISH_AUX.test(p.text.split(' ')[0]!));
    if (there >= 0) pieces.unshift({ text: pieces.splice(there, 1)[0]!.text.split(' ').reverse().join(' '), kind: 'aux' });
    else if (aux > 0) pieces.unshift(...pieces.splice(aux, 1));
    else if (yesNo && aux < 0 && there < 0) pieces.unshift({ text: 'does', kind: 'aux' });
  }
  let english = [...fronted, ...pieces].map((p) => p.text).join(' ');
  english = english
    .replace(/\s+([?!.,;:])/g, '$1')
    .replace(/,\s*,/g, ',')
    .replace(/,([?!.])/g, '$1')
    .replace(/^[\s,.;:!]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (claim) english = english.replace(/\s*,?\s*,\s*right/, ', right');
  return { english, notTranslated: [...new Set(notTranslated)], words, claim };
}
