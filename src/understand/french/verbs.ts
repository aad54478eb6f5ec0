/**
 * The forms of French irregular verbs, from French grammar: the common
 * irregular verbs' own forms (participles, present, future and imperfect
 * stems, simple past), and the endings their families share, so that a
 * prefixed verb is found too ("promis" -> promettre, "obtenu" -> obtenir,
 * "conçu" -> concevoir, "élu" -> élire). Keys are folded (no accents).
 */

/** How a form stands to its infinitive. */
export type VerbForm = 'participle' | 'finite';

interface IrregularVerb {
  infinitive: string;
  /** Past participle (masculine singular); its feminine and plurals are derived. */
  participle: string;
  /** Present, simple past and other forms, space-separated. */
  forms: string;
  /** Stem of the future and the conditional ("prendr", "ser"). */
  future?: string;
  /** Stem of the imperfect and the present participle ("pren", "fais"). */
  imperfect?: string;
}

const v = (infinitive: string, participle: string, forms: string, future?: string, imperfect?: string): IrregularVerb => ({
  infinitive, participle, forms, ...(future ? { future } : {}), ...(imperfect ? { imperfect } : {}),
});

/** The common irregular verbs (folded). */
const IRREGULAR_VERBS: readonly IrregularVerb[] = [
  v('etre', 'ete', 'suis es est sommes etes sont fus fut furent soit soient etant', 'ser', 'et'),
  v('avoir', 'eu', 'ai as a avons avez ont eus eut eurent ait aient ayant', 'aur', 'av'),
  v('aller', 'alle', 'vais vas va allons allez vont aille aillent', 'ir', 'all'),
  v('faire', 'fait', 'fais fait faisons faites font fis fit firent fasse fassent', 'fer', 'fais'),
  v('dire', 'dit', 'dis dit disons dites disent dirent', 'dir', 'dis'),
  v('prendre', 'pris', 'prends prend prenons prenez prennent prit prirent prenne', 'prendr', 'pren'),
  v('mettre', 'mis', 'mets met mettons mettez mettent mit mirent mette', 'mettr', 'mett'),
  v('voir', 'vu', 'vois voit voyons voyez voient vit virent voie', 'verr', 'voy'),
  v('savoir', 'su', 'sais sait savons savez savent sut surent sache sachant', 'saur', 'sav'),
  v('pouvoir', 'pu', 'peux peut pouvons pouvez peuvent put purent puisse puissent', 'pourr', 'pouv'),
  v('vouloir', 'voulu', 'veux veut voulons voulez veulent voulut veuille', 'voudr', 'voul'),
  v('venir', 'venu', 'viens vient venons venez viennent vint vinrent vienne', 'viendr', 'ven'),
  v('tenir', 'tenu', 'tiens tient tenons tenez tiennent tint tinrent tienne', 'tiendr', 'ten'),
  v('devoir', 'du', 'dois doit devons devez doivent dut durent doive', 'devr', 'dev'),
  v('recevoir', 'recu', 'recois recoit recevons recevez recoivent recut recurent', 'recevr', 'recev'),
  v('concevoir', 'concu', 'concois concoit concevons concevez concoivent concut', 'concevr', 'concev'),
  v('falloir', 'fallu', 'faut fallut faille', 'faudr', 'fall'),
  v('valoir', 'valu', 'vaux vaut valons valez valent valut vaille', 'vaudr', 'val'),
  v('naitre', 'ne', 'nais nait naissons naissez naissent naquit naquirent', 'naitr', 'naiss'),
  v('mourir', 'mort', 'meurs meurt mourons mourez meurent mourut', 'mourr', 'mour'),
  v('ouvrir', 'ouvert', 'ouvre ouvres ouvrons ouvrez ouvrent ouvrit', 'ouvrir', 'ouvr'),
  v('offrir', 'offert', 'offre offres offrons offrez offrent offrit', 'offrir', 'offr'),
  v('couvrir', 'couvert', 'couvre couvres couvrons couvrez couvrent couvrit', 'couvrir', 'couvr'),
  v('ecrire', 'ecrit', 'ecris ecrit ecrivons ecrivez ecrivent ecrivit', 'ecrir', 'ecriv'),
  v('lire', 'lu', 'lis lit lisons lisez lisent lut', 'lir', 'lis'),
  v('croire', 'cru', 'crois croit croyons croyez croient crut', 'croir', 'croy'),
  v('connaitre', 'connu', 'connais connait connaissons connaissez connaissent connut', 'connaitr', 'connaiss'),
  v('paraitre', 'paru', 'parais parait paraissons paraissez paraissent parut', 'paraitr', 'paraiss'),
  v('vivre', 'vecu', 'vis vit vivons vivez vivent vecut', 'vivr', 'viv'),
  v('suivre', 'suivi', 'suis suit suivons suivez suivent suivit', 'suivr', 'suiv'),
  v('conduire', 'conduit', 'conduis conduit conduisons conduisez conduisent conduisit', 'conduir', 'conduis'),
  v('atteindre', 'atteint', 'atteins atteint atteignons atteignez atteignent atteignit', 'atteindr', 'atteign'),
  v('craindre', 'craint', 'crains craint craignons craignez craignent craignit', 'craindr', 'craign'),
  v('joindre', 'joint', 'joins joint joignons joignez joignent joignit', 'joindr', 'joign'),
  v('courir', 'couru', 'cours court courons courez courent courut', 'courr', 'cour'),
  v('battre', 'battu', 'bats bat battons battez battent battit', 'battr', 'batt'),
  v('plaire', 'plu', 'plais plait plaisons plaisez plaisent plut', 'plair', 'plais'),
  v('boire', 'bu', 'bois boit buvons buvez boivent but', 'boir', 'buv'),
  v('resoudre', 'resolu', 'resous resout resolvons resolvez resolvent resolut', 'resoudr', 'resolv'),
  v('vaincre', 'vaincu', 'vaincs vainc vainquons vainquez vainquent vainquit', 'vaincr', 'vainqu'),
  v('rire', 'ri', 'ris rit rions riez rient', 'rir', 'ri'),
  v('suffire', 'suffi', 'suffis suffit suffisons suffisez suffisent', 'suffir', 'suffis'),
  v('acquerir', 'acquis', 'acquiers acquiert acquerons acquerez acquierent acquit', 'acquerr', 'acquer'),
  v('envoyer', 'envoye', 'envoie envoies envoient', 'enverr', 'envoy'),
  v('partir', 'parti', 'pars part partons partez partent', 'partir', 'part'),
  v('sortir', 'sorti', 'sors sort sortons sortez sortent', 'sortir', 'sort'),
  v('servir', 'servi', 'sers sert servons servez servent', 'servir', 'serv'),
  v('sentir', 'senti', 'sens sent sentons sentez sentent', 'sentir', 'sent'),
  v('dormir', 'dormi', 'dors dort dormons dormez dorment', 'dormir', 'dorm'),
  v('fuir', 'fui', 'fuis fuit fuyons fuyez fuient', 'fuir', 'fuy'),
];

