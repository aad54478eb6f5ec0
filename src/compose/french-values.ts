/**
 * Numbers, amounts, dates and periods written the French way: "€200
 * billion" -> "200 milliards d'euros", "$3.5bn" -> "3,5 milliards de
 * dollars", "€30–50bn" -> "30 à 50 milliards d'euros", "4.5" -> "4,5",
 * "100,000" -> "100 000", "25%" -> "25 %", "February 11, 2025" -> "11
 * février 2025" (with its weekday when the date is known: "le mardi 11
 * février 2025"), "four years" -> "quatre ans". English text left over is
 * framed as English: « … ».
 */
import { entryOf } from '../text/wording.js';

const NBSP = '\u00A0';
/** French typography: a narrow no-break space before ; ? ! and a no-break space before : and inside « ». */
export const BEFORE_COLON = NBSP;

const MONTHS: Record<string, string> = {
  january: 'janvier', february: 'février', march: 'mars', april: 'avril', may: 'mai', june: 'juin', july: 'juillet', august: 'août',
  september: 'septembre', october: 'octobre', november: 'novembre', december: 'décembre',
};
const WEEKDAYS: Record<string, string> = { monday: 'lundi', tuesday: 'mardi', wednesday: 'mercredi', thursday: 'jeudi', friday: 'vendredi', saturday: 'samedi', sunday: 'dimanche' };
const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, fifteen: 15, eighteen: 18, twenty: 20, thirty: 30, fifty: 50, hundred: 100,
};
const FRENCH_SMALL = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze'];
const UNITS: Record<string, [string, string]> = {
  year: ['an', 'ans'], years: ['an', 'ans'], month: ['mois', 'mois'], months: ['mois', 'mois'], week: ['semaine', 'semaines'], weeks: ['semaine', 'semaines'],
  day: ['jour', 'jours'], days: ['jour', 'jours'], hour: ['heure', 'heures'], hours: ['heure', 'heures'], decade: ['décennie', 'décennies'], decades: ['décennie', 'décennies'],
};
const QUALIFIERS: [RegExp, string][] = [
  [/^(?:about|around|roughly|approximately|some|an estimated)\s+/i, 'environ '], [/^up to\s+/i, "jusqu'à "], [/^(?:more than|over)\s+/i, 'plus de '],
  [/^at least\s+/i, 'au moins '], [/^(?:nearly|almost)\s+/i, 'près de '], [/^less than\s+/i, 'moins de '], [/^by\s+/i, "d'ici "], [/^(?:in|during)\s+/i, 'en '],
  [/^on\s+/i, 'le '], [/^until\s+/i, "jusqu'en "], [/^since\s+/i, 'depuis '],
];
const SCALE: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12 };
const CURRENCY: Record<string, 'EUR' | 'USD' | 'GBP'> = { '€': 'EUR', $: 'USD', '£': 'GBP', euro: 'EUR', euros: 'EUR', dollar: 'USD', dollars: 'USD', pound: 'GBP', pounds: 'GBP' };
const CURRENCY_NAME: Record<string, [string, string]> = { EUR: ['euro', 'euros'], USD: ['dollar', 'dollars'], GBP: ['livre', 'livres'] };

/** "4,5", "100 000", "1 214,5": French digits. */
export function frenchNumber(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  const [whole, decimals] = String(Math.abs(rounded)).split('.');
  const grouped = whole!.length > 4 ? whole!.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP) : whole!;
  return `${rounded < 0 ? '-' : ''}${grouped}${decimals ? `,${decimals}` : ''}`;
}

/** "de" or "d'" before a word. */
export function de(word: string): string {
  return /^[aeiouyhéèêàâîôû]/i.test(word) ? `d'${word}` : `de ${word}`;
}

/** 200e9 EUR -> "200 milliards d'euros"; 1.5e9 -> "1,5 milliard d'euros"; 500e6 USD -> "500 millions de dollars". */
export function frenchAmount(value: number, currency?: string): string {
  const scales: [number, string, string][] = [[1e12, 'billion', 'billions'], [1e9, 'milliard', 'milliards'], [1e6, 'million', 'millions']];
  const scale = scales.find(([s]) => value >= s);
  const names = currency ? entryOf(CURRENCY_NAME, currency) : undefined;
  if (scale) {
    const count = value / scale[0];
    const word = count >= 2 ? scale[2] : scale[1];
    return `${frenchNumber(count)} ${word}${names ? ` ${de(names[1])}` : ''}`;
  }
  return `${frenchNumber(value)}${names ? ` ${value >= 2 ? names[1] : names[0]}` : ''}`;
}

/** "2025-02-11" -> "le mardi 11 février 2025". */
export function frenchDate(iso: string, withWeekday = true): string {
  const date = new Date(`${iso}T12:00:00Z`);
  const day = date.getUTCDate();
  const month = Object.values(MONTHS)[date.getUTCMonth()]!;
  const weekday = Object.values(WEEKDAYS)[(date.getUTCDay() + 6) % 7]!;
  return `${withWeekday ? `le ${weekday} ` : ''}${day === 1 ? '1er' : day} ${month} ${date.getUTCFullYear()}`;
}

