/**
 * `ask --jsonl`: one JSON Answer out for every line in, in order. A line
 * ends at LF (a CR before it is dropped), never at a lone CR: a question
 * holding one stays one question, so answers never shift against their
 * lines. Output waits for a slow reader ('drain'), so memory stays bounded
 * however much is piped in; a reader that goes away ends the run.
 */
import { StringDecoder } from 'node:string_decoder';
import type { Answer, Engine } from '../../src/index.js';
import { boundedId } from '../shared/limits.js';

/**
 * Longest part of a line kept, in characters; the rest up to the next LF is
 * dropped. The engine refuses anything over 1,000 characters as too long,
 * so a cut line still gets that answer, and one endless line cannot fill memory.
 */
export const MAX_LINE_CHARS = 65_536;

export type ParsedLine = { question: string; conversation?: string } | { invalid: string };

/** A line is a question, or a JSON object {"question", "conversation"} (a conversation is a string or a number). */
export function parseLine(line: string): ParsedLine {
  const trimmed = line.trim();
  if (trimmed.startsWith('{')) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      // Not JSON after all: it is asked as written.
      return { question: line };
    }
    if (value && typeof value === 'object' && typeof (value as { question?: unknown }).question === 'string') {
      const { question, conversation } = value as { question: string; conversation?: unknown };
      if (conversation === undefined || conversation === null) return { question };
      if (typeof conversation === 'string') return { question, conversation };
      if (typeof conversation === 'number' && Number.isFinite(conversation)) return { question, conversation: String(conversation) };
      // Anything else would become "[object Object]" or "true", one conversation shared by unrelated lines.
      return { invalid: `"conversation" must be a string or a number, not ${kindOf(conversation)}` };
    }
  }
  return { question: line };
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return 'a number that is not finite';
  return `a ${typeof value}`;
}

/** The Answer for a line that cannot be asked: kind "invalid", saying which line and why. */
export function invalidLine(lineNumber: number, reason: string): Answer {
  return { answered: false, answer: `Line ${lineNumber}: ${reason}.`, quotes: [], figures: [], confidence: 1, kind: 'invalid', suggestions: [] };
}

/** The lines of a stream, split at LF only (CRLF counts as LF), the last one with or without its LF. */
export async function* linesOf(input: AsyncIterable<string | Buffer>, maxChars = MAX_LINE_CHARS): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  // Set while the rest of an over-long line is being skipped.
  let skipping = false;
  const line = (text: string) => (text.endsWith('\r') ? text.slice(0, -1) : text);
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let start = 0;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', start)) {
      const piece = skipping ? '' : text.slice(start, at);
      const whole = pending + piece;
      pending = '';
      skipping = false;
      start = at + 1;
      yield line(whole.length > maxChars ? whole.slice(0, maxChars) : whole);
    }
    if (!skipping) {
      pending += text.slice(start);
      if (pending.length > maxChars) {
        pending = pending.slice(0, maxChars);
        skipping = true;
      }
    }
  }
  pending += skipping ? '' : decoder.end();
  if (pending.length > 0 || skipping) yield line(pending);
}

/** Writes, then waits while the reader is behind; false once the reader has gone (closed or failed). */
export function writeWhenReady(out: NodeJS.WritableStream, text: string): Promise<boolean> {
  if ((out as { destroyed?: boolean }).destroyed) return Promise.resolve(false);
  if (out.write(text)) return Promise.resolve(true);
  if ((out as { destroyed?: boolean }).destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (ok: boolean) => () => {
      out.off('drain', onDrain);
      out.off('close', onGone);
      out.off('error', onGone);
      resolve(ok);
    };
    const onDrain = done(true);
    const onGone = done(false);
    out.once('drain', onDrain);
    out.once('close', onGone);
    out.once('error', onGone);
  });
}

/** One JSON line out for every line in, including empty and malformed ones. */
export async function answerLines(engine: Engine, io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream }): Promise<void> {
  let gone = false;
  // A reader that closes the pipe early (`| head`) ends the run quietly.
  const onError = () => void (gone = true);
  io.stdout.on('error', onError);
  try {
    let n = 0;
    for await (const line of linesOf(io.stdin as AsyncIterable<string | Buffer>)) {
      n += 1;
      const parsed = parseLine(line);
      // An id of any length becomes a short key, so scripted ids cannot fill memory.
      const answer = 'invalid' in parsed ? invalidLine(n, parsed.invalid) : engine.ask(parsed.question, parsed.conversation !== undefined ? { conversation: boundedId(parsed.conversation) } : {});
      if (gone || !(await writeWhenReady(io.stdout, `${JSON.stringify(answer)}\n`))) return;
    }
  } finally {
    io.stdout.off('error', onError);
  }
}
