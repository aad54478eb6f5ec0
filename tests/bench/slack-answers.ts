/**
 * Counts, for each thread a Slack load script asked in, how many answers the
 * fake Slack recorded: exactly once, more (duplicates) or none (missing);
 * and what those scripts ask.
 */
import { FAILURE_TEXT, TOO_SLOW_TEXT } from '../../adapters/shared/pipeline.js';
import type { PostedMessage } from '../slack/fake-slack.js';
import { percentile, type LoadResult } from './measure.js';

export function countAnswers(posted: readonly PostedMessage[], threads: readonly { channel: string; ts: string }[], latencies: readonly number[]): LoadResult {
  const perThread = new Map<string, number>();
  for (const m of posted) if (m.method === 'chat.postMessage') perThread.set(`${m.channel}/${m.thread_ts}`, (perThread.get(`${m.channel}/${m.thread_ts}`) ?? 0) + 1);
  let answeredOnce = 0;
  let duplicates = 0;
  let missing = 0;
  for (const { channel, ts } of threads) {
    const n = perThread.get(`${channel}/${ts}`) ?? 0;
    if (n === 0) missing += 1;
    else if (n === 1) answeredOnce += 1;
    else duplicates += n - 1;
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  return { answeredOnce, duplicates, missing, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}

/**
 * Replies that are notices instead of answers: "taking too long" (past the
 * time budget) and "something went wrong". In a channel a notice goes only to
 * the asker (chat.postEphemeral), so a thread that got one counts as missing
 * an answer too.
 */
export function countNotices(posted: readonly PostedMessage[]): { tooSlow: number; failed: number } {
  const texts = posted.map((m) => m.text);
  return { tooSlow: texts.filter((t) => t === TOO_SLOW_TEXT).length, failed: texts.filter((t) => t === FAILURE_TEXT).length };
}

/** What the Slack load runs ask: a few questions (one the sources cannot answer), from many users in many channels. */
export const SLACK_LOAD = {
  QUESTIONS: [
    'How much is InvestAI?',
    'What are AI gigafactories?',
    'How much did Stargate promise?',
    'How much are the European AI Champions pledging?',
    'Where was the AI Action Summit held?',
    'Who paid for the lunch?',
  ],
  USERS: 100,
  CHANNELS: 20,
} as const;
