/**
 * The English for a French word's inflection, from the English of its base
 * form: a plural noun's plural ("countries"), a past participle's
 * ("announced", "conceived"), and the nouns made of a verb: who does it
 * ("dirigeant" of diriger, "lead" -> "leader"), or who it is done to
 * ("employé" of employer, "employ" -> "employee"). Only English words
 * count: an agent noun English lacks ("steerer") is not made up.
 */
import { englishRank } from '../../text/english.js';
import { canBeNoun } from '../../text/word-classes.js';
import { englishParticiple, englishPlural } from './cognates.js';
import type { FrenchLemma, Reading } from './forms.js';

/** English nouns of a mass, never made plural: "les thunes" is money, "les données" data. */
const MASS_NOUNS = new Set([
  'money', 'cash', 'data', 'information', 'software', 'hardware', 'equipment', 'research', 'funding', 'financing', 'advice', 'news', 'evidence',
  'knowledge', 'progress', 'staff', 'training', 'feedback', 'electricity', 'energy', 'power', 'compute', 'computing', 'infrastructure', 'capital',
  'aid', 'support', 'growth', 'revenue', 'turnover', 'equity', 'wheat', 'furniture', 'luggage', 'traffic', 'weather', 'work', 'health', 'safety', 'security',
]);

/** A noun's plural, unless English counts it as a mass. */
const plural = (noun: string) => (MASS_NOUNS.has(noun) ? noun : englishPlural(noun));

/** Whether English uses this word (the frequency list of spoken English). */
const inEnglish = (word: string) => englishRank(word) !== undefined;

/** "lead" -> "leader", "direct" -> "director", "manage" -> "manager": those English has. */
export function englishAgents(verb: string): string[] {
  if (verb.includes(' ')) return [];
  const stem = verb.replace(/e$/, '');
  return [...new Set([`${stem}er`, `${stem}or`, /e$/.test(verb) ? `${verb}r` : `${verb}er`])].filter(inEnglish);
}

/** "employ" -> "employee", "delegate" -> "delegate": who the act is done to, as English names them. */
function englishPatients(verb: string): string[] {
  if (verb.includes(' ')) return [];
  const stem = verb.replace(/e$/, '');
  return [`${stem}ee`, verb].filter((w) => inEnglish(w) && canBeNoun(w));
}

/**
 * English forms for one English sense of a French base form, as the French
 * word inflects it; empty when English has no such word (an agent noun of
 * a verb English makes none of).
 */
export function inflectEnglish(english: string, lemma: FrenchLemma, pos: string | undefined, reading: Reading): string[] {
  if (/^\p{Lu}/u.test(english)) return [english];
  const plurals = (words: string[]) => (lemma.plural ? words.map(plural) : words);
  switch (lemma.inflection) {
    case 'plural':
      return [!pos || pos === 'n' ? plural(english) : english];
    case 'participle':
      if (pos && !/^v/.test(pos)) return [english];
      // "les employés", "combien de délégués": a participle used as a noun names a person.
      if (reading === 'noun') {
        const patients = englishPatients(english);
        if (patients.length) return plurals(patients);
      }
      return [englishParticiple(english)];
    case 'agent':
      return pos && !/^v/.test(pos) ? [] : plurals(englishAgents(english));
    default:
      return [english];
  }
}
