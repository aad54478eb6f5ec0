/**
 * Keys behind an answer's buttons (share, more sources, figures, and later
 * feedback): random, unguessable, stored with the user allowed to use them.
 */
import { randomBytes } from 'node:crypto';
import type { Answer } from '../../src/index.js';
import type { StateStore } from './state/store.js';

/** How long an answer's buttons keep working. A Slack response_url lives 30 minutes. */
export const DEFAULT_ACTION_TTL_MS = 30 * 60_000;

export interface ActionRecord {
  /** The asker. */
  owner: string;
  /** Private answer: only the owner may use its buttons. Public: anyone who sees it. */
  private: boolean;
  question: string;
  answer: Answer;
  conversation: string;
  /** What extensions keep with the answer for their buttons (the feedback's log id). */
  extra?: Record<string, string>;
}

export type ActionLookup = { status: 'ok'; record: ActionRecord } | { status: 'expired' } | { status: 'forbidden' };

/** 16 random bytes, base64url: 22 characters, fits any platform's button id. */
export function newActionKey(): string {
  return randomBytes(16).toString('base64url');
}

const KEY = /^[A-Za-z0-9_-]{22}$/;
export const isActionKey = (key: string): boolean => KEY.test(key);

export class ActionKeys {
  constructor(
    private readonly store: StateStore,
    private readonly ttlMs: number = DEFAULT_ACTION_TTL_MS,
  ) {}

  async keep(record: ActionRecord): Promise<string> {
    const key = newActionKey();
    await this.store.set(`action:${key}`, JSON.stringify(record), this.ttlMs);
    return key;
  }

  /** The record behind a key, if `user` may use it. */
  async lookup(key: string, user: string): Promise<ActionLookup> {
    if (!isActionKey(key)) return { status: 'expired' };
    const raw = await this.store.get(`action:${key}`);
    if (raw === undefined) return { status: 'expired' };
    const record = JSON.parse(raw) as ActionRecord;
    if (record.private && record.owner !== user) return { status: 'forbidden' };
    return { status: 'ok', record };
  }

  /** Marks a one-time action (a share) as done; false when it already was. */
  claim(key: string, action: string): Promise<boolean> {
    return this.store.setIfAbsent(`claimed:${action}:${key}`, '1', this.ttlMs);
  }

  /** Undoes a claim whose action failed, so it can be tried again. */
  release(key: string, action: string): Promise<void> {
    return this.store.delete(`claimed:${action}:${key}`);
  }
}
