/**
 * English cognates of French words, by general rules of the two languages:
 * the English spellings a French word's cognate may take ("investissement" ->
 * "investment", "activité" -> "activity", "économique" -> "economic",
 * "régulateur" -> "regulator"), and English inflection to carry a French
 * plural or past participle over. Cognates are only guesses: the lexicon
 * keeps those that are English words.
 */

/** French endings and the English endings their cognates take. Longest first. */
const SUFFIXES: readonly (readonly [string, readonly string[]])[] = [
  ['issement', ['ishment', 'ment']], ['amment', ['antly']], ['emment', ['ently']], ['ivement', ['ively']], ['ement', ['ment', 'ement', 'ing', 'ly']],
  ['isseur', ['or', 'er']], ['ateur', ['ator', 'ater']], ['atrice', ['ator']], ['iser', ['ize', 'ise']], ['isation', ['ization', 'isation']],
  ['ique', ['ic', 'ical', 'ics']], ['iste', ['ist']], ['isme', ['ism']], ['aire', ['ary', 'ar']], ['oire', ['ory']], ['eux', ['ous']], ['euse', ['ous']],
  ['ence', ['ence', 'ency']], ['ance', ['ance', 'ancy']], ['ite', ['ity', 'ite']], ['te', ['ty']], ['eur', ['or', 'er', 'our']],
  ['ien', ['ian']], ['ienne', ['ian']], ['een', ['ean']], ['eenne', ['ean']], ['ain', ['an']], ['aine', ['an']], ['if', ['ive']], ['el', ['al']], ['elle', ['al']],
  ['ariat', ['ariat', 'arship', 'ership']], ['graphie', ['graphy']], ['ogie', ['ogy']], ['uire', ['uce', 'uct']], ['able', ['able', 'ible']], ['ible', ['ible']],
  ['tre', ['ter', 'tre']], ['sion', ['sion']], ['tion', ['tion']],
  ['ie', ['y']], ['er', ['e', '', 'ate']], ['ir', ['', 'ish']], ['re', ['er', '']], ['ee', ['ee']], ['e', ['', 'e']], ['ant', ['ant', 'ing']],
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
      // "partenariat" -> "partnership": an e French sounds between two consonants English leaves out.
      if (/[bcdfgkpt]e[nlr]$/.test(stem)) out.add(`${stem.slice(0, -2)}${stem.slice(-1)}${en}`);
    }
  }
  // "créé", "annoncée": a typed past participle's cognate ends in -ed ("created").
  if (/(?:é|ée|és|ées)$/i.test(typed)) {
    const stem = word.replace(/e?e?s?$/, '');
    out.add(`${stem}ed`);
    out.add(`${stem}ated`);
  }
  // "établissement" -> "establishment", "état" -> "state": a French é- often stands for es- or s-.
  // ("échange" -> "exchange", "étendre" -> "extend": or ex-.)
  // ("état" -> "state": with the silent e English writes after a final consonant.)
  if (/^[éÉ]/.test(typed)) {
    for (const c of [...out]) {
      for (const start of ['es', 's', 'ex']) out.add(`${start}${c.slice(1)}`);
      if (/[^aeiouy]$/.test(c)) out.add(`s${c.slice(1)}e`);
    }
  }
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
  let: 'let', lay: 'laid', hang: 'hung', feel: 'felt', seek: 'sought', draw: 'drawn', have: 'had', do: 'done', be: 'been', raise: 'raised', read: 'read', hear: 'heard', understand: 'understood', forecast: 'forecast',
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

/** "country" -> "countries", "tax" -> "taxes", "business" -> "businesses", "startup" -> "startups"; "euros" stays. */
export function englishPlural(noun: string): string {
  if (noun.includes(' ')) return noun;
  if (/(?:ss|x|z|ch|sh)$/.test(noun)) return `${noun}es`;
  if (/s$/.test(noun)) return noun;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}
