/**
 * Stored questions, answers and notes are what users typed: before the
 * report prints them (text, JSON or HTML) every terminal control is taken
 * out, so a question cannot set the operator's window title, clear the
 * screen, move the cursor or reorder what follows it. Node's
 * util.stripVTControlCharacters leaves half of an OSC sequence whose text
 * has a space in it, so whole sequences are removed here, then any control
 * character left.
 */

/** OSC, DCS, SOS, PM and APC strings (7-bit and 8-bit introducers), up to BEL, ST or the end of the text. */
const STRING_SEQUENCE = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[\s\S]*?(?:\x07|\x1b\\|\x9c|$)/g;
/** CSI sequences: ESC [ (or 8-bit CSI), parameter bytes, intermediate bytes, one final byte. */
const CSI_SEQUENCE = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?/g;
/** Any other escape: ESC, intermediate bytes, one final byte. */
const OTHER_ESCAPE = /\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
/**
 * What is left: C0 controls but tab and newline (CR goes too: it moves the
 * cursor back over a line), DEL, C1 controls, and the bidirectional
 * embeddings, overrides and isolates, which reorder the text after them.
 */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** The text without terminal controls; tabs and newlines stay (a CRLF becomes a newline). */
export function withoutControls(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(STRING_SEQUENCE, '').replace(CSI_SEQUENCE, '').replace(OTHER_ESCAPE, '').replace(CONTROL, '');
}
