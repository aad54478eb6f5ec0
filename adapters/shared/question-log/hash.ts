import { createHmac } from 'node:crypto';

/** A keyed hash (HMAC-SHA256) of an id: stable for one key, useless without it, never the id itself. */
export function keyedHash(key: string, kind: 'user' | 'conversation', id: string): string {
  return createHmac('sha256', key).update(`${kind}\0${id}`).digest('hex');
}