/** Endings of the future and the conditional after the future stem. */
const FUTURE_ENDINGS = ['ai', 'as', 'a', 'ons', 'ez', 'ont', 'ais', 'ait', 'ions', 'iez', 'aient'];
/** Endings of the imperfect (and the present participle) after its stem. */
const IMPERFECT_ENDINGS = ['ais', 'ait', 'ions', 'iez', 'aient', 'ant'];

/** The participle's four forms: "pris", "prise", "prises"; "conçu", "conçue", "conçus", "conçues". */
function participleForms(p: string): string[] {
  return p.endsWith('s') ? [p, `${p}e`, `${p}es`] : [p, `${p}e`, `${p}s`, `${p}es`];
}

/** Every form of the table, folded, with the infinitives it may come from. */
const FORMS: ReadonlyMap<string, readonly { infinitive: string; form: VerbForm }[]> = (() => {
  const out = new Map<string, { infinitive: string; form: VerbForm }[]>();
  const add = (form: string, infinitive: string, kind: VerbForm) => {
    const list = out.get(form) ?? [];
    if (!list.some((x) => x.infinitive === infinitive)) list.push({ infinitive, form: kind });
    out.set(form, list);
  };
  for (const verb of IRREGULAR_VERBS) {
    for (const p of participleForms(verb.participle)) add(p, verb.infinitive, 'participle');
    for (const f of verb.forms.split(' ')) add(f, verb.infinitive, 'finite');
    if (verb.future) for (const e of FUTURE_ENDINGS) add(`${verb.future}${e}`, verb.infinitive, 'finite');
    if (verb.imperfect) for (const e of IMPERFECT_ENDINGS) add(`${verb.imperfect}${e}`, verb.infinitive, 'finite');
  }
  return out;
})();

/**
 * Prefixes that make a verb of an irregular one and keep its forms:
 * "promettre", "comprendre", "obtenir", "prévoir", "décrire", "élire".
 */
const VERB_PREFIXES = ['re', 'de', 'e', 'o', 'a', 'pre', 'pro', 'com', 'con', 'ap', 'sur', 'entre', 'contre', 'main', 'ob', 'per', 'sou', 'sous', 'ad', 'ab', 'inter', 'trans', 'par', 'sub', 'dis', 'ex', 'pres', 'des', 'satis', 'circon', 'pour', 'mal', 'bien'];

/** Lengths of the shortest form worth looking for after a prefix: "mis" in "promis", "vu" in "prévu". */
const SHORTEST_FORM_AFTER_PREFIX = 2;

export interface IrregularMatch {
  infinitive: string;
  form: VerbForm;
}

