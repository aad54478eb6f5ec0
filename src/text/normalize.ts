/**
 * Character-level clean-up shared by indexing and question analysis, so that
 * both sides of a match see the same letters.
 */

const CURLY_SINGLE = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const CURLY_DOUBLE = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const COMBINING_MARKS = /\p{M}+/gu;

/** Whether text is plain ASCII (most of it): then folding is lower-casing, and tokenising needs no Unicode classes. */
export function isAscii(text: string): boolean {
  return /^[\x00-\x7F]*$/.test(text);
}

/** Straightens quotes and dashes, folds accents and case: "Élysée’s" -> "elysee's". */
export function fold(text: string): string {
  // Most text is plain ASCII: nothing to fold but case.
  if (isAscii(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .normalize('NFKC')
    .replace(CURLY_SINGLE, "'")
    .replace(CURLY_DOUBLE, '"')
    .replace(DASHES, '-')
    .toLowerCase();
}

// C0/C1 controls except tab and newline, lone surrogates, and the replacement character.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFD]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const BIDI_AND_ZERO_WIDTH = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** Removes what no question needs: control characters, lone surrogates, bidi overrides. */
export function sanitizeQuestion(raw: string): string {
  return raw
    .replace(LONE_SURROGATE, ' ')
    .replace(CONTROL, ' ')
    .replace(BIDI_AND_ZERO_WIDTH, '')
    // A phone's apostrophe ("what’s", "didn’t", "leyen’s") reads as the keyboard's: the patterns are written with that one.
    .replace(WORD_APOSTROPHE, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** A curly or prime apostrophe inside a word. */
const WORD_APOSTROPHE = /(?<=[\p{L}\p{N}])[\u2018\u2019\u02BC\u2032](?=\p{L})/gu;

/** Share of characters that are letters or digits: low for binary junk. */
export function wordCharShare(text: string): number {
  if (!text) return 0;
  const letters = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  return letters / [...text].length;
}
