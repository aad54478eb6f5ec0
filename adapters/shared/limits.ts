/**
 * Size caps on what users send, so state stays bounded by bytes: a question
 * is capped before it travels or is remembered, and an id of any length
 * becomes a short key.
 */
import { createHash } from 'node:crypto';

/** Longest question passed to the engine; the engine itself refuses anything over its own limit (1,000). */
export const MAX_QUESTION_CHARS = 8_000;
/** Longest question kept as conversation context. */
export const MAX_REMEMBERED_QUESTION_CHARS = 1_000;
/** Questions of a conversation kept as context for follow-ups. */
export const MAX_REMEMBERED_QUESTIONS = 4;
/** Ids longer than this are replaced by a hash of themselves. */
export const MAX_ID_CHARS = 160;

/** The id itself when short, else a fixed-length hash of it (same id, same key). */
export function boundedId(id: string): string {
  return id.length <= MAX_ID_CHARS ? id : `sha256:${createHash('sha256').update(id).digest('hex')}`;
}

export function capQuestion(question: string): string {
  return question.length <= MAX_QUESTION_CHARS ? question : question.slice(0, MAX_QUESTION_CHARS);
}
