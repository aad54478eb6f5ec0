/**
 * Numbers written as words ("Fifty-eight", "three", "a dozen", "half a") and
 * as digits with thousands separators ("1,214", "3.5"), read to their value.
 */
import { entryOf } from './wording.js';

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const MULTIPLIERS: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

const WORD = [...Object.keys(UNITS), ...Object.keys(TENS), 'dozen'].join('|');
/**
 * A number in words: "fifty-eight", "twenty one", "three hundred", "a dozen".
 * Multipliers (million, billion) are left to the scale that follows.
 */
export const NUMBER_WORDS_SOURCE = `(?:a\\s+dozen|(?:${WORD})(?:[-\\s](?:${Object.keys(UNITS).join('|')}))?(?:\\s+hundred(?:\\s+and\\s+(?:${WORD})(?:-(?:${Object.keys(UNITS).join('|')}))?)?)?)`;

/** The value of a number written in digits or words, or undefined. */
export function readNumber(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (/^\d/.test(t)) {
    const n = Number(t.replace(/,(?=\d{3}\b)/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  if (/^a\s+dozen$/.test(t)) return 12;
  if (/^dozen$/.test(t)) return 12;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const word of t.split(/[-\s]+/)) {
    if (word === 'and' || word === 'a') continue;
    const unit = entryOf(UNITS, word) ?? entryOf(TENS, word);
    const multiplier = entryOf(MULTIPLIERS, word);
    if (unit !== undefined) current += unit;
    else if (word === 'hundred') current = (current || 1) * 100;
    else if (multiplier !== undefined) {
      total += (current || 1) * multiplier;
      current = 0;
    } else return undefined;
    seen = true;
  }
  return seen ? total + current : undefined;
}
