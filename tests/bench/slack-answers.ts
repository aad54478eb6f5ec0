/**
 * Counts, for each thread a Slack load script asked in, how many answers the
 * fake Slack recorded: exactly once, more (duplicates) or none (missing).
 */
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
