/**
 * French acronyms of general use and their English ("l'UE" -> the EU,
 * "l'ONU" -> the UN, "les É.-U." -> the US, "le PDG" -> the CEO), typed in
 * capitals, with dots ("U.E.", "É.-U."), or, for those whose lower case is
 * no French word, in lower case ("l'ue", "l'ia", "les pme").
 */

interface Acronym {
  english: string;
  /** Read in lower case too: the lower-case form is no French word. */
  lower?: boolean;
}

const a = (english: string, lower = false): Acronym => ({ english, ...(lower ? { lower } : {}) });

/** Keys in capitals, without dots; hyphens kept ("É-U"). */
const ACRONYMS: Readonly<Record<string, Acronym>> = {
  UE: a('EU', true), ONU: a('UN', true), OTAN: a('NATO', true), 'É-U': a('US'), 'E-U': a('US'), EUA: a('US'), USA: a('US'), 'R-U': a('UK'), RU: a('UK'),
  BCE: a('ECB', true), BEI: a('EIB', true), FMI: a('IMF', true), OMC: a('WTO', true), OMS: a('WHO', true), OCDE: a('OECD', true), OIT: a('ILO', true),
  AIEA: a('IAEA', true), UA: a('AU'), CE: a('EC'), CJUE: a('CJEU', true), UEM: a('EMU', true), PAC: a('CAP'), ONG: a('NGO', true),
  PME: a('SMEs', true), PMEs: a('SMEs', true), TPE: a('small businesses', true), ETI: a('mid-sized companies', true), PDG: a('CEO', true), DG: a('director-general'),
  DRH: a('HR director', true), RH: a('HR', true), 'R-D': a('R&D'), PIB: a('GDP', true), PNB: a('GNP', true), TVA: a('VAT', true), IA: a('AI', true),
  IAG: a('AGI', true), RGPD: a('GDPR', true), OPA: a('takeover bid', true), IPO: a('IPO'), TIC: a('ICT'), NTIC: a('ICT', true),
};

/** Plural articles before "EU": "les EU" are the United States (États-Unis), "l'EU" the European Union typed in English. */
const PLURAL_BEFORE = new Set(['les', 'aux', 'des']);

/** The English of a French acronym as typed ("UE", "l'ue"'s "ue", "É.-U."), or undefined; `before` is the folded word before it. */
export function acronymEnglish(typed: string, before?: string): string | undefined {
  const key = typed.replace(/\./g, '').replace(/-+$/, '');
  if (!/^[\p{L}-]{2,}$/u.test(key)) return undefined;
  if (key === 'EU' && before && PLURAL_BEFORE.has(before)) return 'US';
  const upper = key.toUpperCase();
  const entry = Object.hasOwn(ACRONYMS, key) ? ACRONYMS[key] : Object.hasOwn(ACRONYMS, upper) ? ACRONYMS[upper] : undefined;
  if (!entry) return undefined;
  // Lower case ("ue", "pme") only where the lower case is no French word; capitals always.
  const capitals = key === upper || /^\p{Lu}+s$/u.test(key);
  return capitals || (key === key.toLowerCase() && entry.lower) ? entry.english : undefined;
}
