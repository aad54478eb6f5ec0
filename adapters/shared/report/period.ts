/** `--since 7d`: a period back from now, in hours, days or weeks, or from a date. */
export const DEFAULT_SINCE = '30d';

const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** The start of the period, as epoch ms; throws a message naming the accepted forms. */
export function parseSince(value: string, now: number): number {
  const m = /^(\d{1,5})\s*([hdw])$/i.exec(value.trim());
  if (m) return now - Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()]!;
  if (/^\d{4}-\d{2}-\d{2}/.test(value.trim())) {
    const at = Date.parse(value.trim());
    if (!Number.isNaN(at)) return at;
  }
  throw new Error(`--since must be a period such as 12h, 7d or 2w, or a date such as 2026-01-31`);
}
