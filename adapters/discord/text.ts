import { escapeMarkdown } from 'discord.js';

/** Appended wherever text had to be shortened. */
export const ELLIPSIS = '…';

/** How far back from the limit a cut may look for a space before giving up on word boundaries. */
const WORD_BOUNDARY_WINDOW = 80;

/**
 * Shortens `text` to at most `max` UTF-16 units. When it must cut, it cuts at
 * a word boundary and appends an ellipsis; a single word longer than the
 * window is cut inside, but never without the ellipsis, and never through a
 * surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, max));
  let cut = max - ELLIPSIS.length;
  if (isLowSurrogate(text.charCodeAt(cut))) cut -= 1; // never split a pair
  const space = lastWhitespace(text, cut);
  if (space > 0 && cut - space <= WORD_BOUNDARY_WINDOW) cut = space;
  return text.slice(0, cut).trimEnd() + ELLIPSIS;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Index of the last whitespace at or before `end` (exclusive end), or -1. */
function lastWhitespace(text: string, end: number): number {
  for (let i = end; i > 0; i--) if (/\s/.test(text[i]!)) return i;
  return -1;
}

/**
 * Escapes Discord markdown so user and source text shows exactly as written
 * (a quote with `*` or `#` must not turn bold or into a heading).
 */
export function escapeText(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
}

/**
 * Escapes `raw` and shortens it so the escaped form fits in `max`. Shortening
 * happens on the raw text so an escape is never cut in half.
 */
export function fitEscaped(raw: string, max: number): string {
  // Escaping only lengthens text, so the raw text never needs more than `max`.
  let budget = Math.min(raw.length, max);
  for (;;) {
    const candidate = budget >= raw.length ? raw : truncate(raw, budget);
    const escaped = escapeText(candidate);
    if (escaped.length <= max) return escaped;
    if (budget <= ELLIPSIS.length + 1) return truncate(escaped, max);
    // Shrink in proportion to the overflow: converges in a few rounds even for 1 MB of `*`.
    budget = Math.max(ELLIPSIS.length + 1, Math.min(budget - 1, Math.floor((budget * max) / escaped.length)));
  }
}

/** Collapses runs of whitespace (including newlines) to single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Prefixes every line with "> " so multi-line text stays inside a Discord block quote. */
export function blockQuote(text: string): string {
  return text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
}

/** Longer links are dropped rather than shortened (a cut URL is a broken one). */
const MAX_LINK_LENGTH = 512;

/** A URL safe to put inside a markdown link, or undefined when it is not http(s). */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    if (u.href.length > MAX_LINK_LENGTH) return undefined;
    return u.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
  } catch {
    return undefined;
  }
}
