/**
 * Polls `predicate` until it returns a truthy value or `timeoutMs` passes.
 * Tests wait for the recorded request or event this way, never with a fixed sleep.
 * The timeout is a safety net that turns a hang into a failure naming what was
 * awaited, not a measure of speed: a busy machine may take many times longer
 * than an idle one, so callers pass no shorter bound unless the bound is what
 * they test.
 */
export interface WaitOptions {
  /** Default 120,000 ms. */
  timeoutMs?: number;
  /** Default 10 ms. */
  intervalMs?: number;
  /** What is awaited, for the timeout message. */
  what?: string;
}

export async function waitFor<T>(predicate: () => T | undefined | null | false, { timeoutMs = 120_000, intervalMs = 10, what = 'condition' }: WaitOptions = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
