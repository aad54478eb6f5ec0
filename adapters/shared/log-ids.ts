/**
 * Conversation ids as log lines carry them: a keyed hash, never the id.
 * A conversation id can hold a user id (Slack's and Discord's /ask
 * conversations are one user's questions in a channel), and log lines are
 * read by more people than the question log is.
 *
 * The key is made at random when the process starts and never leaves it: the
 * same conversation shows the same short hash in every line of one run, so
 * its lines can be followed, but no one can test a guessed user id against a
 * log line, nor link lines across restarts.
 */
import { createHmac, randomBytes } from 'node:crypto';

const processKey = randomBytes(32);

/** Hex characters kept: 64 bits tell conversations apart within one run. */
const HASH_CHARS = 16;

/** The form of a conversation id in log lines: `c-` and a keyed hash (the same for the same id within this process). */
export function logId(id: unknown): unknown {
  if (typeof id !== 'string') return id;
  return `c-${createHmac('sha256', processKey).update(id).digest('hex').slice(0, HASH_CHARS)}`;
}
