/**
 * Reads each document of `npm run ingest` in a worker thread, within a time
 * and a memory budget, so that one hostile or unlucky document (a reader that
 * throws or overflows its stack, a page that takes minutes, a PDF that eats
 * gigabytes) costs only itself: it comes back as a reason to skip it, the
 * thread is replaced, and the run goes on with the next document.
 */
import { Worker } from 'node:worker_threads';
import type { ReadOutcome, ReadTask } from './ingest-read-worker.js';

export interface ReadBudget {
  /** Longest the reading of one document may take, in ms, counted from when a ready thread starts it. Default 60,000. */
  timeoutMs?: number;
  /** Largest heap the reading thread may use, in MB. Default 2,048. */
  memoryMb?: number;
  /** The worker module (tests swap in one that misbehaves). Default: ingest-read-worker. */
  workerUrl?: URL;
}

export const DEFAULT_READ_TIMEOUT_MS = 60_000;
export const DEFAULT_READ_MEMORY_MB = 2048;

export interface GuardedReader {
  /** Never rejects: whatever goes wrong is an outcome with the reason. */
  read(task: ReadTask): Promise<ReadOutcome>;
  close(): Promise<void>;
}

interface Thread {
  worker: Worker;
  /** Settles when the thread has loaded the readers (rejects if it cannot). */
  ready: Promise<void>;
}

export function createGuardedReader(budget: ReadBudget = {}): GuardedReader {
  const timeoutMs = budget.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS;
  const memoryMb = budget.memoryMb ?? DEFAULT_READ_MEMORY_MB;
  const workerUrl = budget.workerUrl ?? new URL(import.meta.url.endsWith('.ts') ? './ingest-read-worker.mjs' : './ingest-read-worker.js', import.meta.url);
  let thread: Thread | undefined;

  const start = (): Thread => {
    const worker = new Worker(workerUrl, { resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
    const ready = new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        worker.off('message', onMessage).off('error', done).off('exit', onExit);
        if (error) reject(error);
        else resolve();
      };
      const onMessage = (message: unknown) => message === 'ready' && done();
      const onExit = (code: number) => done(new Error(`it stopped with exit code ${code}`));
      worker.on('message', onMessage).once('error', done).once('exit', onExit);
    });
    ready.catch(() => undefined);
    return { worker, ready };
  };

  const retire = (old: Thread) => {
    if (thread === old) thread = undefined;
    void old.worker.terminate();
  };

  return {
    async read(task) {
      const current = (thread ??= start());
      try {
        await current.ready;
      } catch (error) {
        retire(current);
        return { ok: false, reason: `the reading thread could not start (${(error as Error).message})` };
      }
      const { worker } = current;
      return new Promise<ReadOutcome>((resolve) => {
        const finish = (outcome: ReadOutcome, broken: boolean) => {
          clearTimeout(timer);
          worker.off('message', onMessage).off('error', onError).off('exit', onExit);
          if (broken) retire(current);
          resolve(outcome);
        };
        const timer = setTimeout(() => finish({ ok: false, reason: `reading it took longer than ${timeoutMs.toLocaleString('en')} ms (--read-timeout)` }, true), timeoutMs);
        const onMessage = (outcome: ReadOutcome) => finish(outcome, false);
        const onError = (error: Error & { code?: string }) =>
          finish({ ok: false, reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `reading it needed more than ${memoryMb.toLocaleString('en')} MB of memory (--max-memory)` : `the reader failed (${error.message})` }, true);
        const onExit = (code: number) => finish({ ok: false, reason: `the reading thread stopped with exit code ${code}` }, true);
        worker.on('message', onMessage).once('error', onError).once('exit', onExit);
        worker.postMessage(task);
      });
    },
    async close() {
      const current = thread;
      thread = undefined;
      await current?.worker.terminate();
    },
  };
}
