/**
 * French grammar words and their English, and the chat forms of French
 * written online: general French usage, the same for any corpus (articles,
 * pronouns, prepositions, auxiliaries, question words, negation, days,
 * months). Content words come from the dictionary (lexicon.ts), never from
 * here. Keys are folded (lower case, no accents) unless an accent tells two
 * words apart ("à"/"a", "où"/"ou"), which read.ts decides from the context.
 */

/** A grammar word's English, and what it is, so the reader can reorder or drop it. */
export interface GrammarWord {
  english: string;
  kind: 'article' | 'pronoun' | 'preposition' | 'conjunction' | 'auxiliary' | 'verb' | 'adverb' | 'question' | 'negation' | 'determiner' | 'filler' | 'time' | 'answer';
  /** For an auxiliary: its English when it stands before a past participle in a statement ("a annoncé" -> "" + "announced"), and the tense it gives. */
  tense?: 'past' | 'present' | 'future' | 'conditional';
}

const g = (english: string, kind: GrammarWord['kind'], tense?: GrammarWord['tense']): GrammarWord => ({ english, kind, ...(tense ? { tense } : {}) });

/** Folded French grammar words. */
export const GRAMMAR: Readonly<Record<string, GrammarWord>> = {
  // Articles and determiners ("de", "des", "du" depend on what stands before them: read.ts).
  le: g('the', 'article'), la: g('the', 'article'), les: g('the', 'article'), "l'": g('the', 'article'),
  un: g('a', 'article'), une: g('a', 'article'), des: g('the', 'article'), du: g('of the', 'article'), de: g('of', 'article'), "d'": g('of', 'article'),
  au: g('to the', 'preposition'), aux: g('to the', 'preposition'),
  ce: g('this', 'determiner'), cet: g('this', 'determiner'), cette: g('this', 'determiner'), ces: g('these', 'determiner'),
  son: g('its', 'determiner'), sa: g('its', 'determiner'), ses: g('its', 'determiner'), leur: g('their', 'determiner'), leurs: g('their', 'determiner'),
  mon: g('my', 'determiner'), ma: g('my', 'determiner'), mes: g('my', 'determiner'), ton: g('your', 'determiner'), ta: g('your', 'determiner'), tes: g('your', 'determiner'),
  notre: g('our', 'determiner'), nos: g('our', 'determiner'), votre: g('your', 'determiner'), vos: g('your', 'determiner'),
  chaque: g('each', 'determiner'), plusieurs: g('several', 'determiner'), quelques: g('some', 'determiner'), quelque: g('some', 'determiner'),
  tout: g('all', 'determiner'), tous: g('all', 'determiner'), toute: g('all', 'determiner'), toutes: g('all', 'determiner'),
  autre: g('other', 'determiner'), autres: g('other', 'determiner'), aucun: g('no', 'determiner'), aucune: g('no', 'determiner'), meme: g('same', 'determiner'), memes: g('same', 'determiner'),
  // Pronouns.
  je: g('I', 'pronoun'), "j'": g('I', 'pronoun'), tu: g('you', 'pronoun'), il: g('he', 'pronoun'), elle: g('she', 'pronoun'), on: g('we', 'pronoun'),
  nous: g('we', 'pronoun'), vous: g('you', 'pronoun'), ils: g('they', 'pronoun'), elles: g('they', 'pronoun'), lui: g('him', 'pronoun'), eux: g('them', 'pronoun'),
  moi: g('me', 'pronoun'), toi: g('you', 'pronoun'), me: g('me', 'pronoun'), "m'": g('me', 'pronoun'), te: g('you', 'pronoun'), "t'": g('you', 'pronoun'),
  se: g('', 'pronoun'), "s'": g('', 'pronoun'), y: g('there', 'pronoun'), en: g('in', 'preposition'),
  ca: g('that', 'pronoun'), cela: g('that', 'pronoun'), ceci: g('this', 'pronoun'), "c'": g('it', 'pronoun'), celui: g('the one', 'pronoun'), celle: g('the one', 'pronoun'),
  // Relatives and question words.
  qui: g('who', 'question'), que: g('that', 'question'), "qu'": g('that', 'question'), quoi: g('what', 'question'), dont: g('of which', 'question'),
  quand: g('when', 'question'), lorsque: g('when', 'conjunction'), "lorsqu'": g('when', 'conjunction'), combien: g('how much', 'question'), pourquoi: g('why', 'question'), comment: g('how', 'question'),
  quel: g('what', 'question'), quelle: g('what', 'question'), quels: g('what', 'question'), quelles: g('what', 'question'),
  lequel: g('which', 'question'), laquelle: g('which', 'question'), lesquels: g('which', 'question'), lesquelles: g('which', 'question'),
  // Conjunctions.
  et: g('and', 'conjunction'), ou: g('or', 'conjunction'), mais: g('but', 'conjunction'), donc: g('so', 'conjunction'), car: g('because', 'conjunction'), si: g('if', 'conjunction'),
  comme: g('as', 'conjunction'), alors: g('so', 'conjunction'), puis: g('then', 'conjunction'), ni: g('nor', 'conjunction'), puisque: g('since', 'conjunction'),
  // Prepositions ("à" and "a" are told apart in read.ts).
  dans: g('in', 'preposition'), pour: g('for', 'preposition'), avec: g('with', 'preposition'), sans: g('without', 'preposition'), sur: g('on', 'preposition'),
  sous: g('under', 'preposition'), par: g('by', 'preposition'), entre: g('between', 'preposition'), chez: g('at', 'preposition'), vers: g('towards', 'preposition'),
  depuis: g('since', 'preposition'), pendant: g('during', 'preposition'), avant: g('before', 'preposition'), apres: g('after', 'preposition'),
  selon: g('according to', 'preposition'), contre: g('against', 'preposition'), parmi: g('among', 'preposition'), environ: g('about', 'preposition'),
  "jusqu'": g('until', 'preposition'), jusque: g('until', 'preposition'), via: g('via', 'preposition'), outre: g('besides', 'preposition'),
  // Auxiliaries and the commonest irregular verbs.
  est: g('is', 'auxiliary', 'present'), sont: g('are', 'auxiliary', 'present'), etait: g('was', 'auxiliary', 'past'), etaient: g('were', 'auxiliary', 'past'),
  ete: g('been', 'auxiliary', 'past'), sera: g('will be', 'auxiliary', 'future'), seront: g('will be', 'auxiliary', 'future'), serait: g('would be', 'auxiliary', 'conditional'),
  seraient: g('would be', 'auxiliary', 'conditional'), etre: g('be', 'auxiliary'), suis: g('am', 'auxiliary', 'present'), es: g('are', 'auxiliary', 'present'),
  sommes: g('are', 'auxiliary', 'present'), etes: g('are', 'auxiliary', 'present'), fut: g('was', 'auxiliary', 'past'),
  a: g('has', 'auxiliary', 'past'), ont: g('have', 'auxiliary', 'past'), avait: g('had', 'auxiliary', 'past'), avaient: g('had', 'auxiliary', 'past'), aura: g('will have', 'auxiliary', 'future'),
  auront: g('will have', 'auxiliary', 'future'), aurait: g('would have', 'auxiliary', 'conditional'), auraient: g('would have', 'auxiliary', 'conditional'),
  avoir: g('have', 'auxiliary'), ai: g('have', 'auxiliary', 'past'), as: g('have', 'auxiliary', 'past'), avons: g('have', 'auxiliary', 'past'), avez: g('have', 'auxiliary', 'past'),
  eu: g('had', 'verb'), va: g('will', 'auxiliary', 'future'), vont: g('will', 'auxiliary', 'future'), vais: g('will', 'auxiliary', 'future'),
  peut: g('can', 'auxiliary', 'present'), peuvent: g('can', 'auxiliary', 'present'), pourrait: g('could', 'auxiliary', 'conditional'), pouvait: g('could', 'auxiliary', 'past'),
  doit: g('must', 'auxiliary', 'present'), doivent: g('must', 'auxiliary', 'present'), devrait: g('should', 'auxiliary', 'conditional'),
  veut: g('wants', 'verb'), veulent: g('want', 'verb'), voulait: g('wanted', 'verb'), faut: g('needs', 'verb'), fallait: g('needed', 'verb'),
  fait: g('made', 'verb'), font: g('make', 'verb'), faire: g('do', 'verb'), dit: g('said', 'verb'), dire: g('say', 'verb'), disent: g('say', 'verb'), disait: g('said', 'verb'),
  vient: g('comes', 'verb'), viennent: g('come', 'verb'), venir: g('come', 'verb'), prend: g('takes', 'verb'), prennent: g('take', 'verb'),
  met: g('puts', 'verb'), mettent: g('put', 'verb'), voit: g('sees', 'verb'), tient: g('holds', 'verb'), sait: g('knows', 'verb'), sais: g('know', 'verb'), savoir: g('know', 'verb'),
  // Negation: "ne" and "n'" only mark it; "pas", "jamais"... say what.
  ne: g('', 'negation'), "n'": g('', 'negation'), pas: g('not', 'negation'), jamais: g('never', 'negation'), rien: g('nothing', 'negation'), personne: g('nobody', 'negation'),
  // Adverbs.
  tres: g('very', 'adverb'), aussi: g('also', 'adverb'), encore: g('still', 'adverb'), deja: g('already', 'adverb'), toujours: g('still', 'adverb'),
  beaucoup: g('a lot', 'adverb'), peu: g('little', 'adverb'), trop: g('too', 'adverb'), bien: g('well', 'adverb'), vraiment: g('really', 'adverb'), seulement: g('only', 'adverb'),
  plus: g('more', 'adverb'), moins: g('less', 'adverb'), presque: g('almost', 'adverb'), surtout: g('especially', 'adverb'), ensuite: g('then', 'adverb'),
  exactement: g('exactly', 'adverb'), vite: g('quickly', 'adverb'), ici: g('here', 'adverb'), maintenant: g('now', 'adverb'),
  oui: g('yes', 'answer'), non: g('no', 'answer'), merci: g('thanks', 'answer'), bonjour: g('hello', 'answer'), salut: g('hi', 'answer'),
  // Time.
  an: g('year', 'time'), ans: g('years', 'time'), annee: g('year', 'time'), annees: g('years', 'time'), mois: g('months', 'time'), semaine: g('week', 'time'),
  semaines: g('weeks', 'time'), jour: g('day', 'time'), jours: g('days', 'time'), heure: g('hour', 'time'), heures: g('hours', 'time'), date: g('date', 'time'),
  hier: g('yesterday', 'time'), "aujourd'hui": g('today', 'time'), demain: g('tomorrow', 'time'), veille: g('eve', 'time'), lendemain: g('next day', 'time'),
};

