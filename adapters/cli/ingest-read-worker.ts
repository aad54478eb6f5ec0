/**
 * The worker thread in which `npm run ingest` reads documents
 * (ingest-guard.ts): a reader that throws, recurses too deep, runs too long
 * or takes too much memory fails here, and only the document it was reading
 * is skipped. It tells the parent when it is ready, so that a document's time
 * budget never counts the thread's own start.
 */
import { parentPort } from 'node:worker_threads';
import { CorpusError, readDocument, type DocumentLimits, type DocumentText } from '../../src/index.js';

export interface ReadTask {
  /** The source as the user knows it (a path or an address), for messages. */
  label: string;
  /** The format, as a file extension (".html"). */
  ext: string;
  bytes: Uint8Array;
  /** The reader's own limits (see src/corpus/limits.ts), where ingest's options set them. */
  limits?: Partial<DocumentLimits>;
}

/** A reader's result as it crosses threads: the problems as plain messages. */
export type ReadText = Omit<DocumentText, 'problems'> & { problems: string[] };

export type ReadOutcome = { ok: true; text: ReadText } | { ok: false; reason: string };

export async function readTask(task: ReadTask): Promise<ReadOutcome> {
  try {
    const text = await readDocument(task.label, task.ext, task.bytes, task.limits);
    return { ok: true, text: { ...text, problems: text.problems.map((p) => p.problem) } };
  } catch (error) {
    if (error instanceof CorpusError) return { ok: false, reason: error.problem };
    const e = error as Error;
    return { ok: false, reason: `the reader failed (${e?.name ?? 'Error'}: ${e?.message ?? String(error)})` };
  }
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (task: ReadTask) => void readTask(task).then((outcome) => port.postMessage(outcome)));
  port.postMessage('ready');
}
