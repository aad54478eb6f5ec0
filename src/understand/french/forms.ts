/**
 * The base forms a French word may come from, by the rules of French
 * grammar, tried before the dictionary: plurals ("investissements",
 * "chevaux"), feminines ("dirigeante", "directrice", "européennes"), past
 * participles ("annoncée", "conçu", "promis"), finite forms of regular and
 * irregular verbs ("investissent", "vaut", "prendra", "obtiendrait"), and
 * the nouns made of a verb ("dirigeant": one who directs; "chercheur": one
 * who searches). Words are folded (lower case, no accents). The lexicon
 * keeps the first base form its dictionary knows.
 */
import { FAMILY_FORMS, FAMILY_PARTICIPLES, irregularVerb } from './verbs.js';

/**
 * How a French form differs from the base form it was read as: a plural,
 * a past participle, a finite verb form, or a noun naming who does what
 * the verb says ("dirigeant" of diriger).
 */
export type Inflection = 'none' | 'plural' | 'participle' | 'verb' | 'agent';

/** How the sentence uses a word: after an article a noun, after an auxiliary a verb ("a annoncé"). Default: either. */
export type Reading = 'noun' | 'verb' | 'any';

export interface FrenchLemma {
  lemma: string;
  inflection: Inflection;
  /** The form was plural ("dirigeants", "employés"): a noun made of the verb is written in the plural. */
  plural?: boolean;
}

/** Feminine endings and their masculine (a folded singular). */
const FEMININES: readonly (readonly [string, string])[] = [
  ['euse', 'eur'], ['euse', 'eux'], ['trice', 'teur'], ['rice', 'eur'], ['ive', 'if'], ['ienne', 'ien'], ['elle', 'el'], ['enne', 'en'], ['onne', 'on'],
  ['ette', 'et'], ['ere', 'er'], ['ante', 'ant'], ['ente', 'ent'], ['ee', 'e'], ['ie', 'i'], ['ue', 'u'], ['ouce', 'oux'],
];

/** Singular forms of a folded word, itself first, with whether it was plural. */
function singulars(word: string): { form: string; plural: boolean }[] {
  const out = [{ form: word, plural: false }];
  if (word.length <= 3) return out;
  if (/eaux$/.test(word)) out.push({ form: word.slice(0, -1), plural: true });
  if (/aux$/.test(word)) out.push({ form: `${word.slice(0, -3)}al`, plural: true });
  if (/[sx]$/.test(word)) out.push({ form: word.slice(0, -1), plural: true });
  return out;
}

