/**
 * Unicode's explicit direction controls (embeddings, overrides, isolates):
 * one left open in a document's text reverses whatever follows it on the
 * line, a citation or the rest of an answer. The engine's own sentences never
 * need them; a verbatim quote keeps them, fenced in an isolate of its own.
 */
const DIRECTION_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
const HAS_DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** The text without explicit direction controls (marks such as U+200F stay). */
export function withoutDirectionControls(text: string): string {
  return HAS_DIRECTION_CONTROL.test(text) ? text.replace(DIRECTION_CONTROLS, '') : text;
}

/**
 * The text in a first-strong isolate (U+2068 … U+2069) when it holds a
 * direction control: the closing U+2069 ends any embedding or override left
 * open inside, so what follows reads in its own direction.
 */
export function isolateDirection(text: string): string {
  return HAS_DIRECTION_CONTROL.test(text) ? `\u2068${text}\u2069` : text;
}