/** French chat forms and the French they stand for (read again as French). A form is only ever a whole word. */
export const FRENCH_CHAT_FORMS: Readonly<Record<string, string>> = {
  // Markers of tone: they carry no content.
  jsp: '', mdr: '', ptdr: '', lol: '', tkt: '', wsh: '', oklm: '', bah: '', ben: '', beh: '', bref: '', euh: '', hmm: '', genre: '', bon: '', voila: '', jpp: '', xd: '',
  // Shortened words.
  stp: '', svp: '', plz: '', pls: '', bcp: 'beaucoup', pk: 'pourquoi', pq: 'pourquoi', pkoi: 'pourquoi', pcq: 'parce que', pck: 'parce que', qd: 'quand', kan: 'quand',
  cb: 'combien', cmb: 'combien', cbn: 'combien', nan: 'non', ouais: 'oui', ouai: 'oui', ui: 'oui', wi: 'oui', slt: 'salut', bjr: 'bonjour', cc: 'salut', mrc: 'merci', mci: 'merci',
  koi: 'quoi', kwa: 'quoi', ki: 'qui', kel: 'quel', kelle: 'quelle', pr: 'pour', ds: 'dans', tt: 'tout', tjr: 'toujours', tjrs: 'toujours', dc: 'donc', ms: 'mais',
  qqn: "quelqu'un", qqun: "quelqu'un", qqch: 'quelque chose', qqc: 'quelque chose', ajd: "aujourd'hui", auj: "aujourd'hui", mtn: 'maintenant', vrmt: 'vraiment',
  chui: 'je suis', chuis: 'je suis', jpense: 'je pense', jcrois: 'je crois', jveux: 'je veux', jsais: 'je sais', g: "j'ai", c: "c'est", ct: "c'était", cété: "c'était",
  ya: 'il y a', "y'a": 'il y a', "t'as": 'tu as', dsl: 'désolé', jvais: 'je vais', pa: 'pas', ke: 'que', ske: 'ce que', stv: 'si tu veux',
  // Written-out fillers.
  'du coup': '', 'en vrai': '', 'en fait': '', 'au fait': '', 'dis moi': '', 'dis-moi': '', 'dites moi': '', 'dites-moi': '', "s'il te plait": '', "s'il vous plait": '', "s'il te plaît": '', "s'il vous plaît": '',
};