/** Base forms a folded French word may come from, itself first, the likelier before the rarer. */
export function frenchLemmas(word: string): FrenchLemma[] {
  const out: FrenchLemma[] = [{ lemma: word, inflection: 'none' }];
  const add = (lemma: string, inflection: Inflection, plural = false) => {
    if (lemma.length >= 2 && !out.some((o) => o.lemma === lemma)) out.push({ lemma, inflection, ...(plural ? { plural } : {}) });
  };
  const forms = singulars(word);
  const masculine: { form: string; plural: boolean }[] = [];
  for (const s of forms) {
    if (s.plural) add(s.form, 'plural');
    for (const [fem, masc] of FEMININES) {
      if (s.form.endsWith(fem) && s.form.length - fem.length >= 2) masculine.push({ form: `${s.form.slice(0, -fem.length)}${masc}`, plural: s.plural });
    }
  }
  for (const m of masculine) add(m.form, m.plural ? 'plural' : 'none');
  // The irregular verbs' forms ("pris", "vaut", "conçu", "promis") next: surer than the endings' guesses.
  for (const m of irregularVerb(word)) add(m.infinitive, m.form === 'participle' ? 'participle' : 'verb');
  // Past participles: "annoncé(e)(s)" -> annoncer, "fini(e)(s)" -> finir, "rendu" -> rendre, and the families' ("conçu", "promis").
  const participles = [...forms, ...masculine].filter((f, i, all) => all.findIndex((g) => g.form === f.form) === i);
  for (const { form: p, plural } of participles) {
    if (/[^e]e$/.test(p) && p.length > 3) add(`${p}r`, 'participle', plural);
  }
  // "vise": the verb "viser" is likelier than a feminine of "vis".
  if (/[^e]e$/.test(word) && word.length > 3) add(`${word}r`, 'verb');
  // "grande", "française": a feminine's -e.
  for (const s of forms) if (/e$/.test(s.form) && s.form.length > 3) add(s.form.slice(0, -1), s.plural ? 'plural' : 'none');
  for (const { form: p, plural } of participles) {
    if (/i$/.test(p) && p.length > 3) add(`${p}r`, 'participle', plural);
    if (/u$/.test(p) && p.length > 3) {
      add(`${p.slice(0, -1)}re`, 'participle', plural);
      add(`${p.slice(0, -1)}oir`, 'participle', plural);
      add(`${p.slice(0, -1)}ir`, 'participle', plural);
    }
  }
  for (const { form: p, plural } of participles) {
    for (const [ending, base] of FAMILY_PARTICIPLES) {
      const m = ending.exec(p);
      if (m && m.index >= 1) add(`${p.slice(0, m.index)}${base}`, 'participle', plural);
    }
  }
  // Nouns of a verb: "dirigeant(e)(s)" -> diriger, "commerçant" -> commercer, "chercheur(euse)" -> chercher, "organisateur" -> organiser.
  for (const { form, plural } of [...forms, ...masculine]) {
    const ant = /^(.{2,}?)(e?)ant$/.exec(form);
    if (ant) {
      const stem = ant[1]!;
      if (/iss$/.test(stem)) add(`${stem.slice(0, -3)}ir`, 'agent', plural);
      add(`${stem}${ant[2] && /g$/.test(stem) ? '' : ant[2]}er`, 'agent', plural);
      add(`${stem}re`, 'agent', plural);
    }
    const eur = /^(.{3,}?)(iss|at)?eur$/.exec(form);
    if (eur) add(`${eur[1]}${eur[2] === 'iss' ? 'ir' : 'er'}`, 'agent', plural);
  }
  // Finite forms of the regular verbs.
  const verbEndings: [RegExp, string[]][] = [
    [/issaient$/, ['ir']], [/issait$/, ['ir']], [/issent$/, ['ir']], [/issons$/, ['ir']], [/issez$/, ['ir']], [/issant$/, ['ir']],
    [/eraient$/, ['er']], [/erait$/, ['er']], [/erais$/, ['er']], [/erai$/, ['er']], [/eront$/, ['er']], [/erons$/, ['er']], [/erez$/, ['er']], [/eras$/, ['er']], [/era$/, ['er']],
    [/iraient$/, ['ir']], [/irait$/, ['ir']], [/iront$/, ['ir']], [/ira$/, ['ir']],
    [/geaient$/, ['ger']], [/geait$/, ['ger']], [/geons$/, ['ger']], [/geant$/, ['ger']],
    [/aient$/, ['er', 'ir', 're']], [/ait$/, ['er', 're']], [/ais$/, ['er']], [/ent$/, ['er', 're', 'ir']], [/ons$/, ['er', 're', 'ir']], [/ez$/, ['er', 're', 'ir']],
    [/ant$/, ['er', 're', 'ir']], [/it$/, ['ir', 're']], [/is$/, ['ir']], [/es$/, ['er']], [/e$/, ['er', 'ir']], [/t$/, ['tre', 'tir']], [/d$/, ['dre']],
  ];
  for (const [ending, bases] of verbEndings) {
    const m = ending.exec(word);
    if (!m || m.index < 2) continue;
    for (const base of bases) add(`${word.slice(0, m.index)}${base}`, 'verb');
  }
  for (const [ending, base] of FAMILY_FORMS) {
    const m = ending.exec(word);
    if (m && m.index >= 2) add(`${word.slice(0, m.index)}${base.replace('$1', m[1] ?? '')}`, 'verb');
  }
  return out;
}
