/**
 * Which language a chat message is written in, English or French, from a
 * score over the words each language alone uses (articles, pronouns,
 * auxiliaries, question words, chat forms), French elisions (l', qu') and
 * accented letters. Names do not count: "what did Macron say" and "the summit
 * in Paris" are English. A message too short or too mixed to tell ("source ?",
 * "et Stargate ?", a name) keeps the conversation's language.
 */
import { fold } from '../text/normalize.js';

export type Language = 'en' | 'fr';

/** Words only French uses (folded: no accents, lower case). Shared ones ("a", "on", "me", "plus") count for neither. */
const FRENCH_WORDS = new Set([
  'le', 'la', 'les', 'un', 'une', 'de', 'des', 'du', 'au', 'aux', 'ce', 'cet', 'cette', 'ces', 'ca', 'cela',
  'et', 'ou', 'mais', 'donc', 'car', 'ni', 'puis', 'alors', 'comme', 'quand', 'lorsque', 'parce', 'puisque',
  'est', 'sont', 'etait', 'etaient', 'ete', 'sera', 'seront', 'serait', 'etre', 'ont', 'avait', 'avaient', 'aura', 'avoir', 'suis', 'sommes', 'etes',
  'fait', 'font', 'dit', 'disent', 'va', 'vont', 'peut', 'peuvent', 'doit', 'doivent', 'veut', 'faut', 'sait', 'ai', 'avons', 'avez',
  'je', 'tu', 'il', 'elle', 'ils', 'elles', 'nous', 'vous', 'lui', 'leur', 'leurs', 'moi', 'toi', 'eux', 'y',
  'mon', 'ma', 'mes', 'ton', 'ta', 'tes', 'sa', 'ses', 'notre', 'nos', 'votre', 'vos',
  'qui', 'que', 'quoi', 'dont', 'combien', 'pourquoi', 'comment', 'quel', 'quelle', 'quels', 'quelles', 'lequel', 'laquelle',
  'pas', 'ne', 'jamais', 'rien', 'aucun', 'aucune', 'tres', 'aussi', 'encore', 'deja', 'toujours', 'beaucoup', 'peu', 'trop', 'bien', 'vraiment', 'seulement',
  'dans', 'pour', 'avec', 'sans', 'sur', 'sous', 'par', 'entre', 'chez', 'vers', 'depuis', 'pendant', 'avant', 'apres', 'selon', 'contre', 'parmi', 'environ',
  'oui', 'non', 'merci', 'bonjour', 'salut', 'voila', 'tout', 'tous', 'toute', 'toutes', 'autre', 'autres', 'chaque', 'quelque', 'quelques', 'plusieurs',
  'aujourd', 'hier', 'demain', 'milliard', 'milliards', 'millions', 'euros', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche',
  // Chat forms of French.
  'jsp', 'stp', 'svp', 'mdr', 'ptdr', 'tkt', 'bcp', 'pk', 'pq', 'pkoi', 'qd', 'cb', 'cmb', 'nan', 'ouais', 'ui', 'wsh', 'slt', 'bjr', 'mrc', 'koi', 'ki',
  'kel', 'kan', 'pr', 'ds', 'tt', 'dc', 'qqn', 'qqch', 'ajd', 'auj', 'chui', 'chuis', 'jpense', 'mtn', 'vrmt', 'oklm', 'bah', 'ben', 'genre', 'jcrois', 'jveux',
]);

/** Words only English uses. */
const ENGLISH_WORDS = new Set([
  'the', 'of', 'to', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'am', 'what', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'which',
  'much', 'many', 'did', 'does', 'do', 'done', 'in', 'for', 'and', 'with', 'about', 'it', 'its', 'that', 'this', 'these', 'those', 'will', 'would',
  'can', 'could', 'should', 'shall', 'has', 'have', 'had', 'by', 'from', 'at', 'or', 'not', 'an', 'they', 'he', 'she', 'we', 'you', 'i', 'my', 'your',
  'their', 'his', 'her', 'our', 'there', 'say', 'said', 'says', 'tell', 'told', 'please', 'any', 'some', 'than', 'more', 'less', 'if', 'then', 'but',
  'also', 'just', 'yes', 'right', 'ok', 'okay', 'whats', "what's", "who's", "it's", "don't", "didn't", "doesn't", 'get', 'got', 'give', 'gave', 'spend',
  'announced', 'announce', 'money', 'pledged', 'promised', 'happened', 'happen', 'over', 'into', 'during', 'after', 'before', 'between', 'against',
  'billion', 'billions', 'lol', 'u', 'ur', 'idk', 'tbh', 'gonna', 'wanna', 'pls', 'plz', 'thx', 'hey', 'hi', 'hello', 'thanks', 'yeah', 'nope', 'no',
]);

/** French elisions: a letter or "qu"/"jusqu" and an apostrophe before a word. */
const ELISION = /(?:^|[^\p{L}])(?:[ldjcnmst]|qu|jusqu|lorsqu|puisqu)['’]\p{L}/giu;
/** Letters with the accents French writes. */
const FRENCH_ACCENT = /[àâçéèêëîïôûùüÿœæ]/i;

/** How much more one language must score than the other to decide. */
const MARGIN = 1;
/** Least score of the winning language. */
const MIN_SCORE = 1.5;

export interface LanguageScore {
  fr: number;
  en: number;
  /** Words that could be scored (names left out). */
  words: number;
}

/** The scores behind detectLanguage, for tests and --explain. */
export function scoreLanguage(text: string): LanguageScore {
  let fr = 0;
  let en = 0;
  let words = 0;
  fr += (text.match(ELISION) ?? []).length;
  const tokens = text.match(/[\p{L}]+(?:['’][\p{L}]+)?/gu) ?? [];
  tokens.forEach((raw, i) => {
    // A capitalised word after the first is a name ("Macron", "Paris", "États-Unis"): it says nothing of the language.
    if (i > 0 && /^\p{Lu}/u.test(raw)) return;
    // An elided word counts by its elision (above) and by what follows it ("c'est" -> "est").
    const word = fold(raw.replace(/^(?:[ldjcnmst]|qu|jusqu)['’]/i, '')).replace(/['’]/g, "'");
    words++;
    if (FRENCH_WORDS.has(word)) fr += 1;
    else if (ENGLISH_WORDS.has(word)) en += 1;
    // An accent marks French only on a word that is not itself English ("café" is both).
    if (FRENCH_ACCENT.test(raw)) fr += 0.5;
  });
  return { fr, en, words };
}

/**
 * 'fr' or 'en' for a message; `previous` (default 'en') when the message is
 * too short or too ambiguous to tell: one word, a name, "source ?", "et Stargate ?".
 */
export function detectLanguage(text: string, previous: Language = 'en'): Language {
  const { fr, en, words } = scoreLanguage(text);
  // One word, or one telling word and a name, keeps the conversation's language.
  if (words <= 1 || fr + en < MIN_SCORE) return previous;
  if (fr >= MIN_SCORE && fr >= en + MARGIN) return 'fr';
  if (en >= MIN_SCORE && en >= fr + MARGIN) return 'en';
  return previous;
}