/** A weekday or month name in French, lower case as French writes them; undefined for other words. */
export function frenchCalendarWord(english: string): string | undefined {
  const lower = english.toLowerCase();
  return entryOf(WEEKDAYS, lower) ?? entryOf(MONTHS, lower);
}

/** Amount patterns as the engine's English writes them: "€200 billion", "$3.5bn", "€30–50bn", "150 billion euros". */
const AMOUNT = /([€$£])?(\d+(?:[.,]\d+)*)(?:\s?[–-]\s?(\d+(?:[.,]\d+)*))?(?:\s?(thousand|million|billion|trillion|bn|mn|tn|[mkb])\b)?(?:\s(euros?|dollars?|pounds?)\b)?/gi;
const DATE_MDY = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),?\s+(\d{4})\b/g;
const DATE_MD = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})\b(?!,?\s+\d{4}|\d)/g;
const DATE_DMY = /\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(\d{4}))?\b/g;
const WORD_NUMBER_UNIT = /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|fifty|hundred|a|\d+(?:[.,]\d+)?)\s+(years?|months?|weeks?|days?|hours?|decades?)\b/gi;

function numberOf(text: string): number {
  return Number(text.replace(/,(?=\d{3}\b)/g, ''));
}

/**
 * A value as the engine's English gives it (a figure's display, an amount,
 * a date, a period, a count), in French. Words it cannot render stay English.
 */
export function frenchValueText(display: string): string {
  let text = display.trim();
  let prefix = '';
  for (const [re, fr] of QUALIFIERS) {
    if (re.test(text)) {
      prefix = fr;
      text = text.replace(re, '');
      break;
    }
  }
  text = text
    .replace(DATE_MDY, (_, m: string, d: string, y: string) => `${d === '1' ? '1er' : d} ${MONTHS[m.toLowerCase()]} ${y}`)
    .replace(DATE_MD, (_, m: string, d: string) => `${d === '1' ? '1er' : d} ${MONTHS[m.toLowerCase()]}`)
    .replace(DATE_DMY, (_, d: string, m: string, y?: string) => `${d === '1' ? '1er' : d} ${MONTHS[m.toLowerCase()]}${y ? ` ${y}` : ''}`)
    .replace(WORD_NUMBER_UNIT, (_, n: string, unit: string) => {
      const value = /^\d/.test(n) ? numberOf(n) : n.toLowerCase() === 'a' ? 1 : NUMBER_WORDS[n.toLowerCase()]!;
      const [one, many] = UNITS[unit.toLowerCase()]!;
      const number = Number.isInteger(value) && value <= 12 && !/^\d/.test(n) ? FRENCH_SMALL[value]! : frenchNumber(value);
      return `${value === 1 ? (one === 'semaine' || one === 'heure' || one === 'décennie' ? 'une' : 'un') : number} ${value >= 2 ? many : one}`;
    })
    .replace(AMOUNT, (whole, sign: string | undefined, from: string, to: string | undefined, scale: string | undefined, word: string | undefined) => {
      const currency = sign ? CURRENCY[sign] : word ? CURRENCY[word.toLowerCase()] : undefined;
      const factor = scale ? (SCALE[scale.toLowerCase()] ?? 1) : 1;
      // A year or a bare small number stays as it is.
      if (!currency && factor === 1) return /^\d{4}$/.test(from) || !/[.,]/.test(from) ? (numberOf(from) >= 10_000 ? frenchNumber(numberOf(from)) : from) : frenchNumber(numberOf(from));
      if (to) {
        const high = frenchAmount(numberOf(to) * factor, currency);
        const low = frenchNumber(numberOf(from));
        return `${low} à ${high}`;
      }
      void whole;
      return frenchAmount(numberOf(from) * factor, currency);
    })
    .replace(/(\d)\s?%/g, `$1${NBSP}%`)
    .replace(/\(an? (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\)/g, (_, d: string) => `(un ${WEEKDAYS[d.toLowerCase()]})`)
    .replace(/\b(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, (w) => frenchCalendarWord(w)!)
    .replace(/\b(today|yesterday|tomorrow)\b/gi, (w) => ({ today: "aujourd'hui", yesterday: 'hier', tomorrow: 'demain' })[w.toLowerCase() as 'today']);
  return `${prefix}${text}`;
}

/** Lower-case English words a French text should not hold once rendered. */
const ENGLISH_LEFT = /\b(?:the|of|and|or|to|in|on|at|by|for|with|from|its|their|a|an|is|was|what|when|who|which|that|this|over|per|each|countries|people|chips|years?|months?)\b/i;

/** Whether a rendered value still holds English words (then it is framed as English). */
export function hasEnglish(text: string): boolean {
  return ENGLISH_LEFT.test(text);
}
