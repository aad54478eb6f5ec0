/** `--since 7d`: a period back from now, in hours, days or weeks, or from a date. */
export const DEFAULT_SINCE = '30d';

const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The start of the period, as epoch ms; throws a message naming the value and the accepted forms. */
export function parseSince(value: string, now: number): number {
  const text = value.trim();
  const m = /^(\d{1,5})\s*([hdw])$/i.exec(text);
  if (m) return now - Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()]!;
  const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (date) {
    // Date.parse rolls an impossible day over (2026-02-30 is read as March 2): the calendar says no first.
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (month < 1 || month > 12) throw new Error(`--since ${text}: there is no month ${date[2]}`);
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > days) throw new Error(`--since ${text}: there is no such day (${MONTHS[month - 1]} ${year} has ${days} days)`);
    const at = Date.parse(text);
    if (!Number.isNaN(at)) return at;
  }
  throw new Error(`--since must be a period such as 12h, 7d or 2w, or a date such as 2026-01-31`);
}
