/**
 * Questions made from a corpus's own sentences, and the checks every answer
 * must pass, for fuzzing the engine with text nobody here wrote. Only the
 * engine's public API is used (createEngine, ask, documentText), so the
 * checks hold however the engine inside is built.
 */
import { performance } from 'node:perf_hooks';
import { answerSchemas, createEngine, type Answer, type Engine } from '../../src/index.js';

/** A small seeded generator (mulberry32): the same questions on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Sentences of a text with 4 to 30 words, as a reader would split them. */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n\s*\n/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => {
      const words = s.split(' ').length;
      return words >= 4 && words <= 30;
    });
}

const ODD_PIECES = ['`npm install`', '{}', '[object Object]', '😀', '\u202e', '\u0000', '\u001b[2J', '€200', '2025-02-30', '??', '...', '#', '--force', '<b>', 'é', 'ﬁ', '\t', 'http://127.0.0.1/', '0x1F', '-1', 'NaN'];

/**
 * `perDocument` questions from each document's sentences (one word left out,
 * turned into a question), then `mixes` questions of words drawn from all
 * of them, with odd pieces among them (code, control characters, emoji).
 */
export function questionsFor(texts: readonly string[], random: () => number, perDocument: number, mixes: number): string[] {
  const questions: string[] = [];
  const words: string[] = [];
  for (const text of texts) {
    const sentences = sentencesOf(text);
    for (const s of sentences.slice(0, 200)) words.push(...s.split(' ').slice(0, 12));
    for (let i = 0; i < perDocument && sentences.length; i++) {
      const parts = pick(random, sentences).split(' ');
      parts.splice(Math.floor(random() * parts.length), 1);
      const sentence = parts.join(' ').replace(/[.!?:;,]+$/, '');
      const form = Math.floor(random() * 3);
      questions.push(form === 0 ? `${sentence}?` : form === 1 ? `What ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}?` : `Is it true that ${sentence}?`);
    }
  }
  for (let i = 0; i < mixes && words.length; i++) {
    const length = 1 + Math.floor(random() * 25);
    const mix = Array.from({ length }, () => (random() < 0.1 ? pick(random, ODD_PIECES) : pick(random, words)));
    questions.push(`${mix.join(random() < 0.2 ? '' : ' ')}${random() < 0.5 ? '?' : ''}`);
  }
  return questions;
}

export interface LoadReport {
  engine: Engine;
  /** Warning lines of the load. */
  warnings: string[];
  /**
   * Per file read, in load order, but the last: its position and the
   * milliseconds until the next file started (measured, never asserted).
   * The last file's time is not told apart from the indexing after it.
   */
  readMs: { file: number; ms: number }[];
  /** Milliseconds from the engine's creation to its first answer being possible. */
  totalMs: number;
}

/** An engine over `dir` (no snapshot written), with its warnings and how long each document took to read. */
export async function loadMeasured(dir: string, internalErrors: unknown[]): Promise<LoadReport> {
  const warnings: string[] = [];
  const readMs: { file: number; ms: number }[] = [];
  let last: { file: number; at: number } | undefined;
  const started = performance.now();
  const engine = await createEngine({
    corpusDir: dir,
    snapshot: false,
    onWarning: (line) => warnings.push(line),
    onInternalError: (error) => internalErrors.push(error),
    onProgress: ({ phase, done }) => {
      if (phase !== 'load') return;
      const now = performance.now();
      if (last) readMs.push({ file: last.file, ms: now - last.at });
      last = { file: done, at: now };
    },
  });
  return { engine, warnings, readMs, totalMs: performance.now() - started };
}

/** Every problem with `answer` to `question`: not a valid Answer, or a quote that is not a slice of its document's stored text. */
export function problemsOf(engine: Engine, question: string, answer: Answer): string[] {
  const problems: string[] = [];
  const parsed = answerSchemas().AnswerSchema.safeParse(answer);
  if (!parsed.success) problems.push(`${JSON.stringify(question)}: not a valid Answer (${parsed.error.issues[0]?.message})`);
  for (const quote of answer.quotes ?? []) {
    const { documentId, start, end } = quote.source;
    const text = engine.documentText(documentId);
    if (text === undefined) problems.push(`${JSON.stringify(question)}: a quote cites "${documentId}", which is no document`);
    else if (text.slice(start, end) !== quote.text) problems.push(`${JSON.stringify(question)}: quote ${JSON.stringify(quote.text.slice(0, 60))} is not ${documentId}[${start}, ${end})`);
  }
  return problems;
}

/** Median and largest of some numbers. */
export function spread(values: readonly number[]): { median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
}
