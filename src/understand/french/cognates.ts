/**
 * French word forms and English cognates, by general rules of the two
 * languages: the base forms an inflected French word may come from
 * ("annoncée" -> "annoncer", "investissements" -> "investissement"), the
 * English spellings a French word's cognate may take ("investissement" ->
 * "investment", "activité" -> "activity", "économique" -> "economic",
 * "régulateur" -> "regulator"), and English inflection to carry a French
 * plural or past participle over. Cognates are only guesses: the lexicon
 * keeps those that are English words.
 */

/** How a French form differs from the base form it was read as. */
export type Inflection = 'none' | 'plural' | 'participle' | 'verb';

export interface FrenchLemma {
  lemma: string;
  inflection: Inflection;
}

/** Base forms a folded French word may come from, itself first (ending rules of nouns, adjectives and regular verbs). */
export function frenchLemmas(word: string): FrenchLemma[] {
  const out: FrenchLemma[] = [{ lemma: word, inflection: 'none' }];
  const add = (lemma: string, inflection: Inflection) => {
    if (lemma.length >= 2 && !out.some((o) => o.lemma === lemma)) out.push({ lemma, inflection });
  };
  const cut = (n: number) => word.slice(0, -n);
  // Plurals and feminines.
  if (/aux$/.test(word)) add(`${cut(3)}al`, 'plural');
  if (/eaux$/.test(word)) add(cut(1), 'plural');
  if (/[sx]$/.test(word) && word.length > 2) add(cut(1), 'plural');
  const singular = /[sx]$/.test(word) && word.length > 2 ? cut(1) : word;
  const plural: Inflection = singular === word ? 'none' : 'plural';
  const s = (n: number) => singular.slice(0, -n);
  if (/ee$/.test(singular)) add(s(1), plural);
  if (/euse$/.test(singular)) add(`${s(4)}eur`, plural);
  if (/trice$/.test(singular)) add(`${s(5)}teur`, plural);
  if (/ive$/.test(singular)) add(`${s(3)}if`, plural);
  if (/elle$/.test(singular)) add(`${s(4)}el`, plural);
  if (/enne$/.test(singular)) add(`${s(4)}en`, plural);
  if (/ere$/.test(singular)) add(`${s(3)}er`, plural);
  // Past participles: "annoncé(e)(s)" -> annoncer, "fini(e)(s)" -> finir, "promis" -> promettre is irregular.
  const participle = singular.replace(/ee$/, 'e').replace(/ie$/, 'i').replace(/ue$/, 'u');
  if (/e$/.test(participle) && participle.length > 3) add(`${participle}r`, 'participle');
  // "vise": the verb "viser" is likelier than a feminine of "vis".
  if (/[^e]e$/.test(word) && word.length > 3) add(`${word}r`, 'verb');
  if (/e$/.test(singular) && singular.length > 3) add(s(1), plural);
  if (/i$/.test(participle) && participle.length > 3) add(`${participle}r`, 'participle');
  if (/u$/.test(participle) && participle.length > 3) {
    add(`${participle.slice(0, -1)}re`, 'participle');
    add(`${participle.slice(0, -1)}oir`, 'participle');
  }
  // Irregular participles by their endings: "promis" -> promettre, "pris" -> prendre, "construit" -> construire,
  // "tenu" -> tenir, "ouvert" -> ouvrir, "atteint" -> atteindre.
  const irregular: [string, string][] = [
    ['mis', 'mettre'], ['pris', 'prendre'], ['it', 'ire'], ['enu', 'enir'], ['ert', 'rir'], ['eint', 'eindre'], ['oint', 'oindre'], ['ndu', 'ndre'], ['u', 'ir'], ['u', 'oir'], ['u', 're'],
  ];
  for (const form of new Set([word, word.replace(/es?$/, ''), participle])) {
    for (const [ending, base] of irregular) if (form.endsWith(ending) && form.length > ending.length + 1) add(`${form.slice(0, -ending.length)}${base}`, 'participle');
  }
  // Finite verb forms of the -er and -ir verbs.
  const verbEndings: [RegExp, string[]][] = [
    [/issaient$/, ['ir']], [/issait$/, ['ir']], [/issent$/, ['ir']], [/issons$/, ['ir']], [/issez$/, ['ir']],
    [/eraient$/, ['er']], [/erait$/, ['er']], [/eront$/, ['er']], [/era$/, ['er']], [/irait$/, ['ir']], [/ira$/, ['ir']],
    [/aient$/, ['er', 'ir', 're']], [/ait$/, ['er', 're']], [/ais$/, ['er']], [/ent$/, ['er', 're']], [/ons$/, ['er']], [/ez$/, ['er']],
    [/ant$/, ['er', 're']], [/it$/, ['ir', 're']], [/is$/, ['ir']], [/es$/, ['er']], [/e$/, ['er', 'ir']], [/t$/, ['tre']], [/d$/, ['dre']],
  ];
  for (const [ending, bases] of verbEndings) {
    const m = ending.exec(word);
    if (!m) continue;
    const stem = word.slice(0, m.index);
    if (stem.length < 2) continue;
    for (const base of bases) add(`${stem}${base}`, 'verb');
  }
  return out;
}

