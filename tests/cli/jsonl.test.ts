/**
 * `ask --jsonl` as a scripting interface: lines end at LF only (a lone CR
 * inside a question keeps it one line), a conversation that is neither a
 * string nor a number is refused for its line, and the output waits for a
 * slow reader instead of piling answers up in memory.
 */
import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runAsk } from '../../adapters/cli/ask.js';
import { linesOf, MAX_LINE_CHARS } from '../../adapters/cli/jsonl.js';
import { answerSchemas, type Answer } from '../../src/index.js';

const { AnswerSchema } = answerSchemas();

async function jsonl(input: string | string[]): Promise<Answer[]> {
  const out = new PassThrough();
  let printed = '';
  out.on('data', (d: Buffer) => (printed += d.toString()));
  const code = await runAsk(['--jsonl'], { stdin: Readable.from(typeof input === 'string' ? [input] : input), stdout: out, stderr: new PassThrough(), env: {} });
  expect(code).toBe(0);
  return printed
    .trimEnd()
    .split('\n')
    .map((l) => AnswerSchema.parse(JSON.parse(l)));
}

async function collect(chunks: string[], maxChars?: number): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of linesOf(Readable.from(chunks.map((c) => Buffer.from(c))), maxChars)) lines.push(line);
  return lines;
}

describe('ask --jsonl: lines', () => {
  it('a lone CR inside a line does not split it: 2 lines in, 2 answers out, in order', async () => {
    const answers = await jsonl('How much will InvestAI mobilise?\rsaid with a carriage return\nHow much did Stargate promise?\n');
    expect(answers).toHaveLength(2);
    expect(answers[0]!.answer).toContain('200 billion');
    expect(answers[1]!.answer).toContain('500 billion');
  });

  it('splits at LF and CRLF only, across chunk boundaries and inside multi-byte characters', async () => {
    expect(await collect(['a\r', '\nb\rc\n', 'last'])).toEqual(['a', 'b\rc', 'last']);
    expect(await collect(['\n\n'])).toEqual(['', '']);
    const euro = Buffer.from('€200\n');
    const lines: string[] = [];
    for await (const line of linesOf(Readable.from([euro.subarray(0, 1), euro.subarray(1)]))) lines.push(line);
    expect(lines).toEqual(['€200']);
  });

  it('keeps at most MAX_LINE_CHARS of an endless line, and the line after it whole', async () => {
    const long = 'x'.repeat(40);
    expect(await collect([long.slice(0, 25), long.slice(25), '\nnext\n'], 10)).toEqual(['x'.repeat(10), 'next']);
    expect(MAX_LINE_CHARS).toBeGreaterThan(1000);
  });
});

describe('ask --jsonl: conversations', () => {
  it('refuses a conversation that is an object, an array or a boolean for that line only, with an invalid answer naming the line', async () => {
    const answers = await jsonl(
      [
        '{"question": "How much did Stargate promise?", "conversation": {}}',
        '{"question": "when?", "conversation": {"x": 1}}',
        '{"question": "How much will InvestAI mobilise?", "conversation": ["a"]}',
        '{"question": "How much will InvestAI mobilise?", "conversation": true}',
        '{"question": "How much will InvestAI mobilise?", "conversation": 12}',
      ].join('\n'),
    );
    expect(answers.map((a) => a.kind)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'answer']);
    expect(answers[0]!.answer).toBe('Line 1: "conversation" must be a string or a number, not an object.');
    expect(answers[2]!.answer).toBe('Line 3: "conversation" must be a string or a number, not an array.');
    expect(answers[3]!.answer).toBe('Line 4: "conversation" must be a string or a number, not a boolean.');
  });
});

/** A reader that takes one chunk per turn of the event loop, and records how much ever waited in its buffer. */
class SlowReader extends Writable {
  maxBuffered = 0;
  lines = 0;
  text = '';
  constructor(highWaterMark: number) {
    super({ highWaterMark });
    const write = this.write.bind(this) as (chunk: string) => boolean;
    this.write = ((chunk: string) => {
      const ok = write(chunk);
      this.maxBuffered = Math.max(this.maxBuffered, this.writableLength);
      return ok;
    }) as typeof this.write;
  }
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    this.lines += 1;
    setImmediate(done);
  }
}

describe('ask --jsonl: backpressure', () => {
  it('never buffers more than the reader asked for (plus the one answer that crossed the mark)', async () => {
    const questions = Array.from({ length: 300 }, (_, i) => (i % 2 ? `How much did Stargate promise? #${i}` : `How much will InvestAI mobilise? #${i}`));
    const reader = new SlowReader(4096);
    // All 300 lines arrive in one chunk: without waiting for 'drain', every answer would be written at once.
    const code = await runAsk(['--jsonl'], { stdin: Readable.from([`${questions.join('\n')}\n`]), stdout: reader, stderr: new PassThrough(), env: {} });
    expect(code).toBe(0);
    const lines = reader.text.trimEnd().split('\n');
    expect(lines).toHaveLength(300);
    const longest = Math.max(...lines.map((l) => Buffer.byteLength(l) + 1));
    expect(reader.maxBuffered).toBeLessThanOrEqual(4096 + longest);
    expect(JSON.parse(lines[299]!).answer).toContain('500 billion');
  });

  it('stops reading questions when the reader goes away', async () => {
    let pulled = 0;
    function* questions() {
      for (let i = 0; i < 10_000; i++) {
        pulled += 1;
        yield `How much will InvestAI mobilise? #${i}\n`;
      }
    }
    const reader = new Writable({
      highWaterMark: 1024,
      write(_chunk, _encoding, done) {
        // The reader reads three answers, then closes the pipe (as `| head -3` does).
        if (++seen >= 3) reader.destroy();
        else setImmediate(done);
      },
    });
    let seen = 0;
    const code = await runAsk(['--jsonl'], { stdin: Readable.from(questions()), stdout: reader, stderr: new PassThrough(), env: {} });
    expect(code).toBe(0);
    expect(pulled).toBeLessThan(10_000);
  });
});
