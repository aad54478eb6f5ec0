/**
 * Multi-word expressions of general French whose meaning is not their
 * words' ("jeune pousse" is a start-up, "à huis clos" behind closed doors,
 * "mise à jour" an update, "outre-Atlantique" in America), with their
 * English senses, best first. Matched on folded words, a plural word
 * matching its singular ("jeunes pousses"); the English of a plural
 * expression is put in the plural. Grammar phrases ("parce que", "il y a")
 * are grammar.ts's.
 */
import { englishPlural } from './cognates.js';

export interface Expression {
  /** Folded words, as the tokenizer splits them ("d'", "etat"). */
  words: readonly string[];
  english: readonly string[];
}

const e = (french: string, ...english: string[]): Expression => ({ words: french.split(' '), english });

/** General French expressions (folded, elisions split as the tokenizer does). */
export const EXPRESSIONS: readonly Expression[] = [
  e('jeune pousse', 'startup', 'start-up', 'young company'), e('jeune entreprise', 'startup', 'young company'),
  e('mise a jour', 'update'), e('mis a jour', 'updated'), e('mettre a jour', 'update'), e('a jour', 'up to date', 'updated'),
  e('mise en oeuvre', 'implementation'), e('mettre en oeuvre', 'implement'), e('mise en place', 'setting up', 'introduction'), e('mettre en place', 'set up'),
  e('chef d\' etat', 'head of state', 'leader'), e('chef de l\' etat', 'head of state', 'president'), e('chefs d\' etat', 'heads of state', 'leaders'),
  e('chef de gouvernement', 'head of government'), e('chef d\' entreprise', 'business leader', 'executive'), e('chef de file', 'leader'),
  e('premier ministre', 'prime minister'), e('porte-parole', 'spokesperson', 'spokesman', 'spokeswoman'), e('porte parole', 'spokesperson'),
  e('directeur general', 'chief executive', 'managing director', 'director-general'), e('directrice generale', 'chief executive', 'managing director'),
  e('a huis clos', 'behind closed doors', 'closed-door'), e('huis clos', 'closed-door', 'closed doors'),
  e('d\' ici', 'by'), e('d\' ici a', 'by'),
  e('outre-atlantique', 'in America', 'across the Atlantic', 'US'), e('outre-manche', 'in Britain', 'across the Channel', 'UK'), e('outre-rhin', 'in Germany', 'Germany'),
  e('prise de parole', 'speech', 'address'), e('prendre la parole', 'speak', 'address'), e('pris la parole', 'spoke', 'addressed'),
  e('prise de position', 'stance', 'position'), e('pouvoirs publics', 'public authorities', 'government'), e('fonds propres', 'equity'),
  e('chiffre d\' affaires', 'revenue', 'turnover', 'sales'), e('levee de fonds', 'fundraising', 'funding round'), e('lever des fonds', 'raise funds', 'raise money'),
  e('appel d\' offres', 'tender', 'call for tenders', 'procurement'), e('conference de presse', 'press conference'), e('communique de presse', 'press release'),
  e('compte rendu', 'report', 'minutes'), e('siege social', 'headquarters', 'head office'), e('maison mere', 'parent company'),
  e('intelligence artificielle', 'artificial intelligence', 'AI'), e('centre de donnees', 'data centre', 'data center'), e('centres de donnees', 'data centres', 'data centers'),
  e('puissance de calcul', 'computing power', 'compute'), e('capacite de calcul', 'computing capacity', 'compute'), e('propriete intellectuelle', 'intellectual property', 'IP'),
  e('secteur prive', 'private sector'), e('secteur public', 'public sector'), e('service public', 'public service'),
  e('c\' est-a-dire', 'that is'), e('au-dela de', 'beyond'), e('au-dela', 'beyond'), e('vis-a-vis de', 'towards', 'regarding'),
  e('au cours de', 'during'), e('en cours', 'under way', 'ongoing'), e('a l\' issue de', 'at the end of', 'after'), e('a l\' occasion de', 'at', 'on the occasion of'),
  e('au sein de', 'within'), e('en matiere de', 'on', 'in terms of'), e('dans le cadre de', 'as part of', 'under'), e('en faveur de', 'in favour of', 'for'),
  e('a cause de', 'because of'), e('en raison de', 'because of', 'due to'), e('au lieu de', 'instead of'), e('a partir de', 'from'), e('par exemple', 'for example'),
  e('en effet', 'indeed'), e('de nouveau', 'again'), e('tout de suite', 'right away'), e('en meme temps', 'at the same time'), e('en ligne', 'online'),
  e('a l\' etranger', 'abroad'), e('en direct', 'live'), e('faire partie de', 'be part of'), e('fait partie de', 'is part of'), e('font partie de', 'are part of'),
  e('prendre part', 'take part'), e('a pris part', 'took part'), e('se derouler', 'take place'), e('s\' est deroule', 'took place'), e('s\' est deroulee', 'took place'),
  e('coup de pouce', 'boost', 'help'), e('sur le point de', 'about to'), e('il s\' agit de', 'it is'), e('mettre l\' accent sur', 'focus on', 'stress'),
  e('donnees personnelles', 'personal data'), e('taux de change', 'exchange rate'), e('etat membre', 'member state'), e('etats membres', 'member states'),
];

/** Expressions by their first word, the longest first. */
const BY_FIRST = (() => {
  const map = new Map<string, Expression[]>();
  for (const x of EXPRESSIONS) {
    for (const first of new Set([x.words[0]!, singular(x.words[0]!)])) {
      const list = map.get(first) ?? [];
      list.push(x);
      map.set(first, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length);
  return map;
})();

/** A folded word without its plural ending ("pousses" -> "pousse", "fonds" stays). */
function singular(word: string): string {
  return word.length > 3 && /[sx]$/.test(word) && !/(?:ss|us|is)$/.test(word) ? word.slice(0, -1) : word;
}

export interface ExpressionMatch {
  length: number;
  english: string[];
}

/** The expression starting at the first of these folded words, and how many words it takes, or undefined. */
export function matchExpression(folded: readonly string[]): ExpressionMatch | undefined {
  const first = folded[0];
  if (!first) return undefined;
  const candidates = BY_FIRST.get(first) ?? BY_FIRST.get(singular(first));
  if (!candidates) return undefined;
  for (const x of candidates) {
    let plural = false;
    const ok = x.words.every((w, k) => {
      const typed = folded[k];
      if (typed === w) return true;
      if (typed !== undefined && singular(typed) === w) return (plural = true);
      return false;
    });
    if (!ok) continue;
    // "jeunes pousses": the English in the plural too.
    const english = plural ? x.english.map((en) => (/^\p{Lu}/u.test(en) || en.includes(' ') ? en : englishPlural(en))) : [...x.english];
    return { length: x.words.length, english };
  }
  return undefined;
}
