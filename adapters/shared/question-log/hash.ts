import { createHmac, randomBytes } from 'node:crypto';

/** A keyed hash of an id: stable for one salt, useless without it, never the id itself. */
export function saltedHash(salt: string, kind: 'user' | 'conversation', id: string): string {
  return createHmac('sha256', salt).update(`${kind}\0${id}`).digest('hex');
}

export function newSalt(): string {
  return randomBytes(32).toString('base64url');
}