/** Days and months, folded. */
export const WEEKDAYS: Readonly<Record<string, string>> = {
  lundi: 'Monday', mardi: 'Tuesday', mercredi: 'Wednesday', jeudi: 'Thursday', vendredi: 'Friday', samedi: 'Saturday', dimanche: 'Sunday',
};
export const MONTHS: Readonly<Record<string, string>> = {
  janvier: 'January', fevrier: 'February', mars: 'March', avril: 'April', mai: 'May', juin: 'June', juillet: 'July',
  aout: 'August', septembre: 'September', octobre: 'October', novembre: 'November', decembre: 'December',
  janv: 'January', fev: 'February', fevr: 'February', avr: 'April', juil: 'July', sept: 'September', oct: 'October', nov: 'November', dec: 'December',
};

/**
 * Fixed phrases of several words (folded, as tokens) and their English. A
 * phrase is matched before its words are read one by one.
 */
export const PHRASES: readonly (readonly [readonly string[], string])[] = [
  [['parce', 'que'], 'because'], [['parce', "qu'"], 'because'], [['a', 'propos', 'de'], 'about'], [['a', 'propos', "d'"], 'about'],
  [['au', 'sujet', 'de'], 'about'], [['au', 'sujet', "d'"], 'about'], [['par', 'rapport', 'a'], 'compared to'], [['par', 'rapport', 'au'], 'compared to the'],
  [['plus', 'de'], 'more than'], [['plus', "d'"], 'more than'], [['moins', 'de'], 'less than'], [['moins', "d'"], 'less than'], [['pres', 'de'], 'nearly'],
  [['lors', 'de'], 'during'], [['lors', 'du'], 'during the'], [['grace', 'a'], 'thanks to'], [['en', 'tout'], 'in total'], [['au', 'total'], 'in total'],
  [['quelque', 'chose'], 'something'], [["quelqu'un"], 'someone'], [['tout', 'le', 'monde'], 'everyone'], [['il', 'y', 'a'], 'there is'], [['il', 'y', 'avait'], 'there was'], [['y', 'a'], 'there is'], [['y', 'avait'], 'there was'],
  [['y', 'a', '-t-il'], 'is there'], [['a', 'eu', 'lieu'], 'took place'], [['ont', 'eu', 'lieu'], 'took place'], [['avait', 'lieu'], 'took place'], [['a', 'lieu'], 'takes place'],
  [['aura', 'lieu'], 'will take place'], [['avoir', 'lieu'], 'take place'], [['s\'', 'est', 'tenu'], 'was held'], [['s\'', 'est', 'tenue'], 'was held'],
  [['en', 'ce', 'qui', 'concerne'], 'about'], [['face', 'a'], 'against'], [['afin', 'de'], 'in order to'], [['afin', "d'"], 'in order to'], [['pour', 'cent'], 'percent'],
  [['d\'', 'ou'], 'where from'], [['de', 'quoi'], 'what'], [['a', 'quoi'], 'what'], [['a', 'qui'], 'to whom'], [['par', 'qui'], 'by whom'], [['pour', 'qui'], 'for whom'],
  [['ce', 'que'], 'what'], [['ce', "qu'"], 'what'], [['ce', 'qui'], 'what'], [['est', '-ce'], 'is it'], [['peut', '-etre'], 'maybe'], [['peut-etre'], 'maybe'],
  [['au', 'moins'], 'at least'], [['beaucoup', 'de'], 'a lot of'], [['beaucoup', "d'"], 'a lot of'], [["s'", 'il', 'y', 'a'], 'if there is'], [["s'", 'il'], 'if it'], [["s'", 'ils'], 'if they'], [['en', 'moyenne'], 'on average'], [['d\'', 'abord'], 'first'], [['tout', 'a', "l'", 'heure'], 'earlier'], [['la', 'veille'], 'the eve'],
  [['le', 'lendemain'], 'the next day'], [['en', 'plus'], 'also'], [['de', 'plus'], 'also'], [['a', 'peu', 'pres'], 'about'], [['a', 'la', 'fois'], 'both'],
  [['ainsi', 'que'], 'and'], [['tandis', 'que'], 'while'], [['alors', 'que'], 'while'], [['bien', 'que'], 'although'], [['avant', 'de'], 'before'], [['avant', "d'"], 'before'],
  [['se', 'trouve'], 'is located'], [['se', 'trouvent'], 'are located'], [['se', 'trouvait'], 'was located'], [['se', 'situe'], 'is located'],
  [['a', 'ete'], 'was'], [['ont', 'ete'], 'were'], [['avait', 'ete'], 'had been'], [['aura', 'ete'], 'will have been'], [['etats', '-unis'], 'United States'], [['etats-unis'], 'United States'], [['royaume-uni'], 'United Kingdom'], [['union', 'europeenne'], 'European Union'],
];

