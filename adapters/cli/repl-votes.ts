/**
 * :good and :bad in the REPL. A vote is on the answer last shown; the
 * question log keeps one vote per person per answer, so a later vote
 * replaces the earlier one, and the person is told so ("changed your vote
 * from 👎 to 👍"). The REPL waits for the write: when the database cannot
 * take it, it says the vote was not recorded, and why.
 */
import type { QuestionLog } from '../shared/question-log/index.js';

export type Direction = 'up' | 'down';

const EMOJI: Record<Direction, string> = { up: '👍', down: '👎' };

export const VOTE_TEXTS = {
  off: 'The question log is off (QUESTION_LOG=off), so feedback is not recorded.',
  nothing: 'Nothing to vote on yet: ask a question first.',
  good: 'Thanks: recorded as a good answer.',
  bad: (note: boolean) => `Thanks: recorded as a wrong answer${note ? ', with your note' : ''}.`,
  same: (d: Direction) => `You had already marked this answer ${EMOJI[d]}; your vote stands.`,
  changed: (from: Direction, to: Direction, notes: { dropped: boolean; added: boolean }) =>
    `Changed your vote from ${EMOJI[from]} to ${EMOJI[to]}${notes.added ? ', with your note' : ''}${notes.dropped ? ' (your earlier note is dropped)' : ''}.`,
  renoted: (replaced: boolean) => `Your ${EMOJI.down} stands; your note is ${replaced ? 'replaced' : 'added'}.`,
  failed: (reason: string) => `The vote was not recorded: ${reason}.`,
};

export class ReplVotes {
  /** What this session voted on each answer, as stored. */
  private readonly cast = new Map<string, { vote: Direction; note?: string }>();

  constructor(
    private readonly log: QuestionLog | undefined,
    private readonly user: string,
  ) {}

  /** Votes on `answerId` (the answer last shown) and returns what to tell the person. */
  async vote(answerId: string | undefined, vote: Direction, note: string): Promise<string> {
    if (!this.log) return VOTE_TEXTS.off;
    if (!answerId) return VOTE_TEXTS.nothing;
    const before = this.cast.get(answerId);
    // The same vote again, with nothing new: nothing to store (and an earlier note is kept).
    if (before?.vote === vote && !note) return VOTE_TEXTS.same(vote);
    const stored = this.log.vote({ answerId, user: this.user, vote, ...(note ? { note } : {}) });
    await this.log.flush();
    const result = await stored;
    if (!result.stored) return VOTE_TEXTS.failed(result.reason);
    this.cast.set(answerId, { vote, ...(note ? { note } : {}) });
    if (!before) return vote === 'up' ? VOTE_TEXTS.good : VOTE_TEXTS.bad(Boolean(note));
    if (before.vote !== vote) return VOTE_TEXTS.changed(before.vote, vote, { dropped: Boolean(before.note), added: Boolean(note) });
    return VOTE_TEXTS.renoted(Boolean(before.note));
  }
}
