/** Calendar dates as written in corpus files, checked without zod (the answer path never loads it). */

/** A calendar date written YYYY-MM-DD that actually exists (no 2025-02-30). */
export function isRealIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

/** YYYY-MM-DD that exists, or YYYY-MM with a real month. */
export function isPartialIsoDate(value: string): boolean {
  const month = /^(\d{4})-(\d\d)$/.exec(value);
  if (month) return Number(month[2]) >= 1 && Number(month[2]) <= 12;
  return isRealIsoDate(value);
}