/** French endings and the English endings their cognates take. Longest first. */
const SUFFIXES: readonly (readonly [string, readonly string[]])[] = [
  ['issement', ['ishment', 'ment']], ['amment', ['antly']], ['emment', ['ently']], ['ivement', ['ively']], ['ement', ['ment', 'ement', 'ing', 'ly']],
  ['isseur', ['or', 'er']], ['ateur', ['ator', 'ater']], ['atrice', ['ator']], ['iser', ['ize', 'ise']], ['isation', ['ization', 'isation']],
  ['ique', ['ic', 'ical', 'ics']], ['iste', ['ist']], ['isme', ['ism']], ['aire', ['ary', 'ar']], ['oire', ['ory']], ['eux', ['ous']], ['euse', ['ous']],
  ['ence', ['ence', 'ency']], ['ance', ['ance', 'ancy']], ['ite', ['ity', 'ite']], ['te', ['ty']], ['eur', ['or', 'er', 'our']],
  ['ien', ['ian']], ['ienne', ['ian']], ['een', ['ean']], ['eenne', ['ean']], ['ain', ['an']], ['aine', ['an']], ['if', ['ive']], ['el', ['al']], ['elle', ['al']],
  ['ie', ['y']], ['er', ['e', '', 'ate']], ['ir', ['', 'ish']], ['re', ['er']], ['ee', ['ee']], ['e', ['', 'e']], ['ant', ['ant', 'ing']],
];

/** English spellings a folded French word's cognate may take (unchecked guesses, most likely first). */
export function cognateSpellings(word: string, typed = word): string[] {
  const out = new Set<string>([word]);
  for (const [fr, ens] of SUFFIXES) {
    if (!word.endsWith(fr) || word.length - fr.length < 3) continue;
    const stem = word.slice(0, -fr.length);
    for (const en of ens) {
      out.add(`${stem}${en}`);
      // "développer" -> "develop": French doubles consonants English writes once.
      if (/([bcdfglmnprt])\1$/.test(stem)) out.add(`${stem.slice(0, -1)}${en}`);
    }
  }
  // "créé", "annoncée": a typed past participle's cognate ends in -ed ("created").
  if (/(?:é|ée|és|ées)$/i.test(typed)) {
    const stem = word.replace(/e?e?s?$/, '');
    out.add(`${stem}ed`);
    out.add(`${stem}ated`);
  }
  // "établissement" -> "establishment", "état" -> "state": a French é- often stands for es- or s-.
  if (/^[éÉ]/.test(typed)) for (const c of [...out]) out.add(`es${c.slice(1)}`), out.add(`s${c.slice(1)}`);
  // "gouvernement" -> "government": ou is often o or u.
  for (const c of [...out]) if (c.includes('ou')) out.add(c.replace('ou', 'o')), out.add(c.replace('ou', 'u'));
  return [...out];
}

/** Irregular English past forms of common verbs (general English). */
const IRREGULAR_PAST: Readonly<Record<string, string>> = {
  say: 'said', make: 'made', give: 'given', take: 'taken', get: 'got', go: 'gone', come: 'come', build: 'built', spend: 'spent', lead: 'led',
  hold: 'held', win: 'won', put: 'put', set: 'set', pay: 'paid', begin: 'begun', bring: 'brought', buy: 'bought', choose: 'chosen', find: 'found',
  keep: 'kept', know: 'known', leave: 'left', lend: 'lent', lose: 'lost', meet: 'met', run: 'run', see: 'seen', sell: 'sold', send: 'sent',
  speak: 'spoken', tell: 'told', think: 'thought', write: 'written', become: 'become', grow: 'grown', rise: 'risen', fall: 'fallen', cut: 'cut',
  let: 'let', have: 'had', do: 'done', be: 'been', raise: 'raised', read: 'read', hear: 'heard', understand: 'understood', forecast: 'forecast',
};

/** "announce" -> "announced", "plan" -> "planned" is left as "planed": the engine stems both alike. */
export function englishParticiple(verb: string): string {
  if (verb.includes(' ')) {
    const [head, ...rest] = verb.split(' ');
    return [englishParticiple(head!), ...rest].join(' ');
  }
  const irregular = Object.hasOwn(IRREGULAR_PAST, verb) ? IRREGULAR_PAST[verb] : undefined;
  if (irregular) return irregular;
  if (/e$/.test(verb)) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  return `${verb}ed`;
}

/** "country" -> "countries", "tax" -> "taxes", "startup" -> "startups". */
export function englishPlural(noun: string): string {
  if (noun.includes(' ') || /s$/.test(noun)) return noun;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  if (/(?:x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  return `${noun}s`;
}