/** The infinitives an irregular form (folded) may come from, the verb's own forms first, then those after a prefix. */
export function irregularVerb(word: string): IrregularMatch[] {
  const own = FORMS.get(word);
  const out: IrregularMatch[] = own ? [...own] : [];
  for (const prefix of VERB_PREFIXES) {
    if (!word.startsWith(prefix) || word.length - prefix.length < SHORTEST_FORM_AFTER_PREFIX) continue;
    for (const m of FORMS.get(word.slice(prefix.length)) ?? []) {
      // A prefix before a one-syllable form of être or avoir makes no verb ("rest", "deux").
      if (m.infinitive === 'etre' || m.infinitive === 'avoir' || m.infinitive === 'aller') continue;
      const infinitive = `${prefix}${m.infinitive}`;
      if (!out.some((o) => o.infinitive === infinitive)) out.push({ infinitive, form: m.form });
    }
  }
  return out;
}

/**
 * Endings that verb families share, and the infinitive ending they stand
 * for: a form is read as every family its ending fits, the dictionary then
 * keeps the infinitive it knows ("séduisent" -> séduire, "atteignent" ->
 * atteindre, "ouvrent" -> ouvrir, "obtiendra" -> obtenir).
 */
export const FAMILY_PARTICIPLES: readonly (readonly [RegExp, string])[] = [
  [/crit(e?s?)$/, 'crire'], [/uit(e?s?)$/, 'uire'], [/eint(e?s?)$/, 'eindre'], [/aint(e?s?)$/, 'aindre'], [/oint(e?s?)$/, 'oindre'],
  [/ert(e?s?)$/, 'rir'], [/cu(e?s?)$/, 'cevoir'], [/enu(e?s?)$/, 'enir'], [/ndu(e?s?)$/, 'ndre'], [/du(e?s?)$/, 'dre'], [/pu(e?s?)$/, 'pre'],
  [/mis(e?s?)$/, 'mettre'], [/pris(e?s?)$/, 'prendre'], [/ait(e?s?)$/, 'aire'], [/vu(e?s?)$/, 'voir'], [/lu(e?s?)$/, 'lire'], [/ecu(e?s?)$/, 'ivre'],
];

/** Finite forms the families share: present, imperfect, present participle, future and conditional. */
export const FAMILY_FORMS: readonly (readonly [RegExp, string])[] = [
  [/uis(?:ons|ez|ent|ais|ait|ions|iez|aient|ant)$/, 'uire'], [/ui[st]$/, 'uire'],
  [/criv(?:ons|ez|ent|ais|ait|ions|iez|aient|ant)$/, 'crire'], [/cri[st]$/, 'crire'],
  [/eign(?:ons|ez|ent|ais|ait|ions|iez|aient|ant)$/, 'eindre'], [/aign(?:ons|ez|ent|ais|ait|ions|iez|aient|ant)$/, 'aindre'], [/oign(?:ons|ez|ent|ais|ait|ions|iez|aient|ant)$/, 'oindre'],
  [/ein[st]$/, 'eindre'], [/ain[st]$/, 'aindre'], [/oin[st]$/, 'oindre'],
  [/ien(?:s|t|nent|ne|nes)$/, 'enir'], [/en(?:ons|ez|ais|ait|ions|iez|aient|ant)$/, 'enir'],
  [/oi(?:s|t|vent)$/, 'evoir'], [/cev(?:ons|ez|ais|ait|ions|iez|aient|ant)$/, 'cevoir'],
  [/pren(?:ons|ez|nent|ne|nes|ais|ait|ions|iez|aient|ant)$/, 'prendre'], [/met(?:s|tons|tez|tent|te|tes|tais|tait|taient|tant)?$/, 'mettre'],
  [/([vf])r(?:e|es|ent|ons|ez|ais|ait|aient|ant)$/, '$1rir'], [/aiss(?:ons|ez|ent|ais|ait|ions|iez|aient|ant)$/, 'aitre'], [/ai[st]$/, 'aitre'],
  [/end(?:s|ons|ez|ent|ais|ait|ions|iez|aient|ant)?$/, 'endre'], [/ond(?:s|ons|ez|ent|ais|ait|ions|iez|aient|ant)?$/, 'ondre'],
  // Future and conditional of the -re verbs ("prendra", "dira") and of irregular stems.
  [/r(?:ai|as|a|ons|ez|ont|ais|ait|ions|iez|aient)$/, 're'],
  [/iendr(?:ai|as|a|ons|ez|ont|ais|ait|ions|iez|aient)$/, 'enir'], [/cevr(?:ai|as|a|ons|ez|ont|ais|ait|ions|iez|aient)$/, 'cevoir'],
  [/verr(?:ai|as|a|ons|ez|ont|ais|ait|ions|iez|aient)$/, 'voir'],
];
