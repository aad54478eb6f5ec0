/**
 * French chat forms written out before a message is read: "cb" -> "combien",
 * "c qui" -> "c'est qui", "jsp", "mdr" dropped (grammar.ts lists them).
 */
import { entryOf } from '../../text/wording.js';
import { FRENCH_CHAT_FORMS } from './grammar.js';
import { joinTokens, tokenize } from './tokens.js';

/** The chat forms of several words ("du coup", "s'il te plaît"), as patterns built once. */
const MULTI_WORD_FORMS = Object.entries(FRENCH_CHAT_FORMS)
  .filter(([form]) => form.includes(' ') || form.includes('-'))
  .map(([form, meaning]) => [new RegExp(`(^|[^\\p{L}'])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'giu'), meaning] as const);

/** The French chat forms of a message written out ("cb" -> "combien", "c qui" -> "c'est qui"). */
export function expandChatForms(text: string): string {
  let out = text;
  for (const [pattern, meaning] of MULTI_WORD_FORMS) out = out.replace(pattern, `$1${meaning}`);
  const tokens = tokenize(out).map((t) => {
    // Only a lower-case chat form is one: "DC", "Ms" and "C" are something else.
    const meaning = t.kind === 'word' && t.raw === t.raw.toLowerCase() ? entryOf(FRENCH_CHAT_FORMS, t.folded) : undefined;
    return meaning === undefined ? t : { ...t, raw: meaning };
  });
  return joinTokens(tokens.filter((t) => t.raw !== '')).replace(/\s+/g, ' ').trim();
}
