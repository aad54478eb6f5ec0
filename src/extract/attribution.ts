/**
 * Who a sentence's figure comes from: the speaker of "said X" / "X said" /
 * "according to X", the subject of "X announced", a transcript's speaker
 * label ("NC: ..."), or the attribution of another sentence of the same
 * quoted paragraph.
 */
import type { Mention } from './mentions.js';

const SAY_AFTER = /^(?:,\s*(?:Inc|Ltd|LLC|Corp|PLC)\.?)?(?:\s*\([^)]*\))?(?:\s*,[^.;"“”]{0,140}?,)?\s*(?:\([^)]*\)\s*)?(?:said|says|told|added|stated|wrote|posted|tweeted|confirmed|revealed|estimated|predicted|argued|noted)\b/;
/** Verbs of doing, not saying: they name the figure's source only in its own clause, before it. */
const ACT_AFTER = /^(?:\s+(?:programme|program|project|initiative|group|company|fund|alliance|government|ministry))?(?:,\s*(?:Inc|Ltd|LLC|Corp|PLC)\.?)?(?:\s*\([^)]*\))?(?:\s*,[^.;"“”]{0,140}?,)?\s*(?:\([^)]*\)\s*)?(?:today\s+|on\s+\w+\s+|also\s+)?(?:announced|announces|pledged|pledges|promised|promises|unveiled|unveils|committed|launched|launches)\b/;
// A bare "by" is no attribution ("a round led by Horizon Ventures").
const SAY_BEFORE = /(?:said|says|told|according\s+to|added|wrote|(?:announced|pledged|promised|unveiled|stated)\s+by)\s+(?:Mr\.?\s+|Mrs\.?\s+|Ms\.?\s+|Dr\.?\s+)?$/;

export interface Speaker {
  /** Entity id of the one speaking or announcing. */
  id: string;
}

/** The speaker named by this sentence, among `candidates` (person or organisation mentions with their entity ids). */
export function speakerInSentence(text: string, offset: number, candidates: { mention: Mention; id: string }[], figureAt?: number): string | undefined {
  for (const { mention, id } of candidates) {
    const after = text.slice(mention.end - offset, mention.end - offset + 200);
    const before = text.slice(Math.max(0, mention.start - offset - 60), mention.start - offset).replace(/\s*(?:Mr|Mrs|Ms|Dr|Prof)\.?\s*$/, ' ');
    if (SAY_AFTER.test(after) || SAY_BEFORE.test(before)) return id;
  }
  if (figureAt === undefined) return undefined;
  for (const { mention, id } of candidates) {
    const end = mention.end - offset;
    if (end > figureAt || !ACT_AFTER.test(text.slice(end, end + 200))) continue;
    // "Portugal put €500m into the hub, @QuillonSemi announced its deal": another clause's verb is not this figure's.
    const between = text.slice(end, figureAt).replace(/^(?:,\s*(?:Inc|Ltd|LLC|Corp|PLC)\.?)?(?:\s*\([^)]*\))?(?:\s*,[^.;"“”]{0,140}?,)/, '');
    if (!/[;]|,\s+(?:and|but|while)\b/.test(between)) return id;
  }
  return undefined;
}

/** "NC: ..." or "NOOR CASTELLAN (NC): ..." at the start of a paragraph: the label before the colon. */
export function speakerLabel(paragraphText: string): string | undefined {
  const m = /^\s*(?:\*\*)?([\p{Lu}][\p{Lu}\p{L} .'’-]{0,40}?)(?:\s*\(([\p{Lu}]{1,5})\))?(?:\*\*)?:\s/u.exec(paragraphText);
  if (!m) return undefined;
  // A label is a name or initials; a word such as "Note" or "Venue" is a field name.
  const label = m[1]!.trim();
  if (/^[\p{Lu}]{2,4}$/u.test(label) || /^[\p{Lu}][\p{Lu}' .-]+$/u.test(label)) return label;
  return undefined;
}
