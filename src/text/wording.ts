/**
 * Small pieces of English shared by the answer texts and the matchers:
 * capitals, dates written out, lists, and text taken literally in a pattern.
 */

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "2025-02-11" -> "11 February 2025". */
export function longDate(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';

/** A weekday named in a text ("Monday", "tuesday"). */
export const WEEKDAY_NAME = new RegExp(`\\b(?:${WEEKDAYS})\\b`, 'i');

/** A weekday or month as a whole word: a date put forward, not a name ("was it on Monday?"). */
export const CALENDAR_WORD = new RegExp(`^(?:${WEEKDAYS}|${MONTHS})$`, 'i');

/** "2025-02-11" -> "Tuesday": reports say which weekday, people ask it. */
export function weekdayOf(iso: string): string {
  return new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
}

/** "a, b and c"; "a, b or c" with the other conjunction. */
export function joinWords(items: readonly string[], conjunction = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/** Text to be matched as written inside a regular expression. */
/**
 * A word's entry in a table written as an object literal, never one of the
 * object's inherited members: "constructor" or "toString" typed by a user is a word.
 */
export function entryOf<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