/** Question phrases that open (or, said last, still open) an English question. */
export const QUESTION_PHRASES: readonly (readonly [readonly string[], string])[] = [
  [["qu'", 'est', '-ce', 'que'], 'what'], [["qu'", 'est', '-ce', "qu'"], 'what'], [["qu'", 'est', '-ce', 'qui'], 'what'], [["qu'", 'est', '-ce'], 'what is'],
  [['c\'', 'est', 'quoi'], 'what is'], [['c\'', 'etait', 'quoi'], 'what was'], [['c\'', 'est', 'qui'], 'who is'], [['c\'', 'etait', 'qui'], 'who was'],
  [['c\'', 'est', 'quand'], 'when is'], [['c\'', 'etait', 'quand'], 'when was'], [['c\'', 'est', 'ou'], 'where is'], [['c\'', 'etait', 'ou'], 'where was'],
  [['c\'', 'est', 'combien'], 'how much is'], [['c\'', 'etait', 'combien'], 'how much was'], [['c\'', 'est', 'pourquoi'], 'why is'], [['c\'', 'est', 'comment'], 'how is'],
  [['comment', 's\'', 'appelle'], 'what is the name of'], [['comment', 'ca', 's\'', 'appelle'], 'what is it called'], [['comment', 's\'', 'appellent'], 'what are the names of'],
  [['ca', 'coute', 'combien'], 'how much does it cost'], [['ca', 'parle', 'de', 'quoi'], 'what is it about'], [['de', 'quoi', 'parle'], 'what is about'],
  [['pendant', 'combien', 'de', 'temps'], 'how long'], [['combien', 'de', 'temps'], 'how long'], [['depuis', 'combien', 'de', 'temps'], 'how long'],
  [['qui', 'est'], 'who is'], [['qui', 'etait'], 'who was'], [['qui', 'sont'], 'who are'], [['quand', 'est'], 'when is'], [['ou', 'est'], 'where is'],
];

/** Tags that make a statement a claim to check ("…, n'est-ce pas ?"): read as English's "…, right?". */
export const CLAIM_TAGS: readonly (readonly string[])[] = [
  ['n\'', 'est', '-ce', 'pas'], ['non'], ['hein'], ['c\'', 'est', 'ca'], ['c\'', 'est', 'bien', 'ca'], ['pas', 'vrai'], ['vrai'], ['c\'', 'est', 'vrai'], ['nan'], ['exact'], ['correct'], ['ou', 'pas'],
];

/** Lower-case words that stand inside a name ("Ursula von der Leyen", "Charles de Gaulle"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['von', 'der', 'van', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'del', 'dos', 'das', 'ter', 'ten', 'bin', 'al']);

/** Pronouns after a verb that invert it into a question ("a-t-il", "vise-t-elle", "est-ce"). */
export const INVERTED_PRONOUN = /^(.+?)-(?:t-)?(il|elle|on|ils|elles|je|tu|nous|vous)$/;
